import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LAYERS } from '../../lib/risk/schema';
import { DEFAULT_THRESHOLDS } from '../../lib/risk/thresholds';
import { markStyle } from '../../lib/scan/marks';
import { exportSettings, importSettings } from '../../lib/settings-file';
import { getPreferences, getRpcSettings, getSiteSettings, migrateSitesV2, MARK_LOOKS, siteSettingFor, unwatchQuietly, updateSite } from '../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('site settings, version 2', () => {
  it('migrates v1 ({ enabled }) to v2, keeping each switch and dropping what is not a site', () => {
    expect(migrateSitesV2({ 'app.aave.com': { enabled: false }, 'app.uniswap.org': { enabled: true }, junk: 3, half: {} })).toEqual({
      'app.aave.com': { enabled: false, look: 'underline', layers: [...LAYERS] },
      'app.uniswap.org': { enabled: true, look: 'underline', layers: [...LAYERS] },
    });
    expect(migrateSitesV2(null)).toEqual({});
    expect(migrateSitesV2('x')).toEqual({});
  });

  it('a browser holding v1 settings reads them migrated, and storage is rewritten as v2', async () => {
    await fakeBrowser.storage.local.set({ sites: { 'app.aave.com': { enabled: false } }, sites$: { v: 1 } });
    vi.resetModules();
    const fresh = await import('../../lib/settings');
    expect(await fresh.getSiteSettings()).toEqual({ 'app.aave.com': { enabled: false, look: 'underline', layers: [...LAYERS] } });
    expect(await fakeBrowser.storage.local.get(['sites', 'sites$'])).toEqual({
      sites: { 'app.aave.com': { enabled: false, look: 'underline', layers: [...LAYERS] } },
      sites$: { v: 2 },
    });
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
    expect(file).toMatchObject({ stakelens: 'settings', version: 2, rpc: {}, beacon: '', preferences: { units: 'bps', thresholds: DEFAULT_THRESHOLDS } });
    expect(file.sites['app.aave.com']).toMatchObject({ enabled: false, look: 'none' });

    fakeBrowser.reset();
    file.rpc = { '1': ['https://rpc.example'] };
    file.preferences.units = 'percent';
    expect(await importSettings(JSON.stringify(file), endpointOk)).toBeNull();
    expect((await getSiteSettings())['app.aave.com']).toMatchObject({ enabled: false, look: 'none' });
    expect(await getRpcSettings()).toEqual({ '1': ['https://rpc.example'] });
    expect((await getPreferences()).units).toBe('percent');
  });

  it.each([
    ['not json', 'not a JSON file'],
    ['{"stakelens":"settings","version":1}', 'version'],
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
