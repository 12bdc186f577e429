import { valueOf, type CallResult } from './calls';
import { toWad } from './units';

/** A feed older than its heartbeat plus this grace counts as stale. */
export const FEED_GRACE_SECONDS = 3_600;

export interface FeedSpec {
  label: string;
  decimals: number;
  heartbeatSeconds: number;
}

export type FeedAnswer =
  | { value: bigint; updatedAt: number; stale: false; reason: null }
  | { value: null; updatedAt: number | null; stale: boolean; reason: string };

/** A Chainlink `latestRoundData()` result as a wad, or why it is no answer (failed, not positive, stale, from the future). */
export function feedAnswer(result: CallResult, feed: FeedSpec, blockTimestamp: number): FeedAnswer {
  const got = valueOf<readonly [bigint, bigint, bigint, bigint, bigint]>(result, feed.label);
  if (!got.ok) return { value: null, updatedAt: null, stale: false, reason: got.reason };
  const [, answer, , updatedAtRaw] = got.value;
  const updatedAt = Number(updatedAtRaw);
  if (answer <= 0n) return { value: null, updatedAt, stale: false, reason: `${feed.label} answered ${answer}, not a price` };
  const age = blockTimestamp - updatedAt;
  if (age > feed.heartbeatSeconds + FEED_GRACE_SECONDS) {
    const hours = Math.floor(age / 3600);
    return { value: null, updatedAt, stale: true, reason: `${feed.label} is stale: last updated ${hours} h ago, past its ${feed.heartbeatSeconds / 3600} h heartbeat` };
  }
  if (age < -300) return { value: null, updatedAt, stale: false, reason: `${feed.label} claims an update in the future` };
  return { value: toWad(answer, feed.decimals), updatedAt, stale: false, reason: null };
}
