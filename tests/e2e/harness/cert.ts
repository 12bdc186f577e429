// Self-signed TLS certificate for the fixture server.
//
// The browser is started with ignoreHTTPSErrors, so the certificate only has to name the hosts we
// impersonate (app.aave.com, app.uniswap.org) plus localhost/127.0.0.1 for direct access.
// It is generated once and cached under node_modules/.cache/stakelens-e2e/cert.json.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';

export interface TestCert {
  key: string;
  cert: string;
  /** hosts and IPs listed in subjectAltName */
  altNames: string[];
  createdAt: string;
}

export const CERT_HOSTS = ['app.aave.com', 'app.uniswap.org', 'localhost'] as const;
export const CERT_IPS = ['127.0.0.1'] as const;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CERT_CACHE_FILE = path.join(projectRoot, 'node_modules/.cache/stakelens-e2e/cert.json');

const wanted = [...CERT_HOSTS, ...CERT_IPS];
const DAY_MS = 24 * 60 * 60 * 1000;

function stillUsable(c: TestCert): boolean {
  if (!c.key || !c.cert) return false;
  if (wanted.some((h) => !c.altNames?.includes(h))) return false;
  try {
    const x509 = new X509Certificate(c.cert);
    return Date.parse(x509.validTo) - Date.now() > DAY_MS;
  } catch {
    return false;
  }
}

async function createCert(): Promise<TestCert> {
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const notAfterDate = new Date(Date.now() + 825 * DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'Stakelens e2e fixture server' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...CERT_HOSTS.map((value) => ({ type: 2 as const, value })),
          ...CERT_IPS.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert, altNames: wanted, createdAt: new Date().toISOString() };
}

let pending: Promise<TestCert> | undefined;

/** Returns the cached test certificate, creating (and caching) it on first use. */
export function getTestCert(): Promise<TestCert> {
  pending ??= (async () => {
    try {
      const cached = JSON.parse(await readFile(CERT_CACHE_FILE, 'utf8')) as TestCert;
      if (stillUsable(cached)) return cached;
    } catch {
      // no cache yet, or unreadable: make a new one
    }
    const fresh = await createCert();
    await mkdir(path.dirname(CERT_CACHE_FILE), { recursive: true });
    const tmp = `${CERT_CACHE_FILE}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(fresh, null, 2));
    await rename(tmp, CERT_CACHE_FILE);
    return fresh;
  })();
  return pending;
}
