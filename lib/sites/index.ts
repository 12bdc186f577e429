import { aave } from './aave';
import type { SiteAdapter } from './types';
import { uniswap } from './uniswap';

/** The one list of site adapters; the content script's matches come from here. */
export const SITES: readonly SiteAdapter[] = [aave, uniswap];

export const CONTENT_MATCHES = SITES.flatMap((site) => site.hosts.map((host) => `https://${host}/*`));

export function siteForHost(host: string): SiteAdapter | undefined {
  return SITES.find((site) => site.hosts.includes(host));
}

export type { SiteAdapter };
