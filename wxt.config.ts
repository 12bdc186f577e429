import { defineConfig } from 'wxt';
import { endpointsFromEnv } from './lib/chain/endpoints';

// STAKELENS_RPC_<chainId>=url[,url] at build time replaces that chain's public RPC defaults.
const buildRpc = endpointsFromEnv(process.env);

export default defineConfig({
  // The e2e suite and the demo build beside the normal output, pointed at their local chain.
  outDir: process.env.STAKELENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Stakelens',
    description: 'The peg, exit time and layered risk of liquid staking and restaking tokens, where you trade them.',
    // storage: settings and the figure cache. Nothing else: content scripts are declared per site.
    permissions: ['storage'],
    browser_specific_settings: { gecko: { id: 'stakelens@stakelens.dev', strict_min_version: '128.0' } },
  },
  vite: () => ({
    define: {
      __STAKELENS_RPC__: JSON.stringify(buildRpc),
      __STAKELENS_BEACON_API__: JSON.stringify(process.env.STAKELENS_BEACON_API ?? ''),
      // Bench builds time each scan pass (user-timing measures); normal builds carry no timing code.
      __STAKELENS_BENCH__: JSON.stringify(process.env.STAKELENS_BENCH === '1'),
    },
  }),
});
