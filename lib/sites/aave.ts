import { addressesIn, type SiteAdapter } from './types';
import { SITE_HOSTS } from './hosts';

/** Aave's market names (the `marketName` URL parameter) and the chain each lives on. */
const MARKET_CHAINS: Record<string, number> = {
  proto_mainnet_v3: 1,
  proto_lido_v3: 1,
  proto_etherfi_v3: 1,
  proto_arbitrum_v3: 42161,
  proto_base_v3: 8453,
  proto_optimism_v3: 10,
};

const UNDERLYING_ASSET = /underlyingAsset=(0x[0-9a-fA-F]{40})/g;

export const aave: SiteAdapter = {
  id: 'aave',
  name: 'Aave',
  hosts: SITE_HOSTS.aave,
  chainFromUrl(url) {
    const market = url.searchParams.get('marketName');
    // The app opens on the Ethereum core market when no market is named.
    if (!market) return 1;
    return MARKET_CHAINS[market] ?? null;
  },
  addressesNear(element) {
    // Rows link to /reserve-overview/?underlyingAsset=0x…: the asset's own address (aave/interface ListMobileItem).
    const row = element.closest('a[href*="underlyingAsset="], [data-cy*="ListItem"], tr, li');
    if (!row) return [];
    const hrefs = [row.closest('a[href]')?.getAttribute('href')];
    for (const link of row.querySelectorAll('a[href*="underlyingAsset="]')) hrefs.push(link.getAttribute('href'));
    return addressesIn(hrefs, UNDERLYING_ASSET);
  },
};
