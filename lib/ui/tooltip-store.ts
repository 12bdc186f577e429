import { createStore } from 'zustand/vanilla';
import { FIGURES_TTL_MS } from '../chain/figures';
import type { HistoryView } from '../chain/peg-points';
import { send, type FigureReplyMessage, type FoundToken, type MessageReply } from '../messaging';
import { MARK, type MatchKind } from '../scan/marks';

/** State of the tooltip overlay on this page: which mark it is open for and what we know of it. */
export interface TooltipState {
  anchor: Element | null;
  symbol: string | null;
  chainId: number | null;
  match: MatchKind | null;
  via: string | null;
  reply: FigureReplyMessage | null;
  loading: boolean;
  error: string | null;
  /** The peg over 30 days, for the sparkline; null until asked. */
  history: HistoryView | null;
}

const closed: TooltipState = { anchor: null, symbol: null, chainId: null, match: null, via: null, reply: null, loading: false, error: null, history: null };

export const tooltipStore = createStore<TooltipState>(() => closed);

let request = 0;

/**
 * The last figures this page received per token: a hover shows them at once (with their age, and
 * marked stale past the live TTL) while the background is asked again.
 */
const recent = new Map<string, FigureReplyMessage>();
const keyOf = (symbol: string, chainId: number) => `${chainId}:${symbol}`;

function remember(replies: FigureReplyMessage[]): void {
  for (const reply of replies) if (reply.figures) recent.set(keyOf(reply.symbol, reply.chainId), reply);
}

function remembered(symbol: string, chainId: number): FigureReplyMessage | null {
  const reply = recent.get(keyOf(symbol, chainId));
  if (!reply?.figures) return null;
  return Date.now() - reply.figures.readAt > FIGURES_TTL_MS ? { ...reply, stale: true } : reply;
}

/** Asks once for the figures of every token on the page (when the tooltip's code loads), so hovers answer at once. */
export async function prefetchFigures(tokens: readonly FoundToken[]): Promise<void> {
  const refs = tokens.filter((t) => t.match !== 'mismatch').map(({ symbol, chainId }) => ({ symbol, chainId }));
  if (!refs.length) return;
  try {
    remember((await send('getFigures', { tokens: refs.slice(0, 50) })).replies);
    // The page's tokens' peg history, read in one pass per chain (not one per hovered token).
    rememberHistory((await send('getHistory', { tokens: refs.slice(0, 60) })).replies);
  } catch {
    // No background (the extension went away): hovers will say so.
  }
}

const histories = new Map<string, HistoryView>();
function rememberHistory(replies: MessageReply<'getHistory'>['replies']): void {
  for (const r of replies) histories.set(keyOf(r.symbol, r.chainId), { series: r.series, pending: r.pending });
}

const HISTORY_POLLS = 15;
const HISTORY_POLL_MS = 2_000;

/** The open token's peg history: what is stored at once, asked again while it is being read. */
async function loadHistory(id: number, symbol: string, chainId: number): Promise<void> {
  const known = histories.get(keyOf(symbol, chainId));
  if (known) tooltipStore.setState({ history: known });
  for (let poll = 0; poll < HISTORY_POLLS && id === request; poll++) {
    if (poll > 0) await new Promise((resolve) => setTimeout(resolve, HISTORY_POLL_MS));
    if (id !== request) return;
    const [reply] = (await send('getHistory', { tokens: [{ symbol, chainId }] })).replies;
    if (!reply || id !== request) return;
    rememberHistory([reply]);
    tooltipStore.setState({ history: { series: reply.series, pending: reply.pending } });
    if (!reply.pending) return;
  }
}
const STALE_RETRIES = 3;
const STALE_RETRY_MS = 1_000;

export async function openTooltip(anchor: Element, force = false): Promise<void> {
  const symbol = anchor.getAttribute(MARK.symbol);
  const chainId = Number(anchor.getAttribute(MARK.chain));
  if (!symbol || !Number.isInteger(chainId)) return;
  const previous = tooltipStore.getState();
  const same = previous.anchor === anchor;
  if (same && !force) return;
  // The app re-rendered the mark: a new element for the same token keeps what we already know.
  const sameToken = previous.symbol === symbol && previous.chainId === chainId;
  const id = ++request;
  tooltipStore.setState({
    anchor,
    symbol,
    chainId,
    match: anchor.getAttribute(MARK.match) as MatchKind,
    via: anchor.getAttribute(MARK.via),
    reply: same || sameToken ? previous.reply : remembered(symbol, chainId),
    loading: true,
    error: null,
    history: same || sameToken ? previous.history : (histories.get(keyOf(symbol, chainId)) ?? null),
  });
  try {
    const first = send('getFigures', { tokens: [{ symbol, chainId }], force });
    // The sparkline comes on its own, asked after the figures: a slow history never holds them up.
    void loadHistory(id, symbol, chainId).catch(() => {});
    let { replies } = await first;
    remember(replies);
    // Stale figures (or no realized yield yet) came at once while fresh ones are read: show them, then ask again.
    const reading = (r: (typeof replies)[number] | undefined) => !!r && r.stale && !r.error;
    const waiting = (r: (typeof replies)[number] | undefined) => reading(r) || !!r?.realizedPending;
    for (let attempt = 0; attempt < STALE_RETRIES && id === request && waiting(replies[0]); attempt++) {
      tooltipStore.setState({ reply: replies[0] ?? null, loading: reading(replies[0]) });
      await new Promise((resolve) => setTimeout(resolve, STALE_RETRY_MS));
      if (id !== request) return;
      ({ replies } = await send('getFigures', { tokens: [{ symbol, chainId }] }));
      remember(replies);
    }
    if (id === request) tooltipStore.setState({ reply: replies[0] ?? null, loading: false });
  } catch (error) {
    // The extension was reloaded or the worker is gone: say so in the tooltip, never in the page.
    if (id === request) tooltipStore.setState({ loading: false, error: `Stakelens could not reach its background: ${(error as Error).message}` });
  }
}

/** Watches the open token, or stops: shown at once, then told to the background. */
export async function watchOpenToken(watched: boolean): Promise<void> {
  const { symbol, chainId, reply } = tooltipStore.getState();
  if (!symbol || chainId === null) return;
  const key = keyOf(symbol, chainId);
  const before = reply?.watched ?? false;
  const mark = (w: boolean) => {
    const current = tooltipStore.getState();
    // Only the token it was asked for: the user may have moved on to another one meanwhile.
    if (current.reply && current.symbol === symbol && current.chainId === chainId) tooltipStore.setState({ reply: { ...current.reply, watched: w } });
    const cached = recent.get(key);
    if (cached) recent.set(key, { ...cached, watched: w });
  };
  if (reply) {
    recent.set(key, { ...reply, watched });
    mark(watched);
  }
  try {
    await send('setWatched', { token: { symbol, chainId }, watched });
  } catch (error) {
    mark(before);
    if (tooltipStore.getState().symbol === symbol) tooltipStore.setState({ error: `Stakelens could not reach its background: ${(error as Error).message}` });
  }
}

/** Opens the board in a new tab at the open token's row (the tooltip's token name). */
export async function openBoardAtOpenToken(): Promise<void> {
  const { symbol, chainId } = tooltipStore.getState();
  if (!symbol || chainId === null) return;
  try {
    await send('openBoard', { focus: { symbol, chainId } });
  } catch (error) {
    tooltipStore.setState({ error: `Stakelens could not reach its background: ${(error as Error).message}` });
  }
}

export function closeTooltip(): void {
  request++;
  tooltipStore.setState(closed);
}
