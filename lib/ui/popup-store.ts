import { createStore } from 'zustand/vanilla';
import { t } from '../i18n';
import { send, type FigureReplyMessage, type FoundToken } from '../messaging';
import { getSiteSettings, isSiteEnabled, setSiteEnabled } from '../settings';
import { injectInto, originFor, requestAccess } from '../site-access';
import { siteForHost } from '../sites';

/** Popup state: the tab it describes, what the page shows, and whether Stakelens runs there. */
export interface PopupState {
  tabId: number | null;
  host: string | null;
  /** The match pattern of the tab's site, to ask the browser for access to it. */
  pattern: string | null;
  /** Whether our content script runs in the tab (it reported in). */
  running: boolean;
  tokens: FoundToken[];
  figures: FigureReplyMessage[];
  enabled: boolean;
  loading: boolean;
  error: string | null;
  /** When the summary was loaded: ages are shown as of this moment. */
  loadedAt: number;
}

const initial: PopupState = { tabId: null, host: null, pattern: null, running: false, tokens: [], figures: [], enabled: true, loading: true, error: null, loadedAt: 0 };
export const popupStore = createStore<PopupState>(() => initial);

export async function loadTab(tabId: number): Promise<void> {
  popupStore.setState({ tabId, loading: true, error: null });
  try {
    const summary = await send('getTabSummary', { tabId });
    // The tab's address: readable on a site we have access to, or through activeTab once the user
    // opened the popup from the toolbar.
    const origin = originFor((await browser.tabs.get(tabId).catch(() => undefined))?.url);
    const host = summary.host ?? origin?.host ?? null;
    const enabled = host ? isSiteEnabled(await getSiteSettings(), host) : false;
    popupStore.setState({
      host,
      pattern: origin?.pattern ?? (host ? `https://${host}/*` : null),
      running: summary.host !== null,
      tokens: summary.tokens,
      figures: summary.figures,
      enabled,
      loading: false,
      loadedAt: Date.now(),
    });
  } catch (error) {
    popupStore.setState({ loading: false, error: t('popup.error.background', { error: (error as Error).message }) });
  }
}

/**
 * The per-site switch. Turning on a site outside the built-in list first asks the browser for
 * access to it: that call comes first, while the click still counts as the user's gesture.
 */
export async function toggleSite(): Promise<void> {
  const { host, pattern, enabled, tabId, running } = popupStore.getState();
  if (!host) return;
  if (!enabled && !siteForHost(host)) {
    const granted = pattern ? await requestAccess(pattern).catch(() => false) : false;
    if (!granted) {
      popupStore.setState({ error: t('popup.error.accessDenied', { host }) });
      return;
    }
  }
  popupStore.setState({ enabled: !enabled, error: null });
  await setSiteEnabled(host, !enabled);
  // A page opened before access was granted has no content script yet.
  if (!enabled && !running && tabId !== null) {
    await injectInto(tabId).catch((error: Error) => popupStore.setState({ error: t('popup.error.inject', { error: error.message }) }));
  }
  if (tabId !== null) setTimeout(() => void loadTab(tabId), 300);
}

/** Watches a token of the tab, or stops: shown at once, then told to the background. */
export async function toggleWatch(symbol: string, chainId: number, watched: boolean): Promise<void> {
  const mark = (w: boolean) =>
    popupStore.setState({ figures: popupStore.getState().figures.map((f) => (f.symbol === symbol && f.chainId === chainId ? { ...f, watched: w } : f)) });
  const before = popupStore.getState().figures.find((f) => f.symbol === symbol && f.chainId === chainId)?.watched ?? false;
  mark(watched);
  try {
    await send('setWatched', { token: { symbol, chainId }, watched });
  } catch (error) {
    mark(before);
    popupStore.setState({ error: t('popup.error.background', { error: (error as Error).message }) });
  }
}

/** Reads the figures of every token on the tab again, now. */
export async function refreshFigures(): Promise<void> {
  const { tokens, tabId } = popupStore.getState();
  if (!tokens.length || tabId === null) return;
  popupStore.setState({ loading: true });
  try {
    await send('getFigures', { tokens: tokens.map(({ symbol, chainId }) => ({ symbol, chainId })), force: true });
  } finally {
    await loadTab(tabId);
  }
}
