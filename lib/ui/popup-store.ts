import { createStore } from 'zustand/vanilla';
import { send, type FigureReplyMessage, type FoundToken } from '../messaging';
import { getSiteSettings, isSiteEnabled, setSiteEnabled } from '../settings';

/** Popup state: the tab it describes, what the page shows, and whether Stakelens runs there. */
export interface PopupState {
  tabId: number | null;
  host: string | null;
  tokens: FoundToken[];
  figures: FigureReplyMessage[];
  enabled: boolean;
  loading: boolean;
  error: string | null;
  /** When the summary was loaded: ages are shown as of this moment. */
  loadedAt: number;
}

const initial: PopupState = { tabId: null, host: null, tokens: [], figures: [], enabled: true, loading: true, error: null, loadedAt: 0 };
export const popupStore = createStore<PopupState>(() => initial);

export async function loadTab(tabId: number): Promise<void> {
  popupStore.setState({ tabId, loading: true, error: null });
  try {
    const summary = await send('getTabSummary', { tabId });
    const enabled = summary.host ? isSiteEnabled(await getSiteSettings(), summary.host) : false;
    popupStore.setState({ host: summary.host, tokens: summary.tokens, figures: summary.figures, enabled, loading: false, loadedAt: Date.now() });
  } catch (error) {
    popupStore.setState({ loading: false, error: `Could not reach Stakelens' background: ${(error as Error).message}` });
  }
}

export async function toggleSite(): Promise<void> {
  const { host, enabled, tabId } = popupStore.getState();
  if (!host) return;
  popupStore.setState({ enabled: !enabled });
  await setSiteEnabled(host, !enabled);
  if (tabId !== null) setTimeout(() => void loadTab(tabId), 300);
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
