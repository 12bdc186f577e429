import { PAGE_TOKEN_DATA } from './page-tokens.generated';
import type { TokenInput } from './schema';

/*
 * What the page scanner needs of the registry: symbols, names, aliases and addresses, from a file
 * generated out of entries.ts (scripts/page-tokens.ts). The content script loads on every supported
 * page, so it carries neither zod nor the exit, pause, bridge and restaking data of the background.
 */

export type PageToken = Pick<TokenInput, 'symbol' | 'name' | 'aliases' | 'genericName'>;

export const PAGE_TOKENS: readonly PageToken[] = PAGE_TOKEN_DATA;

const byChain = new Map<string, string[]>();
for (const token of PAGE_TOKEN_DATA) {
  for (const { chainId, address } of token.deployments) {
    const key = `${token.symbol}:${chainId}`;
    byChain.set(key, [...(byChain.get(key) ?? []), address.toLowerCase()]);
  }
}

/** The registry's addresses of `symbol` on `chainId`, lowercased (two where a bridge made a second token). */
export function registryAddresses(symbol: string, chainId: number): readonly string[] {
  return byChain.get(`${symbol}:${chainId}`) ?? [];
}
