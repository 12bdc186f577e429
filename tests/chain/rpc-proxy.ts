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
  mode: 'forward' | 'down' | 'garbage' | 'http429';
  stop(): Promise<void>;
}

export async function startRpcProxy(target: string): Promise<RpcProxy> {
  const proxy: RpcProxy = { url: '', methods: [], bytes: 0, mode: 'forward', stop: async () => {} };
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
