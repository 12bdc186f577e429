import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { YIELD_RETRY_MS, YIELD_TTL_MS, YieldCache } from '../../lib/cache/yield-cache';
import type { TokenYield } from '../../lib/chain/figures';
import { tokenBySymbol } from '../../lib/tokens/registry';
import type { TokenEntry } from '../../lib/tokens/schema';

const wsteth = { token: tokenBySymbol('wstETH')!, chainId: 1 };
const reth = { token: tokenBySymbol('rETH')!, chainId: 1 };

function result(symbol: string, readAt: number, aprBps = 290): TokenYield {
  return {
    symbol,
    chainId: 1,
    readAt,
    label: `${symbol} rate`,
    result: { symbol, toBlock: '10', toTimestamp: 0, windows: [{ days: 7, aprBps, fromBlock: '5', fromTimestamp: 0, reason: null }] },
    reason: null,
    storedSince: null,
  };
}

describe('YieldCache', () => {
  let now = 1_000_000;
  let calls: string[][];
  let release: (() => void)[];
  let cache: YieldCache;

  beforeEach(() => {
    fakeBrowser.reset();
    now = 1_000_000;
    calls = [];
    release = [];
    cache = new YieldCache(
      (_chainId, tokens: TokenEntry[]) =>
        new Promise((resolve) => {
          calls.push(tokens.map((t) => t.symbol));
          release.push(() => resolve(tokens.map((t) => result(t.symbol, now))));
        }),
      () => now,
    );
  });

  it('answers at once, reads in the background, then serves the stored result', async () => {
    const first = await cache.peek([wsteth]);
    expect(first[0]).toEqual({ value: null, pending: true });
    expect(calls).toEqual([['wstETH']]);
    release.shift()!();
    await cache.settled();
    const second = await cache.peek([wsteth]);
    expect(second[0]!.pending).toBe(false);
    expect(second[0]!.value?.result?.windows[0]?.aprBps).toBe(290);
    expect(calls).toHaveLength(1);
  });

  it('starts a second read for a token that joined while another read was running', async () => {
    await cache.peek([wsteth]);
    const [later] = await cache.peek([wsteth, reth]);
    expect(later!.pending).toBe(true);
    expect(calls).toEqual([['wstETH'], ['rETH']]);
    release.forEach((r) => r());
    await cache.settled();
    const both = await cache.peek([wsteth, reth]);
    expect(both.map((b) => b.value?.symbol)).toEqual(['wstETH', 'rETH']);
    expect(calls).toHaveLength(2);
  });

  it('reads again after the TTL, and retries a failed read sooner', async () => {
    await cache.peek([wsteth]);
    release.shift()!();
    await cache.settled();
    now += YIELD_TTL_MS - 1;
    await cache.peek([wsteth]);
    expect(calls).toHaveLength(1);
    now += 2;
    await cache.peek([wsteth]);
    expect(calls).toHaveLength(2);

    const failing = new YieldCache(async () => {
      throw new Error('RPC down');
    }, () => now);
    await failing.peek([reth]);
    await failing.settled();
    const [failed] = await failing.peek([reth]);
    expect(failed!.value?.reason).toMatch(/RPC down/);
    expect(failing.reads).toBe(1);
    now += YIELD_RETRY_MS + 1;
    await failing.peek([reth]);
    expect(failing.reads).toBe(2);
  });
});
