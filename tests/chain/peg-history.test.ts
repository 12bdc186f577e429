// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, type PublicClient } from 'viem';
import { mainnet } from 'viem/chains';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryCache } from '../../lib/cache/history-cache';
import { createHistoryService } from '../../lib/cache/history-service';
import { extendPegHistory, FINAL_AFTER_SECONDS, homePointFor, NO_ARCHIVE_REASON, pointSchedule, worstDepeg, yieldCurve, type PegSeries } from '../../lib/chain/peg-history';
import { ratioBps, WAD } from '../../lib/chain/units';
import { tokenBySymbol } from '../../lib/tokens/registry';
import type { TokenEntry } from '../../lib/tokens/schema';
import { curvePoolAbi } from './abis';
import { rpc, startAnvil, type AnvilNode } from './anvil';
import { startPrunedAnvil } from './history-anvil';
import { DAY, HOUR, WSTETH_APR_BPS, lastAtOrBefore, writeHistory, type History } from './history-chain';
import { startHistoryProxy, type HistoryProxy } from './history-proxy';
import { L2_BLOCK_NUMBERS, L2_DEFAULT_VALUES, L2_VIEM_CHAINS, seedL2 } from './l2';
import { ADDRESSES, DEFAULT_MAINNET_VALUES, seedMainnet } from './mainnet';

/*
 * The peg history against a real anvil carrying 40 days of sparse history (tests/chain/history-chain.ts)
 * in which the Curve stETH/ETH pool's price dipped to 0.97 for three days, 12 days before the
 * present: the series must find that dip as the worst point, read every point at the block its
 * time names, cost one eth_call per distinct block cold and only the new slots warm, and on a
 * pruned node give the reason instead of points.
 */

const NORMAL = DEFAULT_MAINNET_VALUES.curveStethPrice;
const DIPPED = 970_000_000_000_000_000n;
const DEPTH = DEFAULT_MAINNET_VALUES.curveStethDepth;
const FEE_BPS = DEFAULT_MAINNET_VALUES.curveFeeBps;
const DIP_FROM_DAYS = 12;
const DIP_DAYS = 3;

/** The price in force at a block stamped `t`: every history step writes it. */
const dipped = (t: number, present: number) => t >= present - DIP_FROM_DAYS * DAY && t < present - (DIP_FROM_DAYS - DIP_DAYS) * DAY;
const priceAt = (t: number, present: number) => (dipped(t, present) ? DIPPED : NORMAL);

/** What the test double's get_dy(1, 0, 1e18) returns at `price` (CurveEthPool.sol), and so stETH's peg. */
function stethPegBps(price: bigint): number {
  let out = (WAD * price) / WAD;
  out = (out * DEPTH) / (DEPTH + WAD);
  out = (out * (10_000n - FEE_BPS)) / 10_000n;
  return ratioBps(out, WAD);
}

const tokens = ['stETH', 'wstETH', 'weETH'].map((s) => tokenBySymbol(s)!) as TokenEntry[];

let node: AnvilNode;
let proxy: HistoryProxy;
let history: History;
let client: PublicClient;

beforeAll(async () => {
  node = await startAnvil();
  await seedMainnet(node.rpcUrl);
  history = await writeHistory(node.rpcUrl, {
    extra: (t, present) => [{ address: ADDRESSES.curveStethPool, abi: curvePoolAbi, functionName: 'setMarket', args: [priceAt(t, present), DEPTH, FEE_BPS] }],
  });
  proxy = await startHistoryProxy(node.rpcUrl);
  client = createPublicClient({ chain: mainnet, transport: http(proxy.url, { retryCount: 0 }) }) as PublicClient;
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await node?.stop();
});

/** The block numbers of the eth_calls the proxy saw since the last reset. */
const callBlocks = () => proxy.requests.filter((r) => r.method === 'eth_call').map((r) => BigInt(r.params[1] as string));

describe('the peg history on a chain with a depeg written into its past', () => {
  let cold: { series: PegSeries[]; reads: { calls: number; headers: number; points: number } };

  it('reads every point of the schedule at the block its time names, one eth_call per distinct block', async () => {
    proxy.reset();
    cold = await extendPegHistory(client, 1, tokens, {});
    const schedule = pointSchedule(history.present);
    const expectedBlocks = [...new Set(schedule.map((at) => lastAtOrBefore(history, at)!.number))];
    expect(schedule.length).toBeGreaterThanOrEqual(36);
    // Sparse blocks (4 to 54 hours apart): several slots share a block, read once.
    expect(callBlocks().sort()).toEqual([...expectedBlocks].sort());
    expect(cold.reads.calls).toBe(expectedBlocks.length);
    expect(proxy.count('eth_call')).toBe(expectedBlocks.length);
    expect(cold.reads.headers).toBe(proxy.count('eth_getBlockByNumber'));
    console.info(`[peg-history] cold: ${schedule.length} points, ${proxy.count('eth_call')} eth_call, ${proxy.count('eth_getBlockByNumber')} eth_getBlockByNumber`);

    for (const series of cold.series) {
      expect(series.reason).toBeNull();
      expect(series.points.map((p) => p.at)).toEqual(schedule);
      for (const point of series.points) {
        const block = lastAtOrBefore(history, point.at)!;
        expect(point.block).toBe(block.number.toString());
        expect(point.timestamp).toBe(block.timestamp);
      }
    }
  });

  it('finds the dip as the worst depeg, with the peg the pool gave at every point', () => {
    const steth = cold.series.find((s) => s.symbol === 'stETH')!;
    for (const point of steth.points) {
      expect(point.reason).toBeNull();
      expect(point.pegBps).toBe(stethPegBps(priceAt(point.timestamp!, history.present)));
      expect(point.redemption).toBe(WAD.toString());
    }
    const worst = worstDepeg(steth.points)!;
    expect(worst.pegBps).toBe(stethPegBps(DIPPED));
    expect(worst.pegBps).toBeLessThan(-290);
    expect(dipped(worst.timestamp!, history.present)).toBe(true);
    // wstETH trades through the same pool (its underlying), so it dips with it.
    const wsteth = cold.series.find((s) => s.symbol === 'wstETH')!;
    expect(worstDepeg(wsteth.points)!.at).toBe(worst.at);
    expect(worstDepeg(wsteth.points)!.pegBps).toBeLessThan(-290);
    // Outside the dip, within a few bps of par.
    const calm = steth.points.filter((p) => !dipped(p.timestamp!, history.present));
    expect(calm.length).toBeGreaterThan(20);
    for (const p of calm) expect(Math.abs(p.pegBps!)).toBeLessThan(10);
  });

  it('draws the realized-yield curve from the same points: the rate written on chain grows at its APR', () => {
    const wsteth = cold.series.find((s) => s.symbol === 'wstETH')!;
    const curve = yieldCurve(wsteth.points);
    expect(curve.length).toBeGreaterThan(25);
    // rateAt() makes every window show the same APR, up to the rounding of the written rates.
    for (const c of curve) expect(Math.abs(c.aprBps - Number(WSTETH_APR_BPS))).toBeLessThanOrEqual(1);
  });

  it('extends a day later by the new slots only, nothing older read again', async () => {
    // A day passes: blocks every 6 hours.
    const before = history.present;
    for (let t = before + 6 * HOUR; t <= before + DAY; t += 6 * HOUR) await rpc(node.rpcUrl, 'evm_mine', [t]);
    const present = before + DAY;
    const blocks = [...history.blocks];
    for (let n = blocks[blocks.length - 1]!.number + 1n, t = before + 6 * HOUR; t <= present; n++, t += 6 * HOUR) blocks.push({ number: n, timestamp: t });
    const later: History = { ...history, present, blocks };

    proxy.reset();
    const stored = Object.fromEntries(cold.series.map((s) => [s.symbol, s]));
    const warm = await extendPegHistory(client, 1, tokens, stored);
    const schedule = pointSchedule(present);
    const final = new Set(pointSchedule(before).filter((at) => at <= before - FINAL_AFTER_SECONDS));
    const fresh = schedule.filter((at) => !final.has(at));
    // The new day's midnight, the 6-hourly slots since the last call, and the newest block.
    expect(fresh.length).toBeLessThanOrEqual(6);
    expect(fresh).toContain(present);
    expect(fresh.filter((at) => at % DAY === 0).length).toBe(1);
    const expected = [...new Set(fresh.map((at) => lastAtOrBefore(later, at)!.number))];
    expect(callBlocks().sort()).toEqual([...expected].sort());
    expect(warm.reads.calls).toBe(expected.length);
    console.info(`[peg-history] warm a day later: ${fresh.length} new points, ${proxy.count('eth_call')} eth_call, ${proxy.count('eth_getBlockByNumber')} eth_getBlockByNumber`);

    for (const series of warm.series) {
      expect(series.points.map((p) => p.at)).toEqual(schedule);
      // The day that left the window is gone; the points kept are the ones read cold.
      const old = stored[series.symbol]!.points.filter((p) => final.has(p.at) && schedule.includes(p.at));
      for (const p of old) expect(series.points.find((q) => q.at === p.at)).toEqual(p);
    }
    history = later;
  });

  it('through the cache: cold reads once, a second ask within minutes reads nothing', async () => {
    fakeBrowser.reset();
    const service = createHistoryService({ endpoints: async () => [proxy.url] });
    proxy.reset();
    const refs = tokens.map((t) => ({ symbol: t.symbol, chainId: 1 }));
    const first = await service.historyFor(refs, { wait: true });
    const coldCalls = proxy.count('eth_call');
    expect(coldCalls).toBe(new Set(pointSchedule(history.present).map((at) => lastAtOrBefore(history, at)!.number)).size);
    expect(first.every((r) => r.series !== null && r.series.points.length > 30 && r.error === null)).toBe(true);
    expect(service.cache.reads.calls).toBe(coldCalls);

    proxy.reset();
    const again = await service.historyFor(refs, { wait: true });
    expect(proxy.requests).toEqual([]);
    expect(again.map((r) => r.series)).toEqual(first.map((r) => r.series));

    // A fresh cache over the same storage (a woken service worker) extends by what is missing only.
    const cache = new HistoryCache(async (chainId, list, stored, home) => extendPegHistory(client, chainId, list, stored, { home }), () => Date.now() + 3_600_000);
    proxy.reset();
    await cache.get(tokens.map((token) => ({ token, chainId: 1 })));
    // Only the newest point (the live one) and any slot within the hour before it: never final yet.
    const open = pointSchedule(history.present).filter((at) => at > history.present - FINAL_AFTER_SECONDS);
    expect(open).toContain(history.present);
    expect(proxy.count('eth_call')).toBe(new Set(open.map((at) => lastAtOrBefore(history, at)!.number)).size);
    expect(cache.reads.calls).toBe(proxy.count('eth_call'));
  });
});

describe('a bridged deployment: the L2 market at the L2 block against Ethereum at the same time', () => {
  it("reads Arbitrum's pool at Arbitrum's block for each slot and measures it against Ethereum's point of that slot", async () => {
    const wsteth = tokenBySymbol('wstETH')!;
    const l2 = await startAnvil({ chainId: 42161, blockNumber: L2_BLOCK_NUMBERS[42161] });
    try {
      const scenario = await seedL2(l2.rpcUrl, 42161);
      const normal = L2_DEFAULT_VALUES[42161].poolPrices.wstETH!;
      const low = (normal * 95n) / 100n;
      // Arbitrum's own timeline over Ethereum's weeks: a block every 5 hours, the pool 5% down for two days 20 days back.
      const dipFrom = history.present - 20 * DAY;
      const dipTo = dipFrom + 2 * DAY;
      for (let t = history.start; t < history.present - 7; t += 5 * HOUR) {
        const at = t;
        if (at >= dipFrom && at - 5 * HOUR < dipFrom) {
          await rpc(l2.rpcUrl, 'evm_setNextBlockTimestamp', [at]);
          await scenario.setPoolPrice('wstETH', low);
        } else if (at >= dipTo && at - 5 * HOUR < dipTo) {
          await rpc(l2.rpcUrl, 'evm_setNextBlockTimestamp', [at]);
          await scenario.setPoolPrice('wstETH', normal);
        } else await rpc(l2.rpcUrl, 'evm_mine', [at]);
      }
      // Ending where Ethereum ends, a few seconds apart as two chains' newest blocks are.
      await rpc(l2.rpcUrl, 'evm_mine', [history.present - 7]);
      const l2Client = createPublicClient({ chain: L2_VIEM_CHAINS[42161], transport: http(l2.rpcUrl, { retryCount: 0 }) }) as PublicClient;
      const l2Latest = await l2Client.getBlock({ blockTag: 'latest' });
      const l2Blocks: History['blocks'] = [];
      for (let n = L2_BLOCK_NUMBERS[42161]; n <= l2Latest.number; n++) l2Blocks.push({ number: n, timestamp: Number((await l2Client.getBlock({ blockNumber: n })).timestamp) });
      const l2History: History = { ...history, blocks: l2Blocks, present: Number(l2Latest.timestamp) };

      const home = (await extendPegHistory(client, 1, [wsteth], {})).series[0]!;
      const { series, reads } = await extendPegHistory(l2Client, 42161, [wsteth], {}, { home: { wstETH: home } });
      const s = series[0]!;
      expect(s.reason).toBeNull();
      expect(reads.calls).toBe(new Set(pointSchedule(l2History.present).map((at) => lastAtOrBefore(l2History, at)!.number)).size);
      for (const p of s.points) {
        const l2Block = lastAtOrBefore(l2History, p.at)!;
        expect(p.block).toBe(l2Block.number.toString());
        const homePoint = homePointFor(home, p.at)!;
        // Ethereum's redemption value of the same time, read at Ethereum's block for it.
        expect(p.redemption).toBe(homePoint.redemption);
        expect(homePoint.block).toBe(lastAtOrBefore(history, homePoint.at)!.number.toString());
        const price = l2Block.timestamp >= dipFrom && l2Block.timestamp < dipTo ? low : normal;
        // The pool's price comes back from sqrtPriceX96: within a bps of what was written.
        expect(Math.abs(p.pegBps! - ratioBps(price, BigInt(homePoint.redemption!)))).toBeLessThanOrEqual(1);
      }
      const worst = worstDepeg(s.points)!;
      expect(worst.timestamp! >= dipFrom && worst.timestamp! < dipTo).toBe(true);
      expect(worst.pegBps).toBeLessThan(-450);
    } finally {
      await l2.stop();
    }
  }, 120_000);
});

describe('a node without archive state', () => {
  it('gives the reason instead of points, after one eth_call', async () => {
    const pruned = await startPrunedAnvil();
    try {
      await seedMainnet(pruned.rpcUrl);
      await writeHistory(pruned.rpcUrl);
      const prunedProxy = await startHistoryProxy(pruned.rpcUrl);
      try {
        const prunedClient = createPublicClient({ chain: mainnet, transport: http(prunedProxy.url, { retryCount: 0 }) }) as PublicClient;
        const { series, reads } = await extendPegHistory(prunedClient, 1, tokens, {});
        for (const s of series) {
          expect(s.points).toEqual([]);
          expect(s.reason).toBe(NO_ARCHIVE_REASON);
        }
        // The oldest point is read first: the node says so at once.
        expect(reads.calls).toBe(1);
        expect(prunedProxy.count('eth_call')).toBe(1);
      } finally {
        await prunedProxy.stop();
      }
    } finally {
      await pruned.stop();
    }
  }, 90_000);
});
