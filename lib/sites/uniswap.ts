import { addressesIn, type SiteAdapter } from './types';
import { SITE_HOSTS } from './hosts';

/** Uniswap's chain names in URLs (`?chain=`, /explore/tokens/<chain>/, /positions/v3/<chain>/). */
const CHAIN_NAMES: Record<string, number> = {
  mainnet: 1,
  ethereum: 1,
  arbitrum: 42161,
  base: 8453,
  optimism: 10,
};

export const uniswap: SiteAdapter = {
  id: 'uniswap',
  name: 'Uniswap',
  hosts: SITE_HOSTS.uniswap,
  chainFromUrl(url) {
    const inPath = /^\/(?:explore\/(?:tokens|pools)|positions\/v[234])\/([a-z]+)/.exec(url.pathname);
    const name = inPath?.[1] ?? url.searchParams.get('chain');
    if (!name) return 1;
    return CHAIN_NAMES[name] ?? null;
  },
  addressesNear(element) {
    // The swap form's currency buttons stand for the URL's inputCurrency / outputCurrency (an
    // address, or "ETH" for the native coin).
    const field = element.closest('[data-testid="choose-input-token"], [data-testid="choose-output-token"]')?.getAttribute('data-testid');
    const param = field ? new URL(element.ownerDocument.URL).searchParams.get(field === 'choose-input-token' ? 'inputCurrency' : 'outputCurrency') : null;
    const fromUrl = param && /^0x[0-9a-fA-F]{40}$/.test(param) ? [param.toLowerCase()] : [];
    // Token links (/explore/tokens/<chain>/0x…) and logo images whose URL holds the token's address.
    const cell = element.closest('a[href], button, [data-testid^="token-option-"]') ?? element.parentElement;
    if (!cell) return fromUrl;
    const link = cell.closest('a[href*="/explore/tokens/"]')?.getAttribute('href');
    const inner = [...cell.querySelectorAll('a[href*="/explore/tokens/"]')].map((a) => a.getAttribute('href'));
    const logos = [...cell.querySelectorAll('[data-testid="token-logo"] img, img')].map((img) => img.getAttribute('src'));
    return [
      ...fromUrl,
      ...addressesIn([link, ...inner], /\/explore\/tokens\/[a-z]+\/(0x[0-9a-fA-F]{40})/),
      ...addressesIn(logos),
    ];
  },
};
