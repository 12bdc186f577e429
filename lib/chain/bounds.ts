import type { TokenEntry } from '../tokens/schema';
import { ratioBps, wadToNumber } from './units';

/*
 * Sanity bounds: a read outside them is shown as unavailable with the reason, never as a number.
 */

export interface PreviousRate {
  value: bigint;
  blockTimestamp: number;
}

export type Checked = { value: bigint; reason: null } | { value: null; reason: string };

export function checkRedemption(token: TokenEntry, value: bigint, blockTimestamp: number, previous?: PreviousRate): Checked {
  const bounds = token.redemption;
  // A 1:1 claim is the protocol's design, not a read that could go wrong.
  if (bounds.kind === 'pegged') return { value, reason: null };
  if (value < bounds.min || value > bounds.max) {
    return {
      value: null,
      reason: `${bounds.label} returned ${wadToNumber(value)}, outside the plausible ${wadToNumber(bounds.min)}–${wadToNumber(bounds.max)}`,
    };
  }
  if (previous && previous.blockTimestamp <= blockTimestamp) {
    const change = ratioBps(value, previous.value);
    // Rates step once a day at the oracle report, so allow at least one day's rise.
    const days = Math.max(1, (blockTimestamp - previous.blockTimestamp) / 86_400);
    if (change > bounds.maxRiseBpsPerDay * days) {
      return { value: null, reason: `${bounds.label} rose ${change} bps since the last read, faster than ${token.protocol} allows` };
    }
    if (-change > bounds.maxFallBps) {
      return { value: null, reason: `${bounds.label} fell ${-change} bps since the last read; not trusted until confirmed` };
    }
  }
  return { value, reason: null };
}

/** A market price this far from the redemption value is a broken source, not a depeg we can show. */
export const MARKET_RATIO_BOUNDS = { min: 0.2, max: 1.2 } as const;

export function checkMarket(price: bigint, redemption: bigint): string | null {
  const ratio = wadToNumber(price) / wadToNumber(redemption);
  if (ratio < MARKET_RATIO_BOUNDS.min || ratio > MARKET_RATIO_BOUNDS.max) {
    return `price ${wadToNumber(price).toFixed(4)} ETH is ${ratio.toFixed(2)}× the redemption value: outside sanity bounds`;
  }
  return null;
}

/** A node whose newest block is this old is not following the chain. */
export const MAX_BLOCK_LAG_SECONDS = 3_600;

/** Sources disagreeing by more than this are flagged in the tooltip. */
export const DISAGREEMENT_BPS = 50;
