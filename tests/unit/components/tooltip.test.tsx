// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Tooltip, type TooltipProps } from '../../../components/Tooltip';
import type { Figures } from '../../../lib/chain/figures';
import type { FigureReplyMessage } from '../../../lib/messaging';
import { LAYERS } from '../../../lib/risk/schema';
import { DEFAULT_PREFERENCES } from '../../../lib/settings';
import { preferencesStore } from '../../../lib/ui/preferences-store';
import { makeFigures, makeReply } from '../helpers';
import { $, $$, cleanup, click, render, text } from './render';

const READ_AT = 1_750_000_000_000;
const ETH = 10n ** 18n;

/** wstETH read on Ethereum: market 1.2000 against a redemption value of 1.2166, −35 bps. */
function pegFigures(overrides: Partial<Figures> = {}): Figures {
  return makeFigures({
    symbol: 'wstETH',
    readAt: READ_AT,
    markets: [
      { id: 'uni-wsteth', label: 'Uniswap v3 wstETH/WETH pool', kind: 'dex', price: '1200000000000000000', depthEth: String(5_000n * ETH), updatedAt: null, stale: false, usable: true, reason: null },
      { id: 'cl-wsteth', label: 'Chainlink wstETH/ETH', kind: 'chainlink', price: null, depthEth: null, updatedAt: null, stale: true, usable: false, reason: 'feed too old' },
    ],
    peg: { bps: -35, market: '1200000000000000000', sourceId: 'uni-wsteth', disagreementBps: null, reason: null },
    sell: {
      venue: 'Uniswap v3',
      quotes: [
        { valueEth: String(10n * ETH), outEth: String(10n * ETH), costBps: 3, reason: null },
        { valueEth: String(100n * ETH), outEth: String(99n * ETH), costBps: 42, reason: null },
      ],
      reason: null,
    },
    redeem: {
      minSeconds: 3 * 86_400,
      maxSeconds: 5 * 86_400,
      parts: [{ label: 'Lido withdrawal queue', minSeconds: 3 * 86_400, maxSeconds: 5 * 86_400, measured: true, source: 'lido' }],
      notes: [],
      reason: null,
      queue: null,
      bunker: false,
    },
    ...overrides,
  });
}

const reply = makeReply;

function props(overrides: Partial<TooltipProps> = {}): TooltipProps {
  return {
    id: 'sl-tip',
    symbol: 'wstETH',
    chainId: 1,
    match: 'address',
    via: null,
    reply: reply(pegFigures()),
    loading: false,
    error: null,
    siteId: null,
    now: READ_AT + 12_000,
    onRefresh: () => {},
    ...overrides,
  };
}

async function renderTooltip(overrides: Partial<TooltipProps> = {}) {
  const { container } = await render(<Tooltip {...props(overrides)} />);
  return $('[role="tooltip"]', container);
}

const section = (tip: Element, name: string) => $(`[data-section="${name}"]`, tip);

beforeEach(() => {
  preferencesStore.setState(DEFAULT_PREFERENCES, true);
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe('Tooltip header', () => {
  it('names the token, its kind, issuer, chain and how it was matched', async () => {
    const tip = await renderTooltip();
    expect(tip.id).toBe('sl-tip');
    const head = $('header', tip);
    expect(text($('strong', head))).toBe('wstETH');
    expect(text($('.sl-tag', head))).toBe('LST');
    expect(text($('.sl-muted', head))).toBe('Lido · Ethereum');
    expect(text($('.sl-match', head))).toBe('address verified');
    expect($('.sl-match', head).className).toContain('sl-match-address');
  });

  it('shows an LRT on an L2 and the symbol-only match', async () => {
    const tip = await renderTooltip({ symbol: 'weETH', chainId: 8453, match: 'symbol', reply: null });
    const head = $('header', tip);
    expect(text($('.sl-tag', head))).toBe('LRT');
    expect(text($('.sl-muted', head))).toBe('ether.fi · Base');
    expect(text($('.sl-match', head))).toBe('symbol only');
  });

  it('says when the issuer and chain are not known', async () => {
    const tip = await renderTooltip({ symbol: 'FOO', chainId: 999, match: null, reply: null });
    const head = $('header', tip);
    expect(text($('.sl-tag', head))).toBe('?');
    expect(text($('.sl-muted', head))).toBe('unknown issuer · chain 999');
    // Off a page (the board) there is no page text to verify: no match badge.
    expect(head.querySelector('.sl-match')).toBeNull();
  });
});

describe('look-alike warning', () => {
  it('puts a role=alert warning naming the imitating characters before anything else', async () => {
    const via = 'wst\u0395TH'; // Greek capital epsilon
    const tip = await renderTooltip({ match: 'mismatch', via });
    const alert = $('[role="alert"]', tip);
    expect(tip.firstElementChild).toBe(alert);
    expect(text(alert)).toBe(`Look-alike warning: “${via}” is written with characters that imitate wstETH. It is not wstETH. The figures below are for the real wstETH.`);
    expect(text($('.sl-match', tip))).toBe('address mismatch');
  });

  it('an ASCII name tied to the wrong address gets the address warning', async () => {
    const tip = await renderTooltip({ match: 'mismatch', via: 'wstETH' });
    expect(text($('[role="alert"]', tip))).toBe("Look-alike warning: this page ties “wstETH” to an address that is not wstETH's. The figures below are for the real wstETH.");
  });

  it('no alert for a verified address', async () => {
    const tip = await renderTooltip({ via: 'wst\u0395TH' });
    expect($$('[role="alert"]', tip)).toHaveLength(0);
    expect(tip.firstElementChild?.tagName).toBe('HEADER');
  });
});

describe('peg', () => {
  it('shows the signed distance with a tone, market and redemption values, the source and the age', async () => {
    const peg = section(await renderTooltip(), 'peg');
    const distance = $('.sl-peg', peg);
    expect(text(distance)).toBe('−35 bps');
    expect(distance.className).toContain('sl-warn');
    expect(text(distance.parentElement!)).toBe('−35 bps market vs redemption value');
    expect($$('.sl-stale', peg)).toHaveLength(0);
    expect(text($('p.sl-muted', peg))).toBe('Market 1.2000 ETH (Uniswap v3 wstETH/WETH pool) · redemption 1.2166 ETH (wstETH.stEthPerToken()) · read 12 s ago');
    expect(peg.getAttribute('data-peg-bps')).toBe('-35');
    expect(peg.getAttribute('data-age-s')).toBe('12');
    expect(text($('summary', peg))).toBe('Price sources (1 of 2 read)');
    expect($$('.sl-sources li', peg).map(text)).toEqual(['Uniswap v3 wstETH/WETH pool: 1.2000 ETH', 'Chainlink wstETH/ETH: unavailable (feed too old)']);
  });

  it.each([
    [10, '+10 bps', 'sl-ok'],
    [-20, '−20 bps', 'sl-ok'],
    [-21, '−21 bps', 'sl-warn'],
    [25, '+25 bps', 'sl-warn'],
    [-99, '−99 bps', 'sl-warn'],
    [-100, '−100 bps', 'sl-bad'],
    [-1234, '−1,234 bps', 'sl-bad'],
  ])('%i bps reads %s with tone %s', async (bps, shown, tone) => {
    const figures = pegFigures({ peg: { bps, market: '1200000000000000000', sourceId: 'uni-wsteth', disagreementBps: null, reason: null } });
    const distance = $('.sl-peg', section(await renderTooltip({ reply: reply(figures) }), 'peg'));
    expect(text(distance)).toBe(shown);
    expect(distance.className).toContain(tone);
  });

  it('takes the tone thresholds from the preferences', async () => {
    preferencesStore.setState({ thresholds: { pegMediumBps: 400, pegHighBps: 800, sellMediumBps: 100, sellHighBps: 500 } });
    const figures = pegFigures({ peg: { bps: -150, market: '1200000000000000000', sourceId: 'uni-wsteth', disagreementBps: null, reason: null } });
    const distance = $('.sl-peg', section(await renderTooltip({ reply: reply(figures) }), 'peg'));
    expect(distance.className).toContain('sl-warn');
    expect(distance.className).not.toContain('sl-bad');
  });

  it('marks stale figures', async () => {
    const peg = section(await renderTooltip({ reply: reply(pegFigures(), { stale: true }) }), 'peg');
    expect(text($('.sl-stale', peg))).toBe('· stale');
  });

  it('warns when the price sources disagree by more than 50 bps', async () => {
    const figures = pegFigures({ peg: { bps: -35, market: '1200000000000000000', sourceId: 'uni-wsteth', disagreementBps: 80, reason: null } });
    expect(text($('p.sl-warn', section(await renderTooltip({ reply: reply(figures) }), 'peg')))).toBe('Price sources disagree by 80 bps.');
  });

  it('shows why the peg is unavailable', async () => {
    const peg = section(await renderTooltip({ reply: reply(makeFigures({ symbol: 'wstETH', readAt: READ_AT })) }), 'peg');
    expect(text($('p', peg))).toBe('Unavailable: no usable market price ()');
    expect($$('.sl-peg', peg)).toHaveLength(0);
    expect(peg.getAttribute('data-peg-bps')).toBe('');
  });

  it('says "not read yet" with no reply', async () => {
    expect(text($('p', section(await renderTooltip({ reply: null }), 'peg')))).toBe('Unavailable: not read yet');
  });
});

describe('units', () => {
  it("shows percent when the preferences say 'percent'", async () => {
    preferencesStore.setState({ units: 'percent' });
    const distance = $('.sl-peg', section(await renderTooltip(), 'peg'));
    expect(text(distance)).toBe('−0.35%');
  });
});

describe('exit', () => {
  it('shows the cost of selling now (the ~100 ETH quote) and the redeem range', async () => {
    const exit = section(await renderTooltip(), 'exit');
    const [sell, redeem] = $$('p', exit);
    expect(text(sell!)).toBe('Sell now: 100 ETH worth costs 42 bps vs redeeming (Uniswap v3)');
    expect(text(redeem!)).toBe('Redeem: 3 d – 5 d');
    expect(exit.getAttribute('data-redeem-seconds-min')).toBe(String(3 * 86_400));
    expect(exit.getAttribute('data-redeem-seconds-max')).toBe(String(5 * 86_400));
    expect($$('details li', exit).map(text)).toEqual(['Lido withdrawal queue: 3 d – 5 d']);
  });

  it('says why selling and redeeming are unavailable', async () => {
    const exit = section(await renderTooltip({ reply: reply(makeFigures({ symbol: 'wstETH', readAt: READ_AT })) }), 'exit');
    const [sell, redeem] = $$('p', exit);
    expect(text(sell!)).toBe('Sell now: unavailable (no DEX source for this token)');
    expect(text(redeem!)).toBe('Redeem: unavailable (not read)');
  });

  it('a bridged token redeems on Ethereum after bridging back', async () => {
    const figures = pegFigures({ chainId: 42161 });
    const exit = section(await renderTooltip({ chainId: 42161, reply: reply(figures) }), 'exit');
    expect(text($$('p', exit)[1]!)).toBe('Redeem: 3 d – 5 d on Ethereum, after bridging back');
  });
});

describe('exit: the instant-withdrawal road', () => {
  type Instant = NonNullable<Figures['instant']>;
  const quote = (size: bigint, feeBps: number | null, capacity: bigint): Instant['quotes'][number] =>
    size > capacity
      ? { valueEth: String(size * ETH), outEth: null, feeBps: null, reason: `not available for this size: the road can pay ${capacity} ETH now` }
      : { valueEth: String(size * ETH), outEth: String(size * ETH - (size * ETH * BigInt(feeBps!)) / 10_000n), feeBps, reason: null };
  const road = (over: Partial<Instant> = {}): Instant => ({
    exists: true,
    usable: true,
    paused: [],
    capacityEth: String(500n * ETH),
    feeBps: 30,
    feeMaxBps: null,
    feeLabel: 'EtherFiRedemptionManager.tokenToRedemptionInfo(ETH).exitFeeInBps',
    waitSeconds: 0,
    label: 'ether.fi EtherFiRedemptionManager.totalRedeemableAmount(ETH), tokenToRedemptionInfo(ETH).exitFeeInBps',
    quotes: [10n, 100n, 1_000n].map((n) => quote(n, 30, 500n)),
    notes: ['Paid in the same transaction.'],
    reason: null,
    ...over,
  });
  const exitWith = async (instant: Instant | null) => section(await renderTooltip({ reply: reply(pegFigures({ instant })) }), 'exit');

  it('shows the fee, the capacity and what 100 ETH gets, beside selling and redeeming, with its hooks', async () => {
    const exit = await exitWith(road());
    const el = $('[data-road="instant"]', exit);
    expect(el.getAttribute('data-usable')).toBe('true');
    expect(el.getAttribute('data-fee-bps')).toBe('30');
    expect(el.getAttribute('data-capacity-eth')).toBe('500');
    expect(el.getAttribute('data-wait-seconds')).toBe('0');
    expect(text($('p', el))).toBe('Instant withdrawal: 100 ETH worth gets 99.70 ETH after a 30 bps fee, at once; up to 500 ETH now');
    // Sell, instant, redeem: the three roads in the order of their wait.
    expect($$('p', exit).map(text).filter((line) => /^(Sell now|Instant withdrawal|Redeem):/.test(line)).map((line) => line.split(':')[0])).toEqual(['Sell now', 'Instant withdrawal', 'Redeem']);
  });

  it('lists each size, and says a size beyond the capacity is not available', async () => {
    const sizes = $$('[data-instant-size]', await exitWith(road()));
    expect(sizes.map((li) => [li.getAttribute('data-instant-size'), li.getAttribute('data-out-eth')])).toEqual([
      ['10', '9.97'],
      ['100', '99.7'],
      ['1000', ''],
    ]);
    expect(text(sizes[2]!)).toBe('1,000 ETH worth: not available for this size: the road can pay 500 ETH now');
  });

  it('makes the cheaper road evident: the instant fee against the cost of selling 100 ETH', async () => {
    let exit = await exitWith(road());
    expect(exit.getAttribute('data-cheapest')).toBe('instant');
    expect(text($('[data-testid="cheapest"]', exit))).toBe('For 100 ETH now, the instant withdrawal is the cheaper road: 30 bps against 42 bps selling.');
    await cleanup();
    exit = await exitWith(road({ feeBps: 80, quotes: [10n, 100n, 1_000n].map((n) => quote(n, 80, 5_000n)) }));
    expect(exit.getAttribute('data-cheapest')).toBe('sell');
    expect(text($('[data-testid="cheapest"]', exit))).toMatch(/selling is the cheaper road: 42 bps against 80 bps/);
  });

  it('closed: empty hooks but the reason, and no comparison', async () => {
    const exit = await exitWith(road({ usable: false, paused: ['EtherFiRedemptionManager.paused()'], reason: 'paused (EtherFiRedemptionManager.paused())', quotes: [10n, 100n, 1_000n].map((n) => ({ valueEth: String(n * ETH), outEth: null, feeBps: null, reason: 'paused (EtherFiRedemptionManager.paused())' })) }));
    const el = $('[data-road="instant"]', exit);
    expect(el.getAttribute('data-usable')).toBe('false');
    expect(text($('p', el))).toBe('Instant withdrawal: unavailable (paused (EtherFiRedemptionManager.paused()))');
    expect($$('[data-instant-size]', el).map((li) => li.getAttribute('data-out-eth'))).toEqual(['', '', '']);
    expect(exit.getAttribute('data-cheapest')).toBe('');
  });

  it('unreadable: every figure empty, the reason shown', async () => {
    const el = $('[data-road="instant"]', await exitWith(road({ usable: null, capacityEth: null, feeBps: null, feeLabel: null, waitSeconds: null, quotes: [], notes: [], reason: 'EtherFiRedemptionManager.totalRedeemableAmount(ETH) failed: execution reverted' })));
    expect(['data-usable', 'data-fee-bps', 'data-capacity-eth', 'data-wait-seconds'].map((a) => el.getAttribute(a))).toEqual(['', '', '', '']);
    expect(text($('p', el))).toBe('Instant withdrawal: unavailable (EtherFiRedemptionManager.totalRedeemableAmount(ETH) failed: execution reverted)');
  });

  it('a protocol without one says "none", and a token not looked at shows no such line', async () => {
    const none = $('[data-road="instant"]', await exitWith(road({ exists: false, usable: null, capacityEth: null, feeBps: null, waitSeconds: null, quotes: [], notes: [], reason: 'no instant withdrawal: Lido pays through its queue only' })));
    expect(text($('p', none))).toBe('Instant withdrawal: none (no instant withdrawal: Lido pays through its queue only)');
    await cleanup();
    expect($$('[data-road="instant"]', await exitWith(null))).toEqual([]);
  });

  it('a fee that scales says how far it goes', async () => {
    const el = $('[data-road="instant"]', await exitWith(road({ feeBps: 12, feeMaxBps: 100 })));
    expect(text($('p', el))).toMatch(/The fee rises to 100 bps as the buffer is drawn down\.$/);
  });
});

describe('realized yield', () => {
  const realized = (result: boolean): NonNullable<FigureReplyMessage['realized']> => ({
    symbol: 'wstETH',
    chainId: 1,
    readAt: READ_AT,
    label: 'wstETH.stEthPerToken()',
    result: result
      ? {
          symbol: 'wstETH',
          toBlock: '20000000',
          toTimestamp: 1_700_000_000,
          windows: [
            { days: 7, aprBps: 312, fromBlock: '19950000', fromTimestamp: 1_699_400_000, reason: null },
            { days: 30, aprBps: null, fromBlock: null, fromTimestamp: null, reason: 'the node has no state that old' },
          ],
        }
      : null,
    reason: result ? null : 'no readable rate',
    storedSince: null,
  });

  it('shows the 7 d and 30 d APR, or the reason a window has none', async () => {
    const yieldSection = section(await renderTooltip({ reply: reply(pegFigures(), { realized: realized(true) }) }), 'yield');
    const [windows, reason] = $$('p', yieldSection);
    expect(text(windows!)).toBe('7 d: 3.12% · 30 d: unavailable APR from wstETH.stEthPerToken()');
    expect(text(reason!)).toBe('30 d: the node has no state that old');
    expect(yieldSection.getAttribute('data-apr-7d-bps')).toBe('312');
  });

  it('shows why there is no realized yield at all', async () => {
    const yieldSection = section(await renderTooltip({ reply: reply(pegFigures(), { realized: realized(false) }) }), 'yield');
    expect(text($('p', yieldSection))).toBe('Unavailable: no readable rate');
  });

  it('says it is reading while the yield is pending', async () => {
    const yieldSection = section(await renderTooltip({ reply: reply(pegFigures(), { realizedPending: true }) }), 'yield');
    expect(text($('p', yieldSection))).toBe('Reading past blocks…');
  });
});

describe('risk layers', () => {
  it('lists the six layers of the home chain in fixed order, each with a level and safe source links', async () => {
    const risk = section(await renderTooltip(), 'risk');
    const rows = $$('li[data-layer]', risk);
    expect(rows.map((row) => row.getAttribute('data-layer'))).toEqual(LAYERS.filter((l) => l !== 'bridge'));
    expect(rows.map((row) => $('.sl-layer', row).textContent)).toEqual(['Validators', 'Staking protocol', 'Restaking', 'Wrapper contracts', 'Liquidity & peg', 'Lending oracle']);
    for (const row of rows) {
      const level = row.getAttribute('data-level')!;
      expect(['none', 'low', 'unknown', 'medium', 'high']).toContain(level);
      expect(text($('.sl-level', row))).toBe(level);
      expect($('.sl-level', row).className).toContain(`sl-level-${level}`);
      expect($$('a', row)).toHaveLength(Number(row.getAttribute('data-sources')));
    }
    // A plain LST is not restaked; −35 bps is low with the default thresholds; no lending market here.
    expect(rows[2]!.getAttribute('data-level')).toBe('none');
    expect(rows[4]!.getAttribute('data-level')).toBe('low');
    expect(text($('.sl-why', rows[4]!))).toContain('Market −35 bps vs redemption; selling ~100 ETH costs 42 bps');
    expect(rows[5]!.getAttribute('data-level')).toBe('none');

    const links = $$<HTMLAnchorElement>('a', risk);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')?.split(' ')).toContain('noopener');
    }
    expect($$('a', rows[0]!).map((a) => a.textContent)).toEqual(['[1]', '[2]', '[3]', '[4]']);
  });

  it('adds the bridge row, between the wrapper and the market, on an L2 deployment', async () => {
    const risk = section(await renderTooltip({ chainId: 42161, reply: reply(pegFigures({ chainId: 42161 })) }), 'risk');
    const rows = $$('li[data-layer]', risk);
    expect(rows.map((row) => row.getAttribute('data-layer'))).toEqual([...LAYERS]);
    expect(rows.map((row) => $('.sl-layer', row).textContent)).toEqual([
      'Validators',
      'Staking protocol',
      'Restaking',
      'Wrapper contracts',
      'Bridge',
      'Liquidity & peg',
      'Lending oracle',
    ]);
    const bridge = rows[4]!;
    expect(text($('.sl-why', bridge)).length).toBeGreaterThan(0);
    expect(['none', 'low', 'unknown', 'medium', 'high']).toContain(bridge.getAttribute('data-level'));
  });

  it('writes the liquidity row in the user’s unit', async () => {
    preferencesStore.setState({ units: 'percent' });
    const row = $('[data-section="risk"] li[data-layer="liquidity"]', await renderTooltip());
    expect(text($('.sl-why', row))).toContain('Market −0.35% vs redemption; selling ~100 ETH costs 0.42%');
  });

  it('raises the liquidity layer with the peg, by the thresholds in the preferences', async () => {
    const at = (bps: number) => reply(pegFigures({ peg: { bps, market: '1200000000000000000', sourceId: 'uni-wsteth', disagreementBps: null, reason: null } }));
    const liquidity = async (bps: number) => $('[data-section="risk"] li[data-layer="liquidity"]', await renderTooltip({ reply: at(bps) })).getAttribute('data-level');
    expect(await liquidity(-150)).toBe('medium');
    await cleanup();
    expect(await liquidity(-600)).toBe('high');
    await cleanup();
    preferencesStore.setState({ thresholds: { pegMediumBps: 200, pegHighBps: 700, sellMediumBps: 100, sellHighBps: 500 } });
    expect(await liquidity(-600)).toBe('medium');
  });

  it('the oracle row follows the lending market of the site', async () => {
    const row = $('[data-section="risk"] li[data-layer="oracle"]', await renderTooltip({ siteId: 'aave' }));
    expect(row.getAttribute('data-level')).toBe('low');
    expect(text($('.sl-why', row))).toContain('Aave prices wstETH at its redemption rate');
  });

  it('shows only the layers passed in `layers`, still in fixed order', async () => {
    const risk = section(await renderTooltip({ layers: ['oracle', 'consensus', 'liquidity'] }), 'risk');
    expect($$('li[data-layer]', risk).map((row) => row.getAttribute('data-layer'))).toEqual(['consensus', 'liquidity', 'oracle']);
  });

  it('has no risk section when no layer is chosen', async () => {
    const tip = await renderTooltip({ layers: [] });
    expect($$('[data-section="risk"]', tip)).toHaveLength(0);
  });
});

describe('footer and problems', () => {
  it('names the block and RPC host, and Refresh calls onRefresh', async () => {
    const onRefresh = vi.fn();
    const tip = await renderTooltip({ onRefresh });
    expect(text($('footer .sl-muted', tip))).toBe('Block 20,000,000 via rpc.example');
    const button = $<HTMLButtonElement>('footer button', tip);
    expect(text(button)).toBe('Refresh');
    await click(button);
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('while loading, the button says Reading… and is disabled', async () => {
    const onRefresh = vi.fn();
    const tip = await renderTooltip({ loading: true, reply: null, onRefresh });
    expect(text($('p.sl-muted', tip))).toBe('Reading the chain…');
    const button = $<HTMLButtonElement>('footer button', tip);
    expect(text(button)).toBe('Reading…');
    expect(button.disabled).toBe(true);
    await click(button);
    expect(onRefresh).not.toHaveBeenCalled();
  });

  it('shows a problem with and without figures', async () => {
    let tip = await renderTooltip({ reply: reply(pegFigures(), { stale: true, error: 'RPC timed out' }) });
    expect(text($('[data-testid="tooltip-problem"]', tip))).toBe('Showing figures read 12 s ago: RPC timed out');
    await cleanup();
    tip = await renderTooltip({ reply: null, error: 'no background' });
    expect(text($('[data-testid="tooltip-problem"]', tip))).toBe('Figures unavailable: no background');
  });
});

describe('alerts', () => {
  const alert = (level: 'medium' | 'high', bps: number): FigureReplyMessage['alerts'][number] => ({
    kind: 'depeg',
    level,
    symbol: 'wstETH',
    chainId: 1,
    facts: { kind: 'depeg', bps, market: '1140000000000000000', redemption: '1216600000000000000', sources: [{ label: 'Uniswap v3 wstETH/WETH pool', price: '1140000000000000000', weight: 1 }] },
    sources: ['Uniswap v3 wstETH/WETH pool'],
    stale: false,
    at: READ_AT / 1000,
  });

  it('puts the alerts in force before anything else', async () => {
    const tip = await renderTooltip({ reply: reply(pegFigures(), { alerts: [alert('high', -630)] }) });
    const list = $('[data-testid="alerts"]', tip);
    expect(tip.firstElementChild).toBe(list);
    expect(list.getAttribute('role')).toBe('alert');
    const items = $$('[data-alert]', list);
    expect(items.map((i) => [i.getAttribute('data-alert'), i.getAttribute('data-level')])).toEqual([['depeg', 'high']]);
    // the tooltip is about one token: it does not name it again
    expect(items[0]!.getAttribute('data-symbol')).toBeNull();
  });

  it('no alert list on a calm day', async () => {
    const tip = await renderTooltip();
    expect($$('[data-testid="alerts"]', tip)).toHaveLength(0);
  });
});

describe('a redemption value waiting for a second source', () => {
  const move = (confirmed: boolean) => ({
    direction: 'fall' as const,
    from: '1216600000000000000',
    fromBlock: '19999990',
    fromTimestamp: 1_699_999_880,
    to: '1100000000000000000',
    bps: 958,
    since: 1_700_000_000,
    sinceBlock: '20000000',
    read: 'wstETH.stEthPerToken()',
    confirmed,
    confirmedBy: confirmed ? 'Chainlink wstETH/ETH agrees' : null,
    confirmedAt: confirmed ? 1_700_000_000 : null,
  });
  const waiting = (confirmed: boolean) =>
    pegFigures({
      // unconfirmed, there is no trusted value to measure the peg against
      ...(confirmed ? {} : { peg: { bps: null, market: null, sourceId: null, disagreementBps: null, reason: 'the redemption value is unavailable: not used until a second source agrees' } }),
      redemption: {
        value: confirmed ? '1100000000000000000' : null,
        label: 'wstETH.stEthPerToken()',
        reason: confirmed ? null : 'not used until a second source agrees',
        read: '1100000000000000000',
        move: move(confirmed),
        checks: [
          { label: 'Chainlink wstETH exchange rate', kind: 'feed', value: '1216600000000000000', agrees: false, reason: null },
          { label: 'wstETH.stEthPerToken() 2 min earlier', kind: 'past-block', value: null, agrees: null, reason: 'no archive state' },
        ],
      },
    });

  it('shows the new value beside the last trusted one, never a blank', async () => {
    const peg = section(await renderTooltip({ reply: reply(waiting(false)) }), 'peg');
    expect(text($('[data-testid="unconfirmed-value"]', peg))).toBe(
      'The redemption value now reads 1.1000 ETH against 1.2166 ETH last trusted: not used until a second source agrees.',
    );
    expect(peg.getAttribute('data-redemption')).toBe('');
    expect($$('.sl-peg', peg)).toHaveLength(0);
  });

  it('lists the second sources asked, and what they said, beside the market sources', async () => {
    const peg = section(await renderTooltip({ reply: reply(waiting(false)) }), 'peg');
    expect($$('.sl-sources li[data-check]', peg).map((li) => [li.getAttribute('data-check'), text(li)])).toEqual([
      ['feed', 'Chainlink wstETH exchange rate: 1.2166 ETH (does not agree)'],
      ['past-block', 'wstETH.stEthPerToken() 2 min earlier: unavailable (no archive state)'],
    ]);
  });

  it('says nothing of waiting once the move is confirmed', async () => {
    const peg = section(await renderTooltip({ reply: reply(waiting(true)) }), 'peg');
    expect($$('[data-testid="unconfirmed-value"]', peg)).toHaveLength(0);
    expect(peg.getAttribute('data-redemption')).toBe('1.1');
  });
});

describe('watching', () => {
  it('the Watch button asks to watch, and reads Watching once watched', async () => {
    const onWatch = vi.fn();
    let tip = await renderTooltip({ onWatch });
    const button = $<HTMLButtonElement>('[data-testid="watch"]', tip);
    expect(text(button)).toBe('☆ Watch');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await click(button);
    expect(onWatch).toHaveBeenCalledWith(true);
    await cleanup();
    tip = await renderTooltip({ onWatch, reply: reply(pegFigures(), { watched: true }) });
    const watching = $('[data-testid="watch"]', tip);
    expect(text(watching)).toBe('★ Watching');
    expect(watching.getAttribute('aria-pressed')).toBe('true');
    await click(watching);
    expect(onWatch).toHaveBeenLastCalledWith(false);
  });

  it('no Watch button without onWatch', async () => {
    expect($$('[data-testid="watch"]', await renderTooltip())).toHaveLength(0);
  });
});
