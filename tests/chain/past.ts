import { tokenExpectations, type MainnetScenario, type RateSymbol } from './mainnet';

/*
 * Weeks of history for the realized-yield figures: every protocol rate grows at its own APR,
 * written in irregular steps (blocks hours to days apart) up to the present. The rate at time t is
 * built so that (rate(now) / rate(t) − 1) × year / (now − t) is exactly the APR for every t: any
 * window, measured over its actual elapsed time, shows that APR.
 */

const HOUR = 3_600;
export const DAY = 86_400;
const YEAR = 365 * DAY;
/** Gaps between history blocks, in hours, cycled: irregular like missed slots and quiet L2s. */
const STEP_HOURS = [9, 31, 17, 46, 5, 23, 60, 14];

/** Realized APR (bps) each token's rate grows at in the local chain's history. */
export const HISTORY_APR_BPS: Record<RateSymbol, bigint> = {
  wstETH: 290n,
  weETH: 280n,
  rETH: 270n,
  cbETH: 285n,
  sfrxETH: 310n,
  osETH: 260n,
  ETHx: 300n,
  mETH: 320n,
  swETH: 290n,
  rswETH: 260n,
  LsETH: 280n,
  ankrETH: 250n,
  ezETH: 300n,
  rsETH: 270n,
  pufETH: 290n,
};

export function rateAt(t: number, present: number, rateNow: bigint, aprBps: bigint): bigint {
  const scale = BigInt(YEAR) * 10_000n;
  return (rateNow * scale) / (scale + aprBps * BigInt(present - t));
}

/**
 * Writes the history from the chain's current time up to `present` (wall clock by default). The
 * node must have started with a genesis `days` or more in the past (startAnvil's `timestamp`).
 */
export async function writeRateHistory(chain: MainnetScenario, from: number, present = Math.floor(Date.now() / 1000)): Promise<number> {
  const today = tokenExpectations(chain.values());
  let blocks = 0;
  for (let t = from, i = 0; ; i++) {
    const at = Math.min(t, present);
    await chain.inOneBlockAt(at, async () => {
      for (const symbol of Object.keys(HISTORY_APR_BPS) as RateSymbol[]) {
        await chain.setRate(symbol, rateAt(at, present, today[symbol].rate, HISTORY_APR_BPS[symbol]));
      }
    });
    blocks++;
    if (at === present) return blocks;
    t += STEP_HOURS[i % STEP_HOURS.length]! * HOUR;
  }
}
