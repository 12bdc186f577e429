import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FigureCache, FIGURES_TTL_MS } from '../../lib/cache/figure-cache';
import type { Figures } from '../../lib/chain/figures';
import type { TokenReadContext } from '../../lib/chain/plan';
import { tokenBySymbol } from '../../lib/tokens/registry';
import type { TokenEntry } from '../../lib/tokens/schema';
import { makeFigures } from './helpers';

const wsteth = tokenBySymbol('wstETH')!;
const weeth = tokenBySymbol('weETH')!;
const T0 = 1_760_000_000_000;

type Read = (chainId: number, tokens: TokenEntry[], contexts: Record<string, TokenReadContext>) => Promise<Figures[]>;

/** A clock the test moves, and a read that answers with figures stamped by it. */
function setup(rates: Record<string, string[]> = {}) {
  let clock = T0;
  const served: Record<string, number> = {};
  const read = vi.fn<Read>(async (_chainId, tokens) =>
    tokens.map((t) => {
      const n = (served[t.symbol] = (served[t.symbol] ?? 0) + 1);
      const value = rates[t.symbol]?.[n - 1] ?? '1216600000000000000';
      return makeFigures({
        symbol: t.symbol,
        readAt: clock,
        blockNumber: String(20_000_000 + n),
        blockTimestamp: 1_700_000_000 + n * 12,
        redemption: { value, label: t.redemption.label, reason: null },
      });
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

  it('passes the first read’s redemption value as previousRate to the next read', async () => {
    const t = setup({ wstETH: ['1216600000000000000', '1216700000000000000'] });
    const cache = new FigureCache(t.read, t.now);
    const [first] = await cache.get(ask(wsteth));
    expect(t.read.mock.calls[0]![2]).toEqual({ wstETH: {} });
    t.advance(FIGURES_TTL_MS);
    await cache.get(ask(wsteth));
    const context = t.read.mock.calls[1]![2].wstETH!;
    expect(context.previousRate).toEqual({ value: 1_216_600_000_000_000_000n, blockTimestamp: first!.figures!.blockTimestamp });
    t.advance(FIGURES_TTL_MS);
    await cache.get(ask(wsteth));
    expect(t.read.mock.calls[2]![2].wstETH!.previousRate?.value).toBe(1_216_700_000_000_000_000n);
  });

  it('keeps the last good rate when a read has no redemption value', async () => {
    let n = 0;
    const read = vi.fn<Read>(async (_c, tokens) =>
      tokens.map((tk) =>
        makeFigures({
          symbol: tk.symbol,
          readAt: T0 + n++,
          redemption: { value: n === 2 ? null : '1216600000000000000', label: 'x', reason: n === 2 ? 'out of bounds' : null },
        }),
      ),
    );
    const cache = new FigureCache(read, () => T0);
    await cache.get(ask(wsteth));
    await cache.get(ask(wsteth), { force: true });
    await cache.get(ask(wsteth), { force: true });
    expect(read.mock.calls[2]![2].wstETH!.previousRate?.value).toBe(1_216_600_000_000_000_000n);
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
