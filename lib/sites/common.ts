import { PAGE_TOKENS } from '../tokens/lookup';
import type { SiteAdapter } from './types';
import { EXPLORER_CHAINS } from './hosts';

/*
 * Helpers the site adapters share. Plain functions: they touch the DOM only through the element
 * they are given, never at module top level.
 */

/** Chain ids by the names apps put in URLs (`/dex/ethereum/…`, `?chain=base`, `?network=mainnet`). */
export const CHAIN_NAMES: Record<string, number> = {
  ethereum: 1,
  mainnet: 1,
  arbitrum: 42161,
  base: 8453,
  optimism: 10,
};


const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A registry symbol written bare: not inside a word and not dressed as a wrapper the matcher also
 * reads as the token (Aave's "aEthwstETH" is inside a word; Pendle's "PT-weETH-26JUN2025").
 */
const BARE_SYMBOL = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<!(?:PT|YT|SY)-)(?:${[...new Set(PAGE_TOKENS.flatMap((t) => [t.symbol, t.symbol.toUpperCase()]))].map(escape).join('|')})(?![\\p{L}\\p{N}_])(?!-\\d{1,2}[A-Z]{3}\\d{4})`,
  'u',
);

/**
 * Whether `text` shows a registry symbol bare. A wrapper is another token with its own address:
 * adapters tie no address to it, so the scanner does not call its address a mismatch. Text in the
 * explorers' "Name (SYMBOL)" form is judged by the symbol alone: "Aave Ethereum wstETH (aEthwstETH)"
 * is the aToken.
 */
export function spellsSymbolBare(text: string | null | undefined): boolean {
  if (!text) return false;
  const symbol = /\(([^()]+)\)\s*$/.exec(text)?.[1] ?? text;
  return BARE_SYMBOL.test(symbol);
}

/** Exactly 40 hex digits: never the head of a 64-digit pool id, market id or hash. */
const EXACT_ADDRESS = /0x[0-9a-fA-F]{40}(?![0-9a-fA-F])/g;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Every exact address in `values` (URL-decoded first: `/_next/image?url=…%2F0x…png`), lowercased. */
export function exactAddresses(values: (string | null | undefined)[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    if (!value) continue;
    for (const match of decoded(value).matchAll(EXACT_ADDRESS)) found.push(match[0].toLowerCase());
  }
  return found;
}

/** The page's URL, or null when the document has none we can read. */
export function pageUrl(element: Element): URL | null {
  try {
    return new URL(element.ownerDocument.URL);
  } catch {
    return null;
  }
}

/** The chain `site` says the element's page is about. */
export function pageChain(site: Pick<SiteAdapter, 'chainFromUrl'>, element: Element): number | null {
  const url = pageUrl(element);
  return url ? site.chainFromUrl(url) : null;
}

/**
 * The token address of an explorer token page link (`https://etherscan.io/token/0x…`), or null.
 * Only /token/ pages: /address/ links name pools, vaults, strategies and wallets as often as tokens.
 * A link to another chain's explorer is not this page's token and counts as nothing.
 */
export function explorerTokenAddress(href: string | null, base: string, chainId: number | null): string | null {
  if (!href || chainId === null) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (EXPLORER_CHAINS[url.hostname.replace(/^www\./, '')] !== chainId) return null;
  // /token/<token>?a=<holder> is a holder's view of the token: explorers link holder names
  // ("Curve.fi: stETH Pool") to it in transfer lists, so its text need not name the token.
  if (url.searchParams.has('a')) return null;
  const match = /^\/token\/(0x[0-9a-fA-F]{40})(?![0-9a-fA-F])/.exec(url.pathname);
  return match ? match[1]!.toLowerCase() : null;
}

/** The explorer token link the element sits in (its text names the token), as an address list. */
export function linkedTokenAddresses(element: Element, chainId: number | null): string[] {
  const link = element.closest('a[href]');
  if (!link || !spellsSymbolBare(element.textContent)) return [];
  const address = explorerTokenAddress(link.getAttribute('href'), element.ownerDocument.URL, chainId);
  return address ? [address] : [];
}

export interface IconScope {
  /** Selector of the token icons (`img[data-testid^="token-icon-"]`). */
  icon: string;
  /** The token address an icon stands for, or null when its URL names none we trust. */
  address: (icon: Element) => string | null;
  /** Never look above these (a table row, a row link). */
  boundary: string;
  /** How many ancestors up to look for icons. */
  depth?: number;
}

/**
 * Token addresses of the icons next to `element` (or of `element`, an icon): the nearest ancestor (within `depth`, not past a
 * row boundary) that holds icons. When the icons carry alt text, only those whose alt is a word of
 * the element's text count, so a symbol is tied to its own logo when a row shows several.
 */
export function iconAddressesNear(element: Element, scope: IconScope): string[] {
  // The icon itself, marked for its alt: its own URL is the address it claims.
  if (element.matches(scope.icon)) {
    const address = scope.address(element);
    return address ? [address] : [];
  }
  const depth = scope.depth ?? 4;
  if (!spellsSymbolBare(element.textContent)) return [];
  let node: Element | null = element;
  for (let level = 0; node && level <= depth; level++, node = node.parentElement) {
    const icons = [...node.querySelectorAll(scope.icon)];
    if (icons.length) {
      const words = new Set((element.textContent ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
      const labelled = icons.filter((icon) => icon.getAttribute('alt'));
      // Labelled icons that name none of the element's words are other tokens (a boosted
      // pool's wrappers): they say nothing about this symbol.
      const chosen = labelled.length ? labelled.filter((icon) => words.has(icon.getAttribute('alt')!.toLowerCase())) : icons;
      return chosen.map(scope.address).filter((a): a is string => a !== null);
    }
    if (node.matches(scope.boundary)) break;
  }
  return [];
}
