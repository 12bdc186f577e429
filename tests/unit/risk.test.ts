import { describe, expect, it } from 'vitest';
import { LAYERS, liquidityRow, riskRows } from '../../lib/risk/layers';
import { makeFigures } from './helpers';

describe('riskRows', () => {
  it('gives six rows in fixed order for every token', () => {
    for (const symbol of ['wstETH', 'weETH', 'cbETH', 'ezETH']) {
      expect(riskRows(symbol, null, null).map((r) => r.layer)).toEqual([...LAYERS]);
    }
  });

  it('knows a plain LST has no restaking layer, and an unreviewed LRT is unknown there', () => {
    expect(riskRows('cbETH', null, null).find((r) => r.layer === 'restaking')!.level).toBe('none');
    expect(riskRows('ezETH', null, null).find((r) => r.layer === 'restaking')!.level).toBe('unknown');
    expect(riskRows('weETH', null, null).find((r) => r.layer === 'restaking')!.level).toBe('medium');
  });

  it('prices the oracle row only where a lending market is on the page', () => {
    expect(riskRows('wstETH', null, 'aave').find((r) => r.layer === 'oracle')!.level).toBe('low');
    expect(riskRows('wstETH', null, 'uniswap').find((r) => r.layer === 'oracle')!.level).toBe('none');
  });

  it('moves the liquidity row with the peg and the cost of selling', () => {
    const base = makeFigures({ symbol: 'wstETH', readAt: 0 });
    expect(liquidityRow(null).level).toBe('unknown');
    expect(liquidityRow({ ...base, peg: { ...base.peg, bps: -10 }, sell: { ...base.sell, quotes: [] } }).level).toBe('low');
    expect(liquidityRow({ ...base, peg: { ...base.peg, bps: -80 }, sell: { ...base.sell, quotes: [] } }).level).toBe('medium');
    expect(liquidityRow({ ...base, peg: { ...base.peg, bps: -250 }, sell: { ...base.sell, quotes: [] } }).level).toBe('high');
    expect(liquidityRow({ ...base, peg: { ...base.peg, bps: null, reason: 'no market' } }).why).toBe('no market');
  });
});
