import { storage } from 'wxt/utils/storage';
import { createFigureService } from '../lib/cache/figure-service';
import { handle, type FoundToken } from '../lib/messaging';
import { syncOtherSiteScripts } from '../lib/site-access';

/** What the content script last found on a tab; kept in session storage so a restarted worker knows. */
interface TabRecord {
  host: string;
  tokens: FoundToken[];
}
const tabKey = (tabId: number) => `session:tab:${tabId}` as const;

export default defineBackground(() => {
  const { figuresFor } = createFigureService();

  handle('tokensFound', async (data, sender) => {
    if (sender.tabId === undefined) return { ok: true };
    await storage.setItem<TabRecord>(tabKey(sender.tabId), { host: data.host, tokens: data.tokens });
    // Warm the cache for what the page shows, so the first hover answers from it.
    if (data.tokens.length) void figuresFor(data.tokens).catch(() => {});
    return { ok: true };
  });

  // The tooltip takes stale figures at once (marked stale) while fresh ones are read: it asks again.
  handle('getFigures', async (data) => ({ replies: await figuresFor(data.tokens, { force: data.force, staleOk: !data.force }) }));

  handle('getTabSummary', async ({ tabId }) => {
    const record = await storage.getItem<TabRecord>(tabKey(tabId));
    if (!record) return { host: null, tokens: [], figures: [] };
    const figures = record.tokens.length ? await figuresFor(record.tokens, { peek: true }) : [];
    return { host: record.host, tokens: record.tokens, figures };
  });

  browser.tabs.onRemoved.addListener((tabId) => void storage.removeItem(tabKey(tabId)));

  // Sites the user granted from the popup get the content script; a revoked one loses it.
  const sync = () => void syncOtherSiteScripts().catch((error) => console.warn('[Stakelens] could not register the content script for other sites', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
});
