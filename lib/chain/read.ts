import { createPublicClient, http, type Chain, type PublicClient } from 'viem';
import { arbitrum, base, mainnet, optimism } from 'viem/chains';
import type { TokenEntry } from '../tokens/schema';
import { multicall3Abi } from './abis';
import { MAX_BLOCK_LAG_SECONDS } from './bounds';
import { CallBatch, httpStatusOf, shortError, valueOf, type CallResult } from './calls';
import type { Figures } from './figures';
import { findBlockAtOrBefore, findLastChange, isArchiveError, readRealizedYield, type RateCall, type RealizedYield } from './history';
import { planBridgedToken, planToken, type BlockInfo, type TokenDecoder, type TokenReadContext } from './plan';
import type { TokenYield } from './figures';
import { nextRateState, PERSISTENCE_SECONDS, type Evidence, type RateState } from './rate-trust';
import { judgedRead } from './redemption';
import { yieldRateCall } from './yield';

/** The chains Stakelens reads, with viem's Multicall3 address and deployment block for each. */
export const CHAINS: Record<number, Chain> = { 1: mainnet, 10: optimism, 8453: base, 42161: arbitrum };
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
  /** For bridged tokens on an L2: their home chain's figures (the redemption value and exit). */
  home?: Record<string, Figures | null>;
}

/**
 * Endpoints that answered HTTP 429 rest for a while: the wait doubles with each refusal (5 s up to
 * 5 min) and resets on success. In memory only: a restarted worker simply tries again.
 */
const backoff = new Map<string, { until: number; waitMs: number }>();
const BACKOFF_FIRST_MS = 5_000;
const BACKOFF_MAX_MS = 300_000;

function isRateLimited(error: unknown): boolean {
  return httpStatusOf(error) === 429 || /too many requests/i.test(shortError(error));
}

/**
 * Runs `work` against the chain's endpoints in order until one answers: each is asked its chain id
 * first, and one that refused with HTTP 429 rests before it is tried again.
 */
export async function withEndpoint<T>(
  chainId: number,
  endpoints: string[],
  work: (client: PublicClient, host: string) => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const attempts: string[] = [];
  for (const url of endpoints) {
    const host = safeHost(url);
    const resting = backoff.get(url);
    if (resting && resting.until > now) {
      attempts.push(`${host}: rate-limited (HTTP 429), resting ${Math.ceil((resting.until - now) / 1000)} s`);
      continue;
    }
    try {
      const client = clientFor(chainId, url);
      await checkChainId(client, chainId, url);
      const result = await work(client, host);
      backoff.delete(url);
      return result;
    } catch (error) {
      if (isRateLimited(error)) {
        const waitMs = Math.min(BACKOFF_MAX_MS, resting ? resting.waitMs * 2 : BACKOFF_FIRST_MS);
        backoff.set(url, { until: now + waitMs, waitMs });
      }
      attempts.push(`${host}: ${shortError(error)}`);
    }
  }
  throw new ChainReadError(chainId, attempts);
}

/** One token's figures, and the trust state to keep for its next read (undefined: nothing to keep, an L2). */
export interface ChainReadResult {
  figures: Figures;
  rateState?: RateState | null;
}

/**
 * Reads every figure of `tokens` on one chain in a single Multicall3 `eth_call`; a token whose
 * value moved past its bounds with no second source behind it costs one more, at an older block.
 */
export function readChain(chainId: number, endpoints: string[], read: ChainRead): Promise<ChainReadResult[]> {
  return withEndpoint(chainId, endpoints, (client, host) => readOnce(client, host, read));
}

/** For a stored rate: when it last changed, searched back to the oldest window's block. */
async function storedSince(client: PublicClient, token: TokenEntry, call: RateCall, result: RealizedYield | null): Promise<TokenYield['storedSince']> {
  if (token.redemption.kind !== 'call' || !token.redemption.stored || !result) return null;
  const oldest = [...result.windows].reverse().find((w) => w.fromBlock !== null && w.fromTimestamp !== null);
  if (!oldest) return { reason: 'no past block to search from' };
  const from = { number: BigInt(oldest.fromBlock!), timestamp: oldest.fromTimestamp! };
  const to = { number: BigInt(result.toBlock), timestamp: result.toTimestamp };
  const change = await findLastChange(client, call, from, to);
  return 'reason' in change ? change : { block: change.number.toString(), timestamp: change.timestamp, atLeast: change.atLeast };
}

/** Realized yield of `tokens` over 7 and 30 days: one historical Multicall3 call per window. */
export function readYields(chainId: number, endpoints: string[], tokens: TokenEntry[]): Promise<TokenYield[]> {
  return withEndpoint(chainId, endpoints, async (client) => {
    const calls = tokens.map((token) => ({ token, rate: yieldRateCall(token) }));
    const readable = calls.flatMap(({ rate }) => (rate.call ? [rate.call] : []));
    const results = readable.length ? await readRealizedYield(client, readable) : [];
    const readAt = Date.now();
    return Promise.all(
      calls.map(async ({ token, rate }): Promise<TokenYield> => {
        if (!rate.call) return { symbol: token.symbol, chainId, readAt, label: null, result: null, reason: rate.reason, storedSince: null };
        const result = results.find((r) => r.symbol === token.symbol) ?? null;
        return { symbol: token.symbol, chainId, readAt, label: rate.label, result, reason: result ? null : 'no result', storedSince: await storedSince(client, token, rate.call, result) };
      }),
    );
  });
}
async function readOnce(client: PublicClient, host: string, read: ChainRead): Promise<ChainReadResult[]> {
  const batch = new CallBatch();
  const blockNumber = batch.add({ address: MULTICALL3, abi: multicall3Abi, functionName: 'getBlockNumber' });
  const blockTime = batch.add({ address: MULTICALL3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' });
  const chainId = client.chain!.id;
  const decoders: TokenDecoder[] = read.tokens.map((token) =>
    chainId === token.homeChainId
      ? planToken(token, batch, read.contexts[token.symbol] ?? {})
      : planBridgedToken(token, chainId, batch, read.home?.[token.symbol] ?? null),
  );

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
  await readSecondRound(client, decoders, block.number);
  const reads = decoders.map((decode) => decode(block, readAt, host));

  // A move no second source backed: the same read at an older block may show the value stood.
  const wanting = reads.flatMap((r, i) => (r.judgement?.wantsPastRead ? [i] : []));
  if (wanting.length) {
    const states = wanting.map((i) => read.contexts[read.tokens[i]!.symbol]?.rateState ?? null);
    const past = await pastReads(client, wanting.map((i) => read.tokens[i]!), states, block);
    wanting.forEach((i, k) => (reads[i] = decoders[i]!(block, readAt, host, past[k])));
  }
  return reads.map((r, i) => {
    const token = read.tokens[i]!;
    if (chainId !== token.homeChainId) return { figures: r.figures };
    const state = read.contexts[token.symbol]?.rateState ?? null;
    return { figures: r.figures, rateState: r.judgement ? nextRateState(state, r.judgement, block) : state };
  });
}

/**
 * Reads that depend on the first batch (an LRT's EigenLayer allocations, per operator found there):
 * one more Multicall3 call, only when some token asks for it. It reads the newest block, not round
 * one's by number: behind a load balancer the next node may not have that block yet, and a read
 * pinned by number is also what a historical read looks like. Its failure leaves those reads
 * unavailable, with the reason, and every other figure as it was.
 */
async function readSecondRound(client: PublicClient, decoders: TokenDecoder[], afterBlock: bigint): Promise<void> {
  const rounds = decoders.flatMap((d) => (d.secondRound && !(d.carryFrom && d.secondRound.carry(d.carryFrom)) ? [d.secondRound] : []));
  const second = new CallBatch();
  rounds.forEach((r) => r.plan(second));
  if (!second.calls.length) return;
  try {
    second.settle((await client.multicall({ contracts: second.calls, allowFailure: true, batchSize: 0 })) as CallResult[]);
  } catch (error) {
    rounds.forEach((r) => r.failed(`the allocation read (a second multicall after block ${afterBlock}) failed: ${shortError(error)}`));
  }
}

/**
 * The judged read of each token at the last block at least PERSISTENCE_SECONDS before `block`
 * (one Multicall3 call for them all). A block from before the last trusted read proves nothing.
 */
async function pastReads(client: PublicClient, tokens: TokenEntry[], states: (RateState | null)[], block: BlockInfo): Promise<Evidence[]> {
  const evidence = (label: string, value: bigint | null, reason: string | null): Evidence => ({ label, kind: 'past-block', value, reason });
  const minutes = Math.round(PERSISTENCE_SECONDS / 60);
  const fail = (reason: string) => tokens.map(() => evidence(`the same read ${minutes} min earlier`, null, reason));
  let at: BlockInfo | { reason: string };
  try {
    at = await findBlockAtOrBefore(client, block.timestamp - PERSISTENCE_SECONDS, { latest: block, maxReads: 8 });
  } catch (error) {
    return fail(shortError(error));
  }
  if ('reason' in at || at.number >= block.number) return fail(`no block ${minutes} min older than block ${block.number} to read yet`);
  const past = at;
  const label = (token: TokenEntry) => `${judgedRead(token)!.label} at block ${past.number}, ${Math.round((block.timestamp - past.timestamp) / 60)} min earlier`;
  const batch = new CallBatch();
  const values = tokens.map((token) => judgedRead(token)!.plan(batch));
  try {
    const results = (await client.multicall({ contracts: batch.calls, allowFailure: true, blockNumber: past.number, batchSize: 0 })) as CallResult[];
    batch.settle(results);
  } catch (error) {
    return fail(isArchiveError(error) ? `this RPC has no state for block ${past.number}` : shortError(error));
  }
  return tokens.map((token, i) => {
    const trustedAt = states[i]?.blockNumber ? BigInt(states[i]!.blockNumber!) : null;
    if (trustedAt !== null && past.number <= trustedAt) return evidence(label(token), null, `block ${past.number} is not after the last trusted read (block ${trustedAt}): asked again later`);
    const got = values[i]!();
    return evidence(label(token), got.value, got.reason);
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}
