// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/Popup';
import type { Figures } from '../../../lib/chain/figures';
import { send, type FigureReplyMessage, type FoundToken, type MessageReply } from '../../../lib/messaging';
import { DEFAULT_PREFERENCES, getSiteSettings, preferences } from '../../../lib/settings';
import { popupStore } from '../../../lib/ui/popup-store';
import { preferencesStore } from '../../../lib/ui/preferences-store';
import { makeFigures } from '../helpers';
import { $, $$, byTestId, cleanup, click, render, text, waitFor } from './render';

// The background is not here: the popup's one message (getTabSummary) answers from `summary`.
vi.mock('../../../lib/messaging', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../../lib/messaging')>()), send: vi.fn() }));
const sendMock = vi.mocked(send);

let summary: MessageReply<'getTabSummary'>;

function figuresAt(symbol: string, bps: number, readAt: number): Figures {
  return makeFigures({ symbol, readAt, peg: { bps, market: '1000000000000000000', sourceId: null, disagreementBps: null, reason: null } });
}

function reply(figures: Figures, over: Partial<FigureReplyMessage> = {}): FigureReplyMessage {
  return { symbol: figures.symbol, chainId: figures.chainId, figures, stale: false, error: null, realized: null, realizedPending: false, alerts: [], watched: false, ...over };
}

/** A depeg alert, as the background sends it with a figure reply. */
function depegAlert(symbol: string, chainId: number, level: 'medium' | 'high', bps: number): FigureReplyMessage['alerts'][number] {
  return {
    kind: 'depeg',
    level,
    symbol,
    chainId,
    facts: { kind: 'depeg', bps, market: '940000000000000000', redemption: '1000000000000000000', sources: [{ label: 'Curve pool', price: '940000000000000000', weight: 1 }] },
    sources: ['Curve pool'],
    stale: false,
    at: 1_780_000_000,
  };
}

/** Opens a tab at `url` and makes it the active one, as when the user clicks the toolbar button there. */
async function activeTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  return tab.id!;
}

async function renderPopup() {
  const { container } = await render(<Popup />);
  await waitFor(() => expect(popupStore.getState().loading).toBe(false));
  return container;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true }); // the window the popup opens over
  popupStore.setState(popupStore.getInitialState(), true);
  preferencesStore.setState(DEFAULT_PREFERENCES, true);
  sendMock.mockReset();
  sendMock.mockImplementation(async (type) => {
    if (type === 'getTabSummary') return summary as never;
    throw new Error(`unexpected message ${type}`);
  });
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe('Popup on a page with tokens', () => {
  const tokens: FoundToken[] = [
    { symbol: 'wstETH', chainId: 1, match: 'address', count: 3 },
    { symbol: 'weETH', chainId: 42161, match: 'mismatch', count: 1 },
  ];

  beforeEach(() => {
    const readAt = Date.now() - 90_000;
    summary = {
      host: 'app.aave.com',
      tokens,
      figures: [reply(figuresAt('wstETH', -600, readAt)), reply({ ...figuresAt('weETH', -35, readAt - 60_000), chainId: 42161 })],
    };
  });

  it('asks the background about the active tab and lists each token with its chain and peg', async () => {
    const tabId = await activeTab('https://app.aave.com/reserve-overview/?underlyingAsset=0x7f39');
    const popup = await renderPopup();
    expect(sendMock).toHaveBeenCalledWith('getTabSummary', { tabId });
    expect(text($('label[for="site-toggle"]', popup))).toBe('On app.aave.com');

    const items = $$('[data-testid="tab-tokens"] li', popup);
    expect(items.map((li) => li.getAttribute('data-symbol'))).toEqual(['wstETH', 'weETH']);
    const [wst, we] = items;
    // a star to watch the token, then its name and chain
    expect(text($('span', wst!))).toBe('☆ wstETH Ethereum');
    expect(text($('[data-peg-bps]', wst!))).toBe('−600 bps');
    expect($('[data-peg-bps]', wst!).className).toBe('pp-bad');
    // a look-alike cannot be watched: no star
    expect(text($('span', we!))).toBe('weETH Arbitrum look-alike!');
    expect($$('.pp-star', we!)).toHaveLength(0);
    expect(we!.getAttribute('data-match')).toBe('mismatch');
    expect(text($('[data-peg-bps]', we!))).toBe('−35 bps');
    expect($('[data-peg-bps]', we!).className).toBe('pp-warn');
    // Only the look-alike is marked.
    expect(text(wst!)).not.toContain('look-alike');
  });

  it('shows the worst peg, the highest risk layer and how old the newest read is', async () => {
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    const highest = byTestId('highest-risk', popup);
    expect(highest.getAttribute('data-level')).toBe('high');
    expect(text(highest.parentElement!)).toBe('Worst peg: −600 bps · highest risk: high (wstETH, Liquidity & peg)');
    expect(text(popup)).toContain('Read 1 min ago');
  });

  it('shows the peg in percent when the preferences say so', async () => {
    await preferences.setValue({ ...DEFAULT_PREFERENCES, units: 'percent' });
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    await waitFor(() => expect(text($('li[data-symbol="wstETH"] [data-peg-bps]', popup))).toBe('−6.00%'));
    expect(text(byTestId('highest-risk', popup).parentElement!)).toContain('Worst peg: −6.00%');
  });

  it('a token whose figures failed reads unavailable, and one not read yet shows an ellipsis', async () => {
    summary = {
      host: 'app.aave.com',
      tokens,
      figures: [{ symbol: 'wstETH', chainId: 1, figures: null, stale: false, error: 'RPC down', realized: null, realizedPending: false, alerts: [], watched: false }],
    };
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    expect(text($('li[data-symbol="wstETH"] [data-peg-bps]', popup))).toBe('unavailable');
    expect(text($('li[data-symbol="weETH"] [data-peg-bps]', popup))).toBe('…');
    expect(text(popup)).toContain('Worst peg: unavailable');
    expect(text(popup)).toContain('Not read yet');
  });

  it('the site switch shows the setting and turns the site off in storage', async () => {
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    const toggle = $('[role="switch"]', popup);
    expect(toggle).toBe(byTestId('site-toggle', popup));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect($$('[data-testid="access-hint"]', popup)).toHaveLength(0); // a built-in app needs no access

    await click(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await waitFor(async () => expect((await getSiteSettings())['app.aave.com']?.enabled).toBe(false));
    // The popup reads the tab again after the switch (300 ms later).
    await waitFor(() => expect(sendMock.mock.calls.filter(([type]) => type === 'getTabSummary')).toHaveLength(2));
    await waitFor(() => expect(popupStore.getState().loading).toBe(false));
    expect(byTestId('site-toggle', popup).getAttribute('aria-checked')).toBe('false');
  });

  it('lists the tab’s alerts first, worst first, naming each token, and marks the tokens they are about', async () => {
    const readAt = Date.now() - 90_000;
    summary = {
      host: 'app.aave.com',
      tokens,
      figures: [
        reply(figuresAt('wstETH', -150, readAt), { alerts: [depegAlert('wstETH', 1, 'medium', -150)] }),
        reply({ ...figuresAt('weETH', -600, readAt), chainId: 42161 }, { alerts: [depegAlert('weETH', 42161, 'high', -600)] }),
      ],
    };
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    const alerts = $$('[data-testid="tab-alerts"] [data-alert]', popup);
    expect(alerts.map((a) => [a.getAttribute('data-symbol'), a.getAttribute('data-level')])).toEqual([
      ['weETH', 'high'],
      ['wstETH', 'medium'],
    ]);
    expect(text(alerts[1]!)).toContain('wstETH (Ethereum)');
    const wst = $('li[data-symbol="wstETH"]', popup);
    expect(wst.getAttribute('data-alert')).toBe('depeg');
    expect(wst.className).toBe('pp-alerted');
    // a look-alike is not the token: its row is not marked, even with an alert for the real one
    expect($('li[data-symbol="weETH"]', popup).getAttribute('data-alert')).toBe('');
  });

  it('no alerts section on a calm tab', async () => {
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    expect($$('[data-testid="tab-alerts"]', popup)).toHaveLength(0);
    expect($('li[data-symbol="wstETH"]', popup).getAttribute('data-alert')).toBe('');
  });

  it('the star watches a token: shown at once and told to the background', async () => {
    sendMock.mockImplementation(async (type) => {
      if (type === 'getTabSummary') return summary as never;
      if (type === 'setWatched') return { ok: true } as never;
      throw new Error(`unexpected message ${type}`);
    });
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    const star = byTestId('watch-wstETH-1', popup);
    expect(star.getAttribute('aria-pressed')).toBe('false');
    await click(star);
    expect(byTestId('watch-wstETH-1', popup).getAttribute('aria-pressed')).toBe('true');
    expect(text(byTestId('watch-wstETH-1', popup))).toBe('★');
    expect(sendMock).toHaveBeenCalledWith('setWatched', { token: { symbol: 'wstETH', chainId: 1 }, watched: true });
  });

  it('a watch the background did not take goes back, with the reason', async () => {
    sendMock.mockImplementation(async (type) => {
      if (type === 'getTabSummary') return summary as never;
      throw new Error('Could not establish connection');
    });
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    await click(byTestId('watch-wstETH-1', popup));
    await waitFor(() => expect(byTestId('watch-wstETH-1', popup).getAttribute('aria-pressed')).toBe('false'));
    expect(popupStore.getState().error).toMatch(/Could not establish connection/);
  });

  it('says when the background cannot be reached', async () => {
    sendMock.mockRejectedValue(new Error('Could not establish connection'));
    await activeTab('https://app.aave.com/');
    const popup = await renderPopup();
    expect(text($('.pp-bad', popup))).toBe("Could not reach Stakelens' background: Could not establish connection");
  });
});

describe('Popup on a site outside the built-in list', () => {
  it('while off, shows the access hint for that host and that it is off', async () => {
    summary = { host: null, tokens: [], figures: [] };
    await activeTab('https://portfolio.example/wallet');
    const popup = await renderPopup();
    expect(text($('label[for="site-toggle"]', popup))).toBe('On portfolio.example');
    expect(byTestId('site-toggle', popup).getAttribute('aria-checked')).toBe('false');
    expect(text(byTestId('access-hint', popup))).toBe('Not one of the built-in apps: turning Stakelens on here asks your browser for access to portfolio.example only.');
    expect(text(popup)).toContain('Off for this site.');
  });

  it('no access hint once the user turned it on', async () => {
    await fakeBrowser.storage.local.set({ sites: { 'portfolio.example': { enabled: true, look: 'underline', layers: ['liquidity'] } }, sites$: { v: 2 } });
    summary = { host: 'portfolio.example', tokens: [], figures: [] };
    await activeTab('https://portfolio.example/');
    const popup = await renderPopup();
    expect(byTestId('site-toggle', popup).getAttribute('aria-checked')).toBe('true');
    expect($$('[data-testid="access-hint"]', popup)).toHaveLength(0);
    expect(text(popup)).toContain('No liquid staking tokens on this page.');
  });
});

describe('Popup where Stakelens does not run', () => {
  it('with no web page in the tab, says so and shows no switch', async () => {
    summary = { host: null, tokens: [], figures: [] };
    await activeTab('chrome://extensions/');
    const popup = await renderPopup();
    expect(popupStore.getState().host).toBeNull();
    expect(text(popup)).toContain('Stakelens does not run on this page.');
    expect($$('[role="switch"]', popup)).toHaveLength(0);
    expect($$('[data-testid="tab-tokens"]', popup)).toHaveLength(0);
  });

  it('with no active tab, says so without asking the background', async () => {
    const popup = await renderPopup();
    expect(sendMock).not.toHaveBeenCalled();
    expect(text(popup)).toContain('Stakelens does not run on this page.');
  });
});
