import { storage } from 'wxt/utils/storage';
import { badgeTab, CONFIRM_ALARM, REFRESH_ALARM, refreshAll, scheduleConfirm, scheduleRefresh, tabKey, type TabRecord } from '../lib/alerts/watch';
import { boardRefs, boardUrl } from '../lib/board/rows';
import { createFigureService } from '../lib/cache/figure-service';
import { createHistoryService } from '../lib/cache/history-service';
import { PERSISTENCE_SECONDS } from '../lib/chain/rate-trust';
import { handle } from '../lib/messaging';
import { setWatched } from '../lib/settings';
import { syncOtherSiteScripts } from '../lib/site-access';

export default defineBackground(() => {
  const { figuresFor, cache } = createFigureService();
  // A value that moved with nothing to back it is read again once the same read two minutes older can tell.
  cache.onUnconfirmed = (refs) => void scheduleConfirm(refs, PERSISTENCE_SECONDS + 5).catch(() => {});

  handle('tokensFound', async (data, sender) => {
    if (sender.tabId === undefined) return { ok: true };
    const tabId = sender.tabId;
    await storage.setItem<TabRecord>(tabKey(tabId), { host: data.host, tokens: data.tokens });
    // Warm the cache for what the page shows, so the first hover answers from it; then the badge.
    const shown = data.tokens.filter((t) => t.match !== 'mismatch');
    if (shown.length) void figuresFor(shown).then(() => badgeTab(tabId, figuresFor), () => {});
    else void badgeTab(tabId, figuresFor);
    return { ok: true };
  });

  // The tooltip takes stale figures at once (marked stale) while fresh ones are read: it asks again.
  handle('getFigures', async (data, sender) => {
    const replies = await figuresFor(data.tokens, { force: data.force, staleOk: !data.force });
    if (sender.tabId !== undefined) void badgeTab(sender.tabId, figuresFor);
    return { replies };
  });

  handle('getBoard', async ({ peek, force }) => ({ replies: await figuresFor(boardRefs(), peek ? { peek: true } : { force }) }));

  handle('openBoard', async ({ focus }) => {
    await browser.tabs.create({ url: boardUrl(focus) });
    return { ok: true };
  });

  handle('getTabSummary', async ({ tabId }) => {
    const record = await storage.getItem<TabRecord>(tabKey(tabId));
    if (!record) return { host: null, tokens: [], figures: [] };
    const figures = record.tokens.length ? await figuresFor(record.tokens, { peek: true }) : [];
    return { host: record.host, tokens: record.tokens, figures };
  });

  handle('setWatched', async ({ token, watched }) => {
    await setWatched(token, watched);
    return { ok: true };
  });

  // The peg history (board rows, the row's detail, the tooltip's sparkline): stored series, extended where due.
  const history = createHistoryService();
  handle('getHistory', async ({ tokens, wait }) => ({ replies: await history.historyFor(tokens, { wait }) }));

  browser.tabs.onRemoved.addListener((tabId) => void storage.removeItem(tabKey(tabId)));

  // Every minute: the tokens on open tabs and on the watchlist, badges, history, notifications.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshAll(figuresFor).catch((error) => console.warn('[Stakelens] refresh failed', error));
    if (alarm.name === CONFIRM_ALARM) void refreshAll(figuresFor, { confirm: true }).catch((error) => console.warn('[Stakelens] confirm read failed', error));
  });
  void scheduleRefresh();

  // Sites the user granted from the popup get the content script; a revoked one loses it.
  const sync = () => void syncOtherSiteScripts().catch((error) => console.warn('[Stakelens] could not register the content script for other sites', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
});
