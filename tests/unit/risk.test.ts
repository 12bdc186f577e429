import { describe, expect, it } from 'vitest';
import type { BridgeRoute, Figures } from '../../lib/chain/figures';
import { TOKEN_RISKS } from '../../lib/risk/facts';
import { LAYERS, liquidityRow, oracleRow, riskRows, worstRow } from '../../lib/risk/layers';
import { STATIC_LAYERS, tokenRiskSchema } from '../../lib/risk/schema';
import { DEFAULT_THRESHOLDS, THRESHOLD_SOURCES, thresholdsSchema } from '../../lib/risk/thresholds';
import { registry, tokenBySymbol } from '../../lib/tokens/registry';
import { layerWhy } from '../../lib/ui/format';
import { makeFigures } from './helpers';

const at = (symbol: string, figures: Figures | null = null, siteId: string | null = null, chainId?: number) => riskRows(symbol, figures, { siteId, chainId });
/** The layers shown on the token's home chain: all but the bridge row. */
const HOME_LAYERS = LAYERS.filter((l) => l !== 'bridge');
const row = (rows: ReturnType<typeof at>, layer: string) => rows.find((r) => r.layer === layer)!;

describe('the static facts', () => {
  it('cover every registry token once, each valid against the schema', () => {
    expect(TOKEN_RISKS.map((t) => t.symbol).sort()).toEqual(registry.map((t) => t.symbol).sort());
    for (const facts of TOKEN_RISKS) expect(() => tokenRiskSchema.parse(facts), facts.symbol).not.toThrow();
  });

  it('give every reviewed level a source and a review date', () => {
    for (const facts of TOKEN_RISKS) {
      for (const layer of STATIC_LAYERS) {
        const fact = facts[layer];
        if (fact.level !== 'unknown' && fact.level !== 'none') expect(fact.sources.length, `${facts.symbol} ${layer}`).toBeGreaterThan(0);
        expect(fact.reviewed, `${facts.symbol} ${layer}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('say none for restaking exactly on the plain LSTs, and a level for every LRT', () => {
    for (const token of registry) {
      const restaking = TOKEN_RISKS.find((t) => t.symbol === token.symbol)!.restaking.level;
      if (token.kind === 'LST') expect(restaking, token.symbol).toBe('none');
      else expect(restaking, token.symbol).not.toBe('none');
    }
  });
});

describe('riskRows', () => {
  it.each(registry.map((t) => t.symbol))('%s has the six layers in fixed order on its home chain, the static ones from its facts', (symbol) => {
    const rows = at(symbol);
    expect(HOME_LAYERS).toHaveLength(6);
    expect(rows.map((r) => r.layer)).toEqual(HOME_LAYERS);
    // the home chain named outright is the same: no bridge row
    expect(at(symbol, null, null, tokenBySymbol(symbol)!.homeChainId).map((r) => r.layer)).toEqual(HOME_LAYERS);
    const facts = TOKEN_RISKS.find((t) => t.symbol === symbol)!;
    for (const layer of STATIC_LAYERS) expect(row(rows, layer)).toMatchObject({ level: facts[layer].level, why: facts[layer].why, sources: facts[layer].sources });
  });

  it('every bridged deployment has seven layers: the bridge row between the wrapper and the market', () => {
    const bridged = registry.flatMap((t) => t.deployments.filter((d) => d.chainId !== t.homeChainId).map((d) => [t.symbol, d.chainId] as const));
    expect(bridged.length).toBeGreaterThan(0);
    for (const [symbol, chainId] of bridged) {
      const rows = at(symbol, null, null, chainId);
      expect(rows.map((r) => r.layer), `${symbol} on ${chainId}`).toEqual([...LAYERS]);
      expect(LAYERS.indexOf('bridge')).toBe(LAYERS.indexOf('wrapper') + 1);
      expect(row(rows, 'bridge').why.length, `${symbol} on ${chainId}`).toBeGreaterThan(0);
    }
  });

  it('an unknown token gets unknown rows, never a guess', () => {
    const rows = at('XYZ');
    for (const layer of STATIC_LAYERS) expect(row(rows, layer)).toMatchObject({ level: 'unknown', why: 'Not reviewed yet', sources: [] });
  });

  it('a paused contract raises the protocol row of an LST and the wrapper row of an LRT', () => {
    const paused = (symbol: string, read: string) => {
      const f = makeFigures({ symbol, readAt: 0 });
      return { ...f, redeem: { ...f.redeem, paused: [read] } };
    };
    const calm = at('wstETH');
    const lido = at('wstETH', paused('wstETH', 'WithdrawalQueue.isPaused()'));
    expect(row(calm, 'lst').level).toBe('low');
    expect(row(lido, 'lst')).toMatchObject({ level: 'medium', signal: 'Paused now: WithdrawalQueue.isPaused()' });
    expect(row(lido, 'wrapper').level).toBe(row(calm, 'wrapper').level);
    const etherfi = at('weETH', paused('weETH', 'EtherFiRedemptionManager.paused()'));
    expect(row(etherfi, 'wrapper')).toMatchObject({ level: 'high', signal: 'Paused now: EtherFiRedemptionManager.paused()' });
  });

  it('a pause read among the protocol pauses raises the row as well; one not set does not', () => {
    const f = makeFigures({ symbol: 'wstETH', readAt: 0 });
    const pauses = (paused: boolean | null) => ({ ...f, pauses: [{ label: 'WithdrawalQueue.isPaused()', affects: 'withdrawals' as const, paused, reason: null }] });
    expect(row(at('wstETH', pauses(true)), 'lst')).toMatchObject({ level: 'medium', signal: 'Paused now: WithdrawalQueue.isPaused()' });
    expect(row(at('wstETH', pauses(false)), 'lst').level).toBe('low');
    expect(row(at('wstETH', pauses(false)), 'lst').signal).toBeUndefined();
    expect(row(at('wstETH', pauses(null)), 'lst').level).toBe('low');
    // the same read in both lists is named once
    const both = { ...pauses(true), redeem: { ...f.redeem, paused: ['WithdrawalQueue.isPaused()'] } };
    expect(row(at('wstETH', both), 'lst').signal).toBe('Paused now: WithdrawalQueue.isPaused()');
  });

  it('the oracle row follows the lending market on the page', () => {
    expect(row(at('wstETH', null, 'aave'), 'oracle')).toMatchObject({ level: 'low', confidence: 'secondary' });
    expect(oracleRow('wstETH', 'aave').why).toContain('9.68%/yr');
    expect(row(at('pufETH', null, 'aave'), 'oracle').level).toBe('unknown');
    expect(row(at('wstETH', null, 'morpho'), 'oracle').level).toBe('unknown');
    expect(row(at('wstETH', null, 'uniswap'), 'oracle').level).toBe('none');
  });

  it('worstRow picks the highest level, the lower layer on a tie', () => {
    const rows = at('cbETH');
    expect(worstRow(rows)!.level).toBe('high');
    expect(worstRow(rows)!.layer).toBe(rows.find((r) => r.level === 'high')!.layer);
    expect(worstRow([])).toBeUndefined();
  });
});

describe('the liquidity row', () => {
  const base = makeFigures({ symbol: 'wstETH', readAt: 0 });
  const withPeg = (bps: number | null, costBps?: number): Figures => ({
    ...base,
    peg: { ...base.peg, bps, reason: bps === null ? 'no market' : null },
    sell: {
      ...base.sell,
      quotes: costBps === undefined ? [] : [{ valueEth: '10', outEth: '9.99', costBps: 1, reason: null }, { valueEth: '100', outEth: null, costBps, reason: null }],
    },
  });

  it('moves with the peg past the thresholds (defaults: 100 and 500 bps below)', () => {
    expect(liquidityRow(null).level).toBe('unknown');
    expect(liquidityRow(withPeg(-10)).level).toBe('low');
    expect(liquidityRow(withPeg(-99)).level).toBe('low');
    expect(liquidityRow(withPeg(-100)).level).toBe('medium');
    expect(liquidityRow(withPeg(-499)).level).toBe('medium');
    expect(liquidityRow(withPeg(-500)).level).toBe('high');
    expect(liquidityRow(withPeg(+300)).level).toBe('low'); // above redemption value: no exit risk
    expect(liquidityRow(withPeg(null)).why).toBe('no market');
  });

  it('moves with the cost of selling 100 ETH as well', () => {
    expect(liquidityRow(withPeg(-5, 40)).level).toBe('low');
    expect(liquidityRow(withPeg(-5, 150)).level).toBe('medium');
    expect(liquidityRow(withPeg(-5, 900)).level).toBe('high');
    expect(liquidityRow(withPeg(-5, 150)).live).toEqual({ pegBps: -5, sellCostBps: 150 });
    expect(layerWhy(liquidityRow(withPeg(-5, 150)))).toBe('Market −5 bps vs redemption; selling ~100 ETH costs 150 bps');
  });

  it('carries its figures as data, without a quote of 100 ETH too', () => {
    expect(liquidityRow(withPeg(-12)).live).toEqual({ pegBps: -12, sellCostBps: null });
    expect(layerWhy(liquidityRow(withPeg(-12)))).toBe('Market −12 bps vs redemption');
    // without a peg there are no figures: the reason is the line
    expect(liquidityRow(withPeg(null)).live).toBeUndefined();
    expect(layerWhy(liquidityRow(withPeg(null)))).toBe('no market');
  });

  it('writes its distances in the user’s unit, like the peg line', () => {
    expect(layerWhy(liquidityRow(withPeg(-35, 42), DEFAULT_THRESHOLDS), 'percent')).toBe('Market −0.35% vs redemption; selling ~100 ETH costs 0.42%');
  });

  it('follows the user’s thresholds', () => {
    const strict = { ...DEFAULT_THRESHOLDS, pegMediumBps: 20, pegHighBps: 60 };
    expect(liquidityRow(withPeg(-30), strict).level).toBe('medium');
    expect(liquidityRow(withPeg(-60), strict).level).toBe('high');
  });

  it('thresholds are validated and their defaults cite sources', () => {
    expect(thresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
    expect(thresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, pegMediumBps: 600 }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, sellHighBps: 0 }).success).toBe(false);
    for (const source of THRESHOLD_SOURCES) expect(source.url).toMatch(/^https:\/\//);
  });
});

describe('the bridge row', () => {
  const bridgedOn = (kind: string) =>
    registry.flatMap((t) => t.deployments.filter((d) => d.chainId !== t.homeChainId && d.bridge?.kind === kind).map((d) => ({ token: t, deployment: d })));
  const route = (over: Partial<BridgeRoute>): BridgeRoute => ({
    oapp: '0x0000000000000000000000000000000000000001',
    remoteEid: 30101,
    remoteChainId: 1,
    requiredDvns: ['0x00000000000000000000000000000000000000d1'],
    optionalDvns: [],
    optionalThreshold: 0,
    confirmations: 15,
    library: null,
    defaultLibrary: null,
    reason: null,
    ...over,
  });

  it('is low for a canonical rollup bridge, with reviewed sources', () => {
    const canonical = bridgedOn('canonical').filter(({ deployment: d }) => [42161, 10, 8453].includes(d.chainId));
    expect(canonical.length).toBeGreaterThan(0);
    for (const { token, deployment } of canonical) {
      // the first deployment on that chain decides the row
      if (token.deployments.find((d) => d.chainId === deployment.chainId) !== deployment) continue;
      const bridge = row(at(token.symbol, null, null, deployment.chainId), 'bridge');
      expect(bridge.level, `${token.symbol} on ${deployment.chainId}`).toBe('low');
      expect(bridge.why).toContain(deployment.bridge!.name);
      expect(bridge.sources.length).toBeGreaterThan(0);
    }
  });

  it('for a LayerZero OFT, is set by the weakest route read on-chain', () => {
    const lz = bridgedOn('layerzero').find(({ token, deployment }) => token.deployments.find((d) => d.chainId === deployment.chainId) === deployment)!;
    expect(lz).toBeDefined();
    const { token, deployment } = lz;
    const withRoutes = (routes: BridgeRoute[]) => ({ ...makeFigures({ symbol: token.symbol, readAt: 0, chainId: deployment.chainId }), bridgeRoutes: routes });
    const bridge = (routes: BridgeRoute[] | null) => row(at(token.symbol, routes === null ? null : withRoutes(routes), null, deployment.chainId), 'bridge');
    // not read yet: unknown, never a guess
    expect(bridge(null).level).toBe('unknown');
    expect(bridge([route({ requiredDvns: null, reason: 'getConfig reverted' })])).toMatchObject({ level: 'unknown', why: expect.stringContaining('getConfig reverted') });
    // one verifier: high, whichever route it is on
    const single = bridge([route({ requiredDvns: ['0xa', '0xb', '0xc'] }), route({ remoteChainId: deployment.chainId })]);
    expect(single).toMatchObject({ level: 'high', confidence: 'live', signal: '2 routes read on-chain' });
    expect(single.why).toMatch(/a single verifier/);
    expect(single.why).toMatch(/releasing on Ethereum/);
    // two: medium; three or more (required + optional threshold): low
    expect(bridge([route({ requiredDvns: ['0xa', '0xb'] })]).level).toBe('medium');
    expect(bridge([route({ requiredDvns: ['0xa'], optionalDvns: ['0xb', '0xc', '0xd'], optionalThreshold: 2 })])).toMatchObject({ level: 'low', why: expect.stringMatching(/3 verifiers/) });
  });
});
