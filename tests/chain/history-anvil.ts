// A full (non-archive) anvil for the history tests: `--prune-history` keeps only the newest states,
// so a historical eth_call gets the node's real "no state" error. startAnvil takes no extra flags,
// hence this small launcher; it reuses the binary lookup and stops only the node it started.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolveAnvilBinary, type AnvilNode } from './anvil';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

async function answers(rpcUrl: string): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    return typeof ((await res.json()) as { result?: unknown }).result === 'string';
  } catch {
    return false;
  }
}

/** Keeps `states` block states in memory; older blocks keep their headers but lose their state. */
export async function startPrunedAnvil(states = 4, blockNumber = 26_400_000n): Promise<AnvilNode> {
  const port = await freePort();
  const args = ['--chain-id', '1', '--number', blockNumber.toString(), '--port', String(port), '--host', '127.0.0.1', '--quiet'];
  const child = spawn(resolveAnvilBinary(), [...args, '--prune-history', String(states)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!(await answers(rpcUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pruned anvil did not start (exit ${child.exitCode}): ${output.trim() || '(no output)'}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    rpcUrl,
    port,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
