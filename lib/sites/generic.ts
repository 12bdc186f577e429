import { CHAIN_NAMES, linkedTokenAddresses, pageChain } from './common';
import type { SiteAdapter } from './types';

/** Chain ids we read, by the number a URL may carry (`?chainId=8453`). */
const CHAIN_IDS = new Set(Object.values(CHAIN_NAMES));
const CHAIN_PARAMS = ['chain', 'chainId', 'chain_id', 'network'];

/**
 * Any other site the user turned on from the popup. It knows nothing of the site's markup: the
 * chain comes from a `chain`/`chainId`/`network` parameter or a chain's name as a path segment
 * (`/base/…`), Ethereum otherwise; addresses come only from links to a block explorer's token page.
 */
export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Other site',
  // Never in the manifest: it runs only where the user granted access (see lib/site-access.ts).
  hosts: [],
  chainFromUrl(url) {
    for (const name of CHAIN_PARAMS) {
      const value = url.searchParams.get(name)?.toLowerCase();
      if (!value) continue;
      if (value in CHAIN_NAMES) return CHAIN_NAMES[value]!;
      const id = /^\d+$/.test(value) ? Number(value) : /^0x[0-9a-f]+$/.test(value) ? Number.parseInt(value, 16) : NaN;
      // A chain named but not one we read: nothing on the page is judged against the wrong chain.
      return CHAIN_IDS.has(id) ? id : null;
    }
    for (const segment of url.pathname.toLowerCase().split('/')) if (segment in CHAIN_NAMES) return CHAIN_NAMES[segment]!;
    return 1;
  },
  addressesNear(element) {
    return linkedTokenAddresses(element, pageChain(generic, element));
  },
};
