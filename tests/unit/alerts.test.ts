import { describe, expect, it } from 'vitest';
import { figuresSchema, type Figures, type MarketReading } from '../../lib/chain/figures';
import { alertThresholdsFor, defaultAlertThresholds } from '../../lib/risk/alert-thresholds';
import { alertsFor, weightedMarket, worstAlert, type AlertInput } from '../../lib/risk/alerts';
import { tokenBySymbol } from '../../lib/tokens/registry';

const E18 = 10n ** 18n;
const wad = (x: number) => (BigInt(Math.round(x * 1e9)) * E18) / 1_000_000_000n;
const T = 1_780_000_000;
const rseth = tokenBySymbol('rsETH')!;
const wsteth = tokenBySymbol('wstETH')!;

function figures(symbol: string, overrides: Record<string, unknown> = {}, chainId = 1): Figures {
  return figuresSchema.parse({
    symbol,
    chainId,
    readAt: T * 1000,
    blockNumber: '26400000',
    blockTimestamp: T,
    rpcHost: 'rpc.example',
    redemption: { value: wad(1.05).toString(), label: 'LRTOracle.rsETHPrice() (stored)', reason: null },
    markets: [],
    peg: { bps: null, market: null, sourceId: null, disagreementBps: null, reason: null },
    sell: { venue: null, quotes: [], reason: null },
    redeem: { minSeconds: 0, maxSeconds: 86_400, parts: [], notes: [], reason: null },
    ...overrides,
  });
}

const pool = (id: string, price: number, depth: number | null): MarketReading => ({
  id,
  label: id,
  kind: 'dex',
  price: wad(price).toString(),
  depthEth: depth === null ? null : wad(depth).toString(),
  updatedAt: null,
  stale: false,
  usable: true,
  reason: null,
});
const feed = (price: number | null, stale = false): MarketReading => ({
  id: 'feed',
  label: 'Chainlink RSETH / ETH',
  kind: 'chainlink',
  price: price === null ? null : wad(price).toString(),
  depthEth: null,
  updatedAt: T - (stale ? 5 * 86_400 : 60),
  stale,
  usable: price !== null,
  reason: stale ? 'stale' : null,
});

const run = (f: Figures, more: Partial<AlertInput> = {}, token = rseth) => alertsFor({ token, chainId: f.chainId, figures: f, stale: false, everywhere: [f], ...more });
const kinds = (f: Figures, more: Partial<AlertInput> = {}, token = rseth) => run(f, more, token).map((a) => `${a.kind}:${a.level}`);

describe('depeg: the market weighted by liquidity', () => {
  it('is quiet on a calm day and high when every source sits 15% below', () => {
    expect(kinds(figures('rsETH', { markets: [pool('deep', 1.049, 100_000), feed(1.0495)] }))).toEqual([]);
    const crash = run(figures('rsETH', { markets: [pool('deep', 0.8925, 100_000), feed(0.893)] }));
    expect(crash.map((a) => `${a.kind}:${a.level}`)).toEqual(['depeg:high']);
    // (0.8925 + 0.893) / 2 against 1.05, the two sources weighing the same.
    expect(crash[0]!.facts).toMatchObject({ kind: 'depeg', bps: -1498 });
  });

  it('does not raise a false alarm for one thin pool off while the deep one holds', () => {
    const thin = figures('rsETH', { markets: [pool('deep', 1.049, 100_000), pool('thin', 0.8925, 40), feed(1.0495)] });
    expect(kinds(thin)).toEqual([]);
    const weighted = weightedMarket(thin.markets)!;
    expect(Number(weighted.price) / 1e18).toBeGreaterThan(1.048);
  });

  it('starts at the thresholds, medium then high, and follows a token override', () => {
    const at = (price: number) => figures('rsETH', { markets: [pool('deep', price, 100_000)] });
    expect(kinds(at(1.05 * 0.9901))).toEqual([]);
    expect(kinds(at(1.05 * 0.99))).toEqual(['depeg:medium']);
    expect(kinds(at(1.05 * 0.95))).toEqual(['depeg:high']);
    const strict = alertThresholdsFor(rseth, { rsETH: { depegMediumBps: 20 } });
    expect(kinds(at(1.05 * 0.997), { thresholds: strict })).toEqual(['depeg:medium']);
  });

  it('weighs pools by depth, a market feed as all the pools together, and all alike when no depth is known', () => {
    const w = weightedMarket([pool('a', 1.0, 300), pool('b', 2.0, 100), feed(1.5)])!;
    // (1.0×300 + 2.0×100 + 1.5×400) / 800
    expect(Number(w.price) / 1e18).toBeCloseTo(1.375, 6);
    expect(w.sources.map((s) => s.weight)).toEqual([0.375, 0.125, 0.5]);
    expect(Number(weightedMarket([pool('a', 1.0, null), pool('b', 2.0, null)])!.price) / 1e18).toBeCloseTo(1.5, 6);
    expect(weightedMarket([{ ...pool('x', 1, 1), usable: false }])).toBeNull();
  });

  it('is not judged while the redemption value is unavailable (an unconfirmed fall speaks instead)', () => {
    expect(kinds(figures('rsETH', { redemption: { value: null, label: 'x', reason: 'fell' }, markets: [pool('deep', 0.8, 100_000)] }))).toEqual([]);
  });
});

describe('rate-fall', () => {
  const move = (bps: number, confirmed: boolean) => ({
    direction: 'fall',
    from: wad(1.05).toString(),
    fromBlock: '26399000',
    fromTimestamp: T - 600,
    to: wad(1.05 * (1 - bps / 10_000)).toString(),
    bps,
    since: T - 60,
    sinceBlock: '26399990',
    read: 'LRTOracle.rsETHPrice() (stored)',
    confirmed,
    confirmedBy: confirmed ? 'Chainlink rsETH / ETH Exchange Rate agrees' : null,
    confirmedAt: confirmed ? T : null,
  });
  const withMove = (bps: number, confirmed: boolean) => figures('rsETH', { redemption: { value: confirmed ? wad(1.05 * (1 - bps / 10_000)).toString() : null, label: 'x', reason: null, move: move(bps, confirmed) } });

  it('carries the size and whether a second source backs it', () => {
    const [alert] = run(withMove(800, false));
    expect(alert).toMatchObject({ kind: 'rate-fall', level: 'high', facts: { kind: 'rate-fall', bps: 800, confirmed: false } });
    expect(run(withMove(800, true))[0]!.facts).toMatchObject({ confirmed: true, confirmedBy: 'Chainlink rsETH / ETH Exchange Rate agrees' });
  });

  it('starts at 10 bps (medium) and 100 bps (high)', () => {
    expect(kinds(withMove(9, true))).toEqual([]);
    expect(kinds(withMove(10, true))).toEqual(['rate-fall:medium']);
    expect(kinds(withMove(100, true))).toEqual(['rate-fall:high']);
  });

  it('does not alert on a rise held back', () => {
    expect(kinds(figures('rsETH', { redemption: { value: null, label: 'x', reason: 'rose', move: { ...move(50, false), direction: 'rise' } } }))).toEqual([]);
  });
});

describe('paused', () => {
  it('is high when withdrawals or transfers stop, medium when only deposits do, and lists every read', () => {
    const pauses = (list: [string, 'withdrawals' | 'deposits' | 'transfers', boolean | null][]) =>
      figures('rsETH', { pauses: list.map(([label, affects, paused]) => ({ label, affects, paused, reason: paused === null ? 'reverted' : null })) });
    expect(kinds(pauses([['LRTDepositPool.paused()', 'deposits', false]]))).toEqual([]);
    expect(kinds(pauses([['LRTDepositPool.paused()', 'deposits', true]]))).toEqual(['paused:medium']);
    const both = run(pauses([['LRTDepositPool.paused()', 'deposits', true], ['LRTWithdrawalManager.paused()', 'withdrawals', true], ['x', 'transfers', null]]));
    expect(both.map((a) => a.level)).toEqual(['high']);
    expect(both[0]!.facts).toEqual({ kind: 'paused', reads: ['LRTDepositPool.paused()', 'LRTWithdrawalManager.paused()'], affects: ['deposits', 'withdrawals'] });
  });

  it('counts the exit road’s own pause reads (Lido’s queue) too', () => {
    const f = figures('wstETH', { redeem: { minSeconds: null, maxSeconds: null, parts: [], notes: [], reason: 'paused', paused: ['WithdrawalQueue.isPaused()'] } });
    expect(kinds(f, {}, wsteth)).toEqual(['paused:high']);
  });
});

describe('exit-slow', () => {
  const day = 86_400;
  const redeem = (maxDays: number, extra: Record<string, unknown> = {}) => ({ minSeconds: 0, maxSeconds: maxDays * day, parts: [], notes: [], reason: null, ...extra });

  it('uses the LST and LRT defaults', () => {
    expect(defaultAlertThresholds('LST')).toMatchObject({ exitSlowMediumDays: 21, exitSlowHighDays: 42 });
    expect(kinds(figures('wstETH', { redeem: redeem(20) }), {}, wsteth)).toEqual([]);
    expect(kinds(figures('wstETH', { redeem: redeem(22) }), {}, wsteth)).toEqual(['exit-slow:medium']);
    expect(kinds(figures('rsETH', { redeem: redeem(40) }))).toEqual([]);
    expect(kinds(figures('rsETH', { redeem: redeem(91) }))).toEqual(['exit-slow:high']);
  });

  it('is high in bunker mode whatever the wait', () => {
    expect(kinds(figures('wstETH', { redeem: redeem(2, { bunker: true }) }), {}, wsteth)).toEqual(['exit-slow:high']);
  });

  it('is medium when the queue doubled in a day by more than 10,000 ETH, and not for a small queue doubling', () => {
    const queue = (eth: number) => ({ queue: { eth: wad(eth).toString(), label: 'WithdrawalQueue.unfinalizedStETH()' } });
    const grown = run(figures('wstETH', { redeem: redeem(2, queue(1_500_000)) }), { queueBefore: { eth: wad(18_000).toString(), at: T - 6 * 3_600 } }, wsteth);
    expect(grown.map((a) => `${a.kind}:${a.level}`)).toEqual(['exit-slow:medium']);
    expect(grown[0]!.facts).toMatchObject({ queue: { hours: 6 } });
    expect(kinds(figures('wstETH', { redeem: redeem(2, queue(3_000)) }), { queueBefore: { eth: wad(1_000).toString(), at: T - 3_600 } }, wsteth)).toEqual([]);
  });
});

describe('stale', () => {
  it('flags a stored rate not updated past its limit, while the chain moves', () => {
    const f = figures('rsETH');
    expect(kinds(f, { storedSince: { block: '26390000', timestamp: T - 40 * 3_600, atLeast: false } })).toEqual([]);
    const old = run(f, { storedSince: { block: '26380000', timestamp: T - 72 * 3_600, atLeast: false } });
    expect(old.map((a) => `${a.kind}:${a.level}`)).toEqual(['stale:medium']);
    expect(old[0]!.facts).toMatchObject({ what: 'redemption', ageSeconds: 72 * 3_600 });
  });

  it('flags a market whose every source is past its age limit', () => {
    expect(kinds(figures('rsETH', { markets: [feed(null, true), { ...pool('p', 1, 1), price: null, usable: false, depthEth: null }] }))).toEqual(['stale:medium']);
    expect(kinds(figures('rsETH', { markets: [feed(null, true), pool('p', 1.049, 1_000)] }))).toEqual([]);
  });
});

describe('unbacked: more bridged supply than the bridge holds', () => {
  const escrow = rseth.deployments.find((d) => d.chainId === 42161)?.bridge?.escrow;
  const home = (held: number) => figures('rsETH', { supply: { total: null, escrows: escrow ? { [escrow]: wad(held).toString() } : {}, reason: null } });
  const l2 = (chainId: number, total: number) => figures('rsETH', { supply: { total: wad(total).toString(), escrows: {}, reason: null } }, chainId);

  it.runIf(escrow !== undefined)('is quiet while the escrow holds at least the supply on the chains read, high once it does not', () => {
    const everywhere = (held: number) => [home(held), l2(42161, 60_000), l2(10, 20_000), l2(8453, 40_000)];
    const calm = everywhere(130_000);
    expect(kinds(calm[0]!, { everywhere: calm })).toEqual([]);
    const drained = everywhere(13_500);
    const alerts = run(drained[0]!, { everywhere: drained });
    expect(alerts.map((a) => `${a.kind}:${a.level}`)).toEqual(['unbacked:high']);
    expect(alerts[0]!.facts).toMatchObject({ kind: 'unbacked', held: wad(13_500).toString(), chains: expect.arrayContaining([42161]) });
    // On an L2 the same shortfall shows too.
    expect(kinds(drained[1]!, { everywhere: drained })).toEqual(['unbacked:high']);
  });
});

describe('worstAlert', () => {
  it('picks high over medium', () => {
    const f = figures('rsETH', { markets: [pool('deep', 1.05 * 0.98, 100_000)], pauses: [{ label: 'w', affects: 'withdrawals', paused: true, reason: null }] });
    expect(worstAlert(run(f))?.kind).toBe('paused');
  });
});
