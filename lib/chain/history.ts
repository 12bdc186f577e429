import { ChainDoesNotSupportContract, type Abi, type Address, type PublicClient } from 'viem';
import { shortError, type CallResult, type ContractCall } from './calls';
import { WAD } from './units';

/*
 * Realized yield from the chain itself: the growth of a protocol's redemption rate between now and
 * a block 7 or 30 days back, read with historical eth_call. The past block is found by its
 * timestamp, never by assuming a block time: L2s differ, mainnet misses slots, and a local chain
 * may carry weeks in a few hundred sparse blocks.
 */

export interface RateCall {
  symbol: string;
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  /** ankrETH-style inverse rate */
  inverse?: boolean;
}

export interface YieldWindow {
  days: number;
  aprBps: number | null;
  fromBlock: string | null;
  fromTimestamp: number | null;
  reason: string | null;
}

export interface RealizedYield {
  symbol: string;
  toBlock: string;
  toTimestamp: number;
  windows: YieldWindow[];
}

export interface BlockTime {
  number: bigint;
  timestamp: number;
}

const DAY_SECONDS = 86_400;
const YEAR_SECONDS = 365 * DAY_SECONDS;
const DEFAULT_WINDOWS_DAYS = [7, 30];
/** Interpolation lands within a few blocks on real chains; this only bounds pathological ones. */
const DEFAULT_MAX_READS = 24;
/**
 * When the read cap stops a search early, the best block found so far is still at or before the
 * target; within this distance it is good enough, since the APR uses the blocks' actual timestamps.
 */
const NEAR_ENOUGH_SECONDS = 3_600;
/** A realized APR outside these bounds is a broken read or an exceptional event, not a yield. */
export const APR_BOUNDS_BPS = { min: -5_000, max: 10_000 } as const;

/**
 * What nodes answer when they no longer hold the state of an old block. Full (non-archive) nodes
 * keep only recent state (geth: 128 blocks), so a historical eth_call fails with one of these
 * rather than returning a wrong number. Matched against every message in the error's cause chain;
 * `when` narrows a pattern that also matches unrelated failures.
 */
export const ARCHIVE_ERROR_PATTERNS: readonly { source: string; pattern: RegExp; when?: (match: RegExpMatchArray) => boolean }[] = [
  // geth (hash scheme), erigon, bsc and the hosted RPCs in front of them
  { source: 'geth', pattern: /missing trie node/i },
  // geth (path scheme): "historical state 0x… is not available"; also "state 0x… is not available"
  { source: 'geth', pattern: /\bstate\b[^;]{0,90}?\b(?:is )?(?:not available|unavailable)\b/i },
  // geth: "required historical state unavailable (reexec=128)"
  { source: 'geth', pattern: /historical state unavailable/i },
  // geth, Infura: the node dropped even the header of that block
  { source: 'geth', pattern: /header not found/i },
  // reth "state at block #N is pruned", nethermind / erigon "... has been pruned"
  { source: 'reth', pattern: /\bpruned\b/i },
  // nethermind: "No state available for block 0x…"
  { source: 'nethermind', pattern: /no state (?:available|found) for/i },
  // hosted RPCs on plans without history: "... requires an archive node", "archive data"
  { source: 'hosted', pattern: /\barchive\b/i },
  // anvil --prune-history: "BlockOutOfRangeError: block height is 1064 but requested was 1001";
  // a block above the height is a lagging node instead, not missing history.
  {
    source: 'anvil',
    pattern: /block height is (\d+) but requested was (\d+)/i,
    when: (m) => BigInt(m[2]!) < BigInt(m[1]!),
  },
];

/** Every message an error carries, down its `cause` chain (viem nests the node's words in `details`). */
function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    if (typeof current === 'string') {
      texts.push(current);
      break;
    }
    const e = current as { message?: unknown; details?: unknown; shortMessage?: unknown; cause?: unknown };
    for (const text of [e.details, e.shortMessage, e.message]) if (typeof text === 'string') texts.push(text);
    current = e.cause;
  }
  return texts;
}

/** True when the error says the node has no state for the requested (old) block. */
export function isArchiveError(error: unknown): boolean {
  return errorTexts(error).some((text) =>
    ARCHIVE_ERROR_PATTERNS.some(({ pattern, when }) => {
      const match = text.match(pattern);
      return match !== null && (when ? when(match) : true);
    }),
  );
}

function day(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/**
 * Header timestamps read during one top-level call: a later search (the 30-day window) starts from
 * the bracket the earlier one (7 days) already learned instead of from the chain's ends.
 */
export class HeaderCache {
  private readonly known = new Map<bigint, number>();
  private first: BlockTime | null = null;
  /** Header reads made (eth_getBlockByNumber), for tests and the bench. */
  reads = 0;

  constructor(private readonly client: PublicClient) {}

  remember(header: BlockTime): BlockTime {
    this.known.set(header.number, header.timestamp);
    return header;
  }

  async at(number: bigint): Promise<BlockTime> {
    const timestamp = this.known.get(number);
    if (timestamp !== undefined) return { number, timestamp };
    this.reads++;
    try {
      const block = await this.client.getBlock({ blockNumber: number });
      return this.remember({ number, timestamp: Number(block.timestamp) });
    } catch (error) {
      throw new Error(`reading the header of block ${number}: ${shortError(error)}`, { cause: error });
    }
  }

  async latest(): Promise<BlockTime> {
    this.reads++;
    try {
      const block = await this.client.getBlock({ blockTag: 'latest' });
      return this.remember({ number: block.number, timestamp: Number(block.timestamp) });
    } catch (error) {
      throw new Error(`reading the latest block header: ${shortError(error)}`, { cause: error });
    }
  }

  /** The chain's first block: block 0, or a fresh node's genesis at whatever number it started. */
  get earliestKnown(): BlockTime | null {
    return this.first;
  }

  async earliest(): Promise<BlockTime> {
    if (this.first) return this.first;
    this.reads++;
    try {
      const block = await this.client.getBlock({ blockTag: 'earliest' });
      this.first = this.remember({ number: block.number, timestamp: Number(block.timestamp) });
      return this.first;
    } catch (error) {
      throw new Error(`reading the chain's first block header: ${shortError(error)}`, { cause: error });
    }
  }

  /** The nearest known headers on each side of `target`: lo.timestamp ≤ target < hi.timestamp. */
  bracket(target: number): { lo: BlockTime | null; hi: BlockTime | null } {
    let lo: BlockTime | null = null;
    let hi: BlockTime | null = null;
    for (const [number, timestamp] of this.known) {
      if (timestamp <= target) {
        if (!lo || number > lo.number) lo = { number, timestamp };
      } else if (!hi || number < hi.number) {
        hi = { number, timestamp };
      }
    }
    return { lo, hi };
  }
}

/**
 * The block the line through two headers puts at `target`. Timestamps are whole seconds and fast
 * chains (Arbitrum, a local node) stamp several blocks with the same second: the answer is the last
 * of them, so aim where the next second would begin, rounded down.
 */
function interpolate(a: BlockTime, b: BlockTime, target: number): bigint | null {
  if (a.timestamp === b.timestamp || a.number === b.number) return null;
  const blocksPerSecond = Number(b.number - a.number) / (b.timestamp - a.timestamp);
  const offset = Math.floor((target + 1 - b.timestamp) * blocksPerSecond);
  return Number.isFinite(offset) ? b.number + BigInt(offset) : null;
}

const clamp = (n: bigint, min: bigint, max: bigint) => (n < min ? min : n > max ? max : n);

/**
 * Where the next probe may go so that, with `left` reads (this one included), bisection could still
 * close the bracket: both parts it leaves must be at most 2^(left − 1) blocks. When even that cannot
 * be met (a bracket wider than 2^left) there is no guarantee to keep, so any probe is allowed.
 */
function keepBisectable(lo: bigint, hi: bigint, left: number): [bigint, bigint] {
  const half = 1n << BigInt(Math.max(0, left - 1));
  if (hi - lo > 2n * half) return [lo + 1n, hi - 1n];
  return [hi - half, lo + half];
}

async function searchBlock(
  headers: HeaderCache,
  target: number,
  latest: BlockTime,
  maxReads: number,
): Promise<BlockTime | { reason: string }> {
  if (target >= latest.timestamp) return latest;
  let reads = 0;
  let { lo, hi } = headers.bracket(target);
  if (!lo) {
    if (reads >= maxReads) return { reason: `no block found for ${day(target)} within ${maxReads} header reads` };
    if (!headers.earliestKnown) reads++;
    const first = await headers.earliest();
    if (target < first.timestamp) {
      return { reason: `${day(target)} is before this chain's first block (#${first.number}, ${day(first.timestamp)})` };
    }
    lo = first;
  }
  hi ??= latest;

  // Interpolation (secant through the last two headers read, so the block time used is the local
  // one, not the chain-lifetime average) lands within a few blocks on real chains. Skewed histories
  // (a burst of blocks in one second, then weeks-long gaps) can make it crawl from one side, so each
  // probe is kept close enough to the middle that bisecting the rest still ends within the reads
  // left; far from the cap this leaves interpolation free.
  let a = lo;
  let b = hi;
  while (hi.number - lo.number > 1n) {
    if (reads >= maxReads) break;
    const estimate = interpolate(a, b, target) ?? interpolate(lo, hi, target) ?? (lo.number + hi.number) / 2n;
    const guess = clamp(clamp(estimate, lo.number + 1n, hi.number - 1n), ...keepBisectable(lo.number, hi.number, maxReads - reads));
    reads++;
    const header = await headers.at(guess);
    if (header.timestamp <= target) lo = header;
    else hi = header;
    [a, b] = [b, header];
  }
  if (hi.number - lo.number <= 1n || target - lo.timestamp <= NEAR_ENOUGH_SECONDS) return lo;
  return { reason: `no block found for ${day(target)} within ${maxReads} header reads (narrowed to blocks ${lo.number}–${hi.number})` };
}

/**
 * The last block with timestamp ≤ `timestamp`, found by reading block headers: interpolation from
 * the average block time between known headers, pulled toward bisection as the reads run out, at
 * most `maxReads` header reads (the latest and first block included when they are not given).
 */
export async function findBlockAtOrBefore(
  client: PublicClient,
  timestamp: number,
  options: { latest?: { number: bigint; timestamp: number }; maxReads?: number; /** shared across searches of one call (peg history) */ headers?: HeaderCache } = {},
): Promise<{ number: bigint; timestamp: number } | { reason: string }> {
  const maxReads = options.maxReads ?? DEFAULT_MAX_READS;
  const headers = options.headers ?? new HeaderCache(client);
  let latest = options.latest ? headers.remember(options.latest) : null;
  if (!latest) {
    if (maxReads < 1) return { reason: `no block found for ${day(timestamp)} within ${maxReads} header reads` };
    latest = await headers.latest();
  }
  return searchBlock(headers, timestamp, latest, maxReads - (options.latest ? 0 : 1));
}

type RateRead = { ok: true; value: bigint } | { ok: false; reason: string };

/** Reads every rate at `block` in one Multicall3 eth_call; a failure becomes each call's reason. */
async function readRates(client: PublicClient, calls: RateCall[], block: BlockTime): Promise<RateRead[]> {
  const failAll = (reason: string): RateRead[] => calls.map(() => ({ ok: false, reason }));
  const noArchive = `this RPC has no archive state for ${day(block.timestamp)}: realized yield needs an archive node`;
  // viem refuses to multicall below the chain's Multicall3 `blockCreated`; say why instead of its error.
  const created = client.chain?.contracts?.multicall3?.blockCreated;
  if (created !== undefined && block.number < BigInt(created)) {
    return failAll(`history before Multicall3 deployment is not readable (block ${block.number}, Multicall3 from ${created})`);
  }
  const contracts: ContractCall[] = calls.map(({ address, abi, functionName, args }) => ({ address, abi, functionName, args }));
  let results: CallResult[];
  try {
    // batchSize 0: never split, so each past block costs exactly one eth_call for all tokens.
    results = (await client.multicall({ contracts, allowFailure: true, blockNumber: block.number, batchSize: 0 })) as CallResult[];
  } catch (error) {
    if (error instanceof ChainDoesNotSupportContract) return failAll('history before Multicall3 deployment is not readable');
    return failAll(isArchiveError(error) ? noArchive : `reading rates at block ${block.number} failed: ${shortError(error)}`);
  }
  return results.map((result, i): RateRead => {
    const call = calls[i]!;
    if (result.status === 'failure') {
      if (isArchiveError(result.error)) return { ok: false, reason: noArchive };
      return { ok: false, reason: `${call.symbol} ${call.functionName}() at block ${block.number} failed: ${shortError(result.error)}` };
    }
    if (typeof result.result !== 'bigint') {
      return { ok: false, reason: `${call.symbol} ${call.functionName}() returned ${typeof result.result}, not a uint256` };
    }
    if (!call.inverse) return { ok: true, value: result.result };
    if (result.result === 0n) return { ok: false, reason: `${call.symbol} ${call.functionName}() returned 0 at block ${block.number}` };
    // The call gives tokens per ETH; yield is the growth of ETH per token.
    return { ok: true, value: (WAD * WAD) / result.result };
  });
}

/** (now / past − 1) × year / elapsed, in bps, rounded half away from zero; exact in bigint. */
function annualizedBps(now: bigint, past: bigint, elapsedSeconds: number): number {
  const numerator = (now - past) * 10_000n * BigInt(YEAR_SECONDS) * 2n;
  const denominator = past * BigInt(elapsedSeconds);
  const twice = numerator / denominator;
  return Number(twice >= 0n ? (twice + 1n) / 2n : (twice - 1n) / 2n);
}

function windowFor(days: number, symbol: string, now: RateRead, past: RateRead, from: BlockTime, to: BlockTime): YieldWindow {
  const base = { days, fromBlock: from.number.toString(), fromTimestamp: from.timestamp };
  const unavailable = (reason: string): YieldWindow => ({ ...base, aprBps: null, reason });
  if (!now.ok) return unavailable(now.reason);
  if (!past.ok) return unavailable(past.reason);
  if (past.value === 0n) return unavailable(`${symbol} rate at block ${from.number} (${day(from.timestamp)}) was 0: no base to grow from`);
  const elapsed = to.timestamp - from.timestamp;
  if (elapsed <= 0) return unavailable(`block ${from.number} is not older than block ${to.number}`);
  const apr = annualizedBps(now.value, past.value, elapsed);
  if (apr < APR_BOUNDS_BPS.min || apr > APR_BOUNDS_BPS.max) {
    return unavailable(
      `${symbol} rate moved ${(apr / 100).toFixed(2)}% a year over ${days} d, outside the plausible ` +
        `${APR_BOUNDS_BPS.min / 100}%…+${APR_BOUNDS_BPS.max / 100}%`,
    );
  }
  return { ...base, aprBps: apr, reason: null };
}

/**
 * Realized APR of each rate over each window (default 7 and 30 days): the rates now and at the
 * last block at or before now − window, with the actual seconds between the two blocks. One
 * Multicall3 eth_call per block read; what cannot be read is a window with a reason, not a number.
 */
export async function readRealizedYield(
  client: PublicClient,
  calls: RateCall[],
  options: { windowsDays?: number[]; now?: { number: bigint; timestamp: number } } = {},
): Promise<RealizedYield[]> {
  const headers = new HeaderCache(client);
  const to = options.now ? headers.remember(options.now) : await headers.latest();
  if (calls.length === 0) return [];
  const current = await readRates(client, calls, to);
  const windows = calls.map((): YieldWindow[] => []);

  const pastReads = new Map<bigint, Promise<RateRead[]>>();
  for (const days of options.windowsDays ?? DEFAULT_WINDOWS_DAYS) {
    const target = to.timestamp - days * DAY_SECONDS;
    let from: BlockTime | { reason: string };
    try {
      from = await searchBlock(headers, target, to, DEFAULT_MAX_READS);
    } catch (error) {
      from = { reason: `could not find the block for ${day(target)}: ${shortError(error)}` };
    }
    if ('reason' in from) {
      const reason = from.reason;
      for (const list of windows) list.push({ days, aprBps: null, fromBlock: null, fromTimestamp: null, reason });
      continue;
    }
    const at = from;
    // Two windows can land on the same block on a sparse chain: read it once.
    let past = pastReads.get(at.number);
    if (!past) pastReads.set(at.number, (past = readRates(client, calls, at)));
    const rates = await past;
    calls.forEach((call, i) => windows[i]!.push(windowFor(days, call.symbol, current[i]!, rates[i]!, at, to)));
  }

  return calls.map((call, i) => ({
    symbol: call.symbol,
    toBlock: to.number.toString(),
    toTimestamp: to.timestamp,
    windows: windows[i]!,
  }));
}

/** When a stored value (rsETH's `rsETHPrice()`) last changed, as far as `from` reaches back. */
export type LastChange =
  | { number: bigint; timestamp: number; /** true: unchanged since `from` at least */ atLeast: boolean }
  | { reason: string };

/**
 * Finds the block where a stored value took the value it holds at `to`, by bisection between
 * `from` and `to` (a stored rate only moves forward, so its values do not repeat). When it already
 * held that value at `from`, says so: unchanged for at least that long.
 */
export async function findLastChange(client: PublicClient, call: RateCall, from: BlockTime, to: BlockTime, maxReads = 24): Promise<LastChange> {
  const read = (blockNumber: bigint) =>
    client.readContract({ address: call.address, abi: call.abi, functionName: call.functionName, args: call.args, blockNumber } as never) as Promise<bigint>;
  try {
    const now = await read(to.number);
    if ((await read(from.number)) === now) return { number: from.number, timestamp: from.timestamp, atLeast: true };
    let lo = from.number; // holds another value
    let hi = to.number; // holds the current value
    for (let reads = 2; hi - lo > 1n && reads < maxReads; reads++) {
      const mid = (lo + hi) / 2n;
      if ((await read(mid)) === now) hi = mid;
      else lo = mid;
    }
    const block = await client.getBlock({ blockNumber: hi });
    // If the read cap stopped the search early, the change happened at or before `hi`: a lower bound on its age.
    return { number: hi, timestamp: Number(block.timestamp), atLeast: hi - lo > 1n };
  } catch (error) {
    return { reason: isArchiveError(error) ? `this RPC has no archive state for ${day(from.timestamp)}` : shortError(error) };
  }
}
