import type { RateCheck, RateMove } from './figures';
import { ratioBps, wadToNumber } from './units';

/*
 * Which redemption value Stakelens trusts: one rule for every token.
 *
 * 1. A read inside the plausible range that moved, since the last trusted read, no more than the
 *    protocol's rate can move (its bounds) is trusted at once.
 * 2. Any other read (a fall past the bounds, a value under the plausible minimum, a rise faster
 *    than the protocol allows) is shown at once as a move, beside the last trusted value, with its
 *    size, since when and which read, and is not used for the peg until a second source agrees
 *    within CONFIRM_TOLERANCE_BPS: the protocol's exchange-rate feed, a second contract that reads
 *    the same value, or the same read at a block PERSISTENCE_SECONDS older (the value stood). The
 *    background reads such a token again PERSISTENCE_SECONDS after it first saw the move, so a
 *    real move is confirmed within three minutes at most.
 * 3. A read that is no rate at all (0, above the plausible maximum, a failed call) is unavailable
 *    with the reason; so is a move no second source backs.
 * A fall stays on record (the rate-fall alert) for FALL_MEMORY_SECONDS or until the value is back.
 */

/** Two reads of one value agree within this (Chainlink's exchange-rate feeds move on 0.5% deviation). */
export const CONFIRM_TOLERANCE_BPS = 50;
/** The same read at a block this much older, giving the new value, shows the value stood. */
export const PERSISTENCE_SECONDS = 120;
/** A fall is remembered this long (or until the value is back), so its alert outlives the read that saw it. */
export const FALL_MEMORY_SECONDS = 7 * 86_400;

export interface RateBounds {
  min: bigint;
  max: bigint;
  maxRiseBpsPerDay: number;
  maxFallBps: number;
}

/** What the background keeps per token between reads (local storage). */
export interface RateState {
  /** The last trusted value (wad), and the block it was read at; null before any value was trusted. */
  value: string | null;
  blockNumber: string | null;
  blockTimestamp: number | null;
  /** An open move (a fall not yet over, a move not yet confirmed). */
  move: RateMove | null;
}

/** A second source's answer, before it is judged against the read. */
export interface Evidence {
  label: string;
  kind: RateCheck['kind'];
  value: bigint | null;
  reason: string | null;
}

export interface RateJudgement {
  /** Trusted: what the peg is measured against. */
  value: bigint | null;
  reason: string | null;
  move: RateMove | null;
  checks: RateCheck[];
  /** An unconfirmed move that the same read at an older block could confirm. */
  wantsPastRead: boolean;
}

export interface RateInput {
  label: string;
  protocol: string;
  bounds: RateBounds;
  /** What the protocol's read returned. */
  read: bigint;
  block: { number: bigint; timestamp: number };
  state: RateState | null;
  evidence: Evidence[];
}

const eth = (wad: bigint) => wadToNumber(wad).toString();

export function agrees(a: bigint, b: bigint): boolean {
  return b > 0n && Math.abs(ratioBps(a, b)) <= CONFIRM_TOLERANCE_BPS;
}

function judgeEvidence(read: bigint, evidence: Evidence[]): RateCheck[] {
  return evidence.map((e) => ({
    label: e.label,
    kind: e.kind,
    value: e.value?.toString() ?? null,
    agrees: e.value === null ? null : agrees(e.value, read),
    reason: e.reason,
  }));
}

export function judgeRate(input: RateInput): RateJudgement {
  const { label, bounds, read, block, state } = input;
  const none = (reason: string, checks: RateCheck[] = []): RateJudgement => ({ value: null, reason, move: null, checks, wantsPastRead: false });
  if (read <= 0n) return none(`${label} returned ${read}: not a rate`);
  if (read > bounds.max) return none(`${label} returned ${eth(read)}, outside the plausible ${eth(bounds.min)}–${eth(bounds.max)}`);

  const checks = judgeEvidence(read, input.evidence);
  const backer = checks.find((c) => c.agrees);
  // A trusted value from a later block (a lagging endpoint answered) is no baseline for this one.
  const trusted = state?.value && state.blockTimestamp !== null && state.blockTimestamp <= block.timestamp ? BigInt(state.value) : null;
  const change = trusted ? ratioBps(read, trusted) : 0;
  const days = trusted ? Math.max(1, (block.timestamp - state!.blockTimestamp!) / 86_400) : 1;
  // The fall on record: an open one keeps its start and the value before it.
  const open = openFall(state?.move ?? null, block.timestamp);
  const peak = open?.from ? BigInt(open.from) : trusted;
  // Coming back to where it stood before an open fall is no suspect rise.
  const backToPeak = open?.from && open.confirmed ? ratioBps(read, BigInt(open.from)) <= bounds.maxRiseBpsPerDay * days : false;
  const risesTooFast = trusted !== null && change > bounds.maxRiseBpsPerDay * days && !backToPeak;
  const fallsTooFar = (trusted !== null && -change > bounds.maxFallBps) || read < bounds.min;
  const fall = (confirmedBy: string | null): RateMove => ({
    direction: 'fall',
    from: peak?.toString() ?? null,
    fromBlock: open ? open.fromBlock : (state?.blockNumber ?? null),
    fromTimestamp: open ? open.fromTimestamp : (state?.blockTimestamp ?? null),
    to: read.toString(),
    bps: peak ? Math.max(0, -ratioBps(read, peak)) : null,
    since: open?.since ?? block.timestamp,
    sinceBlock: open?.sinceBlock ?? block.number.toString(),
    read: label,
    confirmed: confirmedBy !== null,
    confirmedBy,
    confirmedAt: confirmedBy === null ? null : open?.confirmed && agrees(BigInt(open.to), read) ? open.confirmedAt : block.timestamp,
  });

  if (!risesTooFast && !fallsTooFar) {
    // Trusted at once; a value under the one before an open fall keeps the fall on record.
    const below = peak !== null && ratioBps(read, peak) <= -1;
    if (!below) return { value: read, reason: null, move: null, checks, wantsPastRead: false };
    const why = open?.confirmed ? open.confirmedBy! : backer ? `${backer.label} agrees` : `within the bounds of one read (${bounds.maxFallBps} bps)`;
    return { value: read, reason: null, move: fall(why), checks, wantsPastRead: false };
  }

  if (risesTooFast) {
    if (backer) return { value: read, reason: null, move: null, checks, wantsPastRead: false };
    const rise: RateMove = {
      direction: 'rise',
      from: trusted!.toString(),
      fromBlock: state!.blockNumber,
      fromTimestamp: state!.blockTimestamp,
      to: read.toString(),
      bps: change,
      since: state?.move?.direction === 'rise' ? state.move.since : block.timestamp,
      sinceBlock: state?.move?.direction === 'rise' ? state.move.sinceBlock : block.number.toString(),
      read: label,
      confirmed: false,
      confirmedBy: null,
      confirmedAt: null,
    };
    return {
      value: null,
      reason: `${label} rose ${change} bps since the last trusted read, faster than ${input.protocol} allows; not used until a second source agrees`,
      move: rise,
      checks,
      wantsPastRead: true,
    };
  }

  // A fall past the bounds, or a value under the plausible minimum: what a slashing or a hack looks like.
  if (backer) return { value: read, reason: null, move: fall(`${backer.label} agrees`), checks, wantsPastRead: false };
  const how = peak ? `fell ${Math.max(0, -ratioBps(read, peak))} bps to ${eth(read)} since the last trusted read (${eth(peak)})` : `returned ${eth(read)}, under the plausible ${eth(bounds.min)}`;
  return {
    value: null,
    reason: `${label} ${how}; not used until a second source agrees`,
    move: fall(null),
    checks,
    wantsPastRead: true,
  };
}

/** A fall still on record at `now`: within its memory. */
export function openFall(move: RateMove | null, now: number): RateMove | null {
  return move && move.direction === 'fall' && now - move.since <= FALL_MEMORY_SECONDS ? move : null;
}

/** The state to keep after a judged read: the trusted value moves on, an open move is carried. */
export function nextRateState(state: RateState | null, judged: RateJudgement, block: { number: bigint; timestamp: number }): RateState | null {
  if (judged.value !== null) {
    return { value: judged.value.toString(), blockNumber: block.number.toString(), blockTimestamp: block.timestamp, move: judged.move };
  }
  // Unconfirmed: the trusted value stays; the move is kept so "since when" holds across reads.
  if (judged.move) return { value: state?.value ?? null, blockNumber: state?.blockNumber ?? null, blockTimestamp: state?.blockTimestamp ?? null, move: judged.move };
  return state;
}
