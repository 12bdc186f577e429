// Launch Chromium with an unpacked MV3 extension loaded, routing app.aave.com, app.uniswap.org and
// the other fixture hosts (MAPPED_HOSTS, one per server.ts site) to the local fixture server.
//
// Host mapping: --host-resolver-rules="MAP app.aave.com 127.0.0.1:<port>, ..." makes Chromium
// connect to the fixture server while the URL, Host header and TLS SNI stay "app.aave.com", so
// content-script match patterns (https://app.aave.com/*) apply unchanged.
//
// Headless: headless:true makes Playwright pass plain --headless, which in Chromium >= 132 is the
// "new" headless mode (the full browser), where extensions and their MV3 service workers run.
// Checked with Debian chromium 156: headless:true, channel:'chromium' and an explicit
// --headless=new all load the extension; no extra flag is needed. Playwright's default
// --disable-extensions is dropped via ignoreDefaultArgs (--disable-extensions-except already
// wins over it, this just keeps the command line unambiguous). Headed mode needs an X display.
// The Debian /usr/bin/chromium shell wrapper is resolved to the real binary by find-chromium.

import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

type FindChromium = (opts?: { install?: boolean }) => Promise<{ path: string; how: string }>;

/** scripts/find-chromium.mjs is plain JS without type declarations; load it by URL. */
export async function findChromium(opts?: { install?: boolean }): Promise<{ path: string; how: string }> {
  const url = new URL('../../../scripts/find-chromium.mjs', import.meta.url).href;
  const mod = (await import(url)) as { findChromium: FindChromium };
  return mod.findChromium(opts);
}

export const MAPPED_HOSTS = [
  'app.aave.com',
  'app.uniswap.org',
  'www.curve.finance',
  'curve.finance',
  'curve.fi',
  'cdn.jsdelivr.net', // Curve's token icons
  'balancer.fi',
  'app.balancer.fi',
  'app.morpho.org',
  'app.pendle.finance',
  'stake.lido.fi',
  'app.ether.fi',
  'app.renzoprotocol.com',
  'kelpdao.xyz',
  'www.kelpdao.xyz',
  'app.eigenlayer.xyz',
  'etherscan.io',
  'arbiscan.io',
  'basescan.org',
  'optimistic.etherscan.io',
  'portfolio.example', // no app of ours: the generic adapter's page
] as const;

export interface LaunchOptions {
  /** folder with the unpacked extension (its manifest.json) */
  extensionPath: string;
  /** port of startFixtureServer() */
  serverPort: number;
  /** default true */
  headless?: boolean;
  /** reuse a profile; a fresh temp dir (removed on close) when omitted */
  userDataDir?: string;
  /** defaults to findChromium() */
  executablePath?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium's flags for the fixture hosts; with `extensionPath`, also the flags that load the extension. */
export function chromiumArgs(extensionPath: string | null, serverPort: number): string[] {
  const rules = MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${serverPort}`).join(', ');
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    `--host-resolver-rules=${rules}`,
  ];
}

function extensionIdFrom(worker: Worker): string | undefined {
  const m = /^chrome-extension:\/\/([a-p]{32})\//.exec(worker.url());
  return m?.[1];
}

async function waitForExtensionId(context: BrowserContext, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const w of context.serviceWorkers()) {
      const id = extensionIdFrom(w);
      if (id) return id;
    }
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      const w = await context.waitForEvent('serviceworker', { timeout: Math.min(left, 1000) });
      const id = extensionIdFrom(w);
      if (id) return id;
    } catch {
      // timed out for this slice; look at the list again
    }
  }
  throw new Error(
    `Extension service worker did not start within ${timeoutMs} ms. Does the manifest declare ` +
      '"background": { "service_worker": ... }, and does this Chromium build honour --load-extension?',
  );
}

export async function launchWithExtension(opts: LaunchOptions): Promise<LaunchedBrowser> {
  const extensionPath = path.resolve(opts.extensionPath);
  const executablePath = opts.executablePath ?? (await findChromium()).path;
  const ownProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'stakelens-e2e-profile-')));

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: opts.headless ?? true,
      ignoreHTTPSErrors: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs(extensionPath, opts.serverPort),
    });
  } catch (err) {
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const extensionId = await waitForExtensionId(context, 15_000);
    return { context, extensionId, close };
  } catch (err) {
    await close();
    throw err;
  }
}
