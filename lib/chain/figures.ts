import { z } from 'zod';

/*
 * The figures of one token, as the background sends them to the page. JSON-safe: every bigint is a
 * decimal string of a wad (1e18 = 1.0 ETH). A figure that could not be read or failed a sanity
 * bound is null, with the reason beside it: the UI shows the reason, never a guess.
 */

export const wadString = z.string().regex(/^\d{1,78}$/, 'a wad as a decimal string');

const reason = z.string().nullable();

export const marketReadingSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['dex', 'chainlink']),
  /** ETH per token. */
  price: wadString.nullable(),
  /** When a feed last updated (unix seconds); null for DEX quotes, which are as old as the block. */
  updatedAt: z.number().nullable(),
  /** Whether this source may be used for the peg (uncertain feeds are shown, not used). */
  usable: z.boolean(),
  reason,
});

export const sellQuoteSchema = z.object({
  /** What selling this much, valued at the redemption rate, is worth in ETH. */
  valueEth: wadString,
  outEth: wadString.nullable(),
  /** What selling now costs against redeeming through the protocol (bps, ≥ 0 means a loss). */
  costBps: z.number().nullable(),
  reason,
});

export const exitPartSchema = z.object({
  label: z.string(),
  minSeconds: z.number().nullable(),
  maxSeconds: z.number().nullable(),
  /** true: computed from a read; false: a typical range we could not read, labelled so. */
  measured: z.boolean(),
  source: z.string(),
});

/** Live figures (peg, queues) older than this are read again (and shown as stale meanwhile). */
export const FIGURES_TTL_MS = 60_000;

export const figuresSchema = z.object({
  symbol: z.string(),
  chainId: z.number(),
  /** When the read came back (ms since epoch) and the block it was made at. */
  readAt: z.number(),
  blockNumber: z.string(),
  blockTimestamp: z.number(),
  rpcHost: z.string(),
  redemption: z.object({ value: wadString.nullable(), label: z.string(), reason }),
  markets: z.array(marketReadingSchema),
  peg: z.object({
    bps: z.number().nullable(),
    market: wadString.nullable(),
    sourceId: z.string().nullable(),
    /** Largest gap between usable and shown sources, in bps of the redemption value. */
    disagreementBps: z.number().nullable(),
    reason,
  }),
  sell: z.object({ venue: z.string().nullable(), quotes: z.array(sellQuoteSchema), reason }),
  redeem: z.object({
    minSeconds: z.number().nullable(),
    maxSeconds: z.number().nullable(),
    parts: z.array(exitPartSchema),
    notes: z.array(z.string()),
    reason,
    /** Reads that say the protocol has paused (part of) this road now, e.g. "WithdrawalQueue.isPaused()". */
    paused: z.array(z.string()).optional(),
  }),
});

export type Figures = z.infer<typeof figuresSchema>;
export type MarketReading = z.infer<typeof marketReadingSchema>;
export type SellQuote = z.infer<typeof sellQuoteSchema>;
export type ExitPart = z.infer<typeof exitPartSchema>;

/** Realized yield of one token: the growth of its rate over past windows, read at past blocks. */
export const tokenYieldSchema = z.object({
  symbol: z.string(),
  chainId: z.number(),
  readAt: z.number(),
  /** The read whose growth this is (e.g. wstETH.stEthPerToken()). */
  label: z.string().nullable(),
  result: z
    .object({
      symbol: z.string(),
      toBlock: z.string(),
      toTimestamp: z.number(),
      windows: z.array(
        z.object({
          days: z.number(),
          aprBps: z.number().nullable(),
          fromBlock: z.string().nullable(),
          fromTimestamp: z.number().nullable(),
          reason: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  /** Why there is no result at all (no readable rate, RPC down); per-window reasons sit in the windows. */
  reason: z.string().nullable(),
  /** For a stored rate (rsETH): when it last changed, or that it has not within the window. */
  storedSince: z
    .union([
      z.object({ block: z.string(), timestamp: z.number(), atLeast: z.boolean() }),
      z.object({ reason: z.string() }),
    ])
    .nullable()
    .default(null),
});

export type TokenYield = z.infer<typeof tokenYieldSchema>;
