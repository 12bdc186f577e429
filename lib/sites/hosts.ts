/*
 * The hosts of the built-in site adapters, kept apart from the adapters: the manifest's content
 * script matches come from here, and the script injected into every supported page carries these
 * lists and nothing of the adapters' code.
 */

/** Block explorers and the chain each one shows. */
export const EXPLORER_CHAINS: Record<string, number> = {
  'etherscan.io': 1,
  'arbiscan.io': 42161,
  'basescan.org': 8453,
  'optimistic.etherscan.io': 10,
};

/** Each built-in adapter's hosts, by its id. */
export const SITE_HOSTS = {
  aave: ['app.aave.com'],
  uniswap: ['app.uniswap.org'],
  curve: ['www.curve.finance', 'curve.finance', 'curve.fi'],
  balancer: ['balancer.fi', 'app.balancer.fi'],
  morpho: ['app.morpho.org'],
  pendle: ['app.pendle.finance'],
  lido: ['stake.lido.fi'],
  etherfi: ['app.ether.fi'],
  renzo: ['app.renzoprotocol.com'],
  kelp: ['kelpdao.xyz', 'www.kelpdao.xyz'],
  eigenlayer: ['app.eigenlayer.xyz'],
  explorers: Object.keys(EXPLORER_CHAINS),
} satisfies Record<string, string[]>;

export const CONTENT_MATCHES = Object.values(SITE_HOSTS).flatMap((hosts) => hosts.map((host) => `https://${host}/*`));
