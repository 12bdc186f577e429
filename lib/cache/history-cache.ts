import { storage } from 'wxt/utils/storage';
import { pegSeriesSchema, type HistoryReads, type PegSeries } from '../chain/peg-history';
import type { TokenEntry } from '../tokens/schema';

/*
 * The peg history is a slow fact that grows: its points at past blocks never change once final, so
 * it is kept in local storage per chain and token and only extended (lib/chain/peg-history.ts reads
 * the slots a stored series lacks: a day later, that day's new points and the near-now ones). A
 * series extended less than HISTORY_FRESH_MS ago is answered as stored, with no read at all. One
 * extension in flight per chain and token. Bounded: a series holds the schedule's points only
 * (about 38), older ones are dropped when it is extended.
 */

/** A series extended this recently is answered from storage: its newest point is at most this old. */
export const HISTORY_FRESH_MS = 15 * 60_000;
/** After a failure, or a series with no history (an RPC without archive state), wait this long before asking again. */
export const HISTORY_RETRY_MS = 30 * 60_000;

export type ExtendFn = (
  chainId: number,
  tokens: TokenEntry[],
  stored: Record<string, PegSeries | null>,
  home: Record<string, PegSeries | null>,
  /** Stores the series so far (incomplete) while a long extension runs. */
  save: (series: PegSeries[]) => Promise<void>,
) => Promise<{ series: PegSeries[]; reads: HistoryReads }>;

export interface HistoryRef {
  token: TokenEntry;
  chainId: number;
}

export const historyKey = (chainId: number, symbol: string) => `local:peg-history:${chainId}:${symbol}` as const;

export class HistoryCache {
  private readonly inflight = new Map<string, Promise<void>>();
  /** Extensions run, and what they cost in total (for tests and the bench). */
  extensions = 0;
  readonly reads: HistoryReads = { calls: 0, headers: 0, points: 0 };

  constructor(
    private readonly extend: ExtendFn,
    private readonly now: () => number = Date.now,
  ) {}

  /** What is stored, at once; an extension of what is due starts in the background (`pending`). */
  async peek(refs: HistoryRef[]): Promise<{ series: PegSeries | null; pending: boolean }[]> {
    const stored = await this.load(refs);
    const due = refs.filter((_, i) => !this.fresh(stored[i]!));
    if (due.length) void this.refresh(due).catch(() => {});
    return stored.map((series, i) => ({ series, pending: !this.fresh(series) && this.inflight.has(historyKey(refs[i]!.chainId, refs[i]!.token.symbol)) }));
  }

  /** The series, extended first where due. */
  async get(refs: HistoryRef[]): Promise<PegSeries[]> {
    const stored = await this.load(refs);
    const due = refs.filter((_, i) => !this.fresh(stored[i]!));
    if (due.length) {
      await this.refresh(due);
      return (await this.load(refs)).map((s, i) => s ?? this.failed(refs[i]!, 'history not read'));
    }
    return stored.map((s, i) => s ?? this.failed(refs[i]!, 'history not read'));
  }

  /** Resolves when every extension in flight is done (for tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.inflight.values()]);
  }

  private async load(refs: HistoryRef[]): Promise<(PegSeries | null)[]> {
    if (!refs.length) return [];
    const items = await storage.getItems(refs.map(({ token, chainId }) => historyKey(chainId, token.symbol)));
    // Read defensively: a series stored by an older version that no longer parses is read afresh.
    return items.map((item) => {
      const parsed = pegSeriesSchema.safeParse(item.value);
      return parsed.success ? parsed.data : null;
    });
  }

  private fresh(series: PegSeries | null): boolean {
    if (!series) return false;
    // Stored midway through an extension (the worker stopped): go on with it.
    if (!series.complete && !this.inflight.has(historyKey(series.chainId, series.symbol))) return false;
    const age = this.now() - series.readAt;
    if (series.errorAt !== null && this.now() - series.errorAt < HISTORY_RETRY_MS) return true;
    return age < (series.reason ? HISTORY_RETRY_MS : HISTORY_FRESH_MS);
  }

  private failed({ token, chainId }: HistoryRef, reason: string): PegSeries {
    return {
      symbol: token.symbol,
      chainId,
      windowDays: 0,
      readAt: this.now(),
      latestBlock: null,
      latestTimestamp: null,
      points: [],
      reason,
      error: null,
      errorAt: null,
      rateLabel: null,
      redemptionLabel: null,
      complete: true,
    };
  }

  private refresh(refs: HistoryRef[]): Promise<void> {
    const byChain = new Map<number, TokenEntry[]>();
    for (const { token, chainId } of refs) {
      if (this.inflight.has(historyKey(chainId, token.symbol))) continue;
      byChain.set(chainId, [...(byChain.get(chainId) ?? []), token]);
    }
    const runs = [...byChain].map(([chainId, tokens]) => this.extendChain(chainId, tokens));
    // Also wait on extensions already in flight for these refs.
    const waiting = refs.flatMap(({ token, chainId }) => this.inflight.get(historyKey(chainId, token.symbol)) ?? []);
    return Promise.all([...runs, ...waiting]).then(() => {});
  }

  private extendChain(chainId: number, tokens: TokenEntry[]): Promise<void> {
    const run = (async () => {
      // A bridged deployment's peg is measured against its home chain's redemption value at the same time: that series first.
      const bridged = tokens.filter((t) => t.homeChainId !== chainId);
      const homeSeries = bridged.length ? await this.get(bridged.map((token) => ({ token, chainId: token.homeChainId }))) : [];
      const home = Object.fromEntries(homeSeries.map((s) => [s.symbol, s]));
      const storedList = await this.load(tokens.map((token) => ({ token, chainId })));
      const stored = Object.fromEntries(tokens.map((t, i) => [t.symbol, storedList[i]!]));
      try {
        const save = (partial: PegSeries[]) => storage.setItems(partial.map((s) => ({ key: historyKey(chainId, s.symbol), value: s })));
        const { series, reads } = await this.extend(chainId, tokens, stored, home, save);
        this.extensions++;
        this.reads.calls += reads.calls;
        this.reads.headers += reads.headers;
        this.reads.points += reads.points;
        await storage.setItems(series.map((s) => ({ key: historyKey(chainId, s.symbol), value: s })));
      } catch (error) {
        // The points read before (and any saved midway) stay; the failure is said beside them and retried later.
        const message = `history not extended: ${error instanceof Error ? error.message : String(error)}`;
        const errorAt = this.now();
        const now = await this.load(tokens.map((token) => ({ token, chainId })));
        await storage.setItems(
          tokens.map((token, i) => {
            const before = now[i] ?? stored[token.symbol];
            const value: PegSeries = before ? { ...before, error: message, errorAt } : { ...this.failed({ token, chainId }, message), errorAt };
            return { key: historyKey(chainId, token.symbol), value };
          }),
        );
      }
    })().finally(() => {
      for (const t of tokens) this.inflight.delete(historyKey(chainId, t.symbol));
    });
    for (const t of tokens) this.inflight.set(historyKey(chainId, t.symbol), run);
    return run;
  }
}
