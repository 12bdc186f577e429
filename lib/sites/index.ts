import { aave } from './aave';
import { balancer } from './balancer';
import { curve } from './curve';
import { eigenlayer } from './eigenlayer';
import { etherfi } from './etherfi';
import { explorers } from './explorers';
import { kelp } from './kelp';
import { lido } from './lido';
import { morpho } from './morpho';
import { pendle } from './pendle';
import { renzo } from './renzo';
import type { SiteAdapter } from './types';
import { uniswap } from './uniswap';

/** The one list of site adapters; their hosts, and so the content script's matches, are in hosts.ts. */
export const SITES: readonly SiteAdapter[] = [aave, uniswap, curve, balancer, morpho, pendle, lido, etherfi, renzo, kelp, eigenlayer, explorers];

export { CONTENT_MATCHES } from './hosts';

export function siteForHost(host: string): SiteAdapter | undefined {
  return SITES.find((site) => site.hosts.includes(host));
}

export type { SiteAdapter };
