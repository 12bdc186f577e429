// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChainReadError } from '../../lib/chain/read';
import { readFigures } from './read-figures';
import type { Figures } from '../../lib/chain/figures';
import { riskRows } from '../../lib/risk/layers';
import { registry, tokenBySymbol } from '../../lib/tokens/registry';
import { startAnvil, type AnvilNode } from './anvil';
import { ADDRESSES, DEFAULT_MAINNET_VALUES, seedMainnet, tokenExpectations, WEETH_POOL_FEE, type MainnetScenario } from './mainnet';
import { startRpcProxy, type RpcProxy } from './rpc-proxy';
import { curveStethOut, pegBps as bps } from './expected';
import { uniswapV3PoolAddress } from './uniswap';

/*
 * The background's reads against a real EVM node: contracts at their mainnet addresses on a local
 * anvil, every figure checked against what the scenario put on the chain.
 */

const E18 = 10n ** 18n;
let node: AnvilNode;
let chain: MainnetScenario;
let proxy: RpcProxy;

beforeAll(async () => {
  node = await startAnvil();
  chain = await seedMainnet(node.rpcUrl);
  proxy = await startRpcProxy(node.rpcUrl);
});
afterAll(async () => {
  await proxy?.stop();
  await node?.stop();
});
beforeEach(async () => {
  proxy.mode = 'forward';
  proxy.methods.length = 0;
});

async function read(symbols = ['wstETH', 'weETH']): Promise<Record<string, Figures>> {
  const tokens = symbols.map((s) => tokenBySymbol(s)!);
  const figures = await readFigures(1, [proxy.url], { tokens, contexts: {} });
  return Object.fromEntries(figures.map((f) => [f.symbol, f]));
}

const curveOut = (dx: bigint) => curveStethOut(dx, chain.values());

describe('readChain on a local mainnet', () => {
  it('reads every figure of both tokens in one eth_call, and weETH’s EigenLayer allocations in one more', async () => {
    const f = await read();
    // The figures, then the restaking read's second round (per operator found in the first), of the newest block.
    expect(proxy.methods.filter((m) => m !== 'eth_chainId')).toEqual(['eth_call', 'eth_call']);

    const v = DEFAULT_MAINNET_VALUES;
    expect(f.wstETH!.redemption.value).toBe(v.wstethStEthPerToken.toString());
    expect(f.wstETH!.peg.sourceId).toBe('curve-steth-eth');
    expect(f.wstETH!.peg.bps).toBe(bps(curveOut(E18), E18));
    expect(f.weETH!.redemption.value).toBe(v.weethRate.toString());
    expect(f.weETH!.peg.sourceId).toBe('uniswap-v3-weeth-weth-100');
    expect(Math.abs(f.weETH!.peg.bps! - bps(v.weethPoolPrice, v.weethRate))).toBeLessThanOrEqual(1);
    // The uncertain weETH feed is shown but not used.
    const feed = f.weETH!.markets.find((m) => m.id === 'chainlink-weeth-eth')!;
    expect(feed.usable).toBe(false);
    expect(BigInt(feed.price!)).toBe(v.chainlinkWeethAnswer);
    expect(Number(f.wstETH!.blockNumber)).toBeGreaterThan(26_000_000);
  });

  it('prices selling now from the DEX and grows the cost with size', async () => {
    const f = await read();
    const costs = f.wstETH!.sell.quotes.map((q) => q.costBps!);
    expect(costs[0]).toBeLessThan(costs[2]!);
    // 100 stETH on Curve: what the pool pays, against 100 ETH of redemption value.
    const out100 = curveOut(100n * E18);
    expect(f.wstETH!.sell.quotes[1]!.outEth).toBe(out100.toString());
    const weethCosts = f.weETH!.sell.quotes.map((q) => q.costBps!);
    expect(weethCosts[1]).toBeGreaterThan(0);
    expect(weethCosts[2]).toBeGreaterThan(weethCosts[1]!);
  });

  it('turns the live queues into redeem ranges with their parts', async () => {
    // Default queue (18,000 ETH) is more than buffer and vaults hold (8,540 ETH): validators must exit.
    let f = await read();
    expect(f.wstETH!.redeem.parts.map((p) => p.measured)).toEqual([true, false]);
    await chain.setLidoQueue({ unfinalizedStETH: 5_000n * E18 });
    try {
      f = await read();
      const lido = f.wstETH!.redeem;
      expect(lido.reason).toBeNull();
      expect(lido.parts).toHaveLength(1);
      expect(lido.maxSeconds! - lido.minSeconds!).toBe(225 * 32 * 12);
      expect(lido.minSeconds).toBeGreaterThan(0);
      expect(lido.minSeconds).toBeLessThanOrEqual(225 * 32 * 12);
    } finally {
      await chain.setLidoQueue({ unfinalizedStETH: DEFAULT_MAINNET_VALUES.lidoUnfinalizedStETH });
    }
    // The redeem road is ether.fi's queue; its instant redemption (3,000 ETH, 30 bps) is a road of its own.
    const etherfi = f.weETH!.redeem;
    expect(etherfi.minSeconds).toBe(86_400);
    expect(etherfi.parts.some((p) => p.maxSeconds === DEFAULT_MAINNET_VALUES.eigenMinWithdrawalDelayBlocks * 12)).toBe(true);
    expect(f.weETH!.instant).toMatchObject({ usable: true, feeBps: 30, capacityEth: DEFAULT_MAINNET_VALUES.etherfiRedeemable.toString() });
  });

  it('shows a depeg made on the chain', async () => {
    await chain.setStethMarket({ curvePrice: 970n * 10n ** 15n, chainlinkAnswer: 971n * 10n ** 15n });
    try {
      const f = await read(['wstETH']);
      expect(f.wstETH!.peg.bps).toBe(bps(curveOut(E18), E18));
      expect(f.wstETH!.peg.bps).toBeLessThan(-290);
    } finally {
      await chain.setStethMarket({ curvePrice: DEFAULT_MAINNET_VALUES.curveStethPrice, chainlinkAnswer: DEFAULT_MAINNET_VALUES.chainlinkStethAnswer });
    }
  });

  it('drops a stale Chainlink feed and says why', async () => {
    const block = await fetch(node.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['latest', false] }) }).then((r) => r.json());
    await chain.setChainlinkUpdatedAt('stETH', BigInt(block.result.timestamp) - 3n * 86_400n);
    try {
      const f = await read(['wstETH']);
      const feed = f.wstETH!.markets.find((m) => m.id === 'chainlink-steth-eth')!;
      expect(feed.price).toBeNull();
      expect(feed.reason).toMatch(/stale/);
      expect(f.wstETH!.peg.sourceId).toBe('curve-steth-eth');
    } finally {
      await chain.setChainlinkUpdatedAt('stETH', 0n);
    }
  });

  it('falls back to the feed when the DEX call reverts, and to nothing when both fail', async () => {
    await chain.breakContract(ADDRESSES.curveStethPool);
    try {
      let f = await read(['wstETH']);
      expect(f.wstETH!.peg.sourceId).toBe('chainlink-steth-eth');
      expect(f.wstETH!.peg.bps).toBe(bps(DEFAULT_MAINNET_VALUES.chainlinkStethAnswer, E18));
      expect(f.wstETH!.sell.quotes[0]!.costBps).toBeNull();
      await chain.breakContract(ADDRESSES.chainlinkStethEth);
      f = await read(['wstETH']);
      expect(f.wstETH!.peg.bps).toBeNull();
      expect(f.wstETH!.peg.reason).toMatch(/no usable market price/);
    } finally {
      await chain.restoreContract(ADDRESSES.curveStethPool);
      await chain.restoreContract(ADDRESSES.chainlinkStethEth);
    }
  });

  it('never uses the uncertain weETH feed alone for the peg', async () => {
    const pool = uniswapV3PoolAddress(ADDRESSES.weth, ADDRESSES.weeth, WEETH_POOL_FEE);
    await chain.breakContract(pool);
    try {
      const f = await read(['weETH']);
      expect(f.weETH!.peg.bps).toBeNull();
      expect(f.weETH!.peg.reason).toMatch(/may mirror the protocol rate/);
    } finally {
      await chain.restoreContract(pool);
    }
  });

  it('shows a redemption rate outside its bounds as unavailable, not as a number', async () => {
    await chain.setWstethRate(0n);
    try {
      const f = await read(['wstETH']);
      expect(f.wstETH!.redemption.value).toBeNull();
      expect(f.wstETH!.redemption.reason).toMatch(/returned 0: not a rate/);
      expect(f.wstETH!.peg.bps).toBeNull();
    } finally {
      await chain.setWstethRate(DEFAULT_MAINNET_VALUES.wstethStEthPerToken);
    }
  });

  it('rejects a rate that jumped faster than the protocol allows, unless a second read backs it', async () => {
    // rETH has no second read: the rise waits.
    const reth = tokenBySymbol('rETH')!;
    const rethRate = tokenExpectations(chain.values()).rETH.rate;
    const before = (rate: bigint) => ({ value: String(rate - 10n ** 16n), blockNumber: '1', blockTimestamp: Math.floor(Date.now() / 1000) - 600, move: null });
    const [f] = await readFigures(1, [proxy.url], { tokens: [reth], contexts: { rETH: { rateState: before(rethRate) } } });
    expect(f!.redemption.value).toBeNull();
    expect(f!.redemption.reason).toMatch(/rose \d+ bps/);
    expect(f!.redemption.move).toMatchObject({ direction: 'rise', confirmed: false });
    // wstETH's rise is backed by stETH's own share rate: trusted.
    const wsteth = tokenBySymbol('wstETH')!;
    const [g] = await readFigures(1, [proxy.url], { tokens: [wsteth], contexts: { wstETH: { rateState: before(DEFAULT_MAINNET_VALUES.wstethStEthPerToken) } } });
    expect(g!.redemption.value).toBe(DEFAULT_MAINNET_VALUES.wstethStEthPerToken.toString());
    expect(g!.redemption.checks).toEqual([expect.objectContaining({ label: 'stETH.getPooledEthByShares(1e18)', agrees: true })]);
  });

  it('follows the queue: a long Lido queue adds the beacon exit, a pause makes redeem unavailable', async () => {
    await chain.setLidoQueue({ unfinalizedStETH: 40_000n * E18 });
    try {
      let f = await read(['wstETH']);
      expect(f.wstETH!.redeem.parts.some((p) => !p.measured && /Beacon/.test(p.label))).toBe(true);
      await chain.setLidoQueue({ paused: true });
      f = await read(['wstETH']);
      expect(f.wstETH!.redeem.minSeconds).toBeNull();
      expect(f.wstETH!.redeem.reason).toMatch(/paused/);
      // The pause is a live risk signal: Lido's protocol row goes up a level.
      expect(f.wstETH!.redeem.paused).toEqual(['WithdrawalQueue.isPaused()']);
      expect(riskRows('wstETH', f.wstETH!, { siteId: null }).find((r) => r.layer === 'lst')!.signal).toMatch(/Paused now/);
    } finally {
      await chain.setLidoQueue({ unfinalizedStETH: DEFAULT_MAINNET_VALUES.lidoUnfinalizedStETH, paused: false });
    }
  });

  it('drained instant liquidity narrows the instant road, and leaves the queue as it was', async () => {
    const before = (await read(['weETH'])).weETH!;
    await chain.setEtherfiRedemption({ redeemable: 10n * E18 });
    try {
      const f = (await read(['weETH'])).weETH!;
      expect(f.instant!.capacityEth).toBe((10n * E18).toString());
      expect(f.instant!.quotes.map((q) => q.outEth !== null)).toEqual([true, false, false]);
      expect([f.redeem.minSeconds, f.redeem.maxSeconds]).toEqual([before.redeem.minSeconds, before.redeem.maxSeconds]);
    } finally {
      await chain.setEtherfiRedemption({ redeemable: DEFAULT_MAINNET_VALUES.etherfiRedeemable });
    }
  });

  it('fails with the reason of every endpoint when the RPC is down or answers garbage', async () => {
    proxy.mode = 'down';
    await expect(read()).rejects.toThrow(ChainReadError);
    proxy.mode = 'garbage';
    await expect(read()).rejects.toThrow(/chain 1: 127\.0\.0\.1/);
    proxy.mode = 'forward';
    // With a dead endpoint first, the next one in the list answers.
    const figures = await readFigures(1, ['http://127.0.0.1:9', proxy.url], { tokens: [...registry], contexts: {} });
    expect(figures).toHaveLength(registry.length);
  });

  it('rejects an endpoint that serves another chain', async () => {
    const other = await startAnvil({ chainId: 31337 });
    try {
      await expect(readFigures(1, [other.rpcUrl], { tokens: [...registry], contexts: {} })).rejects.toThrow(/serves chain 31337, not 1/);
    } finally {
      await other.stop();
    }
  });
});

describe('every token in the registry, on the seeded mainnet', () => {
  it('reads all of them in one eth_call, each with a peg matching its market against its rate', async () => {
    proxy.methods.length = 0;
    const figures = await readFigures(1, [proxy.url], { tokens: [...registry], contexts: {} });
    // One eth_call for the figures and one more for the LRTs' EigenLayer allocations (tests/chain/restaking.test.ts); none at a past block.
    expect(proxy.methods.filter((m) => m.startsWith('eth_call'))).toEqual(['eth_call', 'eth_call']);
    const expected = tokenExpectations(chain.values());
    const rows: string[] = [];
    for (const f of figures) {
      rows.push(`${f.symbol}: peg ${f.peg.bps} (${f.peg.sourceId ?? f.peg.reason}), redeem ${f.redeem.minSeconds}-${f.redeem.maxSeconds} ${f.redeem.reason ?? ''}`);
      expect(f.peg.bps, `${f.symbol}: ${f.peg.reason}`).not.toBeNull();
      const e = expected[f.symbol as keyof typeof expected];
      if (e) {
        // The redemption value is the protocol's own rate, exactly (ankrETH: inverted).
        expect(BigInt(f.redemption.value!), f.symbol).toBe(e.rate);
        const market = f.peg.sourceId?.startsWith('uniswap') ? e.poolPrice : f.peg.sourceId?.startsWith('chainlink') ? e.feedAnswer : undefined;
        if (market !== undefined) expect(Math.abs(f.peg.bps! - bps(market, e.rate)), f.symbol).toBeLessThanOrEqual(1);
      }
      // Every sell quote either has a cost or says why not.
      for (const q of f.sell.quotes) expect(q.costBps !== null || q.reason !== null).toBe(true);
      // The redeem road is a range or a reason, never both missing.
      expect(f.redeem.minSeconds !== null || f.redeem.reason !== null, f.symbol).toBe(true);
    }
    console.log(rows.join('\n'));
    const bySymbol = Object.fromEntries(figures.map((f) => [f.symbol, f]));
    expect(bySymbol.cbETH!.redeem.reason).toMatch(/off-chain/);
    expect(bySymbol.ankrETH!.redeem.reason).toMatch(/not been researched/);
    expect(bySymbol.rETH!.redeem.maxSeconds).toBe(0);
    expect(bySymbol.sfrxETH!.redeem.minSeconds).toBe(Number(chain.values().fraxQueueLengthSecs));
    expect(bySymbol.rsETH!.redeem.minSeconds).toBe(Number(chain.values().kelpWithdrawalDelayBlocks) * 12);
  });

  it("shows ezETH's rate as unavailable when Renzo's calculateTVLs() reverts", async () => {
    await chain.setRenzo({ tvlReverts: true });
    try {
      const [f] = await readFigures(1, [proxy.url], { tokens: [tokenBySymbol('ezETH')!], contexts: {} });
      expect(f!.redemption.value).toBeNull();
      expect(f!.redemption.reason).toMatch(/calculateTVLs\(\) failed/);
      expect(f!.peg.bps).toBeNull();
    } finally {
      await chain.setRenzo({ tvlReverts: false });
    }
  });

  it("waits Renzo's risk-oracle cooldown when it is longer than the queue's own, as WithdrawQueue.claim does", async () => {
    const tenDays = 10n * 86_400n;
    await chain.setRenzo({ oracleCooldown: tenDays });
    try {
      const [f] = await readFigures(1, [proxy.url], { tokens: [tokenBySymbol('ezETH')!], contexts: {} });
      expect(f!.redeem.minSeconds).toBe(Number(tenDays));
      expect(f!.redeem.parts[0]!.source).toMatch(/^RiskOracleMiddleware\.withdrawCooldownPeriod\(\)/);
    } finally {
      await chain.setRenzo({ oracleCooldown: 0n });
    }
    const [calm] = await readFigures(1, [proxy.url], { tokens: [tokenBySymbol('ezETH')!], contexts: {} });
    expect(calm!.redeem.minSeconds).toBe(Number(chain.values().renzoCoolDownPeriod));
  });

  it('backs off an endpoint that answers HTTP 429 and reads through the next one', async () => {
    const limited = await startRpcProxy(node.rpcUrl);
    try {
      limited.mode = 'http429';
      await expect(readFigures(1, [limited.url], { tokens: [...registry], contexts: {} })).rejects.toThrow(/429/);
      const tries = limited.methods.length;
      // Resting now: not even asked, and the next endpoint answers.
      const figures = await readFigures(1, [limited.url, proxy.url], { tokens: [tokenBySymbol('rETH')!], contexts: {} });
      expect(figures[0]!.rpcHost).toBe(new URL(proxy.url).host);
      expect(limited.methods.length).toBe(tries);
    } finally {
      await limited.stop();
    }
  });
});

describe('lying and paused contracts', () => {
  async function setCode(address: string, code: string) {
    const res = await fetch(node.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_setCode', params: [address, code] }),
    }).then((r) => r.json());
    if (res.error) throw new Error(res.error.message);
  }

  it('shows a rate whose return data is malformed as unavailable, and the other tokens unharmed', async () => {
    // PUSH1 0xff PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN: one byte where a uint256 belongs.
    await setCode(ADDRESSES.reth, '0x60ff60005360016000f3');
    try {
      const figures = await readFigures(1, [proxy.url], { tokens: [tokenBySymbol('rETH')!, tokenBySymbol('wstETH')!], contexts: {} });
      const [reth, wsteth] = figures;
      expect(reth!.redemption.value).toBeNull();
      expect(reth!.redemption.reason).toMatch(/rETH\.getExchangeRate\(\) failed/);
      expect(reth!.peg.bps).toBeNull();
      expect(wsteth!.peg.bps).not.toBeNull();
    } finally {
      await chain.restoreContract(ADDRESSES.reth);
    }
  });

  it('flags two price sources that disagree, and still takes the DEX for the peg', async () => {
    await chain.setStethMarket({ chainlinkAnswer: 985n * 10n ** 15n });
    try {
      const [f] = await readFigures(1, [proxy.url], { tokens: [tokenBySymbol('wstETH')!], contexts: {} });
      expect(f!.peg.sourceId).toBe('curve-steth-eth');
      // Curve pays ~0.99948 ETH per stETH, the feed says 0.985: ~145 bps of the redemption value apart.
      expect(f!.peg.disagreementBps).toBeGreaterThanOrEqual(140);
      expect(f!.peg.disagreementBps).toBeLessThanOrEqual(150);
    } finally {
      await chain.setStethMarket({ chainlinkAnswer: DEFAULT_MAINNET_VALUES.chainlinkStethAnswer });
    }
  });

  it('a paused ether.fi instant redemption closes the instant road and says so; the risk layer sees the pause', async () => {
    await chain.setEtherfiRedemption({ paused: true });
    try {
      const [f] = await readFigures(1, [proxy.url], { tokens: [tokenBySymbol('weETH')!], contexts: {} });
      expect(f!.instant).toMatchObject({ usable: false, paused: ['EtherFiRedemptionManager.paused()'] });
      expect(f!.instant!.quotes.every((q) => q.outEth === null)).toBe(true);
      expect(f!.pauses.find((p) => p.label === 'ether.fi EtherFiRedemptionManager.paused()')!.paused).toBe(true);
      expect(f!.redeem.minSeconds).toBeGreaterThanOrEqual(86_400);
      expect(riskRows('weETH', f!, { siteId: null }).find((r) => r.layer === 'wrapper')!.level).toBe('high');
    } finally {
      await chain.setEtherfiRedemption({ paused: false });
    }
  });
});

describe('Puffer instant liquidity', () => {
  it('counts the vault’s ETH and WETH for the instant road; the 2-step withdrawal is the redeem road', async () => {
    const read1 = async () => (await readFigures(1, [proxy.url], { tokens: [tokenBySymbol('pufETH')!], contexts: {} }))[0]!;
    let f = await read1();
    expect(f.instant!.capacityEth).toBe((940n * E18).toString());
    expect(f.redeem.minSeconds).toBe(86_400);
    await chain.setPuffer({ vaultEth: 10n * 10n ** 18n, vaultWeth: 50n * 10n ** 18n });
    try {
      f = await read1();
      expect(f.instant!.capacityEth).toBe((60n * E18).toString());
      expect(f.instant!.quotes.map((q) => q.outEth !== null)).toEqual([true, false, false]);
      expect(f.redeem.parts.some((p) => /EigenLayer/.test(p.label))).toBe(true);
    } finally {
      await chain.setPuffer({ vaultEth: DEFAULT_MAINNET_VALUES.pufferVaultEth, vaultWeth: DEFAULT_MAINNET_VALUES.pufferVaultWeth });
    }
  });
});
