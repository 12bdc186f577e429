// Starts a local anvil node for integration tests, e2e and the demo.
// Spawns the binary directly (never `npx anvil`) so `pid` is anvil's own pid.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';

export type AnvilNode = {
  rpcUrl: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
};

export type StartAnvilOptions = {
  chainId?: number;
  port?: number;
  /** Genesis block number; mainnet-like by default so "recent block" logic looks real. */
  blockNumber?: bigint;
  /** Genesis block timestamp (unix seconds); the wall clock by default. */
  timestamp?: number;
  /** More anvil flags, e.g. `['--prune-history', '4']` for a node without archive state. */
  extraArgs?: string[];
};

const DEFAULT_CHAIN_ID = 1;
const DEFAULT_BLOCK_NUMBER = 26_400_000n;
const READY_TIMEOUT_MS = 20_000;
const KILL_GRACE_MS = 3_000;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The npm-installed binary first, then `anvil` on PATH. */
/** One raw JSON-RPC call (evm_snapshot, evm_revert, …): what viem's clients don't wrap. */
export async function rpc(url: string, method: string, params: unknown[] = []) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) }).then((r) => r.json());
  if (res.error) throw new Error(res.error.message);
  return res.result;
}

export function resolveAnvilBinary(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('@foundry-rs/anvil-linux-amd64/package.json');
    const bin = join(dirname(pkg), 'bin', 'anvil');
    if (isExecutable(bin)) return bin;
  } catch {
    // optional dependency not installed (e.g. not linux-x64): fall back to PATH
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'anvil'))) return join(dir, 'anvil');
  }
  throw new Error(
    'anvil not found. Run `npm install` (installs @foundry-rs/anvil-linux-amd64 on linux-x64) ' +
      'or install Foundry (https://getfoundry.sh: `curl -L https://foundry.paradigm.xyz | bash && foundryup`) ' +
      'so that `anvil` is on PATH.',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

// Kill any node still running when this process exits (crashed or forgotten test runs).
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

async function rpcAnswers(rpcUrl: string): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    const body = (await res.json()) as { result?: string };
    return typeof body.result === 'string';
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function launch(bin: string, port: number, chainId: number, blockNumber: bigint, timestamp?: number, extraArgs: string[] = []): Promise<AnvilNode> {
  const args = [
    ...extraArgs,
    // A genesis in the past leaves room to write weeks of history before the present.
    ...(timestamp === undefined ? [] : ['--timestamp', String(timestamp)]),
    '--chain-id', String(chainId),
    '--number', blockNumber.toString(),
    '--port', String(port),
    '--host', '127.0.0.1',
    // `--silent` is accepted as a hidden alias; `--quiet` is the flag `anvil --help` documents.
    '--quiet',
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  installExitHook();

  // Keep the tail of the output for error messages; always drain so anvil never blocks on a full pipe.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exitPromise = new Promise<void>((resolve) => {
    if (exited(child)) return resolve();
    child.once('exit', () => resolve());
  });
  exitPromise.then(() => running.delete(child));
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err;
    running.delete(child);
  });

  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await rpcAnswers(rpcUrl))) {
    if (spawnError || exited(child) || Date.now() > deadline) {
      if (!exited(child)) child.kill('SIGKILL');
      const why = spawnError
        ? `failed to spawn: ${spawnError.message}`
        : exited(child)
          ? `exited early (code ${child.exitCode}, signal ${child.signalCode})`
          : `did not answer eth_chainId within ${READY_TIMEOUT_MS / 1000} s`;
      throw new Error(`anvil ${why}\n  ${bin} ${args.join(' ')}\n  output: ${output.trim() || '(none)'}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const stop = async () => {
    if (exited(child)) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    await exitPromise;
    clearTimeout(timer);
  };

  return { rpcUrl, port, pid: child.pid!, stop };
}

export async function startAnvil(opts: StartAnvilOptions = {}): Promise<AnvilNode> {
  const bin = resolveAnvilBinary();
  const chainId = opts.chainId ?? DEFAULT_CHAIN_ID;
  const blockNumber = opts.blockNumber ?? DEFAULT_BLOCK_NUMBER;
  if (opts.port !== undefined) return launch(bin, opts.port, chainId, blockNumber, opts.timestamp, opts.extraArgs);

  // A port picked via listen(0) can be taken again before anvil binds it; retry a few times.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(bin, await freePort(), chainId, blockNumber, opts.timestamp, opts.extraArgs);
    } catch (err) {
      lastError = err;
      if (!String(err).includes('in use')) throw err;
    }
  }
  throw lastError;
}
