import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HISTORY_FRESH_MS, HISTORY_RETRY_MS, HistoryCache, historyKey, type ExtendFn } from '../../lib/cache/history-cache';
import { extendPegHistory, NO_ARCHIVE_REASON, pointSchedule, PROGRESS_EVERY, type PegSeries } from '../../lib/chain/peg-history';
import { tokenBySymbol } from '../../lib/tokens/registry';
import { fakeChain } from './peg-history-fake';

const DAY = 86_400;
const NOW = Date.UTC(2026, 10, 20, 13, 47, 12) / 1000;
const wsteth = tokenBySymbol('wstETH')!;
const steth = tokenBySymbol('stETH')!;

beforeEach(() => fakeBrowser.reset());

/** A clock the test moves. */
function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('HistoryCache over the real extension and a chain in memory', () => {
  it('cold reads the whole schedule once; within minutes nothing; a day later the new slots only', async () => {
    const fake = fakeChain({ start: NOW - 40 * DAY, end: NOW });
    const time = clock();
    const cache = new HistoryCache((chainId, tokens, stored, home, save) => extendPegHistory(fake.client, chainId, tokens, stored, { home, now: time.now, onProgress: save }), time.now);
    const refs = [{ token: wsteth, chainId: 1 }, { token: steth, chainId: 1 }];

    const [first] = await cache.get(refs);
    const schedule = pointSchedule(fake.chain.timestampOf(fake.chain.numberAt(NOW)));
    // Both tokens in one multicall per point.
    expect(fake.chain.multicalls.length).toBe(schedule.length);
    expect(cache.reads.calls).toBe(schedule.length);
    expect(first!.points.length).toBe(schedule.length);
    const stored = (await fakeBrowser.storage.local.get(historyKey(1, 'wstETH').replace('local:', '')))[historyKey(1, 'wstETH').replace('local:', '')] as PegSeries;
    expect(stored.points.length).toBe(schedule.length);

    fake.chain.multicalls.length = 0;
    time.t += HISTORY_FRESH_MS - 1;
    await cache.get(refs);
    expect(fake.chain.multicalls).toEqual([]);

    fake.chain.end = NOW + DAY;
    time.t += DAY * 1000;
    const [later] = await cache.get(refs);
    expect(fake.chain.multicalls.length).toBe(5);
    expect(cache.extensions).toBe(2);
    expect(later!.points.length).toBe(pointSchedule(fake.chain.timestampOf(fake.chain.numberAt(NOW + DAY))).length);
  });
});

const series = (symbol: string, chainId: number, readAt: number, extra: Partial<PegSeries> = {}): PegSeries => ({
  symbol,
  chainId,
  windowDays: 30,
  readAt,
  latestBlock: '1',
  latestTimestamp: 1,
  points: [{ at: 1, timestamp: 1, block: '1', pegBps: -3, redemption: '1', market: '1', source: 'x', rate: null, reason: null, live: false }],
  reason: null,
  error: null,
  errorAt: null,
  rateLabel: null,
  redemptionLabel: null,
  complete: true,
  ...extra,
});

describe('a worker stopped midway through a cold extension', () => {
  it('keeps the points saved so far, and the next worker reads only the rest', async () => {
    const key = historyKey(1, 'wstETH').replace('local:', '');
    const stuck = fakeChain({ start: NOW - 40 * DAY, end: NOW, hangAfter: 2 * PROGRESS_EVERY + 3 });
    const first = new HistoryCache((chainId, tokens, stored, home, save) => extendPegHistory(stuck.client, chainId, tokens, stored, { home, onProgress: save }));
    void first.get([{ token: wsteth, chainId: 1 }]);
    await expect.poll(async () => ((await fakeBrowser.storage.local.get(key))[key] as PegSeries | undefined)?.points.length).toBe(2 * PROGRESS_EVERY);
    const partial = (await fakeBrowser.storage.local.get(key))[key] as PegSeries;
    expect(partial.complete).toBe(false);

    // A new worker (a new cache over the same storage) goes on from there.
    const fake = fakeChain({ start: NOW - 40 * DAY, end: NOW });
    const next = new HistoryCache((chainId, tokens, stored, home, save) => extendPegHistory(fake.client, chainId, tokens, stored, { home, onProgress: save }));
    const [series] = await next.get([{ token: wsteth, chainId: 1 }]);
    const schedule = pointSchedule(fake.chain.timestampOf(fake.chain.numberAt(NOW)));
    expect(series!.complete).toBe(true);
    expect(series!.points.map((p) => p.at)).toEqual(schedule);
    expect(fake.chain.multicalls.length).toBe(schedule.length - 2 * PROGRESS_EVERY);
    expect(series!.points.slice(0, 2 * PROGRESS_EVERY)).toEqual(partial.points);
  });
});

describe('HistoryCache rules', () => {
  it('one extension in flight per token: concurrent asks share it', async () => {
    const time = clock();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const extend: ExtendFn = async (chainId, tokens) => {
      calls++;
      await gate;
      return { series: tokens.map((t) => series(t.symbol, chainId, time.now())), reads: { calls: 1, headers: 0, points: 1 } };
    };
    const cache = new HistoryCache(extend, time.now);
    const a = cache.get([{ token: wsteth, chainId: 1 }]);
    const peeked = await cache.peek([{ token: wsteth, chainId: 1 }]);
    expect(peeked[0]).toEqual({ series: null, pending: true });
    release();
    await a;
    await cache.settled();
    expect(calls).toBe(1);
    expect((await cache.peek([{ token: wsteth, chainId: 1 }]))[0]!.series!.points[0]!.pegBps).toBe(-3);
  });

  it('a failed extension keeps the points it had, says why, and waits before asking again', async () => {
    const time = clock();
    let fail = false;
    let calls = 0;
    const cache = new HistoryCache(async (chainId, tokens) => {
      calls++;
      if (fail) throw new Error('chain 1: rpc.example: HTTP 503');
      return { series: tokens.map((t) => series(t.symbol, chainId, time.now())), reads: { calls: 1, headers: 0, points: 1 } };
    }, time.now);
    const ref = [{ token: wsteth, chainId: 1 }];
    await cache.get(ref);
    fail = true;
    time.t += HISTORY_FRESH_MS + 1;
    const [kept] = await cache.get(ref);
    expect(kept!.points.length).toBe(1);
    expect(kept!.error).toMatch(/history not extended: chain 1: rpc.example: HTTP 503/);
    time.t += HISTORY_RETRY_MS - 1;
    await cache.get(ref);
    expect(calls).toBe(2);
    time.t += 2;
    await cache.get(ref);
    expect(calls).toBe(3);
  });

  it('a series without history (no archive state) is asked again after the retry time, not the fresh time', async () => {
    const time = clock();
    let calls = 0;
    const cache = new HistoryCache(async (chainId, tokens) => {
      calls++;
      return { series: tokens.map((t) => series(t.symbol, chainId, time.now(), { points: [], reason: NO_ARCHIVE_REASON })), reads: { calls: 1, headers: 0, points: 0 } };
    }, time.now);
    const ref = [{ token: wsteth, chainId: 1 }];
    expect((await cache.get(ref))[0]!.reason).toBe(NO_ARCHIVE_REASON);
    time.t += HISTORY_FRESH_MS + 1;
    await cache.get(ref);
    expect(calls).toBe(1);
    time.t += HISTORY_RETRY_MS;
    await cache.get(ref);
    expect(calls).toBe(2);
  });

  it("a bridged deployment extends its home chain's series first and gets it", async () => {
    const time = clock();
    const seen: { chainId: number; home: string[] }[] = [];
    const cache = new HistoryCache(async (chainId, tokens, _stored, home) => {
      seen.push({ chainId, home: Object.keys(home) });
      return { series: tokens.map((t) => series(t.symbol, chainId, time.now())), reads: { calls: 1, headers: 0, points: 1 } };
    }, time.now);
    await cache.get([{ token: wsteth, chainId: 42161 }]);
    expect(seen).toEqual([
      { chainId: 1, home: [] },
      { chainId: 42161, home: ['wstETH'] },
    ]);
  });

  it('passes what it stored to the next extension (the increment), and reads a stored value that no longer parses afresh', async () => {
    const time = clock();
    const given: (PegSeries | null)[] = [];
    const cache = new HistoryCache(async (chainId, tokens, stored) => {
      given.push(stored[tokens[0]!.symbol] ?? null);
      return { series: tokens.map((t) => series(t.symbol, chainId, time.now())), reads: { calls: 1, headers: 0, points: 1 } };
    }, time.now);
    await fakeBrowser.storage.local.set({ [historyKey(1, 'wstETH').replace('local:', '')]: { points: 'not a list' } });
    await cache.get([{ token: wsteth, chainId: 1 }]);
    time.t += HISTORY_FRESH_MS + 1;
    await cache.get([{ token: wsteth, chainId: 1 }]);
    expect(given[0]).toBeNull();
    expect(given[1]!.points.length).toBe(1);
  });
});
