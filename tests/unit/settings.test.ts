import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LAYERS } from '../../lib/risk/schema';
import { DEFAULT_THRESHOLDS } from '../../lib/risk/thresholds';
import { markStyle } from '../../lib/scan/marks';
import { exportSettings, importSettings, SETTINGS_FILE_VERSION } from '../../lib/settings-file';
import {
  alertSettings,
  DEFAULT_ALERT_SETTINGS,
  getAlertSettings,
  getPreferences,
  getRpcSettings,
  getSiteSettings,
  getWatchlist,
  migrateSitesV2,
  migrateSitesV3,
  MARK_LOOKS,
  setWatched,
  siteSettingFor,
  unwatchQuietly,
  updateSite,
} from '../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('site settings, versions 2 and 3', () => {
  it('migrates v1 ({ enabled }) to v2, keeping each switch and dropping what is not a site', () => {
    expect(migrateSitesV2({ 'app.aave.com': { enabled: false }, 'app.uniswap.org': { enabled: true }, junk: 3, half: {} })).toEqual({
      'app.aave.com': { enabled: false, look: 'underline', layers: [...LAYERS] },
      'app.uniswap.org': { enabled: true, look: 'underline', layers: [...LAYERS] },
    });
    expect(migrateSitesV2(null)).toEqual({});
    expect(migrateSitesV2('x')).toEqual({});
  });

  it('migrates v2 to v3: every site shows the new bridge layer, in its place, beside the layers it chose', () => {
    expect(LAYERS).toContain('bridge');
    expect(
      migrateSitesV3({
        'app.aave.com': { enabled: false, look: 'badge', layers: ['oracle', 'liquidity'] },
        'app.uniswap.org': { enabled: true, look: 'none', layers: [] },
        'curve.fi': { enabled: true },
        junk: 3,
        half: {},
      }),
    ).toEqual({
      'app.aave.com': { enabled: false, look: 'badge', layers: ['bridge', 'liquidity', 'oracle'] },
      'app.uniswap.org': { enabled: true, look: 'none', layers: ['bridge'] },
      'curve.fi': { enabled: true, look: 'underline', layers: [...LAYERS] },
    });
    expect(migrateSitesV3(null)).toEqual({});
  });

  it('a browser holding v1 settings reads them migrated, and storage is rewritten as v3', async () => {
    await fakeBrowser.storage.local.set({ sites: { 'app.aave.com': { enabled: false } }, sites$: { v: 1 } });
    vi.resetModules();
    const fresh = await import('../../lib/settings');
    expect(await fresh.getSiteSettings()).toEqual({ 'app.aave.com': { enabled: false, look: 'underline', layers: [...LAYERS] } });
    expect(await fakeBrowser.storage.local.get(['sites', 'sites$'])).toEqual({
      sites: { 'app.aave.com': { enabled: false, look: 'underline', layers: [...LAYERS] } },
      sites$: { v: 3 },
    });
  });

  it('a browser holding v2 settings gets the bridge layer added, and storage is rewritten as v3', async () => {
    await fakeBrowser.storage.local.set({ sites: { 'app.aave.com': { enabled: true, look: 'badge', layers: ['liquidity'] } }, sites$: { v: 2 } });
    vi.resetModules();
    const fresh = await import('../../lib/settings');
    const migrated = { 'app.aave.com': { enabled: true, look: 'badge', layers: ['bridge', 'liquidity'] } };
    expect(await fresh.getSiteSettings()).toEqual(migrated);
    expect(await fakeBrowser.storage.local.get(['sites', 'sites$'])).toEqual({ sites: migrated, sites$: { v: 3 } });
  });

  it('a change to one site applies to every host of that app', async () => {
    await updateSite('curve.fi', { look: 'badge', layers: ['liquidity'] });
    const sites = await getSiteSettings();
    for (const host of ['www.curve.finance', 'curve.finance', 'curve.fi']) expect(sites[host]).toEqual({ enabled: true, look: 'badge', layers: ['liquidity'] });
    expect(siteSettingFor(sites, 'app.aave.com')).toEqual({ enabled: true, look: 'underline', layers: [...LAYERS] });
    expect(siteSettingFor(sites, 'portfolio.example').enabled).toBe(false);
  });
});

describe('unwatchQuietly', () => {
  it('stops the watch, and stays quiet when the extension (and its storage API) is already gone', () => {
    const stop = vi.fn();
    unwatchQuietly(stop)();
    expect(stop).toHaveBeenCalledOnce();
    const gone = () => {
      throw new Error("'wxt/storage' must be loaded in a web extension environment");
    };
    expect(() => unwatchQuietly(gone)()).not.toThrow();
  });
});

describe('mark looks', () => {
  it.each(MARK_LOOKS)('%s changes no layout and always flags a look-alike in red', (look) => {
    const css = markStyle(look);
    expect(css).not.toMatch(/(^|[;{])\s*(display|margin|padding|width|height|border|font-size|content|position)\s*:/);
    expect(css).toContain('[data-stakelens-match="mismatch"]');
    expect(css).toContain('#dc2626');
  });
  it('none shows nothing on a real mark', () => {
    expect(markStyle('none')).not.toMatch(/\[data-stakelens\]\s*\{/);
  });
});

describe('settings file', () => {
  const endpointOk = async () => null;

  it('exports every setting and imports it back', async () => {
    await updateSite('app.aave.com', { enabled: false, look: 'none' });
    const text = await exportSettings();
    const file = JSON.parse(text);
    expect(SETTINGS_FILE_VERSION).toBe(3);
    expect(file).toMatchObject({
      stakelens: 'settings',
      version: 3,
      rpc: {},
      beacon: '',
      preferences: { units: 'bps', thresholds: DEFAULT_THRESHOLDS },
      alerts: DEFAULT_ALERT_SETTINGS,
      watchlist: [],
    });
    expect(file.sites['app.aave.com']).toMatchObject({ enabled: false, look: 'none' });

    fakeBrowser.reset();
    file.rpc = { '1': ['https://rpc.example'] };
    file.preferences.units = 'percent';
    expect(await importSettings(JSON.stringify(file), endpointOk)).toBeNull();
    expect((await getSiteSettings())['app.aave.com']).toMatchObject({ enabled: false, look: 'none' });
    expect(await getRpcSettings()).toEqual({ '1': ['https://rpc.example'] });
    expect((await getPreferences()).units).toBe('percent');
  });

  it('a v3 file carries the alert settings and the watchlist both ways', async () => {
    const alerts = { overrides: { rsETH: { depegMediumBps: 50, storedRateMaxHours: 48 } }, notify: false };
    await alertSettings.setValue(alerts);
    await setWatched({ symbol: 'rsETH', chainId: 1 }, true);
    await setWatched({ symbol: 'weETH', chainId: 42161 }, true);
    const file = JSON.parse(await exportSettings());
    expect(file.alerts).toEqual(alerts);
    expect(file.watchlist).toEqual([
      { symbol: 'rsETH', chainId: 1 },
      { symbol: 'weETH', chainId: 42161 },
    ]);

    fakeBrowser.reset();
    expect(await getAlertSettings()).toEqual(DEFAULT_ALERT_SETTINGS);
    expect(await getWatchlist()).toEqual([]);
    expect(await importSettings(JSON.stringify(file), endpointOk)).toBeNull();
    expect(await getAlertSettings()).toEqual(alerts);
    expect(await getWatchlist()).toEqual(file.watchlist);
  });

  it('a v2 file (before alerts) still imports, and leaves the alert settings and the watchlist as they are', async () => {
    const alerts = { overrides: {}, notify: false };
    await alertSettings.setValue(alerts);
    await setWatched({ symbol: 'ezETH', chainId: 1 }, true);
    const v2 = {
      stakelens: 'settings',
      version: 2,
      sites: { 'app.aave.com': { enabled: false, look: 'badge', layers: ['liquidity'] } },
      rpc: { '1': ['https://rpc.example'] },
      beacon: '',
      preferences: { units: 'percent', thresholds: DEFAULT_THRESHOLDS },
    };
    expect(await importSettings(JSON.stringify(v2), endpointOk)).toBeNull();
    expect((await getSiteSettings())['app.aave.com']).toMatchObject({ enabled: false, look: 'badge' });
    expect(await getRpcSettings()).toEqual({ '1': ['https://rpc.example'] });
    expect((await getPreferences()).units).toBe('percent');
    expect(await getAlertSettings()).toEqual(alerts);
    expect(await getWatchlist()).toEqual([{ symbol: 'ezETH', chainId: 1 }]);
  });

  const v3 = (extra: Record<string, unknown>) =>
    JSON.stringify({ stakelens: 'settings', version: 3, sites: {}, rpc: {}, beacon: '', preferences: { units: 'bps', thresholds: DEFAULT_THRESHOLDS }, ...extra });

  it.each([
    ['not json', 'not a JSON file'],
    ['{"stakelens":"settings","version":1}', 'version'],
    [v3({ version: 4 }), 'version'],
    [v3({ watchlist: [{ symbol: 'rs ETH!', chainId: 1 }] }), 'watchlist.0.symbol'],
    [v3({ alerts: { overrides: {}, notify: 'yes' } }), 'alerts.notify'],
    [JSON.stringify({ stakelens: 'settings', version: 2, sites: {}, rpc: { '1': ['javascript:alert(1)'] }, beacon: '', preferences: { units: 'bps', thresholds: DEFAULT_THRESHOLDS } }), 'rpc.1.0'],
    [JSON.stringify({ stakelens: 'settings', version: 2, sites: { x: { enabled: 'yes' } }, rpc: {}, beacon: '', preferences: { units: 'bps', thresholds: DEFAULT_THRESHOLDS } }), 'sites.x.enabled'],
    [JSON.stringify({ stakelens: 'settings', version: 2, sites: {}, rpc: {}, beacon: '', preferences: { units: 'bps', thresholds: { ...DEFAULT_THRESHOLDS, pegMediumBps: 900 } } }), 'must be below'],
    [JSON.stringify({ stakelens: 'settings', version: 2, sites: {}, rpc: {}, beacon: '', preferences: { units: 'bps', thresholds: DEFAULT_THRESHOLDS }, extra: 1 }), 'extra'],
  ])('refuses %s and changes nothing', async (text, reason) => {
    await updateSite('app.aave.com', { enabled: false });
    const before = await fakeBrowser.storage.local.get(null);
    expect(await importSettings(text, endpointOk)).toContain(reason);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('refuses a file whose RPC endpoint is dead or on another chain, before writing anything', async () => {
    const file = JSON.parse(await exportSettings());
    file.rpc = { '1': ['https://wrong-chain.example'] };
    file.sites = { 'app.aave.com': { enabled: false, look: 'underline', layers: [] } };
    const check = vi.fn(async () => 'it answers for chain 10, not 1');
    expect(await importSettings(JSON.stringify(file), check)).toBe('RPC endpoint https://wrong-chain.example for chain 1: it answers for chain 10, not 1');
    expect(check).toHaveBeenCalledWith('https://wrong-chain.example', 1);
    expect(await getSiteSettings()).toEqual({});
  });
});
