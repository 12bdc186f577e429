// HTTPS fixture server that impersonates app.aave.com, app.uniswap.org and the other apps in SITES
// (Curve, Balancer, Morpho, Pendle, Lido, ether.fi, Renzo, Kelp, EigenLayer, Etherscan and its siblings).
//
// One node:https server on 127.0.0.1 picks the site by the Host header and maps the apps' real
// URL shapes onto hand-built fixture pages under tests/fixtures/sites/<site>/. The browser reaches
// it through --host-resolver-rules (see browser.ts), so page URLs stay https://app.aave.com/...
//
// Both apps are SPAs: a path that matches no route and is not a static asset gets the site's
// main page, the way their real hosting rewrites unknown paths to index.html.

import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTestCert } from './cert.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURE_SITES_DIR = path.join(projectRoot, 'tests/fixtures/sites');

export interface Route {
  /** exact pathname ('/dashboard' also matches '/dashboard/'), or a RegExp tested on the pathname */
  path: string | RegExp;
  /** file relative to the site folder */
  file: string;
}

export interface SiteConfig {
  /** folder under tests/fixtures/sites (or under `root`) */
  dir: string;
  /** where `dir` is, when not tests/fixtures/sites */
  root?: string;
  routes: Route[];
  /** served for unknown, extension-less paths (SPA fallback) */
  fallback: string;
}

/** Host → site. Query strings are ignored for routing; the page scripts read them. */
export const SITES: Record<string, SiteConfig> = {
  'app.aave.com': {
    dir: 'aave',
    routes: [
      { path: '/', file: 'markets.html' }, // e.g. /?marketName=proto_mainnet_v3
      { path: '/markets', file: 'markets.html' }, // /markets/?marketName=proto_mainnet_v3
      { path: '/dashboard', file: 'dashboard.html' },
      { path: '/reserve-overview', file: 'reserve-overview.html' }, // ?underlyingAsset=0x…&marketName=…
    ],
    fallback: 'markets.html',
  },
  'app.uniswap.org': {
    dir: 'uniswap',
    routes: [
      { path: '/', file: 'swap.html' },
      { path: '/swap', file: 'swap.html' }, // ?chain=mainnet&inputCurrency=ETH&outputCurrency=0x…
      // /explore, /explore/tokens, /explore/tokens/ethereum/0x…, /explore/pools/ethereum/0x…
      { path: /^\/explore(\/.*)?$/, file: 'explore-tokens.html' },
      // token logos keyed by checksummed address, one generic image for all of them
      { path: /^\/images\/tokens\/[a-z]+\/0x[0-9a-fA-F]{40}\/logo\.svg$/, file: 'images/token-logo.svg' },
    ],
    fallback: 'swap.html',
  },
  ...share(['www.curve.finance', 'curve.finance', 'curve.fi'], {
    dir: 'curve',
    // /dex/ethereum/pools, /dex/arbitrum/pools, /dex/ethereum/pools/steth/deposit: one SPA page
    routes: [{ path: /^\/dex\/[a-z]+\/pools(\/.*)?$/, file: 'pools.html' }],
    fallback: 'pools.html',
  }),
  // Curve's token icons: curve-assets images named by token address, one folder per network
  'cdn.jsdelivr.net': {
    dir: 'curve',
    routes: [{ path: /^\/gh\/curvefi\/curve-assets\/images\/assets(-[a-z0-9]+)?\/0x[0-9a-f]{40}\.png$/, file: 'images/token.svg' }],
    fallback: 'images/token.svg',
  },
  ...share(['balancer.fi', 'app.balancer.fi'], {
    dir: 'balancer',
    routes: [
      { path: /^\/pools(\/.*)?$/, file: 'pools.html' }, // /pools, /pools/ethereum/v2/0x…
      { path: '/_next/image', file: 'images/token.svg' }, // ?url=<logoURI>&w=…&q=75
    ],
    fallback: 'pools.html',
  }),
  'app.morpho.org': {
    dir: 'morpho',
    routes: [
      { path: /^\/[a-z]+\/(borrow|market)(\/.*)?$/, file: 'borrow.html' }, // /ethereum/borrow, /base/market/0x…/slug
      { path: /^\/assets\/logos\/[a-z0-9-]+\.svg$/, file: 'assets/logos/token.svg' }, // logos named by symbol
    ],
    fallback: 'borrow.html',
  },
  'app.pendle.finance': {
    dir: 'pendle',
    routes: [{ path: /^\/trade\/markets(\/.*)?$/, file: 'markets.html' }], // ?chain=…; /trade/markets/0x…/swap
    fallback: 'markets.html',
  },
  'stake.lido.fi': {
    dir: 'lido',
    routes: [
      { path: '/', file: 'index.html' },
      { path: '/wrap', file: 'wrap.html' },
      { path: '/wrap/unwrap', file: 'wrap.html' },
      { path: '/favicon.ico', file: 'favicon.svg' }, // Chromium may ask for it on a page at /
    ],
    fallback: 'index.html',
  },
  'app.ether.fi': {
    dir: 'etherfi',
    routes: [{ path: '/', file: 'index.html' }, { path: '/favicon.ico', file: 'favicon.svg' }],
    fallback: 'index.html',
  },
  'app.renzoprotocol.com': { dir: 'renzo', routes: [{ path: '/restake', file: 'restake.html' }], fallback: 'restake.html' },
  ...share(['kelpdao.xyz', 'www.kelpdao.xyz'], { dir: 'kelp', routes: [{ path: '/restake', file: 'restake.html' }], fallback: 'restake.html' }),
  'app.eigenlayer.xyz': {
    dir: 'eigenlayer',
    routes: [
      { path: '/restake', file: 'restake.html' },
      { path: /^\/restake\/[^/]+\/?$/, file: 'token.html' }, // /restake/stETH
    ],
    fallback: 'restake.html',
  },
  // A site outside the built-in list, for the generic adapter (the e2e build is granted it).
  'portfolio.example': { dir: 'other', routes: [{ path: '/', file: 'index.html' }], fallback: 'index.html' },
  // One chain per host; every host serves the same token page, which renders that chain's data.
  ...share(['etherscan.io', 'arbiscan.io', 'basescan.org', 'optimistic.etherscan.io'], {
    dir: 'etherscan',
    routes: [
      { path: /^\/token\/images\/[a-z0-9_]+\.(png|svg)$/, file: 'token/images/token.svg' },
      { path: /^\/token\/0x[0-9a-fA-F]{40}$/, file: 'token.html' },
    ],
    fallback: 'token.html',
  }),
};

export const FIXTURE_RENDERED_DIR = path.join(projectRoot, 'tests/fixtures/rendered');
/** A browser carrying this cookie (name=value) gets the rendered pages where a host has them. */
export const RENDERED_COOKIE = { name: 'stakelens-fixtures', value: 'rendered' } as const;

/**
 * Pages rendered from the apps' own components (scripts/fixtures/render.mjs), under the same real
 * URLs as the hand-built pages above: a test asks for them with RENDERED_COOKIE. A path none of
 * them has falls through to the hand-built site (its icons and other assets).
 */
export type RenderedSite = Pick<SiteConfig, 'dir' | 'routes'> & { root: string };
export const RENDERED_SITES: Record<string, RenderedSite> = {
  'app.aave.com': {
    dir: 'aave',
    root: FIXTURE_RENDERED_DIR,
    routes: [
      { path: '/', file: 'markets.html' },
      { path: '/markets', file: 'markets.html' },
      { path: '/dashboard', file: 'dashboard.html' },
    ],
  },
  'stake.lido.fi': { dir: 'lido', root: FIXTURE_RENDERED_DIR, routes: [{ path: '/', file: 'stake.html' }] },
  // Its token icons (cdn.jsdelivr.net) come from the hand-built site's server entry.
  'www.curve.finance': { dir: 'curve', root: FIXTURE_RENDERED_DIR, routes: [{ path: '/dex/ethereum/pools', file: 'pools.html' }] },
  // Its icons (/_next/image, /images/chains/…) come from the hand-built site's entry.
  'balancer.fi': { dir: 'balancer', root: FIXTURE_RENDERED_DIR, routes: [{ path: '/pools', file: 'pools.html' }] },
};

/** The same site config under several host names (bare and www, or sibling explorers). */
function share(hosts: string[], config: SiteConfig): Record<string, SiteConfig> {
  return Object.fromEntries(hosts.map((host) => [host, config]));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface ServedRequest {
  host: string;
  url: string;
  status: number;
  /** TLS SNI the browser sent (should equal host) */
  sni?: string;
  file?: string;
}

export interface FixtureServer {
  port: number;
  /** browser-facing origin of a mapped host, e.g. origin('app.aave.com') → 'https://app.aave.com' */
  origin: (host: string) => string;
  /** every request served so far (for debugging / assertions) */
  requests: ServedRequest[];
  /** Serves `html` at `https://<host><pathname>` from now on, ahead of the fixture files (pages a script generates). */
  servePage(host: string, pathname: string, html: string): void;
  stop(): Promise<void>;
}

function routeMatches(route: Route, pathname: string): boolean {
  if (typeof route.path !== 'string') return route.path.test(pathname);
  if (pathname === route.path) return true;
  return route.path !== '/' && pathname === `${route.path}/`;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Files every site serves at the same path: the runtime each fixture app.js builds on. */
const SHARED_FILES: Record<string, string> = { '/fixture-runtime.js': 'fixture-runtime.js' };

/** Picks the fixture file for a request path, or undefined for 404. */
export async function resolveFixture(site: SiteConfig, pathname: string): Promise<string | undefined> {
  const shared = SHARED_FILES[pathname];
  if (shared) return path.join(FIXTURE_SITES_DIR, shared);
  const root = path.join(site.root ?? FIXTURE_SITES_DIR, site.dir);
  const route = site.routes.find((r) => routeMatches(r, pathname));
  if (route) return path.join(root, route.file);

  const ext = path.extname(pathname);
  if (ext) {
    // static asset: must exist inside the site folder; no SPA fallback for missing assets
    const file = path.resolve(root, `.${path.posix.normalize(pathname)}`);
    if (!file.startsWith(root + path.sep)) return undefined;
    return (await isFile(file)) ? file : undefined;
  }
  return path.join(root, site.fallback);
}

/** A rendered page for the path, or undefined (then the hand-built site answers): no SPA fallback. */
async function resolveRendered(site: RenderedSite, pathname: string): Promise<string | undefined> {
  const route = site.routes.find((r) => routeMatches(r, pathname));
  if (!route) return undefined;
  const file = path.join(site.root, site.dir, route.file);
  return (await isFile(file)) ? file : undefined;
}

export async function startFixtureServer(opts: { port?: number } = {}): Promise<FixtureServer> {
  const { key, cert } = await getTestCert();
  const requests: ServedRequest[] = [];
  /** Pages made at run time (the bench's generated heavy page), by host and path. */
  const generated = new Map<string, string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const site = SITES[host];
    const send = (status: number, body: string | Buffer, type: string, file?: string): void => {
      const sni = (req.socket as TLSSocket).servername || undefined;
      requests.push({ host, url: req.url ?? '', status, sni, file });
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'method not allowed\n', 'text/plain; charset=utf-8');
      return;
    }
    const made = generated.get(`${host}${(req.url ?? '').split('?')[0]}`);
    if (made !== undefined) {
      send(200, made, 'text/html; charset=utf-8');
      return;
    }
    if (!site) {
      send(404, `no fixture site for host "${host}"\n`, 'text/plain; charset=utf-8');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'https://fixture.invalid').pathname);
    } catch {
      send(400, 'bad request\n', 'text/plain; charset=utf-8');
      return;
    }
    const rendered = RENDERED_SITES[host];
    const wantsRendered = rendered && (req.headers.cookie ?? '').split(/;\s*/).includes(`${RENDERED_COOKIE.name}=${RENDERED_COOKIE.value}`);
    const file = (wantsRendered ? await resolveRendered(rendered, pathname) : undefined) ?? (await resolveFixture(site, pathname));
    if (!file) {
      send(404, `not found: ${pathname}\n`, 'text/plain; charset=utf-8');
      return;
    }
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      send(200, body, type, path.relative(FIXTURE_SITES_DIR, file));
    } catch {
      send(404, `fixture file missing: ${path.relative(FIXTURE_SITES_DIR, file)}\n`, 'text/plain; charset=utf-8');
    }
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`fixture server error: ${String(err)}\n`);
    });
  });

  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // the browser may drop TLS handshakes (e.g. when closing); that is not a test failure
  server.on('tlsClientError', () => {});

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    origin: (host: string) => `https://${host}`,
    requests,
    servePage: (host: string, pathname: string, html: string) => void generated.set(`${host}${pathname}`, html),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
