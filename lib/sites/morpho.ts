import { CHAIN_NAMES, linkedTokenAddresses, pageChain } from './common';
import type { SiteAdapter } from './types';
import { SITE_HOSTS } from './hosts';

/**
 * Morpho (app.morpho.org; its front end is not public). Pages are /<chain>/<section>/…
 * (/ethereum/earn, /base/market/<64-digit market id>/wsteth-weth, /ethereum/vault/<vault address>/…);
 * older links carry `?network=mainnet|base`. Token logos are named by symbol, not address, and the
 * market and vault addresses in links are never a token's: only explorer token links count.
 */
const SECTION_ROUTE = /^\/([a-z0-9-]+)\/(?:earn|borrow|market|vault|dashboard|positions?|explore)(?:\/|$)/;

export const morpho: SiteAdapter = {
  id: 'morpho',
  name: 'Morpho',
  hosts: SITE_HOSTS.morpho,
  chainFromUrl(url) {
    const name = SECTION_ROUTE.exec(url.pathname)?.[1] ?? url.searchParams.get('network');
    if (!name) return 1;
    return CHAIN_NAMES[name] ?? null;
  },
  addressesNear(element) {
    return linkedTokenAddresses(element, pageChain(morpho, element));
  },
};
