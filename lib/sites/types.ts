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

/** Every address inside the attribute values of `elements` (the pattern's first group, else its match), lowercased. */
export function addressesIn(values: (string | null | undefined)[], pattern: RegExp = ADDRESS): string[] {
  const found: string[] = [];
  const each = pattern.global ? pattern : new RegExp(pattern.source, 'g');
  for (const value of values) {
    if (!value) continue;
    each.lastIndex = 0;
    for (let match = each.exec(value); match; match = each.exec(value)) found.push((match[1] ?? match[0]).toLowerCase());
  }
  return found;
}
