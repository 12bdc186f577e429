import { createPublicClient, http, type Chain, type PublicClient } from 'viem';
import { mainnet } from 'viem/chains';
import type { TokenEntry } from '../tokens/schema';
import { multicall3Abi } from './abis';
import { MAX_BLOCK_LAG_SECONDS } from './bounds';
import { CallBatch, shortError, valueOf, type CallResult } from './calls';
import type { Figures } from './figures';
import { planToken, type TokenReadContext } from './plan';

const CHAINS: Record<number, Chain> = { 1: mainnet };
const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';
const TIMEOUT_MS = 8_000;

/** A read that failed on every endpoint, with what each one said. */
export class ChainReadError extends Error {
  constructor(
    readonly chainId: number,
    readonly attempts: string[],
  ) {
    super(`chain ${chainId}: ${attempts.length ? attempts.join('; ') : 'no RPC endpoint configured'}`);
    this.name = 'ChainReadError';
  }
}

const clients = new Map<string, PublicClient>();
/** Endpoints whose eth_chainId we checked, for the life of this worker. */
const verifiedChain = new Map<string, number>();

function clientFor(chainId: number, url: string): PublicClient {
  const key = `${chainId} ${url}`;
  let client = clients.get(key);
  if (!client) {
    const chain = CHAINS[chainId];
    if (!chain) throw new Error(`chain ${chainId} is not supported yet`);
    client = createPublicClient({ chain, transport: http(url, { timeout: TIMEOUT_MS, retryCount: 0 }) }) as PublicClient;
    clients.set(key, client);
  }
  return client;
}

/** Asks the endpoint which chain it serves: a wrong chain would give well-formed, wrong numbers. */
export async function checkChainId(client: PublicClient, chainId: number, url: string): Promise<void> {
  if (verifiedChain.get(url) === chainId) return;
  const served = await client.getChainId();
  if (served !== chainId) throw new Error(`serves chain ${served}, not ${chainId}`);
  verifiedChain.set(url, chainId);
}

export interface ChainRead {
  tokens: TokenEntry[];
  contexts: Record<string, TokenReadContext>;
}

/** Reads every figure of `tokens` on one chain in a single Multicall3 `eth_call`. */
export async function readChain(chainId: number, endpoints: string[], read: ChainRead): Promise<Figures[]> {
  const attempts: string[] = [];
  for (const url of endpoints) {
    const host = safeHost(url);
    try {
      const client = clientFor(chainId, url);
      await checkChainId(client, chainId, url);
      return await readOnce(client, host, read);
    } catch (error) {
      attempts.push(`${host}: ${shortError(error)}`);
    }
  }
  throw new ChainReadError(chainId, attempts);
}

async function readOnce(client: PublicClient, host: string, read: ChainRead): Promise<Figures[]> {
  const batch = new CallBatch();
  const blockNumber = batch.add({ address: MULTICALL3, abi: multicall3Abi, functionName: 'getBlockNumber' });
  const blockTime = batch.add({ address: MULTICALL3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' });
  const decoders = read.tokens.map((token) => planToken(token, batch, read.contexts[token.symbol] ?? {}));

  // batchSize 0: never split, so a refresh is exactly one eth_call per chain.
  const results = (await client.multicall({ contracts: batch.calls, allowFailure: true, batchSize: 0 })) as CallResult[];
  batch.settle(results);

  const number = valueOf<bigint>(blockNumber(), 'Multicall3.getBlockNumber()');
  const timestamp = valueOf<bigint>(blockTime(), 'Multicall3.getCurrentBlockTimestamp()');
  if (!number.ok) throw new Error(number.reason);
  if (!timestamp.ok) throw new Error(timestamp.reason);
  const block = { number: number.value, timestamp: Number(timestamp.value) };
  const readAt = Date.now();
  const lag = readAt / 1000 - block.timestamp;
  if (lag > MAX_BLOCK_LAG_SECONDS) {
    throw new Error(`newest block ${block.number} is ${Math.round(lag / 60)} min old: the node is not following the chain`);
  }
  return decoders.map((decode) => decode(block, readAt, host));
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}
