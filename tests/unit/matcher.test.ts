import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/scan/matcher';
import { registry } from '../../lib/tokens/registry';

const m = createMatcher(registry);

describe('createMatcher', () => {
  it.each([
    ['wstETH', ['wstETH']],
    ['weETH', ['weETH']],
    ['WSTETH icon', ['wstETH']],
    ['WEETH', ['weETH']],
    ['0.35 wstETH', ['wstETH']],
    ['Supply wstETH.', ['wstETH']],
    ['(weETH)', ['weETH']],
    ['wstETH / weETH', ['wstETH', 'weETH']],
    ['weETH-wstETH', ['weETH', 'wstETH']],
    ['wstETH and wstETH again', ['wstETH']],
  ])('finds %j', (text, expected) => {
    expect(m.symbolsIn(text)).toEqual(expected);
  });

  it.each([
    'wstETHx',
    'xwstETH',
    'wstETH2',
    'my_weETH',
    'ETH',
    'Ethereum',
    'stETH',
    'eETH',
    'w\u0435ETH', // Cyrillic е (U+0435)
    'wst\u0415TH', // Cyrillic Е inside
    'wst\u200bETH',
    'weETH\u200b',
    '\u200bweETH',
    'weETH\u2060',
    '\ufeffwstETH',
    'wstETHé',
    'WstEth',
    'WSTeth',
    'weeth',
  ])('ignores %j', (text) => {
    expect(m.symbolsIn(text)).toEqual([]);
  });

  it('finds the symbols beside look-alikes in the same text', () => {
    expect(m.symbolsIn('w\u0435ETH or weETH')).toEqual(['weETH']);
    expect(m.symbolsIn('wstETHx but also wstETH')).toEqual(['wstETH']);
  });

  it('matches only the tokens it was built with', () => {
    const only = createMatcher(registry.filter((t) => t.symbol === 'weETH'));
    expect(only.symbolsIn('wstETH / weETH')).toEqual(['weETH']);
  });

  it('is stateless between calls (global regex lastIndex does not leak)', () => {
    for (let i = 0; i < 3; i++) expect(m.symbolsIn('0.35 wstETH')).toEqual(['wstETH']);
  });

  it('firstIn gives the first symbol and the spelling the text used', () => {
    expect(m.firstIn('supply WSTETH now')).toEqual({ symbol: 'wstETH', shown: 'WSTETH' });
    expect(m.firstIn('wstETHx then weETH / wstETH')).toEqual({ symbol: 'weETH', shown: 'weETH' });
    expect(m.firstIn('w\u0435ETH')).toBeNull();
    expect(m.firstIn('0.35 wstETH')).toEqual({ symbol: 'wstETH', shown: 'wstETH' });
  });
});
