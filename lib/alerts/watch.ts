import { storage } from 'wxt/utils/storage';
import type { FigureReplyMessage, FoundToken } from '../messages';
import { worstAlert, type Alert } from '../risk/alerts';
import { getAlertSettings, getWatchlist } from '../settings';
import { tokenBySymbol } from '../tokens/registry';
import { alertKindName, alertTag, describeAlert } from '../ui/alert-text';
import { chainName } from '../ui/format';
import { t } from '../i18n';
import { recordAlerts, type Transition } from './tracker';

/*
 * Loud where the user is not: every minute (browser.alarms) the background reads the tokens on open
 * tabs and on the watchlist, sets each tab's badge to its worst alert, writes what changed into the
 * alert history, and notifies the watched tokens' alerts when they start, worsen or end. With no
 * tab showing a token and nothing watched, it reads nothing.
 */

export const REFRESH_ALARM = 'stakelens:refresh';
export const CONFIRM_ALARM = 'stakelens:confirm';
const REFRESH_MINUTES = 1;
/** Figures younger than this are not read again on the minute: a read of 59 s ago would otherwise wait two minutes. */
const REFRESH_MAX_AGE_MS = 50_000;

/** What the content script last found on a tab; kept in session storage so a restarted worker knows. */
export interface TabRecord {
  host: string;
  tokens: FoundToken[];
}
export const tabKey = (tabId: number) => `session:tab:${tabId}` as const;

/** Tokens whose value moved with no second source yet: read again once the same read two minutes older can tell. */
const confirmItem = storage.defineItem<{ symbol: string; chainId: number }[]>('session:confirm', { fallback: [] });

type FiguresFor = (
  refs: { symbol: string; chainId: number }[],
  mode?: { force?: boolean; peek?: boolean; staleOk?: boolean; maxAgeMs?: number; unseen?: boolean },
) => Promise<FigureReplyMessage[]>;

const refKey = (r: { symbol: string; chainId: number }) => `${r.chainId}:${r.symbol}`;
const unique = <T extends { symbol: string; chainId: number }>(refs: T[]) => [...new Map(refs.map((r) => [refKey(r), { symbol: r.symbol, chainId: r.chainId }])).values()];

/** Every tab the content script reported on, with what it found. */
export async function tabRecords(): Promise<Map<number, TabRecord>> {
  const all = await browser.storage.session.get(null);
  const tabs = new Map<number, TabRecord>();
  for (const [key, value] of Object.entries(all)) {
    const match = /^tab:(\d+)$/.exec(key);
    if (match && value && typeof value === 'object') tabs.set(Number(match[1]), value as TabRecord);
  }
  return tabs;
}

const tokensOf = (record: TabRecord) => record.tokens.filter((t) => t.match !== 'mismatch');

/** Makes sure the minute's refresh is scheduled (idempotent: a restarted worker keeps the one it had). */
export async function scheduleRefresh(): Promise<void> {
  if (!(await browser.alarms.get(REFRESH_ALARM))) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
}

/** Reads again, a little after `seconds`, the tokens whose value moved with nothing yet to back it. */
export async function scheduleConfirm(refs: { symbol: string; chainId: number }[], seconds: number): Promise<void> {
  await confirmItem.setValue(unique([...((await confirmItem.getValue()) ?? []), ...refs]));
  await browser.alarms.create(CONFIRM_ALARM, { when: Date.now() + seconds * 1000 });
}

/** The minute's work: read, badge every tab, record and tell what changed. Returns the refs read (for tests and the bench). */
export async function refreshAll(figuresFor: FiguresFor, options: { confirm?: boolean } = {}): Promise<{ symbol: string; chainId: number }[]> {
  const tabs = await tabRecords();
  const watched = await getWatchlist();
  const pending = options.confirm ? ((await confirmItem.getValue()) ?? []) : [];
  if (options.confirm) await confirmItem.setValue([]);
  const refs = unique([...[...tabs.values()].flatMap(tokensOf), ...watched, ...pending]);
  if (!refs.length) return [];
  // A bridged token's value is its home chain's: asked in the same pass, the home chain is read once
  // for all of them (one multicall per chain), not once per chain that needs it.
  const homes = refs.flatMap((r) => {
    const token = tokenBySymbol(r.symbol);
    return token && token.homeChainId !== r.chainId ? [{ symbol: r.symbol, chainId: token.homeChainId }] : [];
  });
  const replies = (await figuresFor(unique([...refs, ...homes]), pending.length ? { force: true, unseen: true } : { maxAgeMs: REFRESH_MAX_AGE_MS, unseen: true })).filter((r) => refs.some((x) => refKey(x) === refKey(r)));
  const byKey = new Map(replies.map((r) => [refKey(r), r]));
  for (const [tabId, record] of tabs) await setBadge(tabId, tokensOf(record).flatMap((t) => byKey.get(refKey(t))?.alerts ?? []));
  const changes = await recordAlerts(replies.flatMap((r) => r.alerts), new Set(replies.filter((r) => r.figures).map(refKey)));
  await notify(changes, watched);
  return refs;
}

/** The tab's badge: the worst alert's few letters, red when high, amber when medium; nothing when calm. */
export async function setBadge(tabId: number, alerts: readonly Alert[]): Promise<void> {
  const worst = worstAlert(alerts);
  // Manifest V2 (the Firefox build) names it browserAction.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await action.setBadgeText({ tabId, text: worst ? alertTag(worst.kind) : '' });
    if (worst) {
      await action.setBadgeBackgroundColor({ tabId, color: worst.level === 'high' ? '#c5221f' : '#b06000' });
      await action.setTitle({ tabId, title: t('alert.badgeTitle', { summary: `${worst.symbol}: ${describeAlert(worst.facts).title}` }) });
    } else {
      await action.setTitle({ tabId, title: t('app.name') });
    }
  } catch {
    // The tab closed meanwhile.
  }
}

/** The badge of one tab, from the figures already cached (no read). */
export async function badgeTab(tabId: number, figuresFor: FiguresFor): Promise<void> {
  const record = await storage.getItem<TabRecord>(tabKey(tabId));
  const tokens = record ? tokensOf(record) : [];
  const replies = tokens.length ? await figuresFor(tokens, { peek: true }) : [];
  await setBadge(tabId, replies.flatMap((r) => r.alerts));
}

/** One browser notification per watched alert that started, worsened or ended. */
async function notify(changes: Transition[], watched: { symbol: string; chainId: number }[]): Promise<void> {
  if (!changes.length || !(await getAlertSettings()).notify) return;
  const watchedKeys = new Set(watched.map(refKey));
  for (const change of changes) {
    if (!change.tell || !watchedKeys.has(refKey(change))) continue;
    const text = describeAlert(change.facts);
    const title = t(`alert.notification.${change.event}`, { symbol: change.symbol, chain: chainName(change.chainId), kind: alertKindName(change.kind) });
    await browser.notifications
      .create(`stakelens:${change.chainId}:${change.symbol}:${change.kind}:${change.at}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message: [text.title, ...text.lines].join(' '),
        priority: change.level === 'high' ? 2 : 1,
      })
      .catch((error: unknown) => console.warn('[Stakelens] could not notify', error));
  }
}
