/**
 * A site adapter: plain data and functions, no DOM or `browser` access at module top level.
 * It knows the site's URLs, which chain a page is about, and where the page keeps token addresses.
 */
export interface SiteAdapter {
  id: string;
  name: string;
  /** Host names it runs on; the content script's match patterns are derived from these. */
  hosts: string[];
  /** The chain a page is about, from its URL; null when the page names a chain we don't know. */
  chainFromUrl(url: URL): number | null;
  /** Token addresses the page ties to the element showing a symbol (links, logo URLs), lowercased. */
  addressesNear(element: Element): string[];
  /**
   * Optional: on a page listing several chains at once (Balancer's pool list), the chain the page
   * ties to this element (its row's network icon); null when it names none, and the URL's chain
   * applies. `addressesNear` answers for that same chain.
   */
  chainNear?(element: Element): number | null;
}

const ADDRESS = /0x[0-9a-fA-F]{40}/g;

/** Every address inside the attribute values of `elements`, lowercased. */
export function addressesIn(values: (string | null | undefined)[], pattern: RegExp = ADDRESS): string[] {
  const found: string[] = [];
  for (const value of values) {
    if (!value) continue;
    for (const match of value.matchAll(new RegExp(pattern.source, 'g'))) {
      const address = match[1] ?? match[0];
      found.push(address.toLowerCase());
    }
  }
  return found;
}
