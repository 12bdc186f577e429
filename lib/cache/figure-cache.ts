import { storage } from 'wxt/utils/storage';
import type { Figures } from '../chain/figures';
import type { TokenReadContext } from '../chain/plan';
import type { TokenEntry } from '../tokens/schema';

/*
 * The background's cache of figures. Entries live in browser storage (session area: live figures
 * die with the browser session, survive the service worker being killed). One read in flight per
 * token: concurrent requests for the same token wait on the same promise. A failed refresh keeps
 * the last good figures and records why, so the UI can say "stale, read N min ago: <reason>".
 */

export interface CacheEntry {
  figures: Figures | null;
  error: string | null;
  errorAt: number | null;
}

export interface FigureReply {
  symbol: string;
  chainId: number;
  figures: Figures | null;
  /** Figures are older than their time-to-live (a refresh failed or is under way). */
  stale: boolean;
  error: string | null;
}

export { FIGURES_TTL_MS } from '../chain/figures';
import { FIGURES_TTL_MS } from '../chain/figures';

type ReadFn = (chainId: number, tokens: TokenEntry[], contexts: Record<string, TokenReadContext>) => Promise<Figures[]>;

const figuresKey = (chainId: number, symbol: string) => `session:figures:${chainId}:${symbol}` as const;
const rateKey = (chainId: number, symbol: string) => `local:rate:${chainId}:${symbol}` as const;

interface StoredRate {
  value: string;
  blockTimestamp: number;
}

export class FigureCache {
  private readonly inflight = new Map<string, Promise<void>>();
  /** Counts reads sent to the chain, for tests and the benchmark. */
  reads = 0;

  constructor(
    private readonly read: ReadFn,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = FIGURES_TTL_MS,
  ) {}

  /**
   * Figures for `tokens`, read again where they are older than the TTL. With `staleOk`, tokens that
   * have (stale) figures answer at once while the refresh runs on: stale-while-revalidate.
   */
  async get(tokens: { token: TokenEntry; chainId: number }[], options: { force?: boolean; staleOk?: boolean } = {}): Promise<FigureReply[]> {
    const entries = await this.load(tokens);
    const dueIndexes = tokens
      .map((_, i) => i)
      .filter((i) => options.force || !this.fresh(entries[i]!) || this.inflight.has(figuresKey(tokens[i]!.chainId, tokens[i]!.token.symbol)));
    if (!dueIndexes.length) return this.replies(tokens, entries);

    const refresh = this.refresh(dueIndexes.map((i) => tokens[i]!), options.force ?? false);
    const mustWait = options.force || !options.staleOk || dueIndexes.some((i) => entries[i]!.figures === null);
    if (!mustWait) {
      void refresh.catch(() => {});
      return this.replies(tokens, entries);
    }
    await refresh;
    return this.replies(tokens, await this.load(tokens));
  }

  /** Cached replies only, never a read: for the popup. */
  async peek(tokens: { token: TokenEntry; chainId: number }[]): Promise<FigureReply[]> {
    return this.replies(tokens, await this.load(tokens));
  }

  private replies(tokens: { token: TokenEntry; chainId: number }[], entries: CacheEntry[]): FigureReply[] {
    return tokens.map(({ token, chainId }, i) => ({
      symbol: token.symbol,
      chainId,
      figures: entries[i]!.figures,
      stale: !this.fresh(entries[i]!),
      error: entries[i]!.error,
    }));
  }

  private fresh(entry: CacheEntry): boolean {
    return entry.figures !== null && entry.error === null && this.now() - entry.figures.readAt < this.ttlMs;
  }

  private async load(tokens: { token: TokenEntry; chainId: number }[]): Promise<CacheEntry[]> {
    const stored = await storage.getItems(tokens.map(({ token, chainId }) => figuresKey(chainId, token.symbol)));
    return stored.map((s) => (s.value as CacheEntry | null) ?? { figures: null, error: null, errorAt: null });
  }

  private async refresh(tokens: { token: TokenEntry; chainId: number }[], force: boolean): Promise<void> {
    const waits: Promise<void>[] = [];
    const byChain = new Map<number, TokenEntry[]>();
    for (const { token, chainId } of tokens) {
      const pending = this.inflight.get(figuresKey(chainId, token.symbol));
      if (pending && !force) waits.push(pending);
      else byChain.set(chainId, [...(byChain.get(chainId) ?? []), token]);
    }
    for (const [chainId, chainTokens] of byChain) {
      const run = this.readAndStore(chainId, chainTokens).finally(() => {
        for (const t of chainTokens) {
          if (this.inflight.get(figuresKey(chainId, t.symbol)) === run) this.inflight.delete(figuresKey(chainId, t.symbol));
        }
      });
      for (const t of chainTokens) this.inflight.set(figuresKey(chainId, t.symbol), run);
      waits.push(run);
    }
    await Promise.all(waits);
  }

  private async readAndStore(chainId: number, tokens: TokenEntry[]): Promise<void> {
    const rates = await storage.getItems(tokens.map((t) => rateKey(chainId, t.symbol)));
    const contexts: Record<string, TokenReadContext> = {};
    tokens.forEach((t, i) => {
      const previous = rates[i]!.value as StoredRate | null;
      contexts[t.symbol] = previous ? { previousRate: { value: BigInt(previous.value), blockTimestamp: previous.blockTimestamp } } : {};
    });
    this.reads++;
    try {
      const figures = await this.read(chainId, tokens, contexts);
      await storage.setItems(
        figures.flatMap((f) => {
          const entry: CacheEntry = { figures: f, error: null, errorAt: null };
          const items: { key: `session:${string}` | `local:${string}`; value: unknown }[] = [{ key: figuresKey(chainId, f.symbol), value: entry }];
          if (f.redemption.value) {
            items.push({ key: rateKey(chainId, f.symbol), value: { value: f.redemption.value, blockTimestamp: f.blockTimestamp } satisfies StoredRate });
          }
          return items;
        }),
      );
    } catch (error) {
      // Keep the last good figures: the UI shows them as stale with their age and this reason.
      const message = error instanceof Error ? error.message : String(error);
      const old = await this.load(tokens.map((token) => ({ token, chainId })));
      await storage.setItems(
        tokens.map((t, i) => ({
          key: figuresKey(chainId, t.symbol),
          value: { figures: old[i]!.figures, error: message, errorAt: this.now() } satisfies CacheEntry,
        })),
      );
    }
  }
}
