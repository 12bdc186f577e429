import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A JSON-RPC pass-through that records every method it forwards, and can be told to fail: so a
 * test can count the requests a read makes and play a dead or lying endpoint.
 */
export interface RpcProxy {
  url: string;
  methods: string[];
  bytes: number;
  /**
   * forward; down (connection dropped); garbage (cut-off JSON); http429; slow (forwards after
   * `slowMs`); wrong-chain (says it is chain 10); revert (every eth_call fails as reverted).
   */
  mode: 'forward' | 'down' | 'garbage' | 'http429' | 'slow' | 'wrong-chain' | 'revert';
  slowMs: number;
  stop(): Promise<void>;
}

export async function startRpcProxy(target: string): Promise<RpcProxy> {
  const proxy: RpcProxy = { url: '', methods: [], bytes: 0, mode: 'forward', slowMs: 10_000, stop: async () => {} };
  const server: Server = createServer(async (req, res) => {
    // The extension calls from its own origin: answer CORS (and private-network) preflights like a public RPC.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    res.setHeader('access-control-allow-private-network', 'true');
    if (req.method === 'OPTIONS') return res.end();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const parsed = JSON.parse(body) as { method: string; params?: unknown[] } | { method: string; params?: unknown[] }[];
      for (const call of Array.isArray(parsed) ? parsed : [parsed]) {
        // Historical reads (realized yield) are told apart from reads of the newest block.
        const past = call.method === 'eth_call' && typeof call.params?.[1] === 'string' && /^0x/.test(call.params[1]);
        proxy.methods.push(past ? 'eth_call (past block)' : call.method);
      }
    } catch {
      proxy.methods.push('(unparseable)');
    }
    if (proxy.mode === 'down') return req.socket.destroy();
    if (proxy.mode === 'http429') return res.writeHead(429).end('Too Many Requests');
    if (proxy.mode === 'garbage') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":');
    if (proxy.mode === 'wrong-chain' || proxy.mode === 'revert') {
      const answer = answerFor(body, proxy.mode);
      if (answer) return res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    }
    if (proxy.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, proxy.slowMs));
    const upstream = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await upstream.text();
    proxy.bytes += body.length + text.length;
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return proxy;
}

/** A lying endpoint's answer to `body` (single or batch), or null to forward it. */
function answerFor(body: string, mode: 'wrong-chain' | 'revert'): string | null {
  let parsed: { id: unknown; method: string } | { id: unknown; method: string }[];
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const calls = Array.isArray(parsed) ? parsed : [parsed];
  const lie = (call: { id: unknown; method: string }) => {
    if (mode === 'wrong-chain' && call.method === 'eth_chainId') return { jsonrpc: '2.0', id: call.id, result: '0xa' };
    if (mode === 'revert' && call.method === 'eth_call') return { jsonrpc: '2.0', id: call.id, error: { code: 3, message: 'execution reverted', data: '0x' } };
    return null;
  };
  const answers = calls.map(lie);
  if (answers.some((a) => a === null)) return null;
  return JSON.stringify(Array.isArray(parsed) ? answers : answers[0]);
}
