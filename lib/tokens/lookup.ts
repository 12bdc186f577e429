import { entries } from './entries';
import type { TokenInput } from './schema';

/*
 * What the page scanner needs of the registry, read straight from its data without zod (the
 * content script loads on every supported page; the registry's schema check runs in the
 * background, the UI and the tests).
 */

export type PageToken = Pick<TokenInput, 'symbol' | 'name' | 'aliases' | 'genericName'>;

export const PAGE_TOKENS: readonly PageToken[] = entries;

const byChain = new Map<string, string[]>();
for (const token of entries) {
  for (const { chainId, address } of token.deployments) {
    const key = `${token.symbol}:${chainId}`;
    byChain.set(key, [...(byChain.get(key) ?? []), String(address).toLowerCase()]);
  }
}

/** The registry's addresses of `symbol` on `chainId`, lowercased (two where a bridge made a second token). */
export function registryAddresses(symbol: string, chainId: number): readonly string[] {
  return byChain.get(`${symbol}:${chainId}`) ?? [];
}
