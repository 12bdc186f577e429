// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFigureService } from '../../lib/cache/figure-service';
import type { FigureReplyMessage } from '../../lib/messaging';
import { riskRows } from '../../lib/risk/layers';
import { rpcSettings } from '../../lib/settings';
import { rpc, startAnvil, type AnvilNode } from './anvil';
import { L2_BLOCK_NUMBERS, seedL2, type L2Scenario } from './l2';
import { DVN, LZ_EID, LZ_OFTS } from './layerzero-rig';
import { ADDRESSES as A, DEFAULT_MAINNET_VALUES as D, seedMainnet, type MainnetScenario } from './mainnet';
import { startRpcProxy, type RpcProxy } from './rpc-proxy';

/*
 * The bad day on local chains, through the background's own figure service (the reads, the trust
 * rule, the cache and the alert rules; only the browser's storage is wxt's fake): each crisis the
 * issue names is put on the chain, and what the user would be told is checked against it.
 */

const E18 = 10n ** 18n;
const bps = (part: bigint, whole: bigint) => Number(((part - whole) * 10_000n) / whole);
let mainnet: AnvilNode;
let base: AnvilNode;
let chain: MainnetScenario;
let l2: L2Scenario;
let proxy: RpcProxy;
let service: ReturnType<typeof createFigureService>;
let snapshot: `0x${string}`;

beforeAll(async () => {
  [mainnet, base] = await Promise.all([startAnvil(), startAnvil({ chainId: 8453, blockNumber: L2_BLOCK_NUMBERS[8453] })]);
  [chain, l2] = await Promise.all([seedMainnet(mainnet.rpcUrl), seedL2(base.rpcUrl, 8453)]);
  proxy = await startRpcProxy(mainnet.rpcUrl);
  snapshot = await rpc(mainnet.rpcUrl, 'evm_snapshot');
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await Promise.all([mainnet?.stop(), base?.stop()]);
});

beforeEach(async () => {
  // Every crisis starts from the calm chain, with a new background (empty storage, no trusted rate yet).
  await rpc(mainnet.rpcUrl, 'evm_revert', [snapshot]);
  snapshot = await rpc(mainnet.rpcUrl, 'evm_snapshot');
  fakeBrowser.reset();
  proxy.mode = 'forward';
  await rpcSettings.setValue({ '1': [proxy.url], '8453': [base.rpcUrl] });
  service = createFigureService();
});

async function ask(symbol: string, chainId = 1): Promise<FigureReplyMessage> {
  const [reply] = await service.figuresFor([{ symbol, chainId }], { force: true });
  return reply!;
}
const kinds = (r: FigureReplyMessage) => r.alerts.map((a) => a.kind).sort();

describe('a calm day', () => {
  it('raises no alert on any token the crises use, and reads every pause, confirmer and escrow', async () => {
    for (const symbol of ['stETH', 'wstETH', 'weETH', 'ezETH', 'rsETH', 'pufETH', 'ETHx']) {
      const r = await ask(symbol);
      expect(r.error, symbol).toBeNull();
      expect(r.alerts, symbol).toEqual([]);
      expect(r.figures!.redemption.value, symbol).not.toBeNull();
      for (const p of r.figures!.pauses) expect(p, `${symbol}: ${p.label}`).toMatchObject({ paused: false, reason: null });
    }
    const rseth = (await ask('rsETH')).figures!;
    expect(rseth.supply.escrows[LZ_OFTS.rsETH.adapter]).toBe((200_000n * E18).toString());
    // The adapter's routes from each L2 need two verifiers.
    expect(rseth.bridgeRoutes.map((r) => [r.remoteChainId, r.requiredDvns?.length, r.reason])).toEqual([
      [42161, 2, null],
      [8453, 2, null],
      [10, 2, null],
    ]);
  });
});

describe('a slashing: rsETH’s value falls 8%', () => {
  const fallen = (D.kelpRsethPrice * 92n) / 100n;

  it('is confirmed at once when Chainlink’s exchange-rate feed falls with it, and the peg is measured against it', async () => {
    await ask('rsETH'); // the last trusted value
    await chain.setKelp({ rsETHPrice: fallen });
    await chain.setRsethExchangeRateFeed(fallen);
    const r = await ask('rsETH');
    const f = r.figures!;
    expect(f.redemption.value).toBe(fallen.toString());
    expect(f.redemption.move).toMatchObject({ direction: 'fall', from: D.kelpRsethPrice.toString(), to: fallen.toString(), bps: 800, confirmed: true });
    expect(f.redemption.move!.confirmedBy).toContain('Exchange Rate');
    const fall = r.alerts.find((a) => a.kind === 'rate-fall')!;
    expect(fall).toMatchObject({ level: 'high', facts: { bps: 800, confirmed: true, from: D.kelpRsethPrice.toString(), to: fallen.toString() } });
    // The pool still trades at the old value: against the fallen value it is ~8.7% above, not a depeg.
    expect(Math.abs(f.peg.bps! - bps(D.rsethPoolPrice, fallen))).toBeLessThanOrEqual(1);
    expect(kinds(r)).not.toContain('depeg');
  });

  it('shows an unconfirmed fall at once while the feed lags, and confirms it by the same read two minutes on', async () => {
    await ask('rsETH');
    await chain.setKelp({ rsETHPrice: fallen });
    const first = await ask('rsETH');
    // Not hidden: the new value beside the last trusted one, how much, from which read.
    expect(first.figures!.redemption.value).toBeNull();
    expect(first.figures!.redemption.move).toMatchObject({ from: D.kelpRsethPrice.toString(), to: fallen.toString(), bps: 800, confirmed: false, read: 'LRTOracle.rsETHPrice() (stored)' });
    expect(first.alerts.find((a) => a.kind === 'rate-fall')).toMatchObject({ level: 'high', facts: { bps: 800, confirmed: false } });
    const checks = first.figures!.redemption.checks;
    expect(checks.find((c) => c.label.includes('Exchange Rate'))).toMatchObject({ agrees: false });

    await chain.increaseTime(150);
    const later = await ask('rsETH');
    expect(later.figures!.redemption.value).toBe(fallen.toString());
    expect(later.figures!.redemption.move).toMatchObject({ confirmed: true, bps: 800 });
    expect(later.figures!.redemption.move!.confirmedBy).toMatch(/block/);
    expect(later.alerts.find((a) => a.kind === 'rate-fall')).toMatchObject({ facts: { confirmed: true } });
  });

  it('keeps a value below the plausible minimum that a second source backs: a collapse, shown', async () => {
    const collapsed = (D.kelpRsethPrice * 60n) / 100n; // 0.63 ETH, below the 0.9 minimum
    await ask('rsETH');
    await chain.setKelp({ rsETHPrice: collapsed });
    await chain.setRsethExchangeRateFeed(collapsed);
    const r = await ask('rsETH');
    expect(r.figures!.redemption.value).toBe(collapsed.toString());
    expect(r.alerts.find((a) => a.kind === 'rate-fall')).toMatchObject({ level: 'high', facts: { bps: 4000, confirmed: true } });
  });
});

describe('a depeg: ezETH trades 15% below its value on every market source', () => {
  it('is a high depeg alert with the weighted market beside the value, and the peg stays shown', async () => {
    const rate = (D.renzoTotalTVL * E18) / D.ezethTotalSupply;
    const market = (rate * 85n) / 100n;
    await chain.setPoolPrice('ezETH', market);
    await chain.setFeed('ezETH', market);
    const r = await ask('ezETH');
    expect(r.figures!.peg.bps).toBeLessThanOrEqual(-1490);
    const depeg = r.alerts.find((a) => a.kind === 'depeg')!;
    expect(depeg.level).toBe('high');
    if (depeg.facts.kind !== 'depeg') throw new Error('not a depeg');
    expect(depeg.facts.bps).toBeGreaterThanOrEqual(-1510);
    expect(depeg.facts.bps).toBeLessThanOrEqual(-1490);
    expect(depeg.facts.redemption).toBe(rate.toString());
    expect(depeg.facts.sources.map((s) => s.label).sort()).toEqual(['Chainlink ezETH / ETH', expect.stringContaining('Uniswap v3 ezETH/WETH')].sort());
  });

  it('is no alarm when one thin pool is 30% off and the deep pool and the feed hold', async () => {
    const rate = (D.renzoTotalTVL * E18) / D.ezethTotalSupply;
    await chain.standPool('ezETH', 500, (rate * 70n) / 100n, 10n ** 17n); // a dust pool
    const r = await ask('ezETH');
    const thin = r.figures!.markets.find((m) => m.id.endsWith('-500'))!;
    expect(thin.usable).toBe(true);
    expect(bps(BigInt(thin.price!), rate)).toBeLessThanOrEqual(-2990);
    expect(kinds(r)).not.toContain('depeg');
    // The peg is the deep pool's.
    expect(r.figures!.peg.sourceId).toBe('uniswap-v3-ezeth-weth-100');
  });
});

describe('a pause', () => {
  it('raises one alert naming every read that is paused and what it stops', async () => {
    await chain.setPause(A.kelpWithdrawalManager, 'paused', true);
    await chain.setPause(A.kelpDepositPool, 'paused', true);
    const r = await ask('rsETH');
    const paused = r.alerts.filter((a) => a.kind === 'paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ level: 'high', facts: { reads: ['Kelp LRTDepositPool.paused()', 'Kelp LRTWithdrawalManager.paused()'], affects: ['deposits', 'withdrawals'] } });
  });

  it('reads Puffer’s: a vault closed in its AccessManager stops withdrawals', async () => {
    expect(kinds(await ask('pufETH'))).not.toContain('paused');
    await chain.setTargetClosed(A.pufeth, true);
    expect((await ask('pufETH')).alerts.find((a) => a.kind === 'paused')).toMatchObject({ level: 'high', facts: { reads: ['Puffer AccessManager.isTargetClosed(PufferVault)'], affects: ['withdrawals'] } });
  });

  it('reads Stader’s: withdrawals paused is high, deposits alone medium', async () => {
    await chain.setPause(A.staderStakePoolsManager, 'paused', true);
    expect((await ask('ETHx')).alerts.find((a) => a.kind === 'paused')).toMatchObject({ level: 'medium', facts: { affects: ['deposits'] } });
    await chain.setPause(A.staderUserWithdrawalManager, 'paused', true);
    expect((await ask('ETHx')).alerts.find((a) => a.kind === 'paused')).toMatchObject({ level: 'high', facts: { affects: ['withdrawals', 'deposits'] } });
  });

  it('reads Lido’s stops too: staking paused is an alert on stETH and wstETH', async () => {
    await chain.setPause(A.steth, 'isStakingPaused', true);
    for (const symbol of ['stETH', 'wstETH']) {
      expect((await ask(symbol)).alerts.find((a) => a.kind === 'paused'), symbol).toMatchObject({ facts: { affects: ['deposits'] } });
    }
  });
});

describe('a run on the exit: Lido’s queue to 1.5M stETH in bunker mode', () => {
  it('is exit-slow (bunker), with the queue’s growth against the sample of two hours before', async () => {
    await ask('stETH'); // samples the calm queue
    await chain.increaseTime(2 * 3600);
    await chain.setLidoQueue({ unfinalizedStETH: 1_500_000n * E18, bunker: true });
    const r = await ask('stETH');
    const exit = r.alerts.find((a) => a.kind === 'exit-slow')!;
    expect(exit.level).toBe('high');
    expect(exit.facts).toMatchObject({ kind: 'exit-slow', bunker: true, queue: { eth: (1_500_000n * E18).toString(), beforeEth: D.lidoUnfinalizedStETH.toString() } });
  });
});

describe('unbacked: rsETH on Base above what Kelp’s adapter holds on Ethereum', () => {
  it('is a high alert on Base once the adapter is drained below Base’s supply', async () => {
    await l2.setTotalSupply('rsETH', 120_000n * E18);
    await ask('rsETH'); // Ethereum: what the adapter holds
    expect(kinds(await ask('rsETH', 8453))).not.toContain('unbacked');

    await chain.setEscrowBalance('rsETH', LZ_OFTS.rsETH.adapter, 83_500n * E18); // 116,500 released
    await ask('rsETH');
    const r = await ask('rsETH', 8453);
    const unbacked = r.alerts.find((a) => a.kind === 'unbacked')!;
    expect(unbacked).toMatchObject({ level: 'high', facts: { supply: (120_000n * E18).toString(), held: (83_500n * E18).toString(), escrow: LZ_OFTS.rsETH.adapter, chains: [8453] } });
    await l2.setTotalSupply('rsETH', 0n);
  });
});

describe('the bridge layer', () => {
  it('reads the verifier set on both sides: two DVNs is medium, a single DVN on the adapter’s route is high', async () => {
    const row = async () => riskRows('rsETH', (await ask('rsETH', 8453)).figures, { siteId: 'aave', chainId: 8453 }).find((x) => x.layer === 'bridge')!;
    await ask('rsETH');
    expect(await row()).toMatchObject({ level: 'medium', confidence: 'live' });
    // April 2026: the adapter accepted messages a single verifier signed.
    await chain.setLayerZeroRoute(LZ_OFTS.rsETH.adapter, LZ_EID[8453], { required: [DVN.a] });
    await ask('rsETH');
    const high = await row();
    expect(high.level).toBe('high');
    expect(high.why).toContain('single verifier');
    expect(high.why).toContain('releasing on Ethereum');
    // Optional verifiers count by their threshold: 1 required + 2 of 3 optional is three signers, low.
    await chain.setLayerZeroRoute(LZ_OFTS.rsETH.adapter, LZ_EID[8453], { required: [DVN.a], optional: [DVN.b, DVN.c, DVN.d], threshold: 2 });
    await l2.setLayerZeroRoute(LZ_OFTS.rsETH.oft[8453], { required: [DVN.a, DVN.b, DVN.c] });
    await ask('rsETH');
    expect(await row()).toMatchObject({ level: 'low' });
    await l2.setLayerZeroRoute(LZ_OFTS.rsETH.oft[8453], { required: [DVN.a, DVN.b] });
  });
});

describe('stale: every market source past its age limit while the chain moves', () => {
  it('is a stale alert naming the sources when the pool stops answering and the feed is a day and a half old', async () => {
    const now = Number((await rpc(mainnet.rpcUrl, 'eth_getBlockByNumber', ['latest', false])).timestamp);
    await chain.breakContract(A.uniswapRsethWethPool);
    await chain.setFeed('rsETH', D.chainlinkRsethAnswer, BigInt(now - 36 * 3600));
    const r = await ask('rsETH');
    expect(r.figures!.peg.bps).toBeNull();
    const stale = r.alerts.find((a) => a.kind === 'stale')!;
    expect(stale).toMatchObject({ level: 'medium', facts: { what: 'market' } });
    if (stale.facts.kind !== 'stale') throw new Error('not stale');
    expect(stale.facts.ageSeconds).toBeGreaterThanOrEqual(36 * 3600);
    expect(stale.facts.sources).toEqual(expect.arrayContaining(['Chainlink RSETH / ETH']));
  });
});

describe('the RPC dies mid-crisis', () => {
  it('keeps the alert with the last figures, marked stale, and says why', async () => {
    const rate = (D.renzoTotalTVL * E18) / D.ezethTotalSupply;
    await chain.setPoolPrice('ezETH', (rate * 85n) / 100n);
    await chain.setFeed('ezETH', (rate * 85n) / 100n);
    expect(kinds(await ask('ezETH'))).toContain('depeg');
    proxy.mode = 'down';
    await rpcSettings.setValue({ '1': [proxy.url] });
    const r = await ask('ezETH');
    expect(r.stale).toBe(true);
    expect(r.error).toBeTruthy();
    const depeg = r.alerts.find((a) => a.kind === 'depeg')!;
    expect(depeg).toMatchObject({ level: 'high', stale: true });
  });
});
