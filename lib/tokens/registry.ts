import { z } from 'zod';
import { entries, ETH_SENTINEL } from './entries';
import { tokenSchema, type TokenEntry } from './schema';

/** The token registry (entries.ts), checked against the schema: what the background and the UI read. */
export const registry: readonly TokenEntry[] = z.array(tokenSchema).parse(entries);

const bySymbol = new Map(registry.map((t) => [t.symbol, t]));

export function tokenBySymbol(symbol: string): TokenEntry | undefined {
  return bySymbol.get(symbol);
}

/** The token's deployments on a chain: usually one; two where a bridge made a second token (weETH on Base). */
export function deploymentsOn(token: TokenEntry, chainId: number) {
  return token.deployments.filter((d) => d.chainId === chainId);
}

/** The main deployment of a token on a chain, if it has one there. */
export function deploymentOn(token: TokenEntry, chainId: number) {
  return token.deployments.find((d) => d.chainId === chainId);
}

/** Registry entry for an address on a chain (case-insensitive). */
export function tokenByAddress(chainId: number, address: string): TokenEntry | undefined {
  const a = address.toLowerCase();
  return registry.find((t) => t.deployments.some((d) => d.chainId === chainId && d.address.toLowerCase() === a));
}

export { ETH_SENTINEL };
