import { storage } from 'wxt/utils/storage';
import { FigureCache } from '../lib/cache/figure-cache';
import { YieldCache } from '../lib/cache/yield-cache';
import { beaconExitFor } from '../lib/cache/beacon-cache';
import { buildTimeBeacon, endpointsFor } from '../lib/chain/endpoints';
import { CHAINS, readChain, readYields } from '../lib/chain/read';
import { handle, type FigureReplyMessage, type FoundToken } from '../lib/messaging';
import { getBeaconSetting, getRpcSettings } from '../lib/settings';
import { deploymentOn, tokenBySymbol } from '../lib/tokens/registry';
import { chainName } from '../lib/ui/format';

/** What the content script last found on a tab; kept in session storage so a restarted worker knows. */
interface TabRecord {
  host: string;
  tokens: FoundToken[];
}
const tabKey = (tabId: number) => `session:tab:${tabId}` as const;

export default defineBackground(() => {
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

  /** Figures for tokens by symbol and chain; what we cannot read yet is said in the reply. */
  async function figuresFor(
    refs: { symbol: string; chainId: number }[],
    mode: { force?: boolean; peek?: boolean; staleOk?: boolean },
  ): Promise<FigureReplyMessage[]> {
    const readable: { token: NonNullable<ReturnType<typeof tokenBySymbol>>; chainId: number }[] = [];
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

  handle('tokensFound', async (data, sender) => {
    if (sender.tabId === undefined) return { ok: true };
    await storage.setItem<TabRecord>(tabKey(sender.tabId), { host: data.host, tokens: data.tokens });
    // Warm the cache for what the page shows, so the first hover answers from it.
    if (data.tokens.length) void figuresFor(data.tokens, {}).catch(() => {});
    return { ok: true };
  });

  // The tooltip takes stale figures at once (marked stale) while fresh ones are read: it asks again.
  handle('getFigures', async (data) => ({ replies: await figuresFor(data.tokens, { force: data.force, staleOk: !data.force }) }));

  handle('getTabSummary', async ({ tabId }) => {
    const record = await storage.getItem<TabRecord>(tabKey(tabId));
    if (!record) return { host: null, tokens: [], figures: [] };
    const figures = record.tokens.length ? await figuresFor(record.tokens, { peek: true }) : [];
    return { host: record.host, tokens: record.tokens, figures };
  });

  browser.tabs.onRemoved.addListener((tabId) => void storage.removeItem(tabKey(tabId)));
});
