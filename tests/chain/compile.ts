// Compiles the test-double contracts in ./contracts with npm `solc` (offline, no forge)
// and caches the result by source hash, because loading soljson alone takes seconds.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

export type CompiledContract = { abi: Abi; deployedBytecode: Hex };
export type CompiledContracts = Record<string, CompiledContract>;

const CONTRACTS_DIR = fileURLToPath(new URL('./contracts/', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'stakelens-chain');

// anvil's default hardfork is newer; pin a widely supported target so the bytecode
// also runs if someone starts anvil with an older --hardfork.
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.deployedBytecode.object'] } },
} as const;

type SolcOutput = {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { deployedBytecode: { object: string } } }>>;
};

async function readSources(): Promise<Record<string, { content: string }>> {
  const files = (await readdir(CONTRACTS_DIR)).filter((f) => f.endsWith('.sol')).sort();
  const sources: Record<string, { content: string }> = {};
  for (const file of files) sources[file] = { content: await readFile(join(CONTRACTS_DIR, file), 'utf8') };
  return sources;
}

function solcVersion(): string {
  const pkg = createRequire(import.meta.url)('solc/package.json') as { version: string };
  return pkg.version;
}

let compiling: Promise<CompiledContracts> | null = null;

/** Compiles every contracts/*.sol once per process (two rigs seeded side by side share it); names must be unique across files. */
export function compileContracts(): Promise<CompiledContracts> {
  compiling ??= compile().catch((err) => {
    compiling = null;
    throw err;
  });
  return compiling;
}

async function compile(): Promise<CompiledContracts> {
  const sources = await readSources();
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const key = createHash('sha256')
    .update(JSON.stringify({ solc: solcVersion(), input }))
    .digest('hex')
    .slice(0, 24);
  const cacheFile = join(CACHE_DIR, `${key}.json`);

  try {
    return JSON.parse(await readFile(cacheFile, 'utf8')) as CompiledContracts;
  } catch {
    // cache miss: compile below
  }

  const solc = (await import('solc')).default;
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  }

  const result: CompiledContracts = {};
  for (const [file, contracts] of Object.entries(output.contracts ?? {})) {
    for (const [name, c] of Object.entries(contracts)) {
      if (c.evm.deployedBytecode.object === '') continue; // interfaces
      if (result[name]) throw new Error(`duplicate contract name ${name} (in ${file})`);
      result[name] = { abi: c.abi, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
    }
  }

  // Write to a temp file then rename, so parallel test workers never read a half-written cache.
  await mkdir(CACHE_DIR, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(result));
  await rename(tmp, cacheFile);
  return result;
}
