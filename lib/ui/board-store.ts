import { createStore } from 'zustand/vanilla';
import { boardRow, NO_FILTER, rowKey, type BoardFilter, type BoardRow, type RowKey, type SortColumn } from '../board/rows';
import type { HistoryView } from '../chain/peg-points';
import { t } from '../i18n';
import { send, type FigureReplyMessage } from '../messaging';
import { tokenBySymbol } from '../tokens/registry';

/**
 * The board page's state: the replies for every token and chain, and how the reader sorts, filters
 * and opens them. Loaded in two steps — the cache at once (the first paint), then the chains — and
 * asked again while realized yields are still being read.
 */
export interface BoardState {
  replies: FigureReplyMessage[];
  /** Each row's peg history, by row key. */
  history: Record<RowKey, HistoryView>;
  rows: BoardRow[];
  /** The first answer (from the cache) has arrived; `live` once the chains have answered. */
  ready: boolean;
  live: boolean;
  loading: boolean;
  error: string | null;
  loadedAt: number;
  sort: { column: SortColumn; direction: 'ascending' | 'descending' };
  filter: BoardFilter;
  /** The row whose detail is open, and the column it was opened from. */
  selected: { key: RowKey; column: string } | null;
}

const initial: BoardState = {
  replies: [],
  history: {},
  rows: [],
  ready: false,
  live: false,
  loading: false,
  error: null,
  loadedAt: 0,
  sort: { column: 'token', direction: 'ascending' },
  filter: NO_FILTER,
  selected: null,
};
export const boardStore = createStore<BoardState>(() => initial);

/** How often, and how many times, the board asks again while realized yields are being read. */
const PENDING_POLL_MS = 1_500;
const PENDING_POLLS = 20;

function rowsOf(replies: FigureReplyMessage[], history: Record<RowKey, HistoryView>): BoardRow[] {
  return replies.flatMap((reply) => {
    const token = tokenBySymbol(reply.symbol);
    return token ? [boardRow(token, reply, history[rowKey(reply.symbol, reply.chainId)] ?? null)] : [];
  });
}

function take(replies: FigureReplyMessage[], live: boolean): void {
  const { history } = boardStore.getState();
  boardStore.setState({ replies, rows: rowsOf(replies, history), ready: true, live: live || boardStore.getState().live, loadedAt: Date.now() });
}

const HISTORY_POLLS = 60;
const HISTORY_POLL_MS = 2_000;
/** getHistory takes up to 60 tokens a message. */
const HISTORY_BATCH = 60;

/** Every row's peg history: what is stored at once, then again while the background extends it. */
let historyRun = 0;
async function loadHistory(refs: { symbol: string; chainId: number }[]): Promise<void> {
  const run = ++historyRun;
  for (let poll = 0; poll < HISTORY_POLLS && run === historyRun; poll++) {
    if (poll > 0) await new Promise((resolve) => setTimeout(resolve, HISTORY_POLL_MS));
    const batches = [];
    for (let i = 0; i < refs.length; i += HISTORY_BATCH) batches.push(send('getHistory', { tokens: refs.slice(i, i + HISTORY_BATCH) }));
    const replies = (await Promise.all(batches)).flatMap((b) => b.replies);
    const history = { ...boardStore.getState().history };
    for (const r of replies) history[rowKey(r.symbol, r.chainId)] = { series: r.series, pending: r.pending };
    boardStore.setState({ history, rows: rowsOf(boardStore.getState().replies, history) });
    if (!replies.some((r) => r.pending)) return;
  }
}

/** Cache first, then the chains; then again while yields are pending. `force` reads everything now. */
export async function loadBoard(options: { force?: boolean } = {}): Promise<void> {
  boardStore.setState({ loading: true, error: null });
  try {
    if (!options.force) {
      take((await send('getBoard', { peek: true })).replies, false);
      performance.mark('stakelens:board-cache-answer');
    }
    let replies = (await send('getBoard', { force: options.force })).replies;
    take(replies, true);
    // The history after the live figures: its reads are many, and slower, and never hold them up.
    void loadHistory(replies.map(({ symbol, chainId }) => ({ symbol, chainId }))).catch(() => {});
    for (let i = 0; i < PENDING_POLLS && replies.some((r) => r.realizedPending); i++) {
      await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
      replies = (await send('getBoard', { peek: true })).replies;
      take(replies, true);
    }
  } catch (error) {
    boardStore.setState({ error: t('board.error', { error: (error as Error).message }) });
  } finally {
    boardStore.setState({ loading: false });
  }
}

/** A column header pressed: sort by it, or turn the direction round if it is already the one. */
export function sortBy(column: SortColumn): void {
  const { sort } = boardStore.getState();
  const direction = sort.column === column ? (sort.direction === 'ascending' ? 'descending' : 'ascending') : column === 'token' || column === 'chain' ? 'ascending' : 'descending';
  boardStore.setState({ sort: { column, direction } });
}

export function setFilter(change: Partial<BoardFilter>): void {
  boardStore.setState({ filter: { ...boardStore.getState().filter, ...change } });
}

export function openDetail(symbol: string, chainId: number, column = 'token'): void {
  boardStore.setState({ selected: { key: rowKey(symbol, chainId), column } });
}

export function closeDetail(): void {
  boardStore.setState({ selected: null });
}

/** Watch or unwatch from the board: the row moves to the top (or back), and the alarm reads it. */
export async function toggleBoardWatch(symbol: string, chainId: number, watched: boolean): Promise<void> {
  await send('setWatched', { token: { symbol, chainId }, watched });
  take((await send('getBoard', { peek: true })).replies, boardStore.getState().live);
}

export function resetBoardStore(): void {
  boardStore.setState(initial, true);
}
