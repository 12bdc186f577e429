import { endpointsFor } from '../chain/endpoints';
import { extendPegHistory, type PegSeries } from '../chain/peg-history';
import { CHAINS, withEndpoint } from '../chain/read';
import { getRpcSettings } from '../settings';
import { deploymentOn, tokenBySymbol } from '../tokens/registry';
import { chainName } from '../ui/format';
import { HistoryCache, type HistoryRef } from './history-cache';

/*
 * What the background answers about the peg history (the getHistory message): stored series at
 * once, extended where due (lib/cache/history-cache.ts). Endpoints come from the user's settings
 * first, then the build's, as for the live figures (lib/cache/figure-service.ts).
 */

export interface HistoryReply {
  symbol: string;
  chainId: number;
  series: PegSeries | null;
  /** An extension is under way: ask again for the newer series. */
  pending: boolean;
  /** Why there can be no series (not in the registry, no deployment here). */
  error: string | null;
}

export function createHistoryService(options: { endpoints?: (chainId: number) => Promise<string[]>; now?: () => number } = {}) {
  const endpoints = options.endpoints ?? (async (chainId: number) => endpointsFor(chainId, (await getRpcSettings())[String(chainId)] ?? []));
  const cache = new HistoryCache(
    async (chainId, tokens, stored, home, save) =>
      withEndpoint(chainId, await endpoints(chainId), (client) => extendPegHistory(client, chainId, tokens, stored, { home, now: options.now, onProgress: save })),
    options.now,
  );

  /** `wait`: extend what is due before answering; otherwise answer what is stored and extend in the background. */
  async function historyFor(refs: { symbol: string; chainId: number }[], mode: { wait?: boolean } = {}): Promise<HistoryReply[]> {
    const readable: HistoryRef[] = [];
    const replies = new Map<string, HistoryReply>();
    for (const { symbol, chainId } of refs) {
      const token = tokenBySymbol(symbol);
      if (token && CHAINS[chainId] && deploymentOn(token, chainId)) readable.push({ token, chainId });
      else {
        const error = token ? `${symbol} has no deployment Stakelens knows on ${chainName(chainId)}` : `${symbol} is not in the registry`;
        replies.set(`${chainId}:${symbol}`, { symbol, chainId, series: null, pending: false, error });
      }
    }
    if (mode.wait) {
      const series = await cache.get(readable);
      readable.forEach((r, i) => replies.set(`${r.chainId}:${r.token.symbol}`, { symbol: r.token.symbol, chainId: r.chainId, series: series[i]!, pending: false, error: null }));
    } else {
      const peeked = await cache.peek(readable);
      readable.forEach((r, i) => replies.set(`${r.chainId}:${r.token.symbol}`, { symbol: r.token.symbol, chainId: r.chainId, series: peeked[i]!.series, pending: peeked[i]!.pending, error: null }));
    }
    return refs.map((r) => replies.get(`${r.chainId}:${r.symbol}`)!);
  }

  return { historyFor, cache };
}
