import { ChainDoesNotSupportContract, type PublicClient } from 'viem';
import type { TokenEntry } from '../tokens/schema';
import { checkMarkets } from './bounds';
import { CallBatch, shortError, type CallResult } from './calls';
import type { MarketReading } from './figures';
import { findBlockAtOrBefore, HeaderCache, isArchiveError, type BlockTime } from './history';
import { planMarket, type MarketPlan } from './market';
import { pegOf } from './plan';
import { judgeRate, type RateState } from './rate-trust';
import { judgedRead, planConfirmers, planRedemption } from './redemption';
import { WAD } from './units';
import { NO_ARCHIVE_REASON, type PegPoint, type PegSeries } from './peg-points';

export { NO_ARCHIVE_REASON, pegPointSchema, pegSeriesSchema, type PegPoint, type PegSeries } from './peg-points';
export { plottedPeg, worstDepeg, yieldCurve, type YieldPoint } from './peg-view';

/*
 * The peg over the last 30 days, as points read at past blocks: at each point, the block found by its
 * timestamp (lib/chain/history.ts), and at that block the same market and redemption reads the live
 * read makes (lib/chain/plan.ts planToken: planRedemption, the judged read and its confirmers,
 * planMarket per source), decoded with the same bounds (judgeRate, checkMarkets, pegOf). It is a
 * leaner plan than planToken, not another one: the exit, instant road, pauses, escrows, bridge
 * routes, restaking and the sell quotes are live facts with no place in a peg history, and the
 * quotes alone are three calls per venue per point.
 *
 * One Multicall3 eth_call per point block, for every token of the chain that needs that point.
 *
 * The schedule is a grid in UTC, so that a later call finds the points it already has: every
 * midnight of the window (30 days: a point a day), every 6 hours over the last 48 hours, and the
 * newest block. Why 6 h near now: a depeg that matters resolves in hours to days (ezETH in April
 * 2024 recovered most of its fall within hours; stETH in June 2022 took weeks), so a day's grid
 * alone would miss the first of them while it happens; 8 points over two days show its shape for
 * 8 eth_calls, where an hourly grid would cost 48. A point whose time is older than
 * FINAL_AFTER_SECONDS before the newest block is final (its block cannot change but by a reorg
 * deeper than any chain here sees) and is never read again; newer ones are read again each time.
 */

export const WINDOW_DAYS = 30;
export const NEAR_NOW_HOURS = 48;
export const NEAR_NOW_STEP_HOURS = 6;
/** A point this much older than the newest block is final. */
export const FINAL_AFTER_SECONDS = 3_600;
/** On an L2, the home chain's point counts for an L2 point this close in time (the newest points of two chains differ by seconds). */
export const HOME_MATCH_SECONDS = 3_600;
/** Header reads allowed for one point's block search. */
const SEARCH_MAX_READS = 24;

const DAY = 86_400;
const HOUR = 3_600;

/** What one extension cost: eth_calls at past blocks, header reads, and the points it read. */
export interface HistoryReads {
  calls: number;
  headers: number;
  points: number;
}

/**
 * The points of the window ending at `now` (unix seconds), oldest first: every UTC midnight after
 * now − windowDays, every NEAR_NOW_STEP_HOURS-aligned time after now − NEAR_NOW_HOURS, and now.
 */
export function pointSchedule(now: number, windowDays = WINDOW_DAYS): number[] {
  const start = now - windowDays * DAY;
  const slots = new Set<number>();
  for (let t = Math.ceil(start / DAY) * DAY; t <= now; t += DAY) slots.add(t);
  const step = NEAR_NOW_STEP_HOURS * HOUR;
  for (let t = Math.ceil((now - NEAR_NOW_HOURS * HOUR) / step) * step; t <= now; t += step) slots.add(t);
  slots.add(now);
  return [...slots].sort((a, b) => a - b);
}

/** The slots of `schedule` a stored series lacks: those it has no final point for. */
export function missingSlots(schedule: number[], stored: PegPoint[], now: number): number[] {
  const have = new Set(stored.filter((p) => isFinal(p, now)).map((p) => p.at));
  return schedule.filter((at) => !have.has(at));
}

function isFinal(point: PegPoint, now: number): boolean {
  return !point.live && point.at <= now - FINAL_AFTER_SECONDS;
}

/** The home chain's point for an L2 point's time: the same slot, or the nearest within HOME_MATCH_SECONDS. */
export function homePointFor(home: PegSeries | null | undefined, at: number): PegPoint | null {
  if (!home) return null;
  let best: PegPoint | null = null;
  for (const p of home.points) {
    const gap = Math.abs(p.at - at);
    if (gap <= HOME_MATCH_SECONDS && (!best || gap < Math.abs(best.at - at))) best = p;
  }
  return best;
}

type Decode = (block: BlockTime, state: RateState | null, at: number) => Omit<PegPoint, 'at' | 'live'>;

/** Adds one home-chain token's peg reads at a block to the batch. */
function planHomePeg(token: TokenEntry, batch: CallBatch): Decode {
  const judged = judgedRead(token);
  const pegged = token.redemption.kind === 'pegged';
  const rateRead = planRedemption(token.redemption, batch);
  const judgedValue = pegged ? (judged?.plan(batch) ?? null) : rateRead;
  const evidence = planConfirmers(token.confirmers, batch);
  // No sell sizes: the price reads only.
  const markets = token.market.map((source) => planMarket(token, source, batch, [], token.rateHint));
  return (block, state) => {
    let trusted: bigint | null = null;
    let reason: string | null = null;
    if (judged && judgedValue) {
      const raw = judgedValue();
      if (raw.value === null) reason = raw.reason;
      else {
        const judgement = judgeRate({ label: judged.label, protocol: token.protocol, bounds: judged.bounds, read: raw.value, block, state, evidence: evidence(block.timestamp) });
        trusted = judgement.value;
        reason = judgement.reason;
      }
    }
    const rate = pegged ? WAD : trusted;
    return decodePeg(block, markets, rate, pegged ? null : reason, trusted);
  };
}

/** Adds one bridged deployment's market reads at a block; the redemption value is the home chain's at the same time. */
function planBridgedPeg(token: TokenEntry, chainId: number, batch: CallBatch, home: HomeLookup): Decode {
  const deployment = token.deployments.find((d) => d.chainId === chainId)!;
  const markets = deployment.market.map((source) => planMarket(token, source, batch, [], token.rateHint, chainId));
  return (block, _state, at) => {
    const { point: homePoint, reason: homeReason } = home(at);
    const rate = homePoint?.redemption ? BigInt(homePoint.redemption) : null;
    const why = homePoint ? (homePoint.reason ?? 'unavailable') : (homeReason ?? 'no point was read there for this time');
    return decodePeg(block, markets, rate, rate === null ? `on Ethereum, ${why}` : null, homePoint?.rate ? BigInt(homePoint.rate) : null);
  };
}

function decodePeg(block: BlockTime, markets: MarketPlan[], rate: bigint | null, rateReason: string | null, growth: bigint | null): Omit<PegPoint, 'at' | 'live'> {
  const readings: MarketReading[] = checkMarkets(markets.flatMap((m) => m.readings({ rate, blockTimestamp: block.timestamp })), rate);
  const peg = pegOf(readings, rate, rateReason);
  const chosen = readings.find((r) => r.id === peg.sourceId);
  return {
    timestamp: block.timestamp,
    block: block.number.toString(),
    pegBps: peg.bps,
    redemption: rate?.toString() ?? null,
    market: peg.market,
    source: chosen?.label ?? null,
    rate: growth?.toString() ?? null,
    reason: peg.reason,
  };
}

export interface ExtendOptions {
  /** Home-chain series of bridged tokens (chainId ≠ token.homeChainId), extended first. */
  home?: Record<string, PegSeries | null>;
  windowDays?: number;
  /** The newest block, when the caller already has it. */
  latest?: BlockTime;
  now?: () => number;
  /**
   * Called with the series so far (marked incomplete) every PROGRESS_EVERY reads: a cold window is
   * dozens of reads, and a service worker stopped midway keeps what it had read.
   */
  onProgress?: (series: PegSeries[]) => Promise<void>;
}

/** Reads between two onProgress calls. */
export const PROGRESS_EVERY = 8;

class NoArchive extends Error {}

/** The home chain's point for a time, or why there is none (the home series' own reason). */
type HomeLookup = (at: number) => { point: PegPoint | null; reason: string | null };

/** One token's results at one block, decoded for a slot (its time, and the trusted rate before it). */
type BlockDecode = (state: RateState | null, at: number) => Omit<PegPoint, 'at' | 'live'>;

/**
 * Extends each token's stored series on this chain to the window ending at the newest block: only
 * the slots it has no final point for are read (cold: the whole schedule; a day later: that day's
 * new slots and the near-now ones), one Multicall3 eth_call per distinct block for every token that
 * needs it; points outside the window are dropped. An RPC without archive state gives every series
 * NO_ARCHIVE_REASON instead of points.
 */
export async function extendPegHistory(
  client: PublicClient,
  chainId: number,
  tokens: TokenEntry[],
  stored: Record<string, PegSeries | null>,
  options: ExtendOptions = {},
): Promise<{ series: PegSeries[]; reads: HistoryReads }> {
  const windowDays = options.windowDays ?? WINDOW_DAYS;
  const now = options.now ?? Date.now;
  const headers = new HeaderCache(client);
  const latest = options.latest ? headers.remember(options.latest) : await headers.latest();
  const schedule = pointSchedule(latest.timestamp, windowDays);
  const reads: HistoryReads = { calls: 0, headers: 0, points: 0 };

  // What each token keeps (final points still in the schedule) and what it needs read.
  const inSchedule = new Set(schedule);
  const kept = new Map<string, PegPoint[]>();
  const needs = new Map<number, TokenEntry[]>();
  const marketsOf = (token: TokenEntry) => (chainId === token.homeChainId ? token.market : (token.deployments.find((d) => d.chainId === chainId)?.market ?? []));
  for (const token of tokens) {
    const previous = stored[token.symbol];
    const usable = previous && !previous.reason ? previous.points : [];
    const keep = usable.filter((p) => isFinal(p, latest.timestamp) && inSchedule.has(p.at));
    kept.set(token.symbol, keep);
    // Nothing to draw without a market: no reads for it.
    if (!marketsOf(token).length) continue;
    for (const at of missingSlots(schedule, keep, latest.timestamp)) needs.set(at, [...(needs.get(at) ?? []), token]);
  }
  const slots = [...needs.keys()].sort((a, b) => a - b);

  // Oldest first: an RPC without archive state says so at the first past block, for one call.
  const created = client.chain?.contracts?.multicall3?.blockCreated;
  const byBlock = new Map<bigint, Map<string, BlockDecode>>();
  const fresh = new Map<string, PegPoint[]>(tokens.map((t) => [t.symbol, []]));
  const homeOf = (symbol: string): HomeLookup => (at) => {
    const series = options.home?.[symbol];
    return { point: homePointFor(series, at), reason: series?.reason ?? series?.error ?? null };
  };
  let archiveMissing = false;
  try {
    for (const at of slots) {
      const wanting = needs.get(at)!;
      const live = at === latest.timestamp;
      reads.points += wanting.length;
      let block: BlockTime | { reason: string };
      try {
        block = await findBlockAtOrBefore(client, at, { latest, headers, maxReads: SEARCH_MAX_READS });
      } catch (error) {
        block = { reason: `could not find the block for ${isoMinute(at)}: ${shortError(error)}` };
      }
      if ('reason' in block) {
        const reason = block.reason;
        for (const t of wanting) fresh.get(t.symbol)!.push(emptyPoint(at, live, reason));
        continue;
      }
      const found = block;
      if (created !== undefined && found.number < BigInt(created)) {
        const reason = `history before Multicall3 deployment is not readable (block ${found.number}, Multicall3 from ${created})`;
        for (const t of wanting) fresh.get(t.symbol)!.push(emptyPoint(at, live, reason));
        continue;
      }
      // Two slots on one block (a sparse chain, a quiet hour) cost one read, unless another token needs it.
      let decoded = byBlock.get(found.number);
      const missing = wanting.filter((t) => !decoded?.has(t.symbol));
      if (missing.length) {
        reads.calls++;
        const part = await readBlock(client, chainId, missing, found, homeOf);
        decoded = new Map([...(decoded ?? []), ...part]);
        byBlock.set(found.number, decoded);
      }
      for (const t of wanting) fresh.get(t.symbol)!.push({ at, live, ...decoded!.get(t.symbol)!(stateBefore(t.symbol, at), at) });
      if (missing.length && options.onProgress && reads.calls % PROGRESS_EVERY === 0 && at !== slots[slots.length - 1]) await options.onProgress(build(false));
    }
  } catch (error) {
    if (!(error instanceof NoArchive)) throw error;
    archiveMissing = true;
  } finally {
    reads.headers = headers.reads;
  }

  function stateBefore(symbol: string, at: number): RateState | null {
    const before = [...kept.get(symbol)!, ...fresh.get(symbol)!].filter((p) => p.at < at && p.rate !== null && p.block !== null && p.timestamp !== null);
    const last = before.sort((a, b) => a.at - b.at).pop();
    return last ? { value: last.rate, blockNumber: last.block, blockTimestamp: last.timestamp, move: null } : null;
  }

  function build(complete: boolean): PegSeries[] {
    const readAt = now();
    return tokens.map((token): PegSeries => {
      const base = {
        symbol: token.symbol,
        chainId,
        windowDays,
        readAt,
        latestBlock: latest.number.toString(),
        latestTimestamp: latest.timestamp,
        error: null,
        errorAt: null,
        rateLabel: judgedRead(token)?.label ?? null,
        redemptionLabel: chainId === token.homeChainId ? token.redemption.label : `${token.redemption.label} on Ethereum`,
        complete,
      };
      if (archiveMissing) return { ...base, points: [], reason: NO_ARCHIVE_REASON };
      if (!marketsOf(token).length) return { ...base, points: [], reason: `no market source for ${token.symbol} on this chain: no peg to draw` };
      const points = [...kept.get(token.symbol)!, ...fresh.get(token.symbol)!].sort((a, b) => a.at - b.at);
      return { ...base, points, reason: null };
    });
  }
  return { series: build(true), reads };
}

/** One Multicall3 eth_call at `block` for `tokens`; an archive error stops the whole extension. */
async function readBlock(
  client: PublicClient,
  chainId: number,
  tokens: TokenEntry[],
  block: BlockTime,
  home: (symbol: string) => HomeLookup,
): Promise<Map<string, BlockDecode>> {
  const batch = new CallBatch();
  const decoders = tokens.map((token) => (chainId === token.homeChainId ? planHomePeg(token, batch) : planBridgedPeg(token, chainId, batch, home(token.symbol))));
  const out = new Map<string, BlockDecode>();
  const fail = (reason: string) => {
    tokens.forEach((t) => out.set(t.symbol, () => ({ timestamp: block.timestamp, block: block.number.toString(), pegBps: null, redemption: null, market: null, source: null, rate: null, reason })));
    return out;
  };
  if (!batch.calls.length) return fail('nothing to read');
  let results: CallResult[];
  try {
    // batchSize 0: never split, so each point costs exactly one eth_call for all tokens.
    results = (await client.multicall({ contracts: batch.calls, allowFailure: true, blockNumber: block.number, batchSize: 0 })) as CallResult[];
  } catch (error) {
    if (isArchiveError(error)) throw new NoArchive(NO_ARCHIVE_REASON, { cause: error });
    if (error instanceof ChainDoesNotSupportContract) return fail('history before Multicall3 deployment is not readable');
    return fail(`reading block ${block.number} failed: ${shortError(error)}`);
  }
  // A node may answer the batch but fail each call with its "no state" words.
  if (results.length && results.every((r) => r.status === 'failure' && isArchiveError(r.error))) throw new NoArchive(NO_ARCHIVE_REASON);
  batch.settle(results);
  tokens.forEach((token, i) => out.set(token.symbol, (state, at) => decoders[i]!(block, state, at)));
  return out;
}

function emptyPoint(at: number, live: boolean, reason: string): PegPoint {
  return { at, timestamp: null, block: null, pegBps: null, redemption: null, market: null, source: null, rate: null, reason, live };
}

function isoMinute(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
