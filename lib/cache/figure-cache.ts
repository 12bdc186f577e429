import { storage } from 'wxt/utils/storage';
import type { Figures } from '../chain/figures';
import type { TokenReadContext } from '../chain/plan';
import type { ChainReadResult } from '../chain/read';
import type { RateState } from '../chain/rate-trust';
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
import { ALLOCATIONS_TTL_MS, FIGURES_TTL_MS } from '../chain/figures';

/** `force`: the user asked for a fresh read (a bridged token then reads its home chain afresh too). */
type ReadFn = (chainId: number, tokens: TokenEntry[], contexts: Record<string, TokenReadContext>, options: { force: boolean; unseen: boolean }) => Promise<ChainReadResult[]>;

/**
 * How a read is asked for. `force`: read now, everything. `unseen`: a background refresh nobody
 * looks at (the minute's alarm) — it carries an LRT's allocations instead of reading them.
 */
export interface GetOptions {
  force?: boolean;
  staleOk?: boolean;
  maxAgeMs?: number;
  unseen?: boolean;
}

const figuresKey = (chainId: number, symbol: string) => `session:figures:${chainId}:${symbol}` as const;
/** What the trust rule keeps between reads (lib/chain/rate-trust.ts): kept across restarts. */
const rateKey = (chainId: number, symbol: string) => `local:rate:${chainId}:${symbol}` as const;

/** A stored trust state, read defensively: an older version kept only `{ value, blockTimestamp }`. */
function rateStateOf(stored: unknown): RateState | null {
  const s = stored as Partial<RateState> | null;
  if (!s || typeof s !== 'object') return null;
  const value = typeof s.value === 'string' && /^\d+$/.test(s.value) ? s.value : null;
  return {
    value,
    blockNumber: typeof s.blockNumber === 'string' ? s.blockNumber : null,
    blockTimestamp: typeof s.blockTimestamp === 'number' ? s.blockTimestamp : null,
    move: s.move && typeof s.move === 'object' ? s.move : null,
  };
}

export class FigureCache {
  private readonly inflight = new Map<string, Promise<void>>();
  /** Counts reads sent to the chain, for tests and the benchmark. */
  reads = 0;
  /** Told of tokens whose value moved with no second source behind it yet: they are to be read again soon. */
  onUnconfirmed?: (refs: { symbol: string; chainId: number }[]) => void;

  constructor(
    private readonly read: ReadFn,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = FIGURES_TTL_MS,
  ) {}

  /**
   * Figures for `tokens`, read again where they are older than the TTL. With `staleOk`, tokens that
   * have (stale) figures answer at once while the refresh runs on: stale-while-revalidate.
   */
  async get(tokens: { token: TokenEntry; chainId: number }[], options: GetOptions = {}): Promise<FigureReply[]> {
    const entries = await this.load(tokens);
    const dueIndexes = tokens
      .map((_, i) => i)
      .filter(
        (i) =>
          options.force ||
          !this.fresh(entries[i]!, options.maxAgeMs) ||
          (!options.unseen && this.allocationsOld(entries[i]!)) ||
          this.inflight.has(figuresKey(tokens[i]!.chainId, tokens[i]!.token.symbol)),
      );
    if (!dueIndexes.length) return this.replies(tokens, entries);

    const refresh = this.refresh(dueIndexes.map((i) => tokens[i]!), { force: options.force ?? false, unseen: options.unseen ?? false });
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

  /** `maxAgeMs` (at most the TTL): a caller on a timer reads what would turn stale before its next tick. */
  private fresh(entry: CacheEntry, maxAgeMs = this.ttlMs): boolean {
    return entry.figures !== null && entry.error === null && this.now() - entry.figures.readAt < Math.min(maxAgeMs, this.ttlMs);
  }

  /** Allocations carried past their TTL (by unseen refreshes): whoever looks now gets them read. */
  private allocationsOld(entry: CacheEntry): boolean {
    const at = entry.figures?.restaking?.allocationsReadAt;
    return at != null && this.now() - at >= ALLOCATIONS_TTL_MS;
  }

  /** The earlier reading whose allocations a read may carry over, or null to read them. */
  private carriable(entry: CacheEntry, mode: { force: boolean; unseen: boolean }): TokenReadContext['earlierRestaking'] {
    const reading = entry.figures?.restaking ?? null;
    if (!reading || reading.allocationsReadAt === null) return null;
    if (mode.unseen) return reading;
    return !mode.force && this.now() - reading.allocationsReadAt < ALLOCATIONS_TTL_MS ? reading : null;
  }

  private async load(tokens: { token: TokenEntry; chainId: number }[]): Promise<CacheEntry[]> {
    const stored = await storage.getItems(tokens.map(({ token, chainId }) => figuresKey(chainId, token.symbol)));
    return stored.map((s) => (s.value as CacheEntry | null) ?? { figures: null, error: null, errorAt: null });
  }

  private async refresh(tokens: { token: TokenEntry; chainId: number }[], mode: { force: boolean; unseen: boolean }): Promise<void> {
    const { force } = mode;
    const waits: Promise<void>[] = [];
    const byChain = new Map<number, TokenEntry[]>();
    for (const { token, chainId } of tokens) {
      const pending = this.inflight.get(figuresKey(chainId, token.symbol));
      if (pending && !force) waits.push(pending);
      else byChain.set(chainId, [...(byChain.get(chainId) ?? []), token]);
    }
    for (const [chainId, chainTokens] of byChain) {
      const run = this.readAndStore(chainId, chainTokens, mode).finally(() => {
        for (const t of chainTokens) {
          if (this.inflight.get(figuresKey(chainId, t.symbol)) === run) this.inflight.delete(figuresKey(chainId, t.symbol));
        }
      });
      for (const t of chainTokens) this.inflight.set(figuresKey(chainId, t.symbol), run);
      waits.push(run);
    }
    await Promise.all(waits);
  }

  private async readAndStore(chainId: number, tokens: TokenEntry[], mode: { force: boolean; unseen: boolean }): Promise<void> {
    const [rates, earlier] = await Promise.all([
      storage.getItems(tokens.map((t) => rateKey(chainId, t.symbol))),
      this.load(tokens.map((token) => ({ token, chainId }))),
    ]);
    const contexts: Record<string, TokenReadContext> = {};
    tokens.forEach((t, i) => (contexts[t.symbol] = { rateState: rateStateOf(rates[i]!.value), earlierRestaking: this.carriable(earlier[i]!, mode) }));
    this.reads++;
    try {
      const results = await this.read(chainId, tokens, contexts, mode);
      await storage.setItems(
        results.flatMap(({ figures: f, rateState }) => {
          const entry: CacheEntry = { figures: f, error: null, errorAt: null };
          const items: { key: `session:${string}` | `local:${string}`; value: unknown }[] = [{ key: figuresKey(chainId, f.symbol), value: entry }];
          if (rateState) items.push({ key: rateKey(chainId, f.symbol), value: rateState });
          return items;
        }),
      );
      const moving = results.filter(({ figures: f }) => f.redemption.move && !f.redemption.move.confirmed).map(({ figures: f }) => ({ symbol: f.symbol, chainId }));
      if (moving.length) this.onUnconfirmed?.(moving);
    } catch (error) {
      // Keep the last good figures: the UI shows them as stale with their age and this reason.
      const message = error instanceof Error ? error.message : String(error);
      await storage.setItems(
        tokens.map((t, i) => ({
          key: figuresKey(chainId, t.symbol),
          value: { figures: earlier[i]!.figures, error: message, errorAt: this.now() } satisfies CacheEntry,
        })),
      );
    }
  }
}
