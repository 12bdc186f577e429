import { storage } from 'wxt/utils/storage';
import type { TokenYield } from '../chain/figures';
import type { TokenEntry } from '../tokens/schema';

/*
 * Realized yield is a slow fact: it moves once a day with the protocols' oracle reports, and each
 * read takes historical calls. Kept in local storage for hours, read in the background (never
 * awaited by a hover), one read in flight per token.
 */

export const YIELD_TTL_MS = 6 * 3_600_000;
/** After a failed read, wait this long before trying again. */
export const YIELD_RETRY_MS = 5 * 60_000;

type ReadFn = (chainId: number, tokens: TokenEntry[]) => Promise<TokenYield[]>;

const yieldKey = (chainId: number, symbol: string) => `local:yield:${chainId}:${symbol}` as const;

export class YieldCache {
  /** One read in flight per token; a read covers every token that was due when it started. */
  private readonly inflight = new Map<string, Promise<void>>();
  reads = 0;

  constructor(
    private readonly read: ReadFn,
    private readonly now: () => number = Date.now,
  ) {}

  /** What is cached; a read of whatever is missing or old starts in the background. */
  async peek(tokens: { token: TokenEntry; chainId: number }[]): Promise<{ value: TokenYield | null; pending: boolean }[]> {
    const stored = await storage.getItems(tokens.map(({ token, chainId }) => yieldKey(chainId, token.symbol)));
    const values = stored.map((s) => (s.value as TokenYield | null) ?? null);
    const due = tokens.filter((_, i) => !this.fresh(values[i]!));
    for (const [chainId, chainTokens] of groupByChain(due)) void this.refresh(chainId, chainTokens);
    return values.map((value, i) => ({ value, pending: this.inflight.has(yieldKey(tokens[i]!.chainId, tokens[i]!.token.symbol)) && !this.fresh(value) }));
  }

  /** Resolves when any read in flight is done (for tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.inflight.values()]);
  }

  private fresh(value: TokenYield | null): boolean {
    if (!value) return false;
    const ttl = value.result ? YIELD_TTL_MS : YIELD_RETRY_MS;
    return this.now() - value.readAt < ttl;
  }

  private refresh(chainId: number, tokens: TokenEntry[]): Promise<void> {
    const due = tokens.filter((t) => !this.inflight.has(yieldKey(chainId, t.symbol)));
    if (!due.length) return Promise.resolve();
    this.reads++;
    const run = this.read(chainId, due)
      .then((yields) => storage.setItems(yields.map((y) => ({ key: yieldKey(chainId, y.symbol), value: y }))))
      .catch((error: unknown) => {
        const reason = `realized yield not read: ${error instanceof Error ? error.message : String(error)}`;
        const readAt = this.now();
        return storage.setItems(due.map((t) => ({ key: yieldKey(chainId, t.symbol), value: { symbol: t.symbol, chainId, readAt, label: null, result: null, reason, storedSince: null } satisfies TokenYield })));
      })
      .finally(() => {
        for (const t of due) this.inflight.delete(yieldKey(chainId, t.symbol));
      });
    for (const t of due) this.inflight.set(yieldKey(chainId, t.symbol), run);
    return run;
  }
}

function groupByChain(tokens: { token: TokenEntry; chainId: number }[]): Map<number, TokenEntry[]> {
  const byChain = new Map<number, TokenEntry[]>();
  for (const { token, chainId } of tokens) byChain.set(chainId, [...(byChain.get(chainId) ?? []), token]);
  return byChain;
}
