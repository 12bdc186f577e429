#!/usr/bin/env node
// Locate a Chromium build that can run the Stakelens extension in end-to-end tests.
//
// Stakelens is loaded with --load-extension, which branded Google Chrome (137+) ignores,
// so Chromium builds are preferred over Chrome. Lookup order:
//   a) $STAKELENS_CHROMIUM, when it points at an existing file
//   b) Playwright's own Chromium download, when it has been installed
//   c) system Chromium (/usr/bin/chromium, /usr/bin/chromium-browser), then /usr/bin/google-chrome
//   d) with { install: true }: `npx playwright install chromium`, then (root on Debian/Ubuntu)
//      `apt-get install -y chromium`, and look again
// Otherwise an Error explains what to install.
//
// Usage: node scripts/find-chromium.mjs [--no-install]
//   prints the executable path on stdout and a one-line note on stderr.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..');

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const INSTALL_TIMEOUT_MS = 5 * 60 * 1000;

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Debian/Ubuntu ship /usr/bin/chromium as a shell wrapper that sources /etc/chromium.d and
 * prepends its own flags (among them an empty --load-extension=). Playwright needs full control
 * of the command line, so use the real ELF binary next to the wrapper when there is one.
 */
function unwrapDebianLauncher(file) {
  try {
    const head = readFileSync(file, { encoding: 'latin1' }).slice(0, 2048);
    if (!head.startsWith('#!')) return realpathSync(file);
    const m = head.match(/^LIBDIR=(\S+)/m);
    const app = head.match(/^APPNAME=(\S+)/m)?.[1] ?? path.basename(file);
    const libdir = m?.[1]?.replace('$APPNAME', app);
    const candidates = [
      libdir && path.join(libdir, app),
      `/usr/lib/${app}/${app}`,
      '/usr/lib/chromium/chromium',
      '/usr/lib/chromium-browser/chromium-browser',
    ].filter(Boolean);
    for (const c of candidates) if (isExecutableFile(c)) return c;
  } catch {
    // fall through: use the file as it is
  }
  return file;
}

async function playwrightChromium() {
  for (const mod of ['playwright-core', '@playwright/test']) {
    try {
      const { chromium } = await import(mod);
      const p = chromium.executablePath();
      if (p && isExecutableFile(p)) return p;
    } catch {
      // module missing or no browser registered for this platform
    }
  }
  return undefined;
}

function systemChromium() {
  for (const c of SYSTEM_CANDIDATES) {
    if (isExecutableFile(c)) return { path: unwrapDebianLauncher(c), how: `system browser ${c}` };
  }
  return undefined;
}

async function lookup() {
  const env = process.env.STAKELENS_CHROMIUM;
  if (env && existsSync(env)) return { path: env, how: 'STAKELENS_CHROMIUM' };
  const pw = await playwrightChromium();
  if (pw) return { path: pw, how: "Playwright's Chromium" };
  return systemChromium();
}

function run(cmd, args, extraEnv = {}) {
  process.stderr.write(`[find-chromium] running: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: INSTALL_TIMEOUT_MS,
    env: { ...process.env, ...extraEnv },
  });
  return r.status === 0;
}

function isDebianLike() {
  try {
    const os = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(os);
  } catch {
    return false;
  }
}

const HOW_TO_INSTALL =
  'No Chromium found for the e2e tests. Install one of:\n' +
  '  - Playwright Chromium:  npx playwright install chromium\n' +
  '  - Debian/Ubuntu:        sudo apt-get install -y chromium   (Ubuntu: chromium-browser)\n' +
  '  - or point STAKELENS_CHROMIUM at a Chromium executable.\n' +
  'Branded Google Chrome ignores --load-extension, so use a Chromium build.';

/**
 * @param {{ install?: boolean }} [options]
 * @returns {Promise<{ path: string; how: string }>}
 */
export async function findChromium({ install = true } = {}) {
  const env = process.env.STAKELENS_CHROMIUM;
  if (env && !existsSync(env)) {
    process.stderr.write(`[find-chromium] STAKELENS_CHROMIUM=${env} does not exist; looking elsewhere\n`);
  }
  const found = await lookup();
  if (found) return found;
  if (!install) throw new Error(HOW_TO_INSTALL);

  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (run(npx, ['playwright', 'install', 'chromium'])) {
    const again = await lookup();
    if (again) return { ...again, how: `${again.how} (installed by npx playwright install chromium)` };
  }

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && isDebianLike()) {
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', 'chromium'], env)) {
      const again = await lookup();
      if (again) return { ...again, how: `${again.how} (installed by apt-get install chromium)` };
    }
  }
  throw new Error(HOW_TO_INSTALL);
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const install = !process.argv.includes('--no-install');
  findChromium({ install }).then(
    (r) => {
      process.stdout.write(`${r.path}\n`);
      process.stderr.write(`[find-chromium] using ${r.how}: ${r.path}\n`);
    },
    (err) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
