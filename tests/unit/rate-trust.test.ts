import { describe, expect, it } from 'vitest';
import { CONFIRM_TOLERANCE_BPS, FALL_MEMORY_SECONDS, judgeRate, nextRateState, type Evidence, type RateBounds, type RateState } from '../../lib/chain/rate-trust';
import { judgedRead } from '../../lib/chain/redemption';
import { WAD } from '../../lib/chain/units';
import { registry, tokenBySymbol } from '../../lib/tokens/registry';

const RATE = 1_050_000_000_000_000_000n; // 1.05 ETH per token
const bp = RATE / 10_000n;
const bounds: RateBounds = { min: (9n * WAD) / 10n, max: 2n * WAD, maxRiseBpsPerDay: 10, maxFallBps: 100 };
const T = 1_780_000_000;
const block = (timestamp = T, number = 26_400_100n) => ({ number, timestamp });
const trusted = (value = RATE, at = T - 3_600): RateState => ({ value: value.toString(), blockNumber: '26400000', blockTimestamp: at, move: null });
const judge = (read: bigint, state: RateState | null = trusted(), evidence: Evidence[] = [], at = block()) =>
  judgeRate({ label: 'LRTOracle.rsETHPrice()', protocol: 'Kelp', bounds, read, block: at, state, evidence });
const feed = (value: bigint | null, reason: string | null = null): Evidence => ({ label: 'Chainlink rsETH / ETH Exchange Rate', kind: 'feed', value, reason });
const minus = (bps: bigint) => RATE - bps * bp;

describe('judgeRate: a read within the bounds is trusted at once', () => {
  it('trusts a first read inside the plausible range, with no move', () => {
    expect(judge(RATE, null)).toMatchObject({ value: RATE, reason: null, move: null, wantsPastRead: false });
  });

  it('trusts a normal rise and a small fall; the fall is on record, backed by the bounds', () => {
    expect(judge(RATE + 5n * bp)).toMatchObject({ value: RATE + 5n * bp, move: null });
    const small = judge(minus(40n));
    expect(small.value).toBe(minus(40n));
    expect(small.move).toMatchObject({ direction: 'fall', bps: 40, from: RATE.toString(), confirmed: true, since: T });
    expect(small.move!.confirmedBy).toMatch(/within the bounds/);
  });

  it('never trusts 0 or a value above the plausible maximum, and asks no second source', () => {
    expect(judge(0n)).toMatchObject({ value: null, move: null, wantsPastRead: false });
    expect(judge(0n).reason).toMatch(/not a rate/);
    const high = judge(3n * WAD, trusted(), [feed(3n * WAD)]);
    expect(high.value).toBeNull();
    expect(high.reason).toMatch(/outside the plausible 0\.9–2/);
  });
});

describe('judgeRate: a move past the bounds waits for a second source', () => {
  it('shows an 8% fall at once, unconfirmed, beside the last trusted value, and wants the older block', () => {
    const fall = judge(minus(800n));
    expect(fall.value).toBeNull();
    expect(fall.wantsPastRead).toBe(true);
    expect(fall.reason).toMatch(/fell 800 bps to 0\.966 since the last trusted read \(1\.05\); not used until a second source agrees/);
    expect(fall.move).toMatchObject({ direction: 'fall', from: RATE.toString(), to: minus(800n).toString(), bps: 800, confirmed: false, confirmedBy: null, since: T, sinceBlock: '26400100' });
  });

  it('is confirmed, and trusted, when the exchange-rate feed agrees within the tolerance', () => {
    const read = minus(800n);
    const near = read - (read * BigInt(CONFIRM_TOLERANCE_BPS)) / 10_000n + 1n;
    const fall = judge(read, trusted(), [feed(near)]);
    expect(fall.value).toBe(read);
    expect(fall.move).toMatchObject({ confirmed: true, confirmedBy: 'Chainlink rsETH / ETH Exchange Rate agrees', confirmedAt: T });
    expect(fall.checks).toEqual([{ label: 'Chainlink rsETH / ETH Exchange Rate', kind: 'feed', value: near.toString(), agrees: true, reason: null }]);
    expect(fall.wantsPastRead).toBe(false);
  });

  it('stays unconfirmed when the feed still says the old value, or has none', () => {
    const disagrees = judge(minus(800n), trusted(), [feed(RATE)]);
    expect(disagrees.value).toBeNull();
    expect(disagrees.checks[0]!.agrees).toBe(false);
    const stale = judge(minus(800n), trusted(), [feed(null, 'Chainlink rsETH / ETH Exchange Rate is stale')]);
    expect(stale.value).toBeNull();
    expect(stale.checks[0]).toMatchObject({ agrees: null, reason: expect.stringMatching(/stale/) });
  });

  it('is confirmed by the same read at a block two minutes older giving the new value', () => {
    const read = minus(800n);
    const past: Evidence = { label: 'LRTOracle.rsETHPrice() at block 26400090, 2 min earlier', kind: 'past-block', value: read, reason: null };
    const fall = judge(read, trusted(), [past]);
    expect(fall.value).toBe(read);
    expect(fall.move!.confirmedBy).toBe('LRTOracle.rsETHPrice() at block 26400090, 2 min earlier agrees');
  });

  it('treats a value under the plausible minimum as a fall: a collapse is shown, and confirmed like any other', () => {
    const collapse = judge(WAD / 2n);
    expect(collapse.value).toBeNull();
    expect(collapse.move).toMatchObject({ direction: 'fall', bps: 5238, confirmed: false });
    expect(judge(WAD / 2n, trusted(), [feed(WAD / 2n)]).value).toBe(WAD / 2n);
    // No trusted value before it (a first read during a collapse): no size, still a move.
    expect(judge(WAD / 2n, null).move).toMatchObject({ from: null, bps: null, confirmed: false });
  });

  it('holds a rise faster than the protocol allows until a second source agrees; a confirmed rise leaves no move', () => {
    const rise = judge(RATE + 50n * bp);
    expect(rise.value).toBeNull();
    expect(rise.reason).toMatch(/rose 50 bps since the last trusted read, faster than Kelp allows/);
    expect(rise.move).toMatchObject({ direction: 'rise', confirmed: false });
    expect(judge(RATE + 50n * bp, trusted(), [feed(RATE + 50n * bp)])).toMatchObject({ value: RATE + 50n * bp, move: null });
  });

  it('allows a rise in proportion to the days since the last trusted read, and at least one day', () => {
    const threeDays = trusted(RATE, T - 3 * 86_400);
    expect(judge(RATE + 29n * bp, threeDays).value).toBe(RATE + 29n * bp);
    expect(judge(RATE + 31n * bp, threeDays)).toMatchObject({ value: null, move: { direction: 'rise' } });
    const minute = trusted(RATE, T - 60);
    expect(judge(RATE + 10n * bp, minute).value).toBe(RATE + 10n * bp);
    expect(judge(RATE + 11n * bp, minute).value).toBeNull();
  });

  it('trusts a fall of exactly maxFallBps at once, and holds one a bp further', () => {
    expect(judge(minus(100n)).value).toBe(minus(100n));
    expect(judge(minus(101n))).toMatchObject({ value: null, wantsPastRead: true, move: { direction: 'fall', bps: 101, confirmed: false } });
  });

  it('ignores a trusted value from a later block (a lagging endpoint answered)', () => {
    expect(judge(minus(800n), trusted(RATE, T + 60)).value).toBe(minus(800n));
  });
});

describe('judgeRate: a fall stays on record', () => {
  const confirmedFall = (): RateState => {
    const first = judge(minus(800n), trusted(), [feed(minus(800n))]);
    return nextRateState(trusted(), first, block())!;
  };

  it('keeps the fall, its start and what backed it on the next reads, measured from the value before it', () => {
    const state = confirmedFall();
    expect(state.value).toBe(minus(800n).toString());
    const later = judge(minus(800n), state, [], block(T + 600, 26_400_150n));
    expect(later.value).toBe(minus(800n));
    expect(later.move).toMatchObject({ direction: 'fall', from: RATE.toString(), bps: 800, confirmed: true, since: T, confirmedAt: T });
  });

  it('measures a further fall from the value before the first one', () => {
    const deeper = judge(minus(850n), confirmedFall(), [], block(T + 600));
    expect(deeper.move).toMatchObject({ from: RATE.toString(), bps: 850, since: T, confirmed: true });
  });

  it('ends when the value is back, or after its memory', () => {
    expect(judge(RATE, confirmedFall(), [], block(T + 600)).move).toBeNull();
    expect(judge(minus(800n), confirmedFall(), [], block(T + FALL_MEMORY_SECONDS + 1)).move).toBeNull();
  });

  it('keeps the trusted value while a move is unconfirmed, and its first sight across reads', () => {
    const first = judge(minus(800n));
    const state = nextRateState(trusted(), first, block())!;
    expect(state.value).toBe(RATE.toString());
    expect(state.move).toMatchObject({ confirmed: false, since: T });
    const again = judge(minus(800n), state, [], block(T + 60, 26_400_105n));
    expect(again.move).toMatchObject({ confirmed: false, since: T });
    expect(again.reason).toMatch(/since the last trusted read \(1\.05\)/);
  });

  it('a glitch that goes away leaves the trusted value as it was, with no move', () => {
    const state = nextRateState(trusted(), judge(minus(800n)), block())!;
    const back = judge(RATE, state, [], block(T + 60));
    expect(back).toMatchObject({ value: RATE, move: null });
  });
});

describe('judgeRate with the registry: one rule for every kind of redemption', () => {
  it('judges a tvl-ratio redemption (ezETH) against its own bounds, like any other', () => {
    const ezeth = tokenBySymbol('ezETH')!;
    expect(ezeth.redemption.kind).toBe('tvl-ratio');
    const judged = judgedRead(ezeth)!;
    expect(judged.label).toBe(ezeth.redemption.label);
    const run = (read: bigint) => judgeRate({ label: judged.label, protocol: ezeth.protocol, bounds: judged.bounds, read, block: block(), state: null, evidence: [] });
    expect(run(ezeth.rateHint).value).toBe(ezeth.rateHint);
    const high = run(judged.bounds.max + 1n);
    expect(high.value).toBeNull();
    expect(high.reason).toMatch(/calculateTVLs.*outside the plausible/);
  });

  it("judges a 1:1 token's share rate, not its 1:1 claim, and a 1:1 token without one is not judged at all", () => {
    const steth = tokenBySymbol('stETH')!;
    expect(steth.redemption.kind).toBe('pegged');
    expect(judgedRead(steth)!.label).toMatch(/getPooledEthByShares/);
    const plain = registry.filter((t) => t.redemption.kind === 'pegged' && !t.redemption.shareRate);
    expect(plain.length).toBeGreaterThan(0);
    for (const token of plain) expect(judgedRead(token), token.symbol).toBeNull();
  });
});
