import { CHAIN_NAMES, exactAddresses, iconAddressesNear, linkedTokenAddresses, pageChain } from './common';
import type { SiteAdapter } from './types';
import { SITE_HOSTS } from './hosts';

/**
 * Balancer (balancer/frontend-monorepo, apps/frontend-v3). Chain slugs in paths
 * (packages/lib/modules/pool/pool.utils.ts ChainSlug): /pools/<chain>/<v2|v3|cow>/<id>,
 * /swap/<chain>/…, /portfolio/<chain>. The pool list (/pools, /pools/cow) mixes chains; its
 * `networks=MAINNET,BASE` filter uses the GraphQL chain names.
 */
const SLUG_ROUTE = /^\/(?:pools|swap|portfolio)\/([a-z]+)(?:\/|$)/;
const GQL_CHAINS: Record<string, number> = { MAINNET: 1, ARBITRUM: 42161, BASE: 8453, OPTIMISM: 10 };
/** NetworkIcon (shared/components/icons/NetworkIcon.tsx): `img alt={shortName} src="/images/chains/MAINNET.svg"`. */
const NETWORK_ICON = /\/images\/chains\/([A-Z]+)\.svg/;
/** A row of the pool list: one link to the pool around the whole row. */
const ROW = 'a[href^="/pools/"], tr, [role="row"], li';

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function rowChain(element: Element): number | null {
  const row = element.closest(ROW);
  for (const img of row?.querySelectorAll('img[src]') ?? []) {
    // next/image may serve it as /_next/image?url=%2Fimages%2Fchains%2FMAINNET.svg…
    const name = NETWORK_ICON.exec(safeDecode(img.getAttribute('src')!))?.[1];
    if (name) return GQL_CHAINS[name] ?? null;
  }
  return null;
}

export const balancer: SiteAdapter = {
  id: 'balancer',
  name: 'Balancer',
  hosts: SITE_HOSTS.balancer,
  chainFromUrl(url) {
    const slug = SLUG_ROUTE.exec(url.pathname)?.[1];
    if (slug && slug !== 'cow') return CHAIN_NAMES[slug] ?? null;
    // A list page: the network filter, if it names exactly one chain; Ethereum otherwise (each
    // row's network icon names its own chain, see chainNear).
    const networks = (url.searchParams.get('networks') ?? '').split(',').filter(Boolean);
    if (networks.length === 1) return GQL_CHAINS[networks[0]!] ?? null;
    if (networks.length > 1 && !networks.includes('MAINNET')) return null;
    return 1;
  },
  chainNear: rowChain,
  addressesNear(element) {
    // A row of the mixed-chain pool list carries that row's chain's addresses.
    const chainId = rowChain(element) ?? pageChain(balancer, element);
    const linked = linkedTokenAddresses(element, chainId);
    if (linked.length) return linked;
    // TokenIcon: `img alt={symbol}` through next/image, so the src is
    // /_next/image?url=<logoURI>&w=…, the logoURI (balancer/tokenlists) named by the token address.
    // Never the row link: /pools/<chain>/v2/<64-digit pool id> or /v3/<pool address>.
    return iconAddressesNear(element, {
      icon: 'img[alt]:not([src*="images/chains/"]):not([src*="images%2Fchains%2F"])',
      boundary: ROW,
      address: (icon) => exactAddresses([icon.getAttribute('src')])[0] ?? null,
    });
  },
};
