import { CHAIN_NAMES, linkedTokenAddresses, pageChain } from './common';
import type { SiteAdapter } from './types';
import { SITE_HOSTS } from './hosts';

/**
 * Pendle (app.pendle.finance; its front end is not public). The chain is `?chain=ethereum|arbitrum|
 * base|optimism|…` on /trade/markets, /trade/pools and /trade/markets/<market address>/swap; without
 * it the app shows Ethereum. Market addresses in paths are pools, never a token: only explorer
 * token links count. "PT-weETH", "YT-rsETH-26JUN2025" are read by the matcher as wrappers of weETH
 * and rsETH; their own addresses never reach the scanner from here.
 */
export const pendle: SiteAdapter = {
  id: 'pendle',
  name: 'Pendle',
  hosts: SITE_HOSTS.pendle,
  chainFromUrl(url) {
    const name = url.searchParams.get('chain');
    if (!name) return 1;
    return CHAIN_NAMES[name] ?? null;
  },
  addressesNear(element) {
    return linkedTokenAddresses(element, pageChain(pendle, element));
  },
};
