import { describe, expect, it } from 'vitest';
import type { Figures } from '../../lib/chain/figures';
import { TOKEN_RISKS } from '../../lib/risk/facts';
import { LAYERS, liquidityRow, oracleRow, riskRows, worstRow } from '../../lib/risk/layers';
import { STATIC_LAYERS, tokenRiskSchema } from '../../lib/risk/schema';
import { DEFAULT_THRESHOLDS, THRESHOLD_SOURCES, thresholdsSchema } from '../../lib/risk/thresholds';
import { registry } from '../../lib/tokens/registry';
import { makeFigures } from './helpers';

const at = (symbol: string, figures: Figures | null = null, siteId: string | null = null) => riskRows(symbol, figures, { siteId });
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
  it.each(registry.map((t) => t.symbol))('%s has the six layers in fixed order, the static ones from its facts', (symbol) => {
    const rows = at(symbol);
    expect(rows.map((r) => r.layer)).toEqual([...LAYERS]);
    const facts = TOKEN_RISKS.find((t) => t.symbol === symbol)!;
    for (const layer of STATIC_LAYERS) expect(row(rows, layer)).toMatchObject({ level: facts[layer].level, why: facts[layer].why, sources: facts[layer].sources });
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
    expect(liquidityRow(withPeg(-5, 150)).why).toBe('Market −5 bps vs redemption; selling ~100 ETH costs 150 bps');
  });

  it('writes its distances in the user’s unit, like the peg line', () => {
    expect(liquidityRow(withPeg(-35, 42), DEFAULT_THRESHOLDS, 'percent').why).toBe('Market −0.35% vs redemption; selling ~100 ETH costs 0.42%');
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
