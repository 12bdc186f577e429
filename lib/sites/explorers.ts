import { linkedTokenAddresses, pageUrl, spellsSymbolBare } from './common';
import { EXPLORER_CHAINS, SITE_HOSTS } from './hosts';
import type { SiteAdapter } from './types';

/** A token page: /token/0x… (with ?a=<holder> or #balances after it). */
const TOKEN_PAGE = /^\/token\/(0x[0-9a-fA-F]{40})(?![0-9a-fA-F])/;

/**
 * Etherscan and its siblings (one chain per host). Links to /token/0x… name a token wherever they
 * are. On a token page the URL names the token: text in its header (the block around the page's
 * h1: logo, name, "(wstETH)") and its summary cards (#ContentPlaceHolder1_divSummary) is that token,
 * when the text spells a symbol bare: a wrapper's page ("(aEthwstETH)", "(PT-weETH-26JUN2025)") is
 * another token that the matcher reads as its underlying, and its address would be a false alarm.
 */
export const explorers: SiteAdapter = {
  id: 'explorers',
  name: 'Etherscan',
  hosts: SITE_HOSTS.explorers,
  chainFromUrl(url) {
    return EXPLORER_CHAINS[url.hostname] ?? null;
  },
  addressesNear(element) {
    const url = pageUrl(element);
    if (!url) return [];
    const chainId = explorers.chainFromUrl(url);
    const link = element.closest('a[href]');
    // A link elsewhere (another chain's explorer, an /address/ page) is not the page's token either.
    if (link) return linkedTokenAddresses(element, chainId);
    const page = TOKEN_PAGE.exec(url.pathname);
    if (!page || chainId === null) return [];
    const h1 = element.ownerDocument.querySelector('h1');
    const inHeader = !!h1?.parentElement?.contains(element);
    const inSummary = !!element.closest('#ContentPlaceHolder1_divSummary');
    return (inHeader || inSummary) && spellsSymbolBare(element.textContent) ? [page[1]!.toLowerCase()] : [];
  },
};
