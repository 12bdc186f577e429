import type { MainnetValues } from './mainnet';

/*
 * What the test contracts answer, computed here from the scenario's values by their own formulas,
 * independently of the extension's code: the e2e and integration tests compare against these.
 */

const E18 = 10n ** 18n;

/** Curve test pool: get_dy(1, 0, dx). */
export function curveStethOut(dx: bigint, v: MainnetValues): bigint {
  return (((((dx * v.curveStethPrice) / E18) * v.curveStethDepth) / (v.curveStethDepth + dx)) * (10_000n - v.curveFeeBps)) / 10_000n;
}

/** (market / redemption − 1) in bps, rounded to nearest. */
export function pegBps(market: bigint, redemption: bigint): number {
  return Math.round((Number((market * 10n ** 9n) / redemption) / 1e9 - 1) * 10_000);
}

/** The peg Stakelens should show for wstETH: Curve's 1-stETH quote against stETH's 1:1 claim. */
export function expectedWstethPeg(v: MainnetValues): number {
  return pegBps(curveStethOut(E18, v), E18);
}

/** weETH: the Uniswap pool's price against getRate(); ±1 bps for the sqrt price's rounding. */
export function expectedWeethPeg(v: MainnetValues): number {
  return pegBps(v.weethPoolPrice, v.weethRate);
}
