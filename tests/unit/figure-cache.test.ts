import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FigureCache, FIGURES_TTL_MS } from '../../lib/cache/figure-cache';
import { ALLOCATIONS_TTL_MS } from '../../lib/chain/figures';
import type { Figures, RateMove } from '../../lib/chain/figures';
import type { TokenReadContext } from '../../lib/chain/plan';
import type { RateState } from '../../lib/chain/rate-trust';
import type { ChainReadResult } from '../../lib/chain/read';
import { tokenBySymbol } from '../../lib/tokens/registry';
import type { TokenEntry } from '../../lib/tokens/schema';
import { makeFigures } from './helpers';

const wsteth = tokenBySymbol('wstETH')!;
const weeth = tokenBySymbol('weETH')!;
const T0 = 1_760_000_000_000;

type Read = (chainId: number, tokens: TokenEntry[], contexts: Record<string, TokenReadContext>, options: { force: boolean; unseen: boolean }) => Promise<ChainReadResult[]>;

const redemption = (value: string | null, label: string, over: Partial<Figures['redemption']> = {}): Figures['redemption'] => ({
  value,
  label,
  reason: value === null ? 'not trusted' : null,
  read: value,
  move: null,
  checks: [],
  ...over,
});

/** The trust state a read of these figures keeps, as readChain hands it back for a trusted value. */
const stateOf = (f: Figures): RateState => ({ value: f.redemption.value, blockNumber: f.blockNumber, blockTimestamp: f.blockTimestamp, move: f.redemption.move });

/** A clock the test moves, and a read that answers with figures stamped by it, and the trust state they leave. */
function setup(rates: Record<string, string[]> = {}) {
  let clock = T0;
  const served: Record<string, number> = {};
  const read = vi.fn<Read>(async (_chainId, tokens) =>
    tokens.map((t) => {
      const n = (served[t.symbol] = (served[t.symbol] ?? 0) + 1);
      const value = rates[t.symbol]?.[n - 1] ?? '1216600000000000000';
      const figures = makeFigures({
        symbol: t.symbol,
        readAt: clock,
        blockNumber: String(20_000_000 + n),
        blockTimestamp: 1_700_000_000 + n * 12,
        redemption: redemption(value, t.redemption.label),
      });
      return { figures, rateState: stateOf(figures) };
    }),
  );
  return {
    read,
    now: () => clock,
    advance: (ms: number) => (clock += ms),
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const restakingReading: NonNullable<Figures['restaking']> = {
  strategy: 'beacon chain ETH',
  covers: 'test',
  undelegatedShares: '0',
  operators: [],
  slashableBps: null,
  setCount: 0,
  unlisted: [],
  missing: [],
  allocationsReadAt: null,
  reason: 'no holder to read',
};

const ask = (...tokens: TokenEntry[]) => tokens.map((token) => ({ token, chainId: 1 }));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('FigureCache', () => {
  it('reads once on the first get and stores the figures', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    const [reply] = await cache.get(ask(wsteth));
    expect(t.read).toHaveBeenCalledTimes(1);
    expect(cache.reads).toBe(1);
    expect(t.read.mock.calls[0]![0]).toBe(1);
    expect(t.read.mock.calls[0]![1].map((x) => x.symbol)).toEqual(['wstETH']);
    expect(reply).toMatchObject({ symbol: 'wstETH', chainId: 1, stale: false, error: null });
    expect(reply!.figures?.readAt).toBe(T0);
    const stored = await fakeBrowser.storage.session.get('figures:1:wstETH');
    expect(stored['figures:1:wstETH']).toMatchObject({ figures: { symbol: 'wstETH', readAt: T0 }, error: null });
  });

  it('reads several tokens of one chain in one read', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    const replies = await cache.get(ask(wsteth, weeth));
    expect(t.read).toHaveBeenCalledTimes(1);
    expect(replies.map((r) => r.figures?.symbol)).toEqual(['wstETH', 'weETH']);
  });

  it('reads nothing on a second get within the TTL', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    await cache.get(ask(wsteth));
    t.advance(FIGURES_TTL_MS - 1);
    const [reply] = await cache.get(ask(wsteth));
    expect(t.read).toHaveBeenCalledTimes(1);
    expect(cache.reads).toBe(1);
    expect(reply!.stale).toBe(false);
    expect(reply!.figures?.readAt).toBe(T0);
  });

  it('reads again once the TTL has passed', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    await cache.get(ask(wsteth));
    t.advance(FIGURES_TTL_MS);
    const [reply] = await cache.get(ask(wsteth));
    expect(t.read).toHaveBeenCalledTimes(2);
    expect(cache.reads).toBe(2);
    expect(reply!.figures?.readAt).toBe(T0 + FIGURES_TTL_MS);
    expect(reply!.stale).toBe(false);
  });

  it('honours an injected TTL', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now, 1_000);
    await cache.get(ask(wsteth));
    t.advance(999);
    await cache.get(ask(wsteth));
    expect(t.read).toHaveBeenCalledTimes(1);
    t.advance(1);
    await cache.get(ask(wsteth));
    expect(t.read).toHaveBeenCalledTimes(2);
  });

  it('shares one read between concurrent gets for the same token', async () => {
    const t = setup();
    const gate = deferred<void>();
    const read = vi.fn<Read>(async (...args) => {
      await gate.promise;
      return t.read(...args);
    });
    const cache = new FigureCache(read, t.now);
    const first = cache.get(ask(wsteth));
    const second = cache.get(ask(wsteth));
    // let both gets reach the read before it answers
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10));
    gate.resolve();
    const [[a], [b]] = await Promise.all([first, second]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(cache.reads).toBe(1);
    expect(a!.figures).toEqual(b!.figures);
    expect(a!.figures?.symbol).toBe('wstETH');
    expect(b!.stale).toBe(false);
  });

  it('answers from storage after a worker restart, without reading', async () => {
    const t = setup();
    await new FigureCache(t.read, t.now).get(ask(wsteth));
    expect(t.read).toHaveBeenCalledTimes(1);
    const other = setup();
    const restarted = new FigureCache(other.read, t.now);
    const [reply] = await restarted.get(ask(wsteth));
    expect(other.read).not.toHaveBeenCalled();
    expect(restarted.reads).toBe(0);
    expect(reply!.figures?.readAt).toBe(T0);
    expect(reply!.stale).toBe(false);
  });

  it('keeps the old figures with the error when a later read fails', async () => {
    const t = setup();
    let fail = false;
    const read = vi.fn<Read>((...args) => (fail ? Promise.reject(new Error('rpc down')) : t.read(...args)));
    const cache = new FigureCache(read, t.now);
    const [good] = await cache.get(ask(wsteth));
    fail = true;
    t.advance(FIGURES_TTL_MS + 1);
    const [bad] = await cache.get(ask(wsteth));
    expect(read).toHaveBeenCalledTimes(2);
    expect(bad!.figures).toEqual(good!.figures);
    expect(bad!.error).toBe('rpc down');
    expect(bad!.stale).toBe(true);
    const peeked = await cache.peek(ask(wsteth));
    expect(peeked[0]).toMatchObject({ error: 'rpc down', stale: true });
    expect(peeked[0]!.figures?.readAt).toBe(T0);
  });

  it('records the error with no figures when the very first read fails', async () => {
    const cache = new FigureCache(() => Promise.reject(new Error('no endpoint')), () => T0);
    const [reply] = await cache.get(ask(weeth));
    expect(reply).toMatchObject({ figures: null, error: 'no endpoint', stale: true });
  });

  it('reads again after a failed refresh even within the TTL, and clears the error on success', async () => {
    const t = setup();
    let fail = false;
    const read = vi.fn<Read>((...args) => (fail ? Promise.reject(new Error('rpc down')) : t.read(...args)));
    const cache = new FigureCache(read, t.now);
    await cache.get(ask(wsteth));
    fail = true;
    await cache.get(ask(wsteth), { force: true });
    fail = false;
    const [reply] = await cache.get(ask(wsteth));
    expect(read).toHaveBeenCalledTimes(3);
    expect(reply!.error).toBeNull();
    expect(reply!.stale).toBe(false);
  });

  it('re-reads when forced, even within the TTL', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    await cache.get(ask(wsteth));
    t.advance(1_000);
    const [reply] = await cache.get(ask(wsteth), { force: true });
    expect(t.read).toHaveBeenCalledTimes(2);
    expect(reply!.figures?.readAt).toBe(T0 + 1_000);
  });

  it('passes the stored rate state to the next read', async () => {
    const t = setup({ wstETH: ['1216600000000000000', '1216700000000000000', '1216800000000000000'] });
    const cache = new FigureCache(t.read, t.now);
    const [first] = await cache.get(ask(wsteth));
    // nothing trusted yet on the first read
    expect(t.read.mock.calls[0]![2]).toEqual({ wstETH: { rateState: null, earlierRestaking: null } });
    t.advance(FIGURES_TTL_MS);
    await cache.get(ask(wsteth));
    const context = t.read.mock.calls[1]![2].wstETH!;
    expect(context.rateState).toEqual({
      value: '1216600000000000000',
      blockNumber: first!.figures!.blockNumber,
      blockTimestamp: first!.figures!.blockTimestamp,
      move: null,
    });
    t.advance(FIGURES_TTL_MS);
    await cache.get(ask(wsteth));
    expect(t.read.mock.calls[2]![2].wstETH!.rateState?.value).toBe('1216700000000000000');
    // kept in local storage: it survives the browser session, unlike the figures
    const stored = await fakeBrowser.storage.local.get('rate:1:wstETH');
    expect(stored['rate:1:wstETH']).toMatchObject({ value: '1216800000000000000', blockNumber: '20000003' });
  });

  it('keeps the stored rate state when a read hands none back (nothing to keep)', async () => {
    let n = 0;
    const read = vi.fn<Read>(async (_c, tokens) =>
      tokens.map((tk) => {
        n++;
        const figures = makeFigures({ symbol: tk.symbol, readAt: T0 + n, blockNumber: String(20_000_000 + n), redemption: redemption(n === 2 ? null : '1216600000000000000', 'x') });
        return n === 2 ? { figures } : { figures, rateState: stateOf(figures) };
      }),
    );
    const cache = new FigureCache(read, () => T0);
    await cache.get(ask(wsteth));
    await cache.get(ask(wsteth), { force: true });
    await cache.get(ask(wsteth), { force: true });
    expect(read.mock.calls[2]![2].wstETH!.rateState).toMatchObject({ value: '1216600000000000000', blockNumber: '20000001' });
  });

  it('reads a rate stored by an older version ({ value, blockTimestamp }) as a trust state', async () => {
    await fakeBrowser.storage.local.set({ 'rate:1:wstETH': { value: '1216600000000000000', blockTimestamp: 1_700_000_000 } });
    const t = setup();
    await new FigureCache(t.read, t.now).get(ask(wsteth));
    expect(t.read.mock.calls[0]![2].wstETH!.rateState).toEqual({ value: '1216600000000000000', blockNumber: null, blockTimestamp: 1_700_000_000, move: null });
  });

  it('tells the read whether the user forced it', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    await cache.get(ask(wsteth));
    await cache.get(ask(wsteth), { force: true });
    expect(t.read.mock.calls.map((c) => c[3])).toEqual([{ force: false, unseen: false }, { force: true, unseen: false }]);
  });

  it('with maxAgeMs, reads again what is younger than the TTL but older than asked', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    await cache.get(ask(wsteth));
    t.advance(30_000);
    await cache.get(ask(wsteth), { maxAgeMs: 40_000 });
    expect(t.read).toHaveBeenCalledTimes(1);
    await cache.get(ask(wsteth), { maxAgeMs: 20_000 });
    expect(t.read).toHaveBeenCalledTimes(2);
  });

  it('tells onUnconfirmed of the tokens whose value moved with no second source yet', async () => {
    const move: RateMove = {
      direction: 'fall', from: '1216600000000000000', fromBlock: '20000000', fromTimestamp: 1_700_000_000, to: '1100000000000000000', bps: 958,
      since: 1_700_000_012, sinceBlock: '20000001', read: 'wstETH.stEthPerToken()', confirmed: false, confirmedBy: null, confirmedAt: null,
    };
    let confirmed = false;
    const read = vi.fn<Read>(async (_c, tokens) =>
      tokens.map((tk) => ({
        figures: makeFigures({ symbol: tk.symbol, readAt: T0, redemption: redemption(null, 'x', tk.symbol === 'wstETH' ? { move: { ...move, confirmed } } : {}) }),
      })),
    );
    const cache = new FigureCache(read, () => T0);
    const told = vi.fn();
    cache.onUnconfirmed = told;
    await cache.get(ask(wsteth, weeth));
    expect(told).toHaveBeenCalledTimes(1);
    expect(told).toHaveBeenCalledWith([{ symbol: 'wstETH', chainId: 1 }]);
    confirmed = true;
    await cache.get(ask(wsteth, weeth), { force: true });
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('carries an LRT’s allocations while they are young, always on unseen refreshes, and reads them for whoever looks once old', async () => {
    let clock = T0;
    // As readChain does: the allocations keep the carried reading's stamp, or take this read's.
    const read = vi.fn<Read>(async (_c, tokens, contexts) =>
      tokens.map((tk) => {
        const earlier = contexts[tk.symbol]?.earlierRestaking ?? null;
        const restaking = { ...restakingReading, allocationsReadAt: earlier ? earlier.allocationsReadAt : clock };
        return { figures: makeFigures({ symbol: tk.symbol, readAt: clock, restaking }) };
      }),
    );
    const rseth = ask(tokenBySymbol('rsETH')!);
    const cache = new FigureCache(read, () => clock);
    const carried = () => read.mock.calls.at(-1)![2].rsETH!.earlierRestaking?.allocationsReadAt ?? null;
    await cache.get(rseth);
    expect(carried()).toBeNull();
    clock += FIGURES_TTL_MS;
    await cache.get(rseth);
    expect(carried()).toBe(T0);
    // Unseen minute refreshes carry them past their TTL...
    for (let minute = 0; minute < 12; minute++) {
      clock += FIGURES_TTL_MS;
      await cache.get(rseth, { unseen: true, maxAgeMs: 50_000 });
      expect(carried()).toBe(T0);
    }
    expect(clock - T0).toBeGreaterThan(ALLOCATIONS_TTL_MS);
    // ...and whoever looks next has them read, though the figures are fresh.
    clock += 1_000;
    const calls = read.mock.calls.length;
    const [reply] = await cache.get(rseth);
    expect(read.mock.calls.length).toBe(calls + 1);
    expect(carried()).toBeNull();
    expect(reply!.figures!.restaking!.allocationsReadAt).toBe(clock);
    // A forced read reads them too, while still young.
    clock += 1_000;
    await cache.get(rseth, { force: true });
    expect(carried()).toBeNull();
  });

  it('keeps chains apart', async () => {
    const t = setup();
    const cache = new FigureCache(t.read, t.now);
    await cache.get([{ token: wsteth, chainId: 1 }]);
    const [other] = await cache.peek([{ token: wsteth, chainId: 42161 }]);
    expect(other!.figures).toBeNull();
    expect(other!.stale).toBe(true);
  });
});
