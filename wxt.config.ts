import { defineConfig } from 'wxt';
import { endpointsFromEnv } from './lib/chain/endpoints';

// STAKELENS_RPC_<chainId>=url[,url] at build time replaces that chain's public RPC defaults.
const buildRpc = endpointsFromEnv(process.env);
const OTHER_SITES = ['https://*/*', 'http://*/*'];
const LOADED_BY_CONTENT_SCRIPT = ['page-scan.js', 'tooltip-ui.js'];
const grantedForTests = (process.env.STAKELENS_TEST_GRANTED_HOSTS ?? '')
  .split(',')
  .filter(Boolean)
  .map((host) => `https://${host}/*`);

export default defineConfig({
  // The e2e suite and the demo build beside the normal output, pointed at their local chain.
  outDir: process.env.STAKELENS_OUT_DIR ?? '.output',
  // @wxt-dev/i18n turns locales/<lang>.json into _locales/<lang>/messages.json and the typed keys of lib/i18n.ts.
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  manifest: ({ manifestVersion, browser }) => ({
    name: '__MSG_app_name__',
    description: '__MSG_app_description__',
    default_locale: 'en',
    // storage: settings and the figure cache. activeTab: the popup reads the current tab's address
    // when the user opens it, to offer Stakelens on a site outside the built-in list. scripting:
    // runs the content script on the sites the user granted (no host is granted by this alone).
    // alarms: the minute's refresh of open tabs' and watched tokens. notifications: a watched
    // token's alert when it starts, worsens or ends.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', 'notifications'],
    // Any other site, asked for one origin at a time from the popup; never granted at install.
    ...(manifestVersion === 2 ? { optional_permissions: OTHER_SITES } : { optional_host_permissions: OTHER_SITES }),
    // Test builds only: hosts granted at install, as if the user had accepted the prompt (a
    // headless browser cannot answer it).
    ...(grantedForTests.length ? { host_permissions: grantedForTests } : {}),
    // Imported by the content script: its page part once the page has loaded (lib/page-scan-loader.ts)
    // and the tooltip on the first hover (lib/ui/overlay-loader.ts). A content script can only load
    // an extension file the page could also ask for: any site may see that these files exist, i.e.
    // that Stakelens is installed.
    web_accessible_resources:
      manifestVersion === 2 ? LOADED_BY_CONTENT_SCRIPT : [{ resources: LOADED_BY_CONTENT_SCRIPT, matches: OTHER_SITES }],
    // Strict: scripts from the package only (no eval, no wasm, nothing remote).
    content_security_policy:
      manifestVersion === 2 ? "script-src 'self'; object-src 'self';" : { extension_pages: "script-src 'self'; object-src 'self';" },
    ...(browser === 'firefox' ? {
          browser_specific_settings: {
            // data_collection_permissions: Firefox's declaration of what leaves the machine; nothing of the user's does.
            gecko: { id: 'stakelens@stakelens.dev', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        } : {}),
  }),
  vite: () => ({
    // Profiling: STAKELENS_NO_MINIFY=1 keeps function names readable in a CPU profile.
    build: process.env.STAKELENS_NO_MINIFY ? { minify: false } : {},
    define: {
      __STAKELENS_RPC__: JSON.stringify(buildRpc),
      __STAKELENS_BEACON_API__: JSON.stringify(process.env.STAKELENS_BEACON_API ?? ''),
      // Bench builds time each scan pass (user-timing measures); normal builds carry no timing code.
      __STAKELENS_BENCH__: JSON.stringify(process.env.STAKELENS_BENCH === '1'),
    },
  }),
});
