import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The packages as the stores get them: `npm run zip` for both browsers, versioned from
 * package.json, icons at every size, and the Firefox build through Mozilla's addons-linter.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'stakelens-zip-'));
  // The same two commands as `npm run zip`, into a scratch folder.
  const env = { ...process.env, STAKELENS_OUT_DIR: out };
  await run(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'zip'], { cwd: ROOT, env, maxBuffer: 16 << 20 });
  await run(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'zip', '-b', 'firefox'], { cwd: ROOT, env, maxBuffer: 16 << 20 });
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run zip', () => {
  it('makes a store package per browser (and the sources Mozilla asks for), named by the package version', () => {
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
    expect(zips).toEqual([`${pkg.name}-${pkg.version}-chrome.zip`, `${pkg.name}-${pkg.version}-firefox.zip`, `${pkg.name}-${pkg.version}-sources.zip`].sort());
  });

  it.each([
    ['chrome-mv3', 3],
    ['firefox-mv2', 2],
  ])('%s carries the version and icons at 16, 32, 48, 96 and 128 px', (dir, manifestVersion) => {
    const manifest = JSON.parse(readFileSync(join(out, dir, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(manifestVersion);
    expect(manifest.version).toBe(pkg.version);
    expect(Object.keys(manifest.icons).map(Number).sort((a, b) => a - b)).toEqual([16, 32, 48, 96, 128]);
    for (const file of Object.values(manifest.icons) as string[]) expect(existsSync(join(out, dir, file)), file).toBe(true);
  });
});

describe('Firefox', () => {
  it('passes addons-linter with no errors', async () => {
    const bin = join(ROOT, 'node_modules/addons-linter/bin/addons-linter');
    const result = await run(process.execPath, [bin, join(out, 'firefox-mv2'), '--output', 'json'], { cwd: ROOT, maxBuffer: 16 << 20 }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(result.stdout) as { summary: { errors: number; warnings: number }; errors: { code: string; message: string }[]; warnings: { code: string }[] };
    console.log(`addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${[...new Set(report.warnings.map((w) => w.code))].join(', ')})`);
    expect(report.errors).toEqual([]);
  }, 120_000);
});
