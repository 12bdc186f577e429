import { CHAIN_NAMES, exactAddresses, iconAddressesNear, linkedTokenAddresses, pageChain } from './common';
import type { SiteAdapter } from './types';
import { SITE_HOSTS } from './hosts';

/**
 * Curve (curvefi/curve-frontend). Routes are /<app>/<network>/…: /dex/ethereum/pools/…,
 * /lend/arbitrum/markets/…, /crvusd/…, /llamalend/…, /dao/…; the old app used hash routes
 * (/#/ethereum/pools/…). The network names are the prices API's (ethereum, arbitrum, base, optimism…).
 */
const APP_ROUTE = /^\/(?:dex|lend|crvusd|llamalend|dao)\/([a-z0-9-]+)(?:\/|$)/;
const HASH_ROUTE = /^\/([a-z0-9-]+)\/(?:pools|swap|dashboard|create-pool|deploy-gauge|markets|compensation)(?:\/|$)/;

/**
 * TokenIcon (packages/evm-ui/src/shared/ui/TokenIcon.tsx): `img alt={symbol}
 * data-testid="token-icon-{symbol or address}"` whose src is the curve-assets image named by the
 * token's lowercased address, in a folder per network ("assets" for Ethereum, "assets-arbitrum"…).
 */
const ICON_URL = /\/curve-assets\/images\/assets(?:-([a-z0-9]+))?\/(0x[0-9a-fA-F]{40})\.png/;

export const curve: SiteAdapter = {
  id: 'curve',
  name: 'Curve',
  // www.curve.finance is canonical (apps/main/public/.well-known/security.txt); curve.fi redirects there.
  hosts: SITE_HOSTS.curve,
  chainFromUrl(url) {
    const path = url.hash.startsWith('#/') ? url.hash.slice(1) : url.pathname;
    const name = APP_ROUTE.exec(path)?.[1] ?? HASH_ROUTE.exec(path)?.[1];
    // Landing pages name no network and open on Ethereum.
    if (!name) return 1;
    return CHAIN_NAMES[name] ?? null;
  },
  addressesNear(element) {
    const chainId = pageChain(curve, element);
    const linked = linkedTokenAddresses(element, chainId);
    if (linked.length) return linked;
    return iconAddressesNear(element, {
      icon: 'img[data-testid^="token-icon-"]',
      // The DataTable rows are plain <tr>s (DataRow adds data-testid="data-table-row-<row index>" only once
      // mounted; seen in markup rendered from the app, tests/fixtures/rendered/curve); headers and cards stop at depth.
      boundary: 'tr, [role="row"], li',
      address: (icon) => {
        const match = ICON_URL.exec(icon.getAttribute('src') ?? '');
        if (!match) return null;
        // An icon from another network's folder is that network's token, not this page's.
        if (CHAIN_NAMES[match[1] ?? 'ethereum'] !== chainId) return null;
        return exactAddresses([match[2]])[0] ?? null;
      },
    });
  },
};
