import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A JSON-RPC pass-through for the history tests: records each request with its params (to count
 * header reads and see which block each eth_call asked for) and can play a full, non-archive node
 * that answers an eth_call below `noArchiveBelow` the way geth does.
 */
export interface HistoryProxy {
  url: string;
  requests: { method: string; params: unknown[] }[];
  /** eth_call at a block number below this fails with geth's "missing trie node"; null = archive node. */
  noArchiveBelow: bigint | null;
  count(method: string): number;
  reset(): void;
  stop(): Promise<void>;
}

type JsonRpcRequest = { jsonrpc: '2.0'; id: number | string; method: string; params?: unknown[] };

/** A real geth answer for state it has pruned (the root is shortened). */
export const MISSING_TRIE_NODE = {
  code: -32000,
  message: 'missing trie node 5a3f2e1c9b7d4a06e8f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7 (path ) state 0x5a3f2e1c is not available',
};

export async function startHistoryProxy(target: string): Promise<HistoryProxy> {
  const proxy: HistoryProxy = {
    url: '',
    requests: [],
    noArchiveBelow: null,
    count: (method) => proxy.requests.filter((r) => r.method === method).length,
    reset: () => {
      proxy.requests.length = 0;
    },
    stop: async () => {},
  };

  const refuses = (call: JsonRpcRequest): boolean => {
    if (call.method !== 'eth_call' || proxy.noArchiveBelow === null) return false;
    const block = call.params?.[1];
    return typeof block === 'string' && block.startsWith('0x') && BigInt(block) < proxy.noArchiveBelow;
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const parsed = JSON.parse(body) as JsonRpcRequest | JsonRpcRequest[];
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    for (const call of calls) proxy.requests.push({ method: call.method, params: call.params ?? [] });
    const reply = (payload: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (!Array.isArray(parsed) && refuses(parsed)) {
      return reply({ jsonrpc: '2.0', id: parsed.id, error: MISSING_TRIE_NODE });
    }
    const upstream = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return proxy;
}
