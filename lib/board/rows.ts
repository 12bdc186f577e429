import type { Figures } from '../chain/figures';
import type { HistoryView } from '../chain/peg-points';
import { worstDepeg } from '../chain/peg-view';
import { SELL_SIZES_ETH } from '../chain/plan';
import { WAD } from '../chain/units';
import type { FigureReplyMessage } from '../messages';
import type { AlertKind } from '../risk/alerts';
import { levelRank } from '../risk/alerts';
import { riskRows, type LayerId, type Level } from '../risk/layers';
import { registry } from '../tokens/registry';
import type { TokenEntry } from '../tokens/schema';

/*
 * The board's rows: one per token and chain it is deployed on, each figure taken from the same
 * reply the tooltip shows (so a cell's detail is the tooltip's), with the reason beside any figure
 * that is unavailable. Pure: the board page sorts, filters and exports these.
 */

/** The layers the board shows as cells: the stack, the bridge where there is one, and the lending oracle as Aave prices it. */
export const BOARD_LAYERS = ['consensus', 'lst', 'restaking', 'wrapper', 'bridge', 'liquidity', 'oracle'] as const satisfies readonly LayerId[];
/** The lending market whose oracle the board's oracle cell describes (the board is on no site). */
export const BOARD_ORACLE_SITE = 'aave';

export type RowKey = `${string}:${number}`;
export const rowKey = (symbol: string, chainId: number): RowKey => `${symbol}:${chainId}`;

export interface BoardRow {
  key: RowKey;
  symbol: string;
  chainId: number;
  kind: TokenEntry['kind'];
  protocol: string;
  /** Market against redemption value, bps (negative: below); null with `pegReason`. */
  pegBps: number | null;
  pegReason: string | null;
  /** The market sources the peg is read from (labels), the one used first. */
  pegSources: string[];
  /** Selling 10, 100 and 1,000 ETH worth now against redeeming, bps (≥ 0 a loss); null where unquoted. */
  sellCostBps: (number | null)[];
  sellVenue: string | null;
  sellReason: string | null;
  redeemMinSeconds: number | null;
  redeemMaxSeconds: number | null;
  redeemReason: string | null;
  apr7dBps: number | null;
  apr30dBps: number | null;
  yieldReason: string | null;
  yieldPending: boolean;
  /** Level per layer; absent where the layer does not apply (the bridge on the home chain). */
  layers: Partial<Record<LayerId, Level>>;
  /** This chain's totalSupply × the redemption value, ETH (wad string); null with `supplyReason`. */
  supplyEth: string | null;
  supplyReason: string | null;
  alerts: AlertKind[];
  /** The worst alert's level in force, for sorting: 0 none, 1 medium, 2 high. */
  alertRank: number;
  watched: boolean;
  stale: boolean;
  /** Where the figures come from: their block, its time, the RPC host and when they were read. */
  blockNumber: string | null;
  blockTimestamp: number | null;
  readAt: number | null;
  rpcHost: string | null;
  /** Why the whole row has no figures (no endpoint, RPC down, not read yet). */
  error: string | null;
  /** The peg over 30 days (null until asked), and its worst depeg (bps), for sorting. */
  history: HistoryView | null;
  worstPegBps: number | null;
}

/** Every token and chain the registry knows, once each (a token may have two contracts on a chain). */
export function boardRefs(tokens: readonly TokenEntry[] = registry): { symbol: string; chainId: number }[] {
  const seen = new Set<RowKey>();
  return tokens.flatMap((token) =>
    token.deployments.flatMap((d) => {
      const key = rowKey(token.symbol, d.chainId);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ symbol: token.symbol, chainId: d.chainId }];
    }),
  );
}

/** The board page, at a row: board.html#<symbol>:<chainId>. */
export function boardUrl(focus?: { symbol: string; chainId: number }): string {
  return browser.runtime.getURL(`/board.html${focus ? `#${encodeURIComponent(rowKey(focus.symbol, focus.chainId))}` : ''}`);
}

/** More ETH than exists (about 120 million): a supply above this is a broken read, not a figure. */
export const MAX_SUPPLY_ETH = 130_000_000n * WAD;

/** Supply in ETH: totalSupply (wad) × redemption value (wad) / 1e18, within what can exist. */
export function supplyInEth(figures: Figures | null): { value: string | null; reason: string | null } {
  if (!figures) return { value: null, reason: null };
  const total = figures.supply.total;
  if (total === null) return { value: null, reason: figures.supply.reason ?? 'totalSupply() not read' };
  if (figures.redemption.value === null) return { value: null, reason: figures.redemption.reason ?? 'no redemption value' };
  const eth = (BigInt(total) * BigInt(figures.redemption.value)) / WAD;
  if (eth > MAX_SUPPLY_ETH) return { value: null, reason: `${figures.symbol}.totalSupply() × the redemption value is more ETH than exists: the read is wrong` };
  return { value: eth.toString(), reason: null };
}

function windowApr(reply: FigureReplyMessage, days: number): number | null {
  return reply.realized?.result?.windows.find((w) => w.days === days)?.aprBps ?? null;
}

export function boardRow(token: TokenEntry, reply: FigureReplyMessage, history: HistoryView | null = null): BoardRow {
  const f = reply.figures;
  const layers: Partial<Record<LayerId, Level>> = {};
  for (const row of riskRows(token.symbol, f, { siteId: BOARD_ORACLE_SITE, chainId: reply.chainId })) layers[row.layer] = row.level;
  const supply = supplyInEth(f);
  const quotes = f?.sell.quotes ?? [];
  const usable = (f?.markets ?? []).filter((m) => m.usable && m.price !== null);
  const first = usable.find((m) => m.id === f?.peg.sourceId);
  const alerts = reply.alerts ?? [];
  return {
    key: rowKey(token.symbol, reply.chainId),
    symbol: token.symbol,
    chainId: reply.chainId,
    kind: token.kind,
    protocol: token.protocol,
    pegBps: f?.peg.bps ?? null,
    pegReason: f ? (f.peg.bps === null ? (f.peg.reason ?? f.redemption.reason) : null) : null,
    pegSources: [...(first ? [first.label] : []), ...usable.filter((m) => m !== first).map((m) => m.label)],
    // The quotes come in SELL_SIZES_ETH's order (sizes in ETH, sold as the token they are worth).
    sellCostBps: SELL_SIZES_ETH.map((_, i) => quotes[i]?.costBps ?? null),
    sellVenue: f?.sell.venue ?? null,
    sellReason: f?.sell.reason ?? quotes.find((q) => q.costBps === null)?.reason ?? null,
    redeemMinSeconds: f?.redeem.minSeconds ?? null,
    redeemMaxSeconds: f?.redeem.maxSeconds ?? null,
    redeemReason: f ? (f.redeem.maxSeconds === null ? (f.redeem.reason ?? null) : null) : null,
    apr7dBps: windowApr(reply, 7),
    apr30dBps: windowApr(reply, 30),
    yieldReason: reply.realized ? (reply.realized.reason ?? reply.realized.result?.windows.find((w) => w.aprBps === null)?.reason ?? null) : null,
    yieldPending: reply.realizedPending,
    layers,
    supplyEth: supply.value,
    supplyReason: supply.reason,
    alerts: alerts.map((a) => a.kind),
    alertRank: alerts.reduce((worst, a) => Math.max(worst, levelRank(a.level)), 0),
    watched: reply.watched,
    stale: reply.stale,
    blockNumber: f?.blockNumber ?? null,
    blockTimestamp: f?.blockTimestamp ?? null,
    readAt: f?.readAt ?? null,
    rpcHost: f?.rpcHost ?? null,
    error: f ? null : reply.error,
    history,
    worstPegBps: history?.series ? (worstDepeg(history.series.points)?.pegBps ?? null) : null,
  };
}

/** The columns the board sorts by; each takes a row to a number or text (null sorts last). */
export const SORTERS = {
  token: (r: BoardRow) => r.symbol.toLowerCase(),
  chain: (r: BoardRow) => r.chainId,
  peg: (r: BoardRow) => r.pegBps,
  // The worst depeg of the window (a row never below peg sorts as 0).
  history: (r: BoardRow) => (r.history?.series && !r.history.series.reason ? (r.worstPegBps ?? 0) : null),
  sell10: (r: BoardRow) => r.sellCostBps[0] ?? null,
  sell100: (r: BoardRow) => r.sellCostBps[1] ?? null,
  sell1000: (r: BoardRow) => r.sellCostBps[2] ?? null,
  redeem: (r: BoardRow) => r.redeemMaxSeconds,
  apr7d: (r: BoardRow) => r.apr7dBps,
  apr30d: (r: BoardRow) => r.apr30dBps,
  supply: (r: BoardRow) => (r.supplyEth === null ? null : Number(BigInt(r.supplyEth) / WAD)),
  alerts: (r: BoardRow) => r.alertRank * 10 + r.alerts.length,
  ...Object.fromEntries(BOARD_LAYERS.map((layer) => [`layer:${layer}`, (r: BoardRow) => (r.layers[layer] ? LEVEL_ORDER[r.layers[layer]!] : null)])),
} as Record<string, (r: BoardRow) => number | string | null>;
export type SortColumn = keyof typeof SORTERS;

/** Risk levels in the order a reader sorts them: none, low, unknown, medium, high. */
const LEVEL_ORDER: Record<Level, number> = { none: 0, low: 1, unknown: 2, medium: 3, high: 4 };

export interface BoardFilter {
  kind: 'all' | TokenEntry['kind'];
  protocol: string;
  chainId: number | null;
  /** 'any': rows with at least one alert; an alert kind: rows with that one. */
  alert: 'all' | 'any' | AlertKind;
  query: string;
}
export const NO_FILTER: BoardFilter = { kind: 'all', protocol: 'all', chainId: null, alert: 'all', query: '' };

export function filterRows(rows: readonly BoardRow[], filter: BoardFilter, chainName: (id: number) => string): BoardRow[] {
  const words = filter.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (filter.kind !== 'all' && r.kind !== filter.kind) return false;
    if (filter.protocol !== 'all' && r.protocol !== filter.protocol) return false;
    if (filter.chainId !== null && r.chainId !== filter.chainId) return false;
    if (filter.alert === 'any' && !r.alerts.length) return false;
    if (filter.alert !== 'all' && filter.alert !== 'any' && !r.alerts.includes(filter.alert)) return false;
    const haystack = `${r.symbol} ${r.protocol} ${chainName(r.chainId)} ${r.kind}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * Sorted by `column`, the watchlist pinned on top; rows without the figure last whichever the
 * direction (an unavailable figure is not a small one); ties by token then chain.
 */
export function sortRows(rows: readonly BoardRow[], column: SortColumn, direction: 'ascending' | 'descending'): BoardRow[] {
  const value = SORTERS[column] ?? SORTERS.token!;
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (a.watched !== b.watched) return a.watched ? -1 : 1;
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y)) * sign;
    }
    return a.symbol.localeCompare(b.symbol) || a.chainId - b.chainId;
  });
}
