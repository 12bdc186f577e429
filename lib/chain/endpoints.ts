/*
 * RPC endpoints per chain, in the order they are tried: the user's own (options), then those given
 * at build time (STAKELENS_RPC_<chainId>), else public defaults. Only these hosts see our reads.
 */

declare const __STAKELENS_RPC__: Record<string, string[]> | undefined;
declare const __STAKELENS_BEACON_API__: string | undefined;

export const PUBLIC_RPC_DEFAULTS: Record<number, string[]> = {
  1: ['https://ethereum-rpc.publicnode.com', 'https://eth.llamarpc.com'],
  10: ['https://mainnet.optimism.io', 'https://optimism-rpc.publicnode.com'],
  8453: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
  42161: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com'],
};

/** Endpoints fixed at build time; they replace the public defaults of their chain. */
export function buildTimeEndpoints(): Record<string, string[]> {
  return typeof __STAKELENS_RPC__ === 'object' && __STAKELENS_RPC__ !== null ? __STAKELENS_RPC__ : {};
}

export function endpointsFor(chainId: number, userEndpoints: string[] = []): string[] {
  const base = buildTimeEndpoints()[String(chainId)] ?? PUBLIC_RPC_DEFAULTS[chainId] ?? [];
  return [...new Set([...userEndpoints, ...base])];
}

/** Parses `STAKELENS_RPC_<chainId>` variables (comma-separated lists) from an environment. */
export function endpointsFromEnv(env: Record<string, string | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^STAKELENS_RPC_(\d+)$/.exec(key);
    if (!match || !value) continue;
    const urls = value.split(',').map((u) => u.trim()).filter(Boolean);
    for (const url of urls) new URL(url); // fail the build on a malformed URL, not the user's session
    out[match[1]!] = urls;
  }
  return out;
}

/** A beacon node set at build time (STAKELENS_BEACON_API); the user's own, in options, comes first. */
export function buildTimeBeacon(): string | null {
  return typeof __STAKELENS_BEACON_API__ === 'string' && __STAKELENS_BEACON_API__ ? __STAKELENS_BEACON_API__ : null;
}
