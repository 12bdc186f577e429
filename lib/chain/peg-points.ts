import { z } from 'zod';

/*
 * The peg history's shapes (lib/chain/peg-history.ts reads them), apart so that the message
 * protocol (lib/messages.ts), which every page bundle loads, takes only zod, not the read plans.
 * JSON-safe: wads are decimal strings.
 */

/** What a series says in place of points when the RPC has no state for past blocks. */
export const NO_ARCHIVE_REASON = 'this RPC keeps no state for past blocks: history unavailable';

const wad = z.string().regex(/^\d{1,78}$/);

export const pegPointSchema = z.object({
  /** The time the point stands for (its slot on the grid, unix seconds; the newest block's time for the newest point). */
  at: z.number().int(),
  /** The block read for it (the last at or before `at`) and that block's time; null when no block was found. */
  timestamp: z.number().int().nullable(),
  block: z.string().regex(/^\d+$/).nullable(),
  /** (market / redemption − 1) × 10000, rounded; null with the reason when unavailable. */
  pegBps: z.number().int().nullable(),
  /** ETH per token the peg is measured against (trusted, wad); for a bridged deployment, the home chain's at the same time. */
  redemption: wad.nullable(),
  /** The market price used (ETH per token, wad) and where it came from. */
  market: wad.nullable(),
  source: z.string().nullable(),
  /** The read whose growth is the yield (the judged read: the rate, or a rebasing token's share rate), trusted, wad. */
  rate: wad.nullable(),
  reason: z.string().nullable(),
  /** True for the newest block's point, which the next call replaces. */
  live: z.boolean().default(false),
});
export type PegPoint = z.infer<typeof pegPointSchema>;

export const pegSeriesSchema = z.object({
  symbol: z.string(),
  chainId: z.number().int(),
  windowDays: z.number().int(),
  /** When the series was last extended (ms) and the newest block then. */
  readAt: z.number(),
  latestBlock: z.string().nullable(),
  latestTimestamp: z.number().nullable(),
  /** Oldest first. Empty when `reason` says why there is no history. */
  points: z.array(pegPointSchema),
  /** Why there is no history at all (an RPC without archive state, no market source); null when there is. */
  reason: z.string().nullable(),
  /** The last extension failed (RPC down): the points are those of `readAt`. */
  error: z.string().nullable().default(null),
  errorAt: z.number().nullable().default(null),
  /** The reads behind the points, in words. */
  rateLabel: z.string().nullable(),
  redemptionLabel: z.string().nullable(),
  /** False while an extension is under way: the points read so far, kept should the worker stop. */
  complete: z.boolean().default(true),
});
export type PegSeries = z.infer<typeof pegSeriesSchema>;

/** A token's peg history as the background answers it, for the pictures: the series, or that it is being read. */
export interface HistoryView {
  series: PegSeries | null;
  pending: boolean;
}
