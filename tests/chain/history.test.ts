// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, type PublicClient } from 'viem';
import { mainnet } from 'viem/chains';
import {
  APR_BOUNDS_BPS,
  ARCHIVE_ERROR_PATTERNS,
  findBlockAtOrBefore,
  isArchiveError,
  readRealizedYield,
  type RateCall,
  type RealizedYield,
} from '../../lib/chain/history';
import { multicall3Abi, weethAbi, wstethAbi } from './abis';
import { startAnvil, type AnvilNode } from './anvil';
import { startPrunedAnvil } from './history-anvil';
import {
  DAY,
  DOUBLED,
  HOUR,
  LATE_FUNDED,
  WEETH_APR_BPS,
  WSTETH_APR_BPS,
  YEAR,
  lastAtOrBefore,
  writeHistory,
  type History,
} from './history-chain';
import { MISSING_TRIE_NODE, startHistoryProxy, type HistoryProxy } from './history-proxy';
import { ADDRESSES, seedMainnet } from './mainnet';

/*
 * Realized yield against a real anvil carrying 40 days of sparse history: the block searches are
 * checked against every header of the chain, the APRs against the growth written on chain.
 */

const WSTETH: RateCall = { symbol: 'wstETH', address: ADDRESSES.wsteth, abi: wstethAbi, functionName: 'stEthPerToken' };
const WEETH: RateCall = { symbol: 'weETH', address: ADDRESSES.weeth, abi: weethAbi, functionName: 'getRate' };
/** The same wstETH rate read the other way round (wstETH per stETH), as ankrETH publishes it. */
const WSTETH_INVERSE: RateCall = { ...WSTETH, symbol: 'wstETH inverse', functionName: 'tokensPerStEth', inverse: true };
const balanceOf = (symbol: string, address: `0x${string}`): RateCall => ({
  symbol,
  address: ADDRESSES.multicall3,
  abi: multicall3Abi,
  functionName: 'getEthBalance',
  args: [address],
});

const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

let node: AnvilNode;
let proxy: HistoryProxy;
let history: History;
let client: PublicClient;

beforeAll(async () => {
  node = await startAnvil();
  await seedMainnet(node.rpcUrl);
  history = await writeHistory(node.rpcUrl);
  proxy = await startHistoryProxy(node.rpcUrl);
  client = createPublicClient({ chain: mainnet, transport: http(proxy.url, { retryCount: 0 }) }) as PublicClient;
});
afterAll(async () => {
  await proxy?.stop();
  await node?.stop();
});

const latestBlock = () => history.blocks[history.blocks.length - 1]!;

describe('findBlockAtOrBefore on a sparse local chain', () => {
  it('builds the history it claims: dozens of blocks over 40 days, present in the future', () => {
    const steps = history.blocks.filter((b) => b.timestamp >= history.start);
    expect(steps.length).toBeGreaterThan(30);
    expect(steps.length).toBeLessThan(100);
    expect(latestBlock().timestamp - history.start).toBe(40 * DAY);
    expect(latestBlock().timestamp).toBeGreaterThan(Date.now() / 1000 + 39 * DAY);
  });

  it('finds exactly the right block for every timestamp and between every two blocks', async () => {
    let maxReads = 0;
    for (const [i, block] of history.blocks.entries()) {
      const next = history.blocks[i + 1];
      const targets = [block.timestamp];
      if (next && next.timestamp > block.timestamp + 1) targets.push(Math.floor((block.timestamp + next.timestamp) / 2));
      for (const target of targets) {
        proxy.reset();
        const found = await findBlockAtOrBefore(client, target);
        expect(found, `target ${target}`).toEqual(lastAtOrBefore(history, target));
        maxReads = Math.max(maxReads, proxy.count('eth_getBlockByNumber'));
        expect(proxy.requests.every((r) => r.method === 'eth_getBlockByNumber')).toBe(true);
      }
    }
    expect(maxReads).toBeLessThanOrEqual(24);
  });

  it('returns the latest block for a time after it, without reading more than the latest header', async () => {
    proxy.reset();
    expect(await findBlockAtOrBefore(client, latestBlock().timestamp + 5 * DAY)).toEqual(latestBlock());
    expect(proxy.count('eth_getBlockByNumber')).toBe(1);
    proxy.reset();
    expect(await findBlockAtOrBefore(client, latestBlock().timestamp + 1, { latest: latestBlock() })).toEqual(latestBlock());
    expect(proxy.requests).toHaveLength(0);
  });

  it('says a time before the first block is before it, instead of guessing', async () => {
    const found = await findBlockAtOrBefore(client, history.genesis.timestamp - 1);
    expect(found).toEqual({
      reason: `${day(history.genesis.timestamp - 1)} is before this chain's first block (#${history.genesis.number}, ${day(history.genesis.timestamp)})`,
    });
    // At genesis time exactly: the last of the blocks stamped with that second.
    expect(await findBlockAtOrBefore(client, history.genesis.timestamp)).toEqual(lastAtOrBefore(history, history.genesis.timestamp));
  });

  it('keeps to maxReads and never answers with a block after the target', async () => {
    const target = latestBlock().timestamp - 30 * DAY;
    for (const maxReads of [1, 2, 3, 4, 6]) {
      proxy.reset();
      const found = await findBlockAtOrBefore(client, target, { maxReads });
      expect(proxy.count('eth_getBlockByNumber')).toBeLessThanOrEqual(maxReads);
      if ('reason' in found) expect(found.reason).toMatch(/within \d+ header reads/);
      else expect(found.timestamp).toBeLessThanOrEqual(target);
    }
    proxy.reset();
    const found = await findBlockAtOrBefore(client, target, { latest: latestBlock() });
    expect(found).toEqual(lastAtOrBefore(history, target));
    // Header reads for the 30-day search on this chain (the first block included).
    console.info('header reads for the 30-day search on the sparse anvil chain:', proxy.count('eth_getBlockByNumber'));
    expect(proxy.count('eth_getBlockByNumber')).toBeLessThanOrEqual(8);
  });
});

describe('readRealizedYield on a sparse local chain', () => {
  const windowsOf = (results: RealizedYield[], symbol: string) => results.find((r) => r.symbol === symbol)!.windows;

  it('measures 7 d and 30 d APR over the actual seconds between the blocks, one eth_call per block', async () => {
    proxy.reset();
    const now = latestBlock();
    const results = await readRealizedYield(client, [WSTETH, WEETH, WSTETH_INVERSE], { now });

    // The present, then one eth_call per window for all three rates, each at its own block.
    const calls = proxy.requests.filter((r) => r.method === 'eth_call');
    const from = [7, 30].map((days) => lastAtOrBefore(history, now.timestamp - days * DAY)!);
    expect(calls.map((c) => BigInt(c.params[1] as string))).toEqual([now.number, from[0]!.number, from[1]!.number]);
    expect(proxy.requests.filter((r) => r.method !== 'eth_call' && r.method !== 'eth_getBlockByNumber')).toEqual([]);
    expect(proxy.count('eth_getBlockByNumber')).toBeLessThanOrEqual(2 * 24);

    for (const result of results) {
      expect(result.toBlock).toBe(now.number.toString());
      expect(result.toTimestamp).toBe(now.timestamp);
      expect(result.windows.map((w) => w.days)).toEqual([7, 30]);
      result.windows.forEach((w, i) => {
        expect(w.fromBlock).toBe(from[i]!.number.toString());
        expect(w.fromTimestamp).toBe(from[i]!.timestamp);
        expect(w.reason).toBeNull();
      });
    }
    for (const [symbol, apr] of [['wstETH', WSTETH_APR_BPS], ['weETH', WEETH_APR_BPS], ['wstETH inverse', WSTETH_APR_BPS]] as const) {
      for (const w of windowsOf(results, symbol)) expect(Math.abs(w.aprBps! - Number(apr)), `${symbol} ${w.days} d`).toBeLessThanOrEqual(2);
    }

    // The targets fall mid-gap on this chain, so dividing by the nominal 7 or 30 days would be wrong
    // by far more than 2 bps: the match above is the actual elapsed time at work.
    for (const [i, days] of [7, 30].entries()) {
      const elapsed = now.timestamp - from[i]!.timestamp;
      expect(elapsed - days * DAY).toBeGreaterThan(20 * HOUR);
      const growth = (Number(WSTETH_APR_BPS) * elapsed) / YEAR; // bps of growth the chain shows
      expect(Math.abs((growth * YEAR) / (days * DAY) - Number(WSTETH_APR_BPS))).toBeGreaterThan(10);
    }
  });

  it('reads the latest block itself when no `now` is given, and any window lengths', async () => {
    const results = await readRealizedYield(client, [WEETH], { windowsDays: [1, 14] });
    expect(results[0]!.toBlock).toBe(latestBlock().number.toString());
    for (const w of results[0]!.windows) {
      expect(w.fromBlock).toBe(lastAtOrBefore(history, latestBlock().timestamp - w.days * DAY)!.number.toString());
      expect(Math.abs(w.aprBps! - Number(WEETH_APR_BPS))).toBeLessThanOrEqual(2);
    }
  });

  it('shows a past rate of 0 and an implausible APR as unavailable, with the reason', async () => {
    const now = latestBlock();
    const results = await readRealizedYield(client, [WSTETH, balanceOf('late', LATE_FUNDED), balanceOf('doubled', DOUBLED)], { now });
    for (const w of windowsOf(results, 'late')) {
      expect(w.aprBps).toBeNull();
      expect(w.reason).toBe(`late rate at block ${w.fromBlock} (${day(w.fromTimestamp!)}) was 0: no base to grow from`);
    }
    for (const w of windowsOf(results, 'doubled')) {
      expect(w.aprBps).toBeNull();
      expect(w.reason).toMatch(new RegExp(`^doubled rate moved \\d+\\.\\d\\d% a year over ${w.days} d, outside the plausible -50%…\\+100%$`));
    }
    // The other token in the same batch is unaffected.
    for (const w of windowsOf(results, 'wstETH')) expect(Math.abs(w.aprBps! - Number(WSTETH_APR_BPS))).toBeLessThanOrEqual(2);
    expect(APR_BOUNDS_BPS).toEqual({ min: -5_000, max: 10_000 });
  });

  it('gives a reason for a window before the chain began, without a number', async () => {
    const results = await readRealizedYield(client, [WSTETH], { now: latestBlock(), windowsDays: [7, 45] });
    const [seven, old] = results[0]!.windows;
    expect(seven!.aprBps).not.toBeNull();
    expect(old).toMatchObject({ days: 45, aprBps: null, fromBlock: null, fromTimestamp: null });
    expect(old!.reason).toMatch(/is before this chain's first block/);
  });

  it('says history before Multicall3 deployment is not readable', async () => {
    const cutoff = lastAtOrBefore(history, history.start + 20 * DAY)!;
    const chain = { ...mainnet, contracts: { ...mainnet.contracts, multicall3: { ...mainnet.contracts.multicall3, blockCreated: Number(cutoff.number) } } };
    const late = createPublicClient({ chain, transport: http(proxy.url, { retryCount: 0 }) }) as PublicClient;
    proxy.reset();
    const results = await readRealizedYield(late, [WSTETH, WEETH], { now: latestBlock() });
    for (const result of results) {
      const [seven, thirty] = result.windows;
      expect(seven!.aprBps).not.toBeNull();
      expect(thirty!.aprBps).toBeNull();
      expect(thirty!.fromBlock).not.toBeNull();
      expect(thirty!.reason).toMatch(/^history before Multicall3 deployment is not readable/);
    }
    // Nothing was sent for the block Multicall3 could not serve.
    expect(proxy.count('eth_call')).toBe(2);
  });
});

describe('a node without archive state', () => {
  const noArchive = (t: number) => `this RPC has no archive state for ${day(t)}: realized yield needs an archive node`;

  it('gives the archive reason when historical eth_call answers "missing trie node"', async () => {
    const now = latestBlock();
    proxy.noArchiveBelow = now.number;
    try {
      const results = await readRealizedYield(client, [WSTETH, WEETH], { now });
      for (const result of results) {
        for (const w of result.windows) {
          expect(w.aprBps).toBeNull();
          expect(w.fromBlock).not.toBeNull();
          expect(w.reason).toBe(noArchive(w.fromTimestamp!));
        }
      }
    } finally {
      proxy.noArchiveBelow = null;
    }
  });

  it('gives the archive reason on a real anvil started with --prune-history', async () => {
    const pruned = await startPrunedAnvil();
    try {
      await seedMainnet(pruned.rpcUrl);
      const chainHistory = await writeHistory(pruned.rpcUrl);
      const prunedClient = createPublicClient({ chain: mainnet, transport: http(pruned.rpcUrl, { retryCount: 0 }) }) as PublicClient;
      const [result] = await readRealizedYield(prunedClient, [WSTETH]);
      expect(result!.toTimestamp).toBe(chainHistory.present);
      for (const w of result!.windows) {
        expect(w.aprBps).toBeNull();
        expect(w.reason).toBe(noArchive(w.fromTimestamp!));
      }
    } finally {
      await pruned.stop();
    }
  }, 60_000);
});

describe('isArchiveError', () => {
  // What nodes and hosted RPCs answer for state they no longer hold.
  const archive = [
    MISSING_TRIE_NODE.message,
    'missing trie node 7d1f8a1b09c3e0f2c6f4e7b7f0aa2c1f8e9d3b2a1c0f9e8d7c6b5a4938271605 (path ) <nil>',
    'historical state 0x4c2cbfa4d1a4d5e5b0dc36f5e1a3c1ac3f6b9e3c8c1d1b4f2d6e1b5c9a0f3e2d is not available',
    'required historical state unavailable (reexec=128)',
    'header not found',
    'state at block #19000000 is pruned',
    'No state available for block 0x9e5a1f4c3b2d',
    'state not available',
    'Your project ID does not have access to archive state',
    'This request requires an archive node. Upgrade your plan.',
    'BlockOutOfRangeError: block height is 1064 but requested was 1001',
  ];
  const other = [
    'execution reverted',
    'BlockOutOfRangeError: block height is 1064 but requested was 1071',
    'HTTP request failed. Status: 429',
    'unknown block',
    'invalid opcode: INVALID',
    'The request took too long to respond.',
    'nonce too low',
  ];

  it.each(archive)('recognizes %s', (message) => {
    expect(isArchiveError(message)).toBe(true);
    expect(isArchiveError(new Error(message))).toBe(true);
  });

  it.each(other)('does not take %s for missing history', (message) => {
    expect(isArchiveError(message)).toBe(false);
    expect(isArchiveError(new Error(message))).toBe(false);
  });

  it('looks down the cause chain, where viem keeps the node’s words', () => {
    const wrapped = new Error('ContractFunctionExecutionError: call failed', {
      cause: { shortMessage: 'Missing or invalid parameters.', details: MISSING_TRIE_NODE.message },
    });
    expect(isArchiveError(wrapped)).toBe(true);
    expect(ARCHIVE_ERROR_PATTERNS.length).toBeGreaterThan(5);
  });
});

/** A chain that exists only as a timestamp function, to count header reads on mainnet-sized history. */
function fakeChain(first: bigint, latest: bigint, timestampOf: (n: bigint) => number) {
  const reads: bigint[] = [];
  const client = {
    chain: mainnet,
    async getBlock({ blockNumber, blockTag }: { blockNumber?: bigint; blockTag?: 'earliest' | 'latest' }) {
      const number = blockTag === 'earliest' ? first : blockTag === 'latest' ? latest : blockNumber!;
      if (number < first || number > latest) throw new Error(`block ${number} not found`);
      reads.push(number);
      return { number, timestamp: BigInt(timestampOf(number)) };
    },
  } as unknown as PublicClient;
  /** The exact answer, by bisection over the function itself (no reads counted). */
  const answer = (target: number) => {
    let lo = first;
    let hi = latest;
    while (lo < hi) {
      const mid = (lo + hi + 1n) / 2n;
      if (timestampOf(mid) <= target) lo = mid;
      else hi = mid - 1n;
    }
    return { number: lo, timestamp: timestampOf(lo) };
  };
  return { client, reads, answer };
}

describe('findBlockAtOrBefore on synthetic long histories', () => {
  // Mainnet's shape: ~14.4 s proof-of-work blocks with drift until the merge, then 12 s slots with
  // 0–3% missed, varying over time.
  const MERGE_BLOCK = 15_537_394n;
  const MERGE_TIME = 1_663_224_179;
  const GENESIS_TIME = 1_438_269_973;
  const LATEST = 24_000_000n;
  const CHUNK = 1_000;
  const missedPerChunk: number[] = [0];
  let seed = 7;
  for (let i = 0; i < Number(LATEST - MERGE_BLOCK) / CHUNK + 2; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    missedPerChunk.push(missedPerChunk[i]! + (seed % 31));
  }
  const pace = (MERGE_TIME - GENESIS_TIME - 20) / Number(MERGE_BLOCK);
  const mainnetTime = (n: bigint): number => {
    if (n <= MERGE_BLOCK) return GENESIS_TIME + Math.floor(Number(n) * pace + 4 * Math.sin(Number(n) / 777));
    const k = Number(n - MERGE_BLOCK);
    const chunk = Math.floor(k / CHUNK);
    const missed = missedPerChunk[chunk]! + Math.floor(((k % CHUNK) * (missedPerChunk[chunk + 1]! - missedPerChunk[chunk]!)) / CHUNK);
    return MERGE_TIME + 12 * (k + missed);
  };

  it('finds the exact block 7 and 30 days (and years) back on a mainnet-shaped chain in a few reads', async () => {
    const chain = fakeChain(0n, LATEST, mainnetTime);
    const now = { number: LATEST, timestamp: mainnetTime(LATEST) };
    const readsFor: Record<string, number> = {};
    for (const [label, back] of [['1d', DAY], ['7d', 7 * DAY], ['30d', 30 * DAY], ['30d+7s', 30 * DAY + 7], ['1y', YEAR], ['pre-merge', 6 * YEAR]] as const) {
      chain.reads.length = 0;
      const target = now.timestamp - back;
      expect(await findBlockAtOrBefore(chain.client, target, { latest: now }), label).toEqual(chain.answer(target));
      readsFor[label] = chain.reads.length;
    }
    console.info('header reads per search on a mainnet-shaped chain:', JSON.stringify(readsFor));
    expect(readsFor['30d']).toBeLessThanOrEqual(8);
    for (const reads of Object.values(readsFor)) expect(reads).toBeLessThanOrEqual(24);
  });

  it('stays exact within the cap on a skewed history (a million blocks in 1000 s, then hourly blocks)', async () => {
    const skewed = (n: bigint): number => (n < 1_000_000n ? Number(n / 1_000n) : 1_000 + Number(n - 999_999n) * HOUR);
    const chain = fakeChain(0n, 1_001_000n, skewed);
    for (const target of [0, 1, 500, 999, 1_000, 1_000 + HOUR, 1_000 + 400 * HOUR + 5, 1_000 + 1_000 * HOUR - 1]) {
      chain.reads.length = 0;
      expect(await findBlockAtOrBefore(chain.client, target), `target ${target}`).toEqual(chain.answer(target));
      expect(chain.reads.length, `target ${target}`).toBeLessThanOrEqual(24);
    }
  });
});
