import { linkedTokenAddresses } from './common';
import type { SiteAdapter } from './types';

/**
 * A staking or restaking app that works on Ethereum mainnet (its L2 pages, where it has them, carry
 * no chain in the URL). Its pages tie a token to an address only through explorer token links.
 */
export function mainnetApp(id: string, name: string, hosts: string[]): SiteAdapter {
  return {
    id,
    name,
    hosts,
    chainFromUrl: () => 1,
    addressesNear: (element) => linkedTokenAddresses(element, 1),
  };
}
