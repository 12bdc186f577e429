import type { FigureReplyMessage } from '../messaging';
import { buildTimeBeacon, endpointsFor } from '../chain/endpoints';
import { CHAINS, readChain, readYields } from '../chain/read';
import { getBeaconSetting, getRpcSettings } from '../settings';
import { deploymentOn, tokenBySymbol } from '../tokens/registry';
import type { TokenEntry } from '../tokens/schema';
import { chainName } from '../ui/format';
import { beaconExitFor } from './beacon-cache';
import { FigureCache } from './figure-cache';
import { YieldCache } from './yield-cache';

/**
 * What the background answers about tokens: live figures (cached a minute), realized yield (hours)
 * and, for tokens on chains we cannot read, the reason. Endpoints and the beacon node come from the
 * user's settings first, then the build's.
 */
export function createFigureService() {
  const endpoints = async (chainId: number) => endpointsFor(chainId, (await getRpcSettings())[String(chainId)] ?? []);
  const cache: FigureCache = new FigureCache(async (chainId, tokens, contexts) => {
    // Bridged tokens take their redemption value and exit road from their home chain's figures.
    const bridged = tokens.filter((t) => t.homeChainId !== chainId);
    const homeReplies = bridged.length ? await cache.get(bridged.map((token) => ({ token, chainId: token.homeChainId }))) : [];
    const home = Object.fromEntries(homeReplies.map((r) => [r.symbol, r.figures]));
    // The beacon exit queue, when a beacon node is configured; the exit roads use it in place of the typical range.
    const beaconExit = await beaconExitFor((await getBeaconSetting()) || buildTimeBeacon());
    const withBeacon = Object.fromEntries(tokens.map((t) => [t.symbol, { ...contexts[t.symbol], beaconExit }]));
    return readChain(chainId, await endpoints(chainId), { tokens, contexts: withBeacon, home });
  });
  const yields = new YieldCache(async (chainId, tokens) => readYields(chainId, await endpoints(chainId), tokens));

  /** Figures for tokens by symbol and chain; `peek` never reads, `staleOk` answers stale figures at once. */
  async function figuresFor(
    refs: { symbol: string; chainId: number }[],
    mode: { force?: boolean; peek?: boolean; staleOk?: boolean } = {},
  ): Promise<FigureReplyMessage[]> {
    const readable: { token: TokenEntry; chainId: number }[] = [];
    const unreadable: FigureReplyMessage[] = [];
    for (const { symbol, chainId } of refs) {
      const token = tokenBySymbol(symbol);
      if (token && CHAINS[chainId] && deploymentOn(token, chainId)) readable.push({ token, chainId });
      else {
        const why = token ? `${symbol} has no deployment Stakelens knows on ${chainName(chainId)}` : `${symbol} is not in the registry`;
        unreadable.push({ symbol, chainId, figures: null, stale: false, error: why, realized: null, realizedPending: false });
      }
    }
    if (!readable.length) return unreadable;
    const [replies, realized] = await Promise.all([
      mode.peek ? cache.peek(readable) : cache.get(readable, { force: mode.force, staleOk: mode.staleOk }),
      // Realized yield is the home chain's rate growth, wherever the token is bridged.
      yields.peek(readable.map(({ token }) => ({ token, chainId: token.homeChainId }))),
    ]);
    const answered = replies.map((reply, i) => ({ ...reply, realized: realized[i]!.value, realizedPending: realized[i]!.pending }));
    return refs.map((r) => [...answered, ...unreadable].find((x) => x.symbol === r.symbol && x.chainId === r.chainId)!);
  }

  return { figuresFor };
}
