// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../../components/Options';
import { LAYERS } from '../../../lib/risk/schema';
import { DEFAULT_THRESHOLDS } from '../../../lib/risk/thresholds';
import { DEFAULT_PREFERENCES, getBeaconSetting, getPreferences, getRpcSettings, getSiteSettings, MARK_LOOKS, rpcSettings, updateSite } from '../../../lib/settings';
import { SITES } from '../../../lib/sites';
import { optionsStore } from '../../../lib/ui/options-store';
import { $, $$, byTestId, chooseFiles, cleanup, click, render, setValue, text, waitFor } from './render';

async function renderOptions() {
  const { container } = await render(<Options />);
  // Loaded: the site table from storage, the thresholds from the preferences.
  await waitFor(() => {
    expect(optionsStore.getState().loaded).toBe(true);
    expect(byTestId<HTMLInputElement>('threshold-pegMediumBps', container).value).toBe('100');
  });
  return container;
}

const input = (id: string, scope: ParentNode) => byTestId<HTMLInputElement>(id, scope);

/** Everything in extension storage, to show that a refused change wrote nothing. */
const storageNow = () => fakeBrowser.storage.local.get(null);

beforeEach(() => {
  fakeBrowser.reset();
  optionsStore.setState(optionsStore.getInitialState(), true);
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe('sites table', () => {
  it('lists every built-in site, on, with the underline look and all seven layers, the bridge among them', async () => {
    const page = await renderOptions();
    const rows = $$('[data-testid="site-settings"] tbody tr', page);
    expect(rows.map((row) => row.getAttribute('data-site'))).toEqual(SITES.map((site) => site.id));
    for (const site of SITES) {
      const row = $(`tr[data-site="${site.id}"]`, page);
      expect(text($('td', row))).toBe(site.name);
      const enabled = input(`site-enabled-${site.id}`, row);
      expect(enabled.type).toBe('checkbox');
      expect(enabled.checked).toBe(true);
      expect(enabled.getAttribute('aria-label')).toBe(`Stakelens on ${site.name}`);
      const look = byTestId<HTMLSelectElement>(`site-look-${site.id}`, row);
      expect(look.value).toBe('underline');
      expect([...look.options].map((o) => o.value)).toEqual([...MARK_LOOKS]);
      expect(LAYERS).toHaveLength(7);
      const layers = LAYERS.map((layer) => input(`site-layer-${site.id}-${layer}`, row));
      expect(layers.map((box) => box.checked)).toEqual([true, true, true, true, true, true, true]);
      expect(text(input(`site-layer-${site.id}-bridge`, row).parentElement!)).toBe('Bridge');
    }
  });

  it('shows what storage holds, and a site turned on from the popup as an extra row', async () => {
    await updateSite('app.aave.com', { enabled: false, look: 'badge', layers: ['liquidity'] });
    await updateSite('portfolio.example', { enabled: true });
    const page = await renderOptions();
    const aave = $('tr[data-site="aave"]', page);
    expect(input('site-enabled-aave', aave).checked).toBe(false);
    expect(byTestId<HTMLSelectElement>('site-look-aave', aave).value).toBe('badge');
    expect(LAYERS.filter((layer) => input(`site-layer-aave-${layer}`, aave).checked)).toEqual(['liquidity']);
    const other = $('tr[data-site="portfolio.example"]', page);
    expect(text($('td', other))).toBe('portfolio.example');
    expect(input('site-enabled-portfolio.example', other).checked).toBe(true);
  });

  it('turning a site off writes it for every host of that site', async () => {
    const curve = SITES.find((site) => site.id === 'curve')!;
    expect(curve.hosts.length).toBeGreaterThan(1);
    const page = await renderOptions();
    const box = input('site-enabled-curve', page);
    await click(box);
    expect(box.checked).toBe(false);
    await waitFor(async () => {
      const sites = await getSiteSettings();
      for (const host of curve.hosts) expect(sites[host]).toEqual({ enabled: false, look: 'underline', layers: [...LAYERS] });
    });
    // Other sites are left as they were (on by default, not written).
    expect((await getSiteSettings())['app.aave.com']).toBeUndefined();
  });

  it('a new look and a hidden layer are written for every host of that site', async () => {
    const balancer = SITES.find((site) => site.id === 'balancer')!;
    const page = await renderOptions();
    await setValue(byTestId<HTMLSelectElement>('site-look-balancer', page), 'badge');
    await click(input('site-layer-balancer-oracle', page));
    await click(input('site-layer-balancer-consensus', page));
    expect(input('site-layer-balancer-oracle', page).checked).toBe(false);
    await waitFor(async () => {
      const sites = await getSiteSettings();
      for (const host of balancer.hosts) expect(sites[host]).toEqual({ enabled: true, look: 'badge', layers: ['lst', 'restaking', 'wrapper', 'bridge', 'liquidity'] });
    });
    // Checking a layer again puts it back in its fixed place.
    await click(input('site-layer-balancer-consensus', page));
    await waitFor(async () => expect((await getSiteSettings())[balancer.hosts[0]!]?.layers).toEqual(['consensus', 'lst', 'restaking', 'wrapper', 'bridge', 'liquidity']));
    // The bridge layer hides like any other.
    await click(input('site-layer-balancer-bridge', page));
    await waitFor(async () => expect((await getSiteSettings())[balancer.hosts[0]!]?.layers).toEqual(['consensus', 'lst', 'restaking', 'wrapper', 'liquidity']));
  });

  it('follows changes made elsewhere (the popup) while open', async () => {
    const page = await renderOptions();
    expect(input('site-enabled-morpho', page).checked).toBe(true);
    await act(() => updateSite('app.morpho.org', { enabled: false }));
    await waitFor(() => expect(input('site-enabled-morpho', page).checked).toBe(false));
  });
});

describe('risk thresholds and units', () => {
  it('refuses medium at or above high, says why, and saves nothing', async () => {
    const page = await renderOptions();
    const before = await storageNow();
    await setValue(input('threshold-pegMediumBps', page), '500');
    await click(byTestId('save-preferences', page));
    const status = await waitFor(() => byTestId('preferences-status', page));
    expect(status.getAttribute('role')).toBe('status');
    expect(status.className).toBe('pp-bad');
    expect(text(status)).toBe('Peg below redemption value: medium from (bps): the peg threshold for medium must be below the one for high. Nothing was saved.');
    expect(await storageNow()).toEqual(before);
    expect(await getPreferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('refuses a sell-cost medium above its high', async () => {
    const page = await renderOptions();
    await setValue(input('threshold-sellMediumBps', page), '600');
    await click(byTestId('save-preferences', page));
    const status = await waitFor(() => byTestId('preferences-status', page));
    expect(text(status)).toBe('Cost of selling ~100 ETH: medium from (bps): the sell-cost threshold for medium must be below the one for high. Nothing was saved.');
    expect(await getPreferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('refuses an empty or fractional field', async () => {
    const page = await renderOptions();
    await setValue(input('threshold-pegHighBps', page), '');
    await click(byTestId('save-preferences', page));
    expect(text(await waitFor(() => byTestId('preferences-status', page)))).toBe('Peg below redemption value: high from (bps): a whole number of bps is needed. Nothing was saved.');
    await setValue(input('threshold-pegHighBps', page), '250.5');
    await click(byTestId('save-preferences', page));
    await waitFor(() => expect(text(byTestId('preferences-status', page))).toMatch(/^Peg below redemption value: high from \(bps\): .+\. Nothing was saved\.$/));
    expect(await getPreferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('saves valid thresholds and units', async () => {
    const page = await renderOptions();
    await setValue(input('threshold-pegMediumBps', page), '150');
    await setValue(input('threshold-pegHighBps', page), '600');
    await setValue(byTestId<HTMLSelectElement>('units', page), 'percent');
    await click(byTestId('save-preferences', page));
    await waitFor(() => expect(text(byTestId('preferences-status', page))).toBe('Saved.'));
    expect(byTestId('preferences-status', page).className).toBe('pp-ok');
    expect(await getPreferences()).toEqual({ units: 'percent', thresholds: { ...DEFAULT_THRESHOLDS, pegMediumBps: 150, pegHighBps: 600 } });
  });

  it('links the sources of the defaults safely', async () => {
    const links = $$<HTMLAnchorElement>('[data-testid="risk-preferences"] a', await renderOptions());
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link.target).toBe('_blank');
      expect(link.rel.split(' ')).toContain('noopener');
    }
  });
});

describe('settings file import', () => {
  const file = (name: string, body: string) => new File([body], name, { type: 'application/json' });

  it('a file of another shape is not imported and changes nothing', async () => {
    await updateSite('app.aave.com', { look: 'badge' });
    await rpcSettings.setValue({ '1': ['https://rpc.mine.example/'] });
    const page = await renderOptions();
    const before = await storageNow();
    const bad = JSON.stringify({ stakelens: 'settings', version: 1, sites: { 'app.aave.com': { enabled: false } }, rpc: {}, beacon: '', preferences: DEFAULT_PREFERENCES });
    await chooseFiles(input('import-settings', page), [file('old.json', bad)]);
    const status = await waitFor(() => {
      const shown = byTestId('import-status', page);
      expect(text(shown)).toContain('was not imported');
      return shown;
    });
    expect(status.className).toBe('pp-bad');
    expect(text(status)).toMatch(/^old\.json was not imported: not a Stakelens settings file: version: .+\. Nothing changed\.$/);
    expect(await storageNow()).toEqual(before);
    expect(input('site-enabled-aave', page).checked).toBe(true);
    expect(byTestId<HTMLSelectElement>('site-look-aave', page).value).toBe('badge');
    expect(input('rpc-1', page).value).toBe('https://rpc.mine.example/');
  });

  it('a file that is not JSON is not imported', async () => {
    const page = await renderOptions();
    const before = await storageNow();
    await chooseFiles(input('import-settings', page), [file('notes.json', 'hello {')]);
    await waitFor(() => expect(text(byTestId('import-status', page))).toMatch(/^notes\.json was not imported: not a JSON file \(.+\)\. Nothing changed\.$/));
    expect(await storageNow()).toEqual(before);
  });

  it('a valid file is imported and the form shows it at once', async () => {
    const page = await renderOptions();
    const good = {
      stakelens: 'settings',
      version: 2,
      sites: { 'app.aave.com': { enabled: false, look: 'none', layers: ['oracle'] } },
      rpc: {},
      beacon: 'http://localhost:5052',
      preferences: { units: 'percent', thresholds: { ...DEFAULT_THRESHOLDS, sellHighBps: 900 } },
    };
    await chooseFiles(input('import-settings', page), [file('mine.json', JSON.stringify(good))]);
    await waitFor(() => expect(text(byTestId('import-status', page))).toBe('Imported mine.json.'));
    // A v2 file predates the bridge layer: it comes in with it, as stored v2 settings do.
    expect(await getSiteSettings()).toEqual({ 'app.aave.com': { enabled: false, look: 'none', layers: ['bridge', 'oracle'] } });
    expect(await getBeaconSetting()).toBe('http://localhost:5052');
    await waitFor(() => {
      expect(input('site-enabled-aave', page).checked).toBe(false);
      expect(input('beacon-url', page).value).toBe('http://localhost:5052');
      expect(input('threshold-sellHighBps', page).value).toBe('900');
      expect(byTestId<HTMLSelectElement>('units', page).value).toBe('percent');
    });
  });
});

describe('RPC endpoints', () => {
  it('refuses a value that is not a URL before any network call, and saves nothing', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const page = await renderOptions();
    const before = await storageNow();
    await setValue(input('rpc-1', page), 'not a url');
    await click(byTestId('save', page));
    const status = await waitFor(() => byTestId('save-status', page));
    expect(status.getAttribute('role')).toBe('status');
    expect(status.className).toBe('pp-bad');
    expect(text(status)).toBe('Ethereum: “not a url” is not a URL. Nothing was saved.');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await storageNow()).toEqual(before);
  });

  it('refuses a non-http(s) endpoint', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const page = await renderOptions();
    await setValue(input('rpc-8453', page), 'ftp://rpc.example');
    await click(byTestId('save', page));
    await waitFor(() => expect(text(byTestId('save-status', page))).toBe('Base: the endpoint must be an http(s) URL. Nothing was saved.'));
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await getRpcSettings()).toEqual({});
  });

  it('refuses an endpoint of another chain', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0xa' })));
    const page = await renderOptions();
    await setValue(input('rpc-1', page), 'https://rpc.mine.example/');
    await click(byTestId('save', page));
    await waitFor(() => expect(text(byTestId('save-status', page))).toBe('Ethereum: the endpoint serves chain 10, not 1. Nothing was saved.'));
    expect(await getRpcSettings()).toEqual({});
  });

  it('saves an endpoint that answers with its chain id', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0xa4b1' })));
    const page = await renderOptions();
    await setValue(input('rpc-42161', page), '  https://arb.mine.example/rpc  ');
    await click(byTestId('save', page));
    await waitFor(() => expect(text(byTestId('save-status', page))).toBe('Saved.'));
    expect(byTestId('save-status', page).className).toBe('pp-ok');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(await getRpcSettings()).toEqual({ '42161': ['https://arb.mine.example/rpc'] });
  });
});

describe('alert overrides', () => {
  it('saves a per-token threshold, keeps the others at their defaults, and refuses one that breaks the order', async () => {
    const { alertSettings } = await import('../../../lib/settings');
    const page = await renderOptions();
    const symbol = await waitFor(() => byTestId<HTMLSelectElement>('override-symbol', page));
    await setValue(symbol, 'rsETH');
    await setValue(input('override-depegMediumBps', page), '20');
    await click(byTestId('save-overrides', page));
    await waitFor(() => expect(byTestId('overrides-status', page).className).toContain('pp-ok'));
    expect((await alertSettings.getValue()).overrides).toEqual({ rsETH: { depegMediumBps: 20 } });

    // Medium at or past high (500 bps by default) is no threshold: nothing is saved, and it says why.
    await setValue(input('override-depegMediumBps', page), '900');
    await click(byTestId('save-overrides', page));
    await waitFor(() => expect(byTestId('overrides-status', page).className).toContain('pp-bad'));
    expect((await alertSettings.getValue()).overrides).toEqual({ rsETH: { depegMediumBps: 20 } });
    // Another token's form starts from its own (default) values.
    await setValue(symbol, 'wstETH');
    expect(input('override-depegMediumBps', page).value).toBe('');
  });
});
