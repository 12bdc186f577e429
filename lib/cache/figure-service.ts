import type { FigureReplyMessage } from '../messaging';
import { buildTimeBeacon, endpointsFor } from '../chain/endpoints';
import type { Figures } from '../chain/figures';
import { CHAINS, readChain, readYields } from '../chain/read';
import { alertThresholdsFor } from '../risk/alert-thresholds';
import { alertsFor, levelRank, type Alert } from '../risk/alerts';
import { getAlertSettings, getBeaconSetting, getRpcSettings, getWatchlist } from '../settings';
import { deploymentOn, tokenBySymbol } from '../tokens/registry';
import type { TokenEntry } from '../tokens/schema';
import { chainName } from '../ui/format';
import { beaconExitFor } from './beacon-cache';
import { FigureCache, type FigureReply } from './figure-cache';
import { queueBefore, recordQueue } from './queue-samples';
import { YieldCache } from './yield-cache';

/**
 * What the background answers about tokens: live figures (cached a minute), realized yield (hours),
 * the alerts in force and, for tokens on chains we cannot read, the reason. Endpoints and the beacon
 * node come from the user's settings first, then the build's.
 */
export function createFigureService() {
  const endpoints = async (chainId: number) => endpointsFor(chainId, (await getRpcSettings())[String(chainId)] ?? []);
  const cache: FigureCache = new FigureCache(async (chainId, tokens, contexts, { force, unseen }) => {
    // Bridged tokens take their redemption value and exit road from their home chain's figures.
    const bridged = tokens.filter((t) => t.homeChainId !== chainId);
    const homeReplies = bridged.length ? await cache.get(bridged.map((token) => ({ token, chainId: token.homeChainId })), { force, unseen }) : [];
    const home = Object.fromEntries(homeReplies.map((r) => [r.symbol, r.figures]));
    // The beacon exit queue, when a beacon node is configured; the exit roads use it in place of the typical range.
    const beaconExit = await beaconExitFor((await getBeaconSetting()) || buildTimeBeacon());
    const withBeacon = Object.fromEntries(tokens.map((t) => [t.symbol, { ...contexts[t.symbol], beaconExit }]));
    const results = await readChain(chainId, await endpoints(chainId), { tokens, contexts: withBeacon, home });
    await recordQueue(results.map((r) => r.figures));
    return results;
  });
  const yields = new YieldCache(async (chainId, tokens) => readYields(chainId, await endpoints(chainId), tokens));

  /** Every other deployment of the token (the unbacked check compares them): cached figures, read in the background when missing or old. */
  async function elsewhere(readable: { token: TokenEntry; chainId: number }[], mode: { peek?: boolean }): Promise<Map<string, Figures[]>> {
    const others = readable.flatMap(({ token, chainId }) =>
      token.deployments.some((d) => d.bridge) ? token.deployments.filter((d) => d.chainId !== chainId && CHAINS[d.chainId]).map((d) => ({ token, chainId: d.chainId })) : [],
    );
    const unique = [...new Map(others.map((o) => [`${o.chainId}:${o.token.symbol}`, o])).values()];
    if (!unique.length) return new Map();
    const cached = await cache.peek(unique);
    if (!mode.peek) {
      const due = unique.filter((_, i) => cached[i]!.figures === null || cached[i]!.stale);
      if (due.length) void cache.get(due, { staleOk: true }).catch(() => {});
    }
    const bySymbol = new Map<string, Figures[]>();
    cached.forEach((reply) => {
      if (reply.figures) bySymbol.set(reply.symbol, [...(bySymbol.get(reply.symbol) ?? []), reply.figures]);
    });
    return bySymbol;
  }

  /**
   * Figures for tokens by symbol and chain; `peek` never reads, `staleOk` answers stale figures at
   * once; `unseen` is the minute's refresh nobody looks at (one multicall per chain, for what is on
   * a tab or watched): it takes the token's other deployments from the cache only and carries an
   * LRT's allocations from the last read.
   */
  async function figuresFor(
    refs: { symbol: string; chainId: number }[],
    mode: { force?: boolean; peek?: boolean; staleOk?: boolean; maxAgeMs?: number; unseen?: boolean } = {},
  ): Promise<FigureReplyMessage[]> {
    const readable: { token: TokenEntry; chainId: number }[] = [];
    const unreadable: FigureReplyMessage[] = [];
    for (const { symbol, chainId } of refs) {
      const token = tokenBySymbol(symbol);
      if (token && CHAINS[chainId] && deploymentOn(token, chainId)) readable.push({ token, chainId });
      else {
        const why = token ? `${symbol} has no deployment Stakelens knows on ${chainName(chainId)}` : `${symbol} is not in the registry`;
        unreadable.push({ symbol, chainId, figures: null, stale: false, error: why, realized: null, realizedPending: false, alerts: [], watched: false });
      }
    }
    if (!readable.length) return unreadable;
    const [replies, realized, settings, watched] = await Promise.all([
      mode.peek ? cache.peek(readable) : cache.get(readable, { force: mode.force, staleOk: mode.staleOk, maxAgeMs: mode.maxAgeMs, unseen: mode.unseen }),
      // Realized yield is the home chain's rate growth, wherever the token is bridged.
      yields.peek(readable.map(({ token }) => ({ token, chainId: token.homeChainId }))),
      getAlertSettings(),
      getWatchlist(),
    ]);
    const others = await elsewhere(readable, { peek: mode.peek || mode.unseen });
    const answered = await Promise.all(
      replies.map(async (reply, i): Promise<FigureReplyMessage> => {
        const { token, chainId } = readable[i]!;
        const yieldValue = realized[i]!.value;
        const alerts = await alertsOf(reply, token, chainId, others.get(token.symbol) ?? [], yieldValue?.storedSince ?? null, settings.overrides);
        return {
          ...reply,
          realized: yieldValue,
          realizedPending: realized[i]!.pending,
          alerts,
          watched: watched.some((w) => w.symbol === token.symbol && w.chainId === chainId),
        };
      }),
    );
    return refs.map((r) => [...answered, ...unreadable].find((x) => x.symbol === r.symbol && x.chainId === r.chainId)!);
  }

  return { figuresFor, cache };
}

async function alertsOf(
  reply: FigureReply,
  token: TokenEntry,
  chainId: number,
  others: Figures[],
  storedSince: Parameters<typeof alertsFor>[0]['storedSince'],
  overrides: Parameters<typeof alertThresholdsFor>[1],
): Promise<Alert[]> {
  if (!reply.figures) return [];
  const home = chainId === token.homeChainId ? reply.figures : others.find((f) => f.chainId === token.homeChainId);
  const alerts = alertsFor({
    token,
    chainId,
    figures: reply.figures,
    stale: reply.stale,
    everywhere: [reply.figures, ...others],
    queueBefore: home ? await queueBefore(token.symbol, home.blockTimestamp) : null,
    storedSince,
    thresholds: alertThresholdsFor(token, overrides),
  });
  return alerts.sort((a, b) => levelRank(b.level) - levelRank(a.level));
}
