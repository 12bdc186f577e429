import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSiteEnabled } from '../../lib/settings';
import { grantedOtherOrigins, originFor, syncOtherSiteScripts } from '../../lib/site-access';
import { generic } from '../../lib/sites/generic';
import { popupStore, toggleSite } from '../../lib/ui/popup-store';

/*
 * Sites outside the built-in list: the popup's switch asks the browser for the one origin, the
 * background registers the content script for what was granted. The browser's own prompt and
 * registration are faked here; the e2e suite (other-sites.spec.ts) runs them in Chromium.
 */

type Registered = { id: string; matches?: string[]; js?: string[] };

let registered: Registered[];
let granted: string[];

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  granted = ['https://app.aave.com/*'];
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions!.getAll = async () => ({ origins: granted, permissions: ['storage'] });
  b.scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id)),
    registerContentScripts: async (scripts: Registered[]) => void registered.push(...scripts),
    updateContentScripts: async (scripts: Registered[]) => void (registered = registered.map((s) => scripts.find((n) => n.id === s.id) ?? s)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => void (registered = registered.filter((s) => !ids.includes(s.id))),
    executeScript: vi.fn(async () => []),
  };
});

afterEach(() => vi.restoreAllMocks());

describe('originFor', () => {
  it.each([
    ['https://portfolio.example/holdings?x=1', { host: 'portfolio.example', pattern: 'https://portfolio.example/*' }],
    ['http://localhost:3000/', { host: 'localhost:3000', pattern: 'http://localhost:3000/*' }],
    ['chrome://extensions/', null],
    ['file:///home/me/page.html', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → %j', (url, expected) => expect(originFor(url)).toEqual(expected));
});

describe('syncOtherSiteScripts', () => {
  it('registers the content script for the granted origins beyond the built-in apps, follows changes, and drops it when none is left', async () => {
    await syncOtherSiteScripts();
    expect(registered).toEqual([]);
    granted = [...granted, 'https://portfolio.example/*'];
    expect(await grantedOtherOrigins()).toEqual(['https://portfolio.example/*']);
    await syncOtherSiteScripts();
    expect(registered).toMatchObject([{ id: 'stakelens-other-sites', matches: ['https://portfolio.example/*'], js: ['/content-scripts/content.js'] }]);
    granted = [...granted, 'http://localhost:3000/*'];
    await syncOtherSiteScripts();
    expect(registered).toHaveLength(1);
    expect(registered[0]!.matches).toEqual(['https://portfolio.example/*', 'http://localhost:3000/*']);
    granted = ['https://app.aave.com/*'];
    await syncOtherSiteScripts();
    expect(registered).toEqual([]);
  });
});

describe('the popup switch on a site outside the list', () => {
  const onOtherSite = (running: boolean) =>
    popupStore.setState({ tabId: 7, host: 'portfolio.example', pattern: 'https://portfolio.example/*', running, enabled: false, error: null });

  it('is off by default there, on by default on the built-in apps', () => {
    expect(isSiteEnabled({}, 'portfolio.example')).toBe(false);
    expect(isSiteEnabled({}, 'app.aave.com')).toBe(true);
    expect(isSiteEnabled({ 'portfolio.example': { enabled: true, look: 'underline', layers: [] } }, 'portfolio.example')).toBe(true);
  });

  it('a refused prompt leaves the site off and says so', async () => {
    onOtherSite(false);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    await toggleSite();
    expect(request).toHaveBeenCalledWith({ origins: ['https://portfolio.example/*'] });
    expect(popupStore.getState()).toMatchObject({ enabled: false, error: 'Access to portfolio.example was not granted: Stakelens stays off there.' });
    expect(await fakeBrowser.storage.local.get('sites')).toEqual({});
  });

  it('a granted prompt turns the site on and starts the script in the open page', async () => {
    onOtherSite(false);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await toggleSite();
    expect(popupStore.getState()).toMatchObject({ enabled: true, error: null });
    expect(await fakeBrowser.storage.local.get('sites')).toMatchObject({ sites: { 'portfolio.example': { enabled: true, look: 'underline' } } });
    expect((fakeBrowser as unknown as { scripting: { executeScript: ReturnType<typeof vi.fn> } }).scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: ['/content-scripts/content.js'],
    });
  });

  it('turning off asks nothing of the browser', async () => {
    popupStore.setState({ tabId: 7, host: 'portfolio.example', pattern: 'https://portfolio.example/*', running: true, enabled: true, error: null });
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await toggleSite();
    expect(request).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get('sites')).toMatchObject({ sites: { 'portfolio.example': { enabled: false } } });
  });
});

describe('the generic adapter', () => {
  const chain = (url: string) => generic.chainFromUrl(new URL(url));
  it.each([
    ['https://portfolio.example/', 1],
    ['https://portfolio.example/?chain=base', 8453],
    ['https://portfolio.example/?chainId=42161', 42161],
    ['https://portfolio.example/?chainId=0xa', 10],
    ['https://portfolio.example/?network=polygon', null],
    ['https://portfolio.example/?chainId=137', null],
    ['https://portfolio.example/arbitrum/pools', 42161],
  ])('%s is chain %s', (url, id) => expect(chain(url)).toBe(id));
});
