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
    ['wstETH/WETH', ['wstETH']],
    ['wstETH and wstETH again', ['wstETH']],
    ['stETH', ['stETH']],
    ['eETH', ['eETH']],
    ['STETH / EETH', ['stETH', 'eETH']],
    ['stETH vs wstETH', ['stETH', 'wstETH']],
    ['eETH wraps into weETH', ['eETH', 'weETH']],
    ['swETH and rswETH', ['swETH', 'rswETH']],
    ['frxETH → sfrxETH', ['frxETH', 'sfrxETH']],
    ['rsETH, not rswETH', ['rsETH', 'rswETH']],
    ['1.2 ETHx', ['ETHx']],
    ['«wstETH»', ['wstETH']],
    ['€ weETH — ok', ['weETH']],
    ['\u{1F600} weETH', ['weETH']],
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
    'ETHX2',
    'xETHx',
    'xmETH',
    'feETH',
    'stETHs',
    'w\u0435ETH', // Cyrillic е (U+0435)
    'wst\u0415TH', // Cyrillic Е inside
    'wst\u200bETH',
    'weETH\u200b',
    '\u200bweETH',
    'weETH\u2060',
    '\ufeffwstETH',
    'wstETHé',
    // letters and digits of other scripts touch the word too, outside the Basic Multilingual Plane included
    '\u{1D41A}wstETH', // mathematical bold small a
    'wstETH\u{1D41A}',
    '\u0663wstETH', // Arabic-Indic digit three
    'é-wstETH',
    'wstETH-ж',
    'WstEth',
    'WSTeth',
    'weeth',
    // hyphen-joined identifiers: pool shares and pool names, not the token
    'wstETH-WETH-BPT',
    'B-stETH-STABLE',
    'weETH-wstETH',
    'stETH-ng',
  ])('ignores %j', (text) => {
    expect(m.symbolsIn(text)).toEqual([]);
  });

  it.each(registry.map((t) => t.symbol))('finds %s in its registry casing and in all caps, in a sentence', (symbol) => {
    expect(m.symbolsIn(symbol)).toEqual([symbol]);
    expect(m.symbolsIn(symbol.toUpperCase())).toEqual([symbol]);
    expect(m.symbolsIn(`Supply 0.35 ${symbol}.`)).toEqual([symbol]);
    expect(m.firstIn(`(${symbol.toUpperCase()} icon)`)).toEqual({ symbol, shown: symbol.toUpperCase() });
  });

  it.each([
    // [text, symbol it is, symbol it contains but must never yield]
    ['wstETH', 'wstETH', 'stETH'],
    ['WSTETH', 'wstETH', 'stETH'],
    ['weETH', 'weETH', 'eETH'],
    ['WEETH', 'weETH', 'eETH'],
    ['rswETH', 'rswETH', 'swETH'],
    ['RSWETH', 'rswETH', 'swETH'],
    ['sfrxETH', 'sfrxETH', 'frxETH'],
    ['SFRXETH', 'sfrxETH', 'frxETH'],
  ])('%j yields %s and never %s', (text, is, never) => {
    expect(m.symbolsIn(text)).toEqual([is]);
    expect(m.symbolsIn(`0.5 ${text} supplied`)).not.toContain(never);
    expect(m.firstIn(text)?.symbol).toBe(is);
  });

  it('finds the symbols beside look-alikes in the same text', () => {
    expect(m.symbolsIn('w\u0435ETH or weETH')).toEqual(['weETH']);
    expect(m.symbolsIn('wstETHx but also wstETH')).toEqual(['wstETH']);
  });

  it('matches only the tokens it was built with', () => {
    const only = createMatcher(registry.filter((t) => t.symbol === 'weETH'));
    expect(only.symbolsIn('wstETH / weETH')).toEqual(['weETH']);
    // built without weETH, eETH is still not found inside "weETH"
    const eeth = createMatcher(registry.filter((t) => t.symbol === 'eETH' || t.symbol === 'stETH'));
    expect(eeth.symbolsIn('weETH / wstETH')).toEqual([]);
    expect(eeth.symbolsIn('weETH / eETH / stETH')).toEqual(['eETH', 'stETH']);
  });

  it('is stateless between calls (global regex lastIndex does not leak)', () => {
    for (let i = 0; i < 3; i++) expect(m.symbolsIn('0.35 wstETH')).toEqual(['wstETH']);
  });

  it('anyIn remembers its answers by text, and stays right past its memory bound', () => {
    const fresh = createMatcher(registry);
    expect(fresh.anyIn('0.35 wstETH')).toBe(fresh.anyIn('0.35 wstETH'));
    for (let i = 0; i < 12_000; i++) fresh.anyIn(`row ${i} weETH`);
    expect(fresh.anyIn('0.35 wstETH')).toEqual({ symbol: 'wstETH', shown: 'wstETH', lookalike: false, byName: false });
    expect(fresh.anyIn('row 3 weETH')?.symbol).toBe('weETH');
    expect(fresh.anyIn('plain text')).toBeNull();
  });

  it('firstIn gives the first symbol and the spelling the text used', () => {
    expect(m.firstIn('supply WSTETH now')).toEqual({ symbol: 'wstETH', shown: 'WSTETH' });
    expect(m.firstIn('wstETHx then weETH / wstETH')).toEqual({ symbol: 'weETH', shown: 'weETH' });
    expect(m.firstIn('w\u0435ETH')).toBeNull();
    expect(m.firstIn('0.35 wstETH')).toEqual({ symbol: 'wstETH', shown: 'wstETH' });
  });
});

describe('names that hold another symbol', () => {
  const m = createMatcher(registry);
  it.each([
    ['Wrapped eETH', []],
    ['Wrapped stETH', []],
    ['Supply Wrapped eETH (weETH)', ['weETH']],
    ['Wrapped eETH and eETH', ['eETH']],
  ])('%j → %j', (text, symbols) => {
    expect(m.symbolsIn(text)).toEqual(symbols);
    expect(m.firstIn(text)?.symbol ?? null).toBe(symbols[0] ?? null);
  });
});

describe('wrapped forms the apps show', () => {
  const m = createMatcher(registry);
  it.each([
    ['aEthweETH', 'weETH', 'aEthweETH'],
    ['variableDebtEthwstETH', 'wstETH', 'variableDebtEthwstETH'],
    ['aArbwstETH', 'wstETH', 'aArbwstETH'],
    ['aEthLidowstETH', 'wstETH', 'aEthLidowstETH'],
    ['PT-weETH-26JUN2025', 'weETH', 'PT-weETH-26JUN2025'],
    ['YT-rsETH', 'rsETH', 'YT-rsETH'],
    ['SY-ezETH', 'ezETH', 'SY-ezETH'],
  ])('%j is %s', (text, symbol, shown) => {
    expect(m.firstIn(text)).toEqual({ symbol, shown });
  });
  it.each(['xaEthweETH', 'aEthweETHx', 'PT-weETHs', 'ZT-weETH-', 'aFooweETH'])('%j is not a wrapper of a token', (text) => {
    expect(m.firstIn(text)?.shown).not.toBe(text);
  });
});

describe('lookalikeIn', () => {
  const m = createMatcher(registry);
  it.each([
    ['w\u0435ETH', 'weETH'],
    ['wst\u0415TH', 'wstETH'],
    ['wst\u200bETH', 'wstETH'],
    ['r\u0455ETH on sale', 'rsETH'],
    ['\u0435zETH', 'ezETH'],
  ])('%j imitates %s', (text, symbol) => {
    expect(m.lookalikeIn(text)?.symbol).toBe(symbol);
    expect(m.firstIn(text)).toBeNull();
  });
  it.each(['weETH', 'Ethereum', 'Привет', 'wstETH — ok', 'café'])('%j is no look-alike', (text) => {
    expect(m.lookalikeIn(text)).toBeNull();
  });
});

describe('mightMatch, the scanner’s cheap gate', () => {
  const m = createMatcher(registry);
  it('lets every symbol, in its casing and in caps, through — the gate relies on "ETH" being in all of them', () => {
    for (const t of registry) {
      expect(m.mightMatch(t.symbol), t.symbol).toBe(true);
      expect(m.mightMatch(t.symbol.toUpperCase()), t.symbol).toBe(true);
      expect(m.mightMatch(`PT-${t.symbol}-26JUN2025`)).toBe(true);
    }
  });
  it('lets look-alikes through and stops plain text', () => {
    expect(m.mightMatch('w\u0435ETH')).toBe(true);
    expect(m.mightMatch('wst\u200bETH')).toBe(true);
    expect(m.mightMatch('Total supplied 1.2M USDC')).toBe(false);
    expect(m.mightMatch('eth')).toBe(false);
  });
});

describe('nameIn: token names as the apps show them', () => {
  const m = createMatcher(registry);
  it.each([
    ['Wrapped liquid staked Ether 2.0', 'wstETH'],
    ['Liquid staked Ether 2.0', 'stETH'],
    ['Renzo Restaked ETH', 'ezETH'],
    ['renzo restaked eth', 'ezETH'],
    ['Rocket Pool ETH', 'rETH'],
    ['Coinbase Wrapped Staked ETH', 'cbETH'],
    ['Staked Frax Ether', 'sfrxETH'],
    ['Frax Ether', 'frxETH'],
    ['Supply your Swell Ethereum', 'swETH'],
    ['KelpDao Restaked ETH', 'rsETH'],
    // cut short by the app, whole-text only
    ['Wrapped liquid staked Et…', 'wstETH'],
    ['Coinbase Wrapped...', 'cbETH'],
    ['Renzo Restak…', 'ezETH'],
  ])('%j is %s', (text, symbol) => {
    expect(m.nameIn(text)?.symbol).toBe(symbol);
    expect(m.anyIn(text)).toMatchObject({ symbol, byName: true, lookalike: false });
  });

  it.each([
    'Staked ETH', // osETH's on-chain name: every LST is staked ETH
    'Liquid Staked ETH', // LsETH's: a phrase as much as a name
    'Your staked ETH earns rewards',
    'Ethereum',
    'Wrapped Ether',
    'Liquid staked Eth…', // the start of stETH's name and of LsETH's generic one
    'Wrapped…', // too short to say which
    'Renzo Restaked ETHx', // inside a longer word
    'Frax Etherscan',
  ])('%j names no token', (text) => {
    expect(m.nameIn(text)).toBeNull();
  });

  it('a symbol beats a name in the same text; a name that holds a symbol is the name’s token', () => {
    expect(m.anyIn('Renzo Restaked ETH (ezETH)')).toMatchObject({ symbol: 'ezETH', byName: false });
    expect(m.anyIn('Wrapped eETH')).toMatchObject({ symbol: 'weETH', byName: true });
    expect(m.firstIn('Staked ETHx')?.symbol).toBe('ETHx');
  });

  it('lets every distinctive name through the cheap gate', () => {
    for (const t of registry) for (const name of [t.name, ...t.aliases]) expect(m.mightMatch(name), name).toBe(true);
    expect(m.mightMatch('Wrapped liquid staked Et…')).toBe(true);
  });
});
