import { describe, expect, it } from 'vitest';
import {
  extendPegHistory,
  FINAL_AFTER_SECONDS,
  homePointFor,
  missingSlots,
  NEAR_NOW_HOURS,
  NO_ARCHIVE_REASON,
  plottedPeg,
  pointSchedule,
  worstDepeg,
  yieldCurve,
  type PegPoint,
  type PegSeries,
} from '../../lib/chain/peg-history';
import { ratioBps, WAD } from '../../lib/chain/units';
import { tokenBySymbol } from '../../lib/tokens/registry';
import { fakeChain } from './peg-history-fake';

const DAY = 86_400;
const HOUR = 3_600;
/** 2026-11-20 13:47:12 UTC: not on any grid. */
const NOW = Date.UTC(2026, 10, 20, 13, 47, 12) / 1000;

describe('pointSchedule', () => {
  const schedule = pointSchedule(NOW);

  it('has a point each UTC midnight of the 30-day window, every 6 h over the last 48 h, and now', () => {
    const midnights = schedule.filter((t) => t % DAY === 0);
    expect(midnights.length).toBe(30);
    expect(midnights[0]).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    expect(midnights[0]! - DAY).toBeLessThan(NOW - 30 * DAY);
    const near = schedule.filter((t) => t > NOW - NEAR_NOW_HOURS * HOUR && t < NOW);
    expect(near.length).toBe(8);
    for (const t of near) expect(t % (6 * HOUR)).toBe(0);
    expect(schedule[schedule.length - 1]).toBe(NOW);
    // 30 midnights + 8 six-hourly (2 of them midnights) + now.
    expect(schedule.length).toBe(30 + 8 - 2 + 1);
  });

  it('is ascending, without duplicates, and inside the window', () => {
    expect([...schedule].sort((a, b) => a - b)).toEqual(schedule);
    expect(new Set(schedule).size).toBe(schedule.length);
    for (const t of schedule) expect(t).toBeGreaterThanOrEqual(NOW - 30 * DAY);
  });

  it('keeps its grid as time passes: a later schedule shares every final slot still in its window', () => {
    const later = pointSchedule(NOW + DAY);
    const kept = schedule.filter((t) => t >= NOW + DAY - 30 * DAY && (t % DAY === 0 || t > NOW + DAY - NEAR_NOW_HOURS * HOUR) && t !== NOW);
    for (const t of kept) expect(later).toContain(t);
  });
});

const point = (at: number, pegBps: number | null, extra: Partial<PegPoint> = {}): PegPoint => ({
  at,
  timestamp: at,
  block: String(at),
  pegBps,
  redemption: WAD.toString(),
  market: null,
  source: null,
  rate: null,
  reason: pegBps === null ? 'no market' : null,
  live: false,
  ...extra,
});

describe('missingSlots, worstDepeg, yieldCurve, plottedPeg', () => {
  it('misses the slots with no final point: the live one and the last hour are read again', () => {
    const schedule = pointSchedule(NOW);
    const stored = schedule.map((at) => point(at, 0, { live: at === NOW }));
    // The 12:00 slot is 1 h 47 min old (final); now is live.
    expect(missingSlots(schedule, stored, NOW)).toEqual([NOW]);
    expect(missingSlots(schedule, stored, schedule[schedule.length - 2]! + FINAL_AFTER_SECONDS - 1)).toEqual(schedule.slice(-2));
    expect(missingSlots(schedule, [], NOW)).toEqual(schedule);
  });

  it('takes the lowest peg below par as the worst depeg, none when it never fell below', () => {
    expect(worstDepeg([point(1, -3), point(2, -40), point(3, null), point(4, -40), point(5, 12)])!.at).toBe(2);
    expect(worstDepeg([point(1, 0), point(2, 5)])).toBeNull();
    expect(worstDepeg([point(1, null)])).toBeNull();
    expect(plottedPeg([point(1, -3), point(2, null), point(3, 7)])).toEqual([-3, 7]);
  });

  it('annualizes the rate growth since the first read, a day on at least, within the APR bounds', () => {
    const r0 = 10n ** 18n;
    // +0.01% over 1 day = 3.65% a year; +0.1% over 10 days = 3.65%.
    const curve = yieldCurve([
      point(0, 0, { rate: r0.toString() }),
      point(HOUR, 0, { rate: (r0 + 10n ** 12n).toString() }),
      point(DAY, 0, { rate: (r0 + 10n ** 14n).toString() }),
      point(2 * DAY, 0, { rate: null }),
      point(10 * DAY, 0, { rate: (r0 + 10n ** 15n).toString() }),
      // +100% in 11 days: outside the bounds, left out.
      point(11 * DAY, 0, { rate: (2n * r0).toString() }),
    ]);
    expect(curve).toEqual([
      { at: DAY, aprBps: 365 },
      { at: 10 * DAY, aprBps: 365 },
    ]);
    expect(yieldCurve([point(0, 0)])).toEqual([]);
  });

  it("matches an L2 point to the home chain's point of the same time, or the nearest within an hour", () => {
    const home = { points: [point(0, 0), point(DAY, 0), point(DAY + 100, 0, { live: true })] } as PegSeries;
    expect(homePointFor(home, DAY)!.at).toBe(DAY);
    expect(homePointFor(home, DAY + 130)!.at).toBe(DAY + 100);
    expect(homePointFor(home, 2 * DAY)).toBeNull();
    expect(homePointFor(null, DAY)).toBeNull();
  });
});

const wsteth = tokenBySymbol('wstETH')!;

describe('extendPegHistory against a chain in memory', () => {
  const start = NOW - 40 * DAY;

  it('cold: every slot read at its block, one multicall per slot; the dip found as the worst depeg', async () => {
    const dip: [number, number] = [NOW - 12 * DAY - 3 * HOUR, NOW - 10 * DAY];
    const { chain, client } = fakeChain({ start, end: NOW, dip });
    const { series, reads } = await extendPegHistory(client, 1, [wsteth], {}, { now: () => 1 });
    const schedule = pointSchedule(chain.timestampOf(chain.numberAt(NOW)));
    const [s] = series;
    expect(s!.points.map((p) => p.at)).toEqual(schedule);
    expect(reads.calls).toBe(schedule.length);
    expect(chain.multicalls).toEqual(schedule.map((at) => chain.numberAt(at)));
    expect(reads.headers).toBe(chain.headers);
    for (const p of s!.points) {
      expect(p.block).toBe(chain.numberAt(p.at).toString());
      expect(p.timestamp).toBeLessThanOrEqual(p.at);
      expect(p.source).toMatch(/Curve/);
    }
    const worst = worstDepeg(s!.points)!;
    // The first midnight inside the dip: D−11 00:00 (the dip starts at D−12 10:47).
    expect(worst.at).toBe(Math.ceil(dip[0] / DAY) * DAY);
    expect(worst.timestamp! >= dip[0] && worst.timestamp! < dip[1]).toBe(true);
    // wstETH trades as stETH in the pool: market = get_dy × rate, peg = the pool's discount.
    expect(worst.pegBps).toBe(ratioBps(950_000_000_000_000_000n, WAD));
    expect(s!.points.filter((p) => p.pegBps === worst.pegBps).length).toBe(2);
    expect(s!.points.at(-1)!.live).toBe(true);
    expect(s!.reason).toBeNull();
  });

  it('warm a day later: the new day, the near-now slots and now; nothing older read again; the oldest day dropped', async () => {
    const { chain, client } = fakeChain({ start, end: NOW });
    const cold = await extendPegHistory(client, 1, [wsteth], {});
    const stored = { wstETH: cold.series[0]! };
    const before = chain.timestampOf(chain.numberAt(NOW));
    chain.end = NOW + DAY;
    chain.multicalls.length = 0;
    const warm = await extendPegHistory(client, 1, [wsteth], stored);
    const present = chain.timestampOf(chain.numberAt(NOW + DAY));
    const schedule = pointSchedule(present);
    const read = schedule.filter((at) => at > before - FINAL_AFTER_SECONDS);
    // 13:47 → 13:47 next day: 18:00, 00:00 (the new day), 06:00, 12:00, and now.
    expect(read.length).toBe(5);
    expect(read.filter((at) => at % DAY === 0).length).toBe(1);
    expect(warm.reads.calls).toBe(5);
    expect(chain.multicalls).toEqual(read.map((at) => chain.numberAt(at)));
    for (const n of chain.multicalls) expect(chain.timestampOf(n)).toBeGreaterThan(before - FINAL_AFTER_SECONDS);
    const s = warm.series[0]!;
    expect(s.points.map((p) => p.at)).toEqual(schedule);
    // Bounded: the window's oldest midnight went, and the 6-hourly slots older than 48 h.
    expect(s.points[0]!.at).toBeGreaterThanOrEqual(present - 30 * DAY);
    expect(s.points.length).toBe(schedule.length);
    expect(s.points.some((p) => p.at === cold.series[0]!.points[0]!.at)).toBe(false);

    // Asked again at the same block: only the live point.
    chain.multicalls.length = 0;
    const again = await extendPegHistory(client, 1, [wsteth], { wstETH: s });
    expect(again.reads.calls).toBe(1);
    expect(chain.multicalls).toEqual([chain.numberAt(NOW + DAY)]);
  });

  it('judges each rate against the one before it, as the live read does: an implausible jump is unavailable, not drawn', async () => {
    const { client } = fakeChain({ start, end: NOW });
    const cold = await extendPegHistory(client, 1, [wsteth], {});
    // Pretend the stored point just before the live one had a rate 5% higher: the live read then "fell" past the bounds.
    const points = cold.series[0]!.points.map((p, i, all) => (i === all.length - 2 ? { ...p, rate: ((BigInt(p.rate!) * 105n) / 100n).toString() } : p));
    const { client: again } = fakeChain({ start, end: NOW });
    const next = await extendPegHistory(again, 1, [wsteth], { wstETH: { ...cold.series[0]!, points } });
    const live = next.series[0]!.points.at(-1)!;
    expect(live.pegBps).toBeNull();
    expect(live.redemption).toBeNull();
    expect(live.reason).toMatch(/fell \d+ bps/);
  });

  it('an RPC without archive state: the reason instead of points, after one multicall', async () => {
    const { chain, client } = fakeChain({ start, end: NOW, archive: false });
    const { series, reads } = await extendPegHistory(client, 1, [wsteth], {});
    expect(series[0]!.points).toEqual([]);
    expect(series[0]!.reason).toBe(NO_ARCHIVE_REASON);
    expect(reads.calls).toBe(1);
    expect(chain.multicalls.length).toBe(1);
  });

  it('a slot before the chain began is a point with the reason, not a guess', async () => {
    const { client } = fakeChain({ start: NOW - 10 * DAY, end: NOW });
    const { series } = await extendPegHistory(client, 1, [wsteth], {});
    const early = series[0]!.points.filter((p) => p.at < NOW - 10 * DAY);
    expect(early.length).toBeGreaterThan(15);
    for (const p of early) {
      expect(p.pegBps).toBeNull();
      expect(p.block).toBeNull();
      expect(p.reason).toMatch(/before this chain's first block/);
    }
  });

  it("bridged: the L2 market at the L2 block against the home chain's redemption value at the same time", async () => {
    const home = fakeChain({ start, end: NOW });
    const homeSeries = (await extendPegHistory(home.client, 1, [wsteth], {})).series[0]!;
    const l2 = fakeChain({ chainId: 42161, start, end: NOW - 30, spacing: 2 });
    const { series } = await extendPegHistory(l2.client, 42161, [wsteth], {}, { home: { wstETH: homeSeries } });
    const s = series[0]!;
    expect(s.reason).toBeNull();
    expect(s.redemptionLabel).toMatch(/on Ethereum/);
    const feed = wsteth.deployments.find((d) => d.chainId === 42161)!.market.find((m) => m.kind === 'chainlink')!;
    expect(feed).toBeDefined();
    for (const p of s.points) {
      const homePoint = homePointFor(homeSeries, p.at)!;
      expect(p.redemption).toBe(homePoint.redemption);
      expect(p.rate).toBe(homePoint.rate);
      expect(p.pegBps).toBe(ratioBps(1_190_000_000_000_000_000n, BigInt(homePoint.redemption!)));
      expect(BigInt(p.block!)).toBe(l2.chain.numberAt(p.at));
    }
    // The home chain without archive state: its reason, at every L2 point.
    const noArchive = { ...homeSeries, points: [], reason: NO_ARCHIVE_REASON };
    const pruned = (await extendPegHistory(fakeChain({ chainId: 42161, start, end: NOW, spacing: 2 }).client, 42161, [wsteth], {}, { home: { wstETH: noArchive } })).series[0]!;
    for (const p of pruned.points) expect(p.reason).toBe(`the redemption value is unavailable: on Ethereum, ${NO_ARCHIVE_REASON}`);
    // Without the home series: the reason, not a number.
    const alone = (await extendPegHistory(fakeChain({ chainId: 42161, start, end: NOW, spacing: 2 }).client, 42161, [wsteth], {})).series[0]!;
    for (const p of alone.points) {
      expect(p.pegBps).toBeNull();
      expect(p.reason).toBe('the redemption value is unavailable: on Ethereum, no point was read there for this time');
    }
  });
});
