// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearAllMarks, MARK, summarizeMarks } from '../../lib/scan/marks';
import { createMatcher } from '../../lib/scan/matcher';
import { startScanner } from '../../lib/scan/scanner';
import { aave } from '../../lib/sites/aave';
import { registry } from '../../lib/tokens/registry';

const WSTETH_LOWER = '0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0';
const OTHER = '0x1111111111111111111111111111111111111111';
const WSTETH_ARBITRUM = '0x5979D7b546E38E414F7E9822514be443A4800529';
const WEETH_MAINNET = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const WEETH_BASE = '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A';
const WEETH_BASE_BRIDGED = '0x4c94DE27c94962Dba6Ebb77924Ac54189db75EFA';

function row(symbolId: string, address: string, text: string) {
  return `<div data-cy="marketListItemListItem_${symbolId}">
    <a href="/reserve-overview/?underlyingAsset=${address}&amp;marketName=proto_mainnet_v3">
      <div class="icon"><img src="/icons/tokens/${symbolId.toLowerCase()}.svg" alt="${symbolId} icon"></div>
      <p class="MuiTypography-root">${text}</p>
    </a>
  </div>`;
}

// Scans run in animation-frame passes; a loaded machine needs a margin.
const settle = () => new Promise((r) => setTimeout(r, 200));

/** outerHTML without anything the scanner may add. */
function stripped(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    if (el.hasAttribute(MARK.focus)) el.removeAttribute('tabindex');
    for (const name of el.getAttributeNames()) if (name.startsWith('data-stakelens')) el.removeAttribute(name);
  }
  return clone.outerHTML;
}

let root: HTMLElement;
let controller: AbortController;
let chain: number | null;
let onChange: ReturnType<typeof vi.fn<() => void>>;

function start() {
  onChange = vi.fn<() => void>();
  return startScanner({
    root,
    matcher: createMatcher(registry),
    site: aave,
    chainId: () => chain,
    signal: controller.signal,
    onChange,
  });
}

beforeEach(() => {
  document.body.innerHTML = `<main id="app">
    <section id="list">
      ${row('WSTETH', WSTETH_LOWER, 'wstETH')}
      ${row('WSTETH2', OTHER, 'wstETH')}
    </section>
    <div id="loose"><span id="bare">weETH</span></div>
    <div id="own-tab"><span id="focusable" tabindex="-1">weETH</span></div>
    <div id="lookalike"><span id="x">wstETHx</span></div>
    <script>var wstETH = 1;</script>
  </main>`;
  root = document.getElementById('app')!;
  controller = new AbortController();
  chain = 1;
});

afterEach(() => {
  controller.abort();
});

describe('startScanner on Aave rows', () => {
  it('marks a row whose link names the token address as an address match', async () => {
    start();
    await settle();
    const p = root.querySelector('[data-cy="marketListItemListItem_WSTETH"] p')!;
    expect(p.matches('[data-stakelens="wstETH"][data-stakelens-chain="1"][data-stakelens-match="address"]')).toBe(true);
    // inside a link: the page already makes it focusable
    expect(p.hasAttribute('tabindex')).toBe(false);
    expect(onChange).toHaveBeenCalled();
  });

  it('marks a row linking to another address as a mismatch', async () => {
    start();
    await settle();
    const p = root.querySelector('[data-cy="marketListItemListItem_WSTETH2"] p')!;
    expect(p.getAttribute(MARK.symbol)).toBe('wstETH');
    expect(p.getAttribute(MARK.match)).toBe('mismatch');
  });

  it('marks a bare symbol as a symbol match and makes it focusable', async () => {
    start();
    await settle();
    const bare = document.getElementById('bare')!;
    expect(bare.getAttribute(MARK.symbol)).toBe('weETH');
    expect(bare.getAttribute(MARK.match)).toBe('symbol');
    expect(bare.getAttribute('tabindex')).toBe('0');
    expect(bare.hasAttribute(MARK.focus)).toBe(true);
  });

  it('does not mark look-alikes or script text', async () => {
    start();
    await settle();
    expect(document.getElementById('x')!.hasAttribute(MARK.symbol)).toBe(false);
    expect(root.querySelector('script')!.hasAttribute(MARK.symbol)).toBe(false);
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(4);
  });

  it('records how the page spelled the symbol when it differs, and nothing when it does not', async () => {
    document.getElementById('bare')!.textContent = 'WEETH icon';
    start();
    await settle();
    const bare = document.getElementById('bare')!;
    expect(bare.getAttribute(MARK.symbol)).toBe('weETH');
    expect(bare.getAttribute(MARK.via)).toBe('WEETH');
    bare.textContent = '0.35 weETH';
    await settle();
    expect(bare.getAttribute(MARK.symbol)).toBe('weETH');
    expect(bare.hasAttribute(MARK.via)).toBe(false);
  });

  it('marks a row added later', async () => {
    start();
    await settle();
    const list = document.getElementById('list')!;
    list.insertAdjacentHTML('beforeend', row('WEETH', '0xcd5fe23c85820f7b72d0926fc9b05b43e359b7ee', 'weETH'));
    await settle();
    const p = root.querySelector('[data-cy="marketListItemListItem_WEETH"] p')!;
    expect(p.getAttribute(MARK.symbol)).toBe('weETH');
    expect(p.getAttribute(MARK.match)).toBe('address');
  });

  it('removes the mark when the marked text changes to another token', async () => {
    start();
    await settle();
    const bare = document.getElementById('bare')!;
    expect(bare.hasAttribute(MARK.symbol)).toBe(true);
    (bare.firstChild as Text).data = 'USDC';
    await settle();
    expect(bare.hasAttribute(MARK.symbol)).toBe(false);
    expect(bare.hasAttribute(MARK.match)).toBe(false);
    expect(bare.hasAttribute('tabindex')).toBe(false);
    expect(bare.hasAttribute(MARK.focus)).toBe(false);
  });

  it('removes the mark when the app removes the text it showed', async () => {
    start();
    await settle();
    const bare = document.getElementById('bare')!;
    expect(bare.getAttribute(MARK.symbol)).toBe('weETH');
    bare.firstChild!.remove();
    await settle();
    expect(bare.hasAttribute(MARK.symbol)).toBe(false);
    expect(bare.hasAttribute('tabindex')).toBe(false);
  });

  it('re-marks with the new chain on rescan()', async () => {
    const scanner = start();
    await settle();
    chain = 137;
    scanner.rescan();
    await settle();
    const marked = [...root.querySelectorAll(`[${MARK.symbol}]`)];
    expect(marked).toHaveLength(4);
    for (const el of marked) {
      expect(el.getAttribute(MARK.chain)).toBe('137');
      // no deployment on Polygon in the registry: the address cannot be checked
      expect(el.getAttribute(MARK.match)).toBe('symbol');
    }
  });

  it('on rescan() to a chain where the token is deployed, checks the address against that chain', async () => {
    document.getElementById('list')!.insertAdjacentHTML('beforeend', row('WSTETH_ARB', WSTETH_ARBITRUM.toLowerCase(), 'wstETH'));
    const scanner = start();
    await settle();
    const mainnetRow = root.querySelector('[data-cy="marketListItemListItem_WSTETH"] p')!;
    const arbitrumRow = root.querySelector('[data-cy="marketListItemListItem_WSTETH_ARB"] p')!;
    expect(mainnetRow.getAttribute(MARK.match)).toBe('address');
    expect(arbitrumRow.getAttribute(MARK.match)).toBe('mismatch');
    chain = 42161;
    scanner.rescan();
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(5);
    for (const el of root.querySelectorAll(`[${MARK.symbol}]`)) expect(el.getAttribute(MARK.chain)).toBe('42161');
    // the mainnet wstETH address on Arbitrum is another token; Arbitrum's own is the match
    expect(mainnetRow.getAttribute(MARK.match)).toBe('mismatch');
    expect(arbitrumRow.getAttribute(MARK.match)).toBe('address');
    expect(document.getElementById('bare')!.getAttribute(MARK.match)).toBe('symbol');
  });

  it('accepts any of the token addresses on the chain (both weETH deployments on Base)', async () => {
    chain = 8453;
    const list = document.getElementById('list')!;
    list.insertAdjacentHTML('beforeend', row('WEETH_OFT', WEETH_BASE.toLowerCase(), 'weETH'));
    list.insertAdjacentHTML('beforeend', row('WEETH_BRIDGED', WEETH_BASE_BRIDGED.toLowerCase(), 'weETH'));
    list.insertAdjacentHTML('beforeend', row('WEETH_MAINNET', WEETH_MAINNET.toLowerCase(), 'weETH'));
    start();
    await settle();
    const match = (id: string) => root.querySelector(`[data-cy="marketListItemListItem_${id}"] p`)!.getAttribute(MARK.match);
    expect(match('WEETH_OFT')).toBe('address');
    expect(match('WEETH_BRIDGED')).toBe('address');
    expect(match('WEETH_MAINNET')).toBe('mismatch');
    // wstETH's Base address is not weETH's, and the mainnet wstETH address is not wstETH on Base
    expect(match('WSTETH')).toBe('mismatch');
  });

  it('marks nothing while the chain is unknown', async () => {
    chain = null;
    start();
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(0);
  });

  it('stops after abort', async () => {
    controller.abort();
    start();
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(0);
  });

  it('leaves the DOM structure unchanged', async () => {
    const before = root.outerHTML;
    start();
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`).length).toBeGreaterThan(0);
    expect(root.outerHTML).not.toBe(before);
    expect(stripped(root)).toBe(before);
  });
});

describe('clearAllMarks / summarizeMarks', () => {
  it('clearAllMarks removes every mark and the tabindex we added, but not the page’s own', async () => {
    const before = root.outerHTML;
    start();
    await settle();
    const own = document.getElementById('focusable')!;
    expect(own.getAttribute(MARK.symbol)).toBe('weETH');
    expect(own.getAttribute('tabindex')).toBe('-1');
    expect(own.hasAttribute(MARK.focus)).toBe(false);
    controller.abort();
    clearAllMarks(root);
    expect(root.querySelectorAll(`[${MARK.symbol}],[${MARK.chain}],[${MARK.match}],[${MARK.via}],[${MARK.focus}]`)).toHaveLength(0);
    expect(document.getElementById('bare')!.hasAttribute('tabindex')).toBe(false);
    expect(own.getAttribute('tabindex')).toBe('-1');
    expect(root.outerHTML).toBe(before);
  });

  it('summarizeMarks counts per token and chain, a look-alike apart from the real one', async () => {
    start();
    await settle();
    const summary = summarizeMarks(root);
    const by = Object.fromEntries(summary.map((s) => [`${s.chainId}:${s.symbol}:${s.match}`, s]));
    expect(summary).toHaveLength(3);
    expect(by['1:wstETH:address']).toEqual({ symbol: 'wstETH', chainId: 1, match: 'address', count: 1 });
    expect(by['1:wstETH:mismatch']).toEqual({ symbol: 'wstETH', chainId: 1, match: 'mismatch', count: 1 });
    expect(by['1:weETH:symbol']).toEqual({ symbol: 'weETH', chainId: 1, match: 'symbol', count: 2 });
  });

  it('the scanner’s own summary agrees with the page’s marks, and a removed row is reported gone', async () => {
    const scanner = start();
    await settle();
    expect(scanner.summary()).toEqual(summarizeMarks(root));
    expect(onChange).toHaveBeenCalledTimes(1);
    // The app drops the row whose address matched: no mark changes, yet the page no longer shows it.
    document.querySelector('[data-cy="marketListItemListItem_WSTETH"]')!.remove();
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(scanner.summary()).toEqual(summarizeMarks(root));
    expect(scanner.summary().map((s) => `${s.symbol}:${s.match}`).sort()).toEqual(['weETH:symbol', 'wstETH:mismatch']);
  });

  it('summarizeMarks prefers address over symbol and keeps chains apart', () => {
    document.body.innerHTML = `
      <span data-stakelens="weETH" data-stakelens-chain="1" data-stakelens-match="symbol">a</span>
      <span data-stakelens="weETH" data-stakelens-chain="1" data-stakelens-match="address">b</span>
      <span data-stakelens="weETH" data-stakelens-chain="1" data-stakelens-match="symbol">c</span>
      <span data-stakelens="weETH" data-stakelens-chain="8453" data-stakelens-match="symbol">d</span>
      <span data-stakelens="weETH" data-stakelens-chain="x" data-stakelens-match="symbol">e</span>
      <span data-stakelens="weETH" data-stakelens-chain="1" data-stakelens-match="bogus">f</span>`;
    expect(summarizeMarks(document.body)).toEqual([
      { symbol: 'weETH', chainId: 1, match: 'address', count: 3 },
      { symbol: 'weETH', chainId: 8453, match: 'symbol', count: 1 },
    ]);
  });

  it('keeps a look-alike apart from the real token on the same page', () => {
    document.body.innerHTML = `
      <span data-stakelens="weETH" data-stakelens-chain="1" data-stakelens-match="address">a</span>
      <span data-stakelens="weETH" data-stakelens-chain="1" data-stakelens-match="mismatch">b</span>`;
    expect(summarizeMarks(document.body)).toEqual([
      { symbol: 'weETH', chainId: 1, match: 'address', count: 1 },
      { symbol: 'weETH', chainId: 1, match: 'mismatch', count: 1 },
    ]);
  });
});

describe('scanner budget and cap', () => {
  function startWith(now: () => number, changed: () => void = () => {}) {
    return startScanner({ root, matcher: createMatcher(registry), site: aave, chainId: () => chain, signal: controller.signal, onChange: changed, now });
  }

  it('finishes a large page over several frames when the time budget runs out', async () => {
    const groups = Array.from({ length: 30 }, (_, g) =>
      `<div class="g${g}"><ul>${Array.from({ length: 10 }, (_, i) => `<li><span>${i % 2 ? 'weETH' : 'wstETH'}</span> <em>x</em></li>`).join('')}</ul><p>tail ${g}</p></div>`,
    ).join('');
    root.innerHTML = groups;
    let t = 0;
    const reports = vi.fn();
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    // every clock read costs 1 ms: a pass ends after a few hundred text nodes, long before the page does
    startWith(() => ++t, reports);
    for (let i = 0; i < 40 && root.querySelectorAll(`[${MARK.symbol}]`).length < 300; i++) await settle();
    await settle();
    expect(frames.mock.calls.length).toBeGreaterThan(1);
    // Many frames, one report: the page learns of the scan once it is whole.
    expect(reports).toHaveBeenCalledTimes(1);
    frames.mockRestore();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(300);
    expect(root.querySelectorAll('span:not([data-stakelens])')).toHaveLength(0);
  });

  it('resumes a walk cut short by the budget, and walks again when the page removed where it stopped', () => {
    root.innerHTML = Array.from({ length: 30 }, (_, g) =>
      `<div class="g${g}"><ul>${Array.from({ length: 10 }, (_, i) => `<li><span>${i % 2 ? 'weETH' : 'wstETH'}</span> <em>x</em></li>`).join('')}</ul></div>`,
    ).join('');
    const frames: FrameRequestCallback[] = [];
    const spy = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    let t = 0;
    // every clock read costs 1 ms: a pass judges a few hundred texts, then waits for the next frame
    startWith(() => ++t);
    frames.shift()!(0);
    const marked = () => root.querySelectorAll(`[${MARK.symbol}]`).length;
    expect(marked()).toBeGreaterThan(0);
    expect(marked()).toBeLessThan(300);
    // The app drops the first half of the list, the text the walk stopped at included.
    for (const group of root.querySelectorAll('div:nth-child(-n+15)')) group.remove();
    for (let i = 0; i < 50 && frames.length; i++) frames.shift()!(0);
    spy.mockRestore();
    expect(root.querySelectorAll('span')).toHaveLength(150);
    expect(root.querySelectorAll('span:not([data-stakelens])')).toHaveLength(0);
  });

  it('stops adding marks past MAX_MARKS', async () => {
    root.innerHTML = `<div id="many">${'<span>weETH</span>'.repeat(2_001)}</div>`;
    startWith(() => 0);
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(2_000);
  });

  it('counts marks on the page toward MAX_MARKS, not marks that left with removed nodes', async () => {
    // A list that re-renders or virtualizes (rows replaced as the user scrolls) removes marked
    // elements; the cap must not keep counting them, or marking stops on a long-lived page.
    root.innerHTML = `<div id="many">${'<span>weETH</span>'.repeat(2_000)}</div>`;
    startWith(() => 0);
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(2_000);
    document.getElementById('many')!.remove();
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(0);
    root.insertAdjacentHTML('beforeend', '<div><span id="late">wstETH</span></div>');
    await settle();
    expect(document.getElementById('late')!.getAttribute(MARK.symbol)).toBe('wstETH');
  });

  it('marks what waited for room once marked nodes leave, and recounts once per removal, not per mention', async () => {
    root.innerHTML = `<div id="first">${'<span>weETH</span>'.repeat(2_000)}</div><div id="rest">${'<span>rETH</span>'.repeat(300)}</div>`;
    const count = vi.spyOn(root, 'querySelectorAll');
    startWith(() => 0);
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(2_000);
    const recounts = count.mock.calls.filter(([selector]) => selector === `[${MARK.symbol}]`).length;
    expect(recounts).toBeLessThanOrEqual(2); // 300 refused mentions: the count comes from our own marks, not a query per mention
    document.getElementById('first')!.remove();
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}="rETH"]`)).toHaveLength(300);
  });

  it('a cell rewritten in place takes no mark away, so what waits for room is not judged again for it', async () => {
    root.innerHTML = `<div id="first">${'<span>weETH</span>'.repeat(2_000)}</div><div id="rest">${'<span>rETH</span>'.repeat(300)}</div><p id="cell">USDC 0</p>`;
    const matcher = createMatcher(registry);
    const judged = vi.spyOn(matcher, 'mightMatch');
    startScanner({ root, matcher, site: aave, chainId: () => chain, signal: controller.signal, onChange: () => {}, now: () => 0 });
    await settle();
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(2_000);
    judged.mockClear();
    // Each rewrite replaces the cell's text node: a removal, but of text, which carries no mark.
    const cell = document.getElementById('cell')!;
    for (let i = 1; i <= 5; i++) {
      cell.textContent = `USDC ${i}`;
      await settle();
    }
    expect(judged.mock.calls.length).toBeLessThan(20); // the 5 new texts, not 5 × 300 waiting mentions
  });

  it('a mark the page’s own text takes away frees room for what waited', async () => {
    root.innerHTML = `<p id="cell">rETH</p><div id="first">${'<span>weETH</span>'.repeat(1_999)}</div><div><span id="next">wstETH</span></div>`;
    start();
    await settle();
    expect(document.getElementById('cell')!.getAttribute(MARK.symbol)).toBe('rETH');
    expect(document.getElementById('next')!.hasAttribute(MARK.symbol)).toBe(false);
    (document.getElementById('cell')!.firstChild as Text).data = 'USDC'; // changed in place: nothing removed
    await settle();
    expect(document.getElementById('cell')!.hasAttribute(MARK.symbol)).toBe(false);
    expect(document.getElementById('next')!.getAttribute(MARK.symbol)).toBe('wstETH');
    expect(root.querySelectorAll(`[${MARK.symbol}]`)).toHaveLength(2_000);
  });
});

describe('look-alikes on the page', () => {
  it('marks a word dressed up as a symbol as a mismatch, keeping what the page wrote', async () => {
    document.body.innerHTML = '<div id="r"><span id="fake">w\u0435ETH</span><span id="zw">wst\u200bETH</span></div>';
    const controller = new AbortController();
    startScanner({ root: document.body, matcher: createMatcher(registry), site: aave, chainId: () => 1, signal: controller.signal, onChange: () => {} });
    await new Promise((r) => setTimeout(r, 60));
    const fake = document.getElementById('fake')!;
    expect(fake.getAttribute(MARK.symbol)).toBe('weETH');
    expect(fake.getAttribute(MARK.match)).toBe('mismatch');
    expect(fake.getAttribute(MARK.via)).toBe('w\u0435ETH');
    expect(document.getElementById('zw')!.getAttribute(MARK.match)).toBe('mismatch');
    controller.abort();
  });
});

describe('names and labels', () => {
  const scanBody = async (html: string) => {
    document.body.innerHTML = html;
    const controller = new AbortController();
    startScanner({ root: document.body, matcher: createMatcher(registry), site: aave, chainId: () => 1, signal: controller.signal, onChange: () => {} });
    await settle();
    controller.abort();
    return [...document.body.querySelectorAll(`[${MARK.symbol}]`)].map((el) => [el.id, el.getAttribute(MARK.symbol)]);
  };

  it('marks a token once per row when icon, name, symbol and aria-label all show it', async () => {
    const marks = await scanBody(`<ul>
      <li><img id="i1" alt="wstETH icon" src="/w.svg"><h4 id="n1">Wrapped liquid staked Ether 2.0</h4><p id="s1" aria-label="wstETH (wstETH)">wstETH</p></li>
      <li><img id="i2" alt="RSETH icon" src="/r.svg"><h4 id="n2">KelpDao Restaked ETH</h4><p id="s2">rsETH</p></li>
    </ul>`);
    expect(marks).toEqual([['s1', 'wstETH'], ['s2', 'rsETH']]);
  });

  it('marks a name where the row shows no symbol, and an icon where it shows neither', async () => {
    const marks = await scanBody(`<table>
      <tr><td><h4 id="name">Renzo Restaked ETH</h4></td><td>4.1%</td></tr>
      <tr><td><img id="icon" alt="cbETH" src="/c.svg"></td><td>3.0%</td></tr>
      <tr><td><button id="labelled" aria-label="Select Rocket Pool ETH"></button></td></tr>
      <tr><td><span id="cut">Wrapped liquid staked Et…</span></td></tr>
    </table>`);
    expect(marks).toEqual([['name', 'ezETH'], ['icon', 'cbETH'], ['labelled', 'rETH'], ['cut', 'wstETH']]);
  });

  it('a row showing two tokens, one by symbol and one by icon, marks both', async () => {
    const marks = await scanBody(`<div role="row"><img id="a" alt="rETH"><img id="b" alt="wstETH"><span id="title">rETH/wstETH</span></div>`);
    expect(marks).toEqual([['b', 'wstETH'], ['title', 'rETH']]);
  });

  it('generic names, pool-share symbols and labels inside our own UI are not marks', async () => {
    const marks = await scanBody(`<div><p id="g">Staked ETH</p></div><div><p id="bpt">wstETH-WETH-BPT</p></div>
      <stakelens-ui><img id="ours" alt="weETH"></stakelens-ui>`);
    expect(marks).toEqual([]);
  });

  it('follows a label the app changes, and clears the mark when the label stops naming a token', async () => {
    document.body.innerHTML = '<div><img id="logo" alt="weETH" src="/w.svg"></div>';
    const controller = new AbortController();
    startScanner({ root: document.body, matcher: createMatcher(registry), site: aave, chainId: () => 1, signal: controller.signal, onChange: () => {} });
    await settle();
    const logo = document.getElementById('logo')!;
    expect(logo.getAttribute(MARK.symbol)).toBe('weETH');
    logo.setAttribute('alt', 'ezETH');
    await settle();
    expect(logo.getAttribute(MARK.symbol)).toBe('ezETH');
    logo.setAttribute('alt', 'USDC');
    await settle();
    expect(logo.hasAttribute(MARK.symbol)).toBe(false);
    controller.abort();
  });

  it('marks a look-alike in an icon label as a mismatch', async () => {
    await scanBody('<div><img id="fake" alt="w\u0435ETH"></div>');
    expect(document.getElementById('fake')!.getAttribute(MARK.match)).toBe('mismatch');
  });
});

describe('page load', () => {
  it('waits for the page’s load event before its first pass', async () => {
    document.body.innerHTML = '<p id="early">wstETH</p>';
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const controller = new AbortController();
    try {
      startScanner({ root: document.body, matcher: createMatcher(registry), site: aave, chainId: () => 1, signal: controller.signal, onChange: () => {} });
      await settle();
      expect(document.getElementById('early')!.hasAttribute(MARK.symbol)).toBe(false);
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
      window.dispatchEvent(new Event('load'));
      await settle();
      expect(document.getElementById('early')!.getAttribute(MARK.symbol)).toBe('wstETH');
    } finally {
      controller.abort();
      delete (document as unknown as { readyState?: string }).readyState;
    }
  });
});
