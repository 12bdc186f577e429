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
  /** What the venue holds, in ETH (a DEX pool's reserves); null where it cannot be read (a feed). */
  depthEth: wadString.nullable().default(null),
  /** When a feed last updated (unix seconds); null for DEX quotes, which are as old as the block. */
  updatedAt: z.number().nullable(),
  /** A feed past its heartbeat: no price, for age. */
  stale: z.boolean().default(false),
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

/** One size through the instant-withdrawal road: what it gets after the fee, or why it cannot go. */
export const instantQuoteSchema = z.object({
  /** The size, in ETH worth at the redemption value. */
  valueEth: wadString,
  /** ETH (or WETH) out after the fee; null beyond the road's capacity, while it is closed, or with the fee unread. */
  outEth: wadString.nullable(),
  feeBps: z.number().nullable(),
  reason,
});
export type InstantQuote = z.infer<typeof instantQuoteSchema>;

/**
 * The instant-withdrawal road (lib/chain/instant.ts): a protocol contract paying at once, for a fee,
 * from the liquidity it holds. The same shape for every protocol; `exists: false` when it has none.
 */
export const instantRoadSchema = z.object({
  exists: z.boolean(),
  /** Can be used now (not paused, switched on, liquidity left); null when that could not be read. */
  usable: z.boolean().nullable(),
  /** Reads that say the road is paused now. */
  paused: z.array(z.string()),
  /** What it can pay now (ETH), read on-chain. */
  capacityEth: wadString.nullable(),
  /** The fee now (bps; where it scales with size, the fee of the smallest withdrawal), and its top where it scales. */
  feeBps: z.number().nullable(),
  feeMaxBps: z.number().nullable(),
  /** The read the fee comes from, or "not readable: why". */
  feeLabel: z.string().nullable(),
  waitSeconds: z.number().nullable(),
  /** The reads behind the road (contract and functions). */
  label: z.string(),
  quotes: z.array(instantQuoteSchema),
  notes: z.array(z.string()),
  /** Why the road cannot be used now (or does not exist); null when usable. */
  reason,
});

/**
 * A move of a redemption value that the sanity bounds do not let through on its own: a fall (a
 * slashing, a hack), or a rise faster than the protocol allows. Kept while it is open (a fall: for a
 * week or until the value is back), so its alert outlives the read that first saw it.
 */
export const rateMoveSchema = z.object({
  direction: z.enum(['fall', 'rise']),
  /** The last trusted value before the move (ETH per token), and when it was read; null on a first read. */
  from: wadString.nullable(),
  fromBlock: z.string().nullable(),
  fromTimestamp: z.number().nullable(),
  /** What the read returns now. */
  to: wadString,
  /** The size of the move against `from`, in bps (positive); null without a `from`. */
  bps: z.number().int().nonnegative().nullable(),
  /** When the move was first read (block time, unix seconds) and at which block. */
  since: z.number(),
  sinceBlock: z.string(),
  /** The read that moved, e.g. "LRTOracle.rsETHPrice() (stored)". */
  read: z.string(),
  /** Backed by a second source, and so used for the peg. */
  confirmed: z.boolean(),
  /** What backs it, in words; null while unconfirmed. */
  confirmedBy: z.string().nullable(),
  confirmedAt: z.number().nullable(),
});
export type RateMove = z.infer<typeof rateMoveSchema>;

/** A second source asked about a redemption value, and what it said. */
export const rateCheckSchema = z.object({
  label: z.string(),
  kind: z.enum(['feed', 'contract', 'past-block']),
  value: wadString.nullable(),
  /** Within the tolerance of the read; null when it gave no value. */
  agrees: z.boolean().nullable(),
  reason,
});
export type RateCheck = z.infer<typeof rateCheckSchema>;

/** A pause the protocol exposes, read now. */
export const pauseReadingSchema = z.object({
  label: z.string(),
  /** What stops while it is set. */
  affects: z.enum(['withdrawals', 'deposits', 'transfers']),
  paused: z.boolean().nullable(),
  reason,
});
export type PauseReading = z.infer<typeof pauseReadingSchema>;

/** A LayerZero receive route of a bridge: who must sign a message before tokens move on this chain. */
export const bridgeRouteSchema = z.object({
  /** The contract receiving (an OFT or OFT adapter) and the chain the messages come from. */
  oapp: z.string(),
  remoteEid: z.number().int(),
  remoteChainId: z.number().int(),
  /** Verifiers that must all sign, and how many of the optional ones must. */
  requiredDvns: z.array(z.string()).nullable(),
  optionalDvns: z.array(z.string()).nullable(),
  optionalThreshold: z.number().int().nullable(),
  confirmations: z.number().nullable(),
  /** The receive library in force, and whether it is the endpoint's default. */
  library: z.string().nullable(),
  defaultLibrary: z.boolean().nullable(),
  reason,
});
export type BridgeRoute = z.infer<typeof bridgeRouteSchema>;

/** One EigenLayer operator set an operator allocates to, read live (AllocationManager). */
export const operatorSetAllocationSchema = z.object({
  avs: z.string(),
  id: z.number().int().nonnegative(),
  /** Magnitude allocated from the strategy now (out of the operator's max magnitude; WAD = 1e18 is 100%). */
  magnitude: wadString,
  /** Registered for the set now (AllocationManager.getRegisteredSets): only then is the allocation counted as slashable. */
  registered: z.boolean(),
  /** A change waiting for its effect block (positive: more allocated; negative: a deallocation, slashable until then). */
  pendingDiff: z.string().regex(/^-?\d{1,40}$/).nullable(),
  effectBlock: z.number().int().nullable(),
});

export const restakingOperatorSchema = z.object({
  address: z.string(),
  /** The registry's name for it (Puffer's RestakingOperators), or null for an operator found by delegatedTo. */
  label: z.string().nullable(),
  /** This token's shares delegated to it in the strategy. */
  shares: wadString,
  maxMagnitude: wadString.nullable(),
  sets: z.array(operatorSetAllocationSchema),
  /** Magnitude allocated to registered sets over max magnitude (bps); null when unread. */
  slashableBps: z.number().int().min(0).max(10_000).nullable(),
  reason,
});

/** An LRT's restaking layer read live: who its EigenLayer operators are and what of its stake they made slashable. */
export const restakingReadingSchema = z.object({
  strategy: z.string(),
  covers: z.string(),
  /** Undelegated stake (delegatedTo = 0): not slashable. */
  undelegatedShares: wadString,
  operators: z.array(restakingOperatorSchema),
  /** Stake-weighted share of the read stake that is allocated to registered operator sets (bps); null when unread. */
  slashableBps: z.number().int().min(0).max(10_000).nullable(),
  /** Distinct operator sets (AVS + id) with slashable allocations. */
  setCount: z.number().int().nonnegative(),
  /** Stakers in the protocol's own list that the registry does not name: their stake is not covered. */
  unlisted: z.array(z.string()),
  /** Stakers whose reads failed: their stake is left out (with the reasons). */
  missing: z.array(z.string()),
  /**
   * When the allocations (round 2) were read, ms; older than the figures when carried from an earlier
   * read (lib/chain/restaking.ts `carry`); null when they were not read.
   */
  allocationsReadAt: z.number().nullable().default(null),
  reason,
});
export type RestakingReading = z.infer<typeof restakingReadingSchema>;
export type RestakingOperator = z.infer<typeof restakingOperatorSchema>;

/** Live figures (peg, queues) older than this are read again (and shown as stale meanwhile). */
export const FIGURES_TTL_MS = 60_000;
/**
 * An LRT's EigenLayer allocations (the restaking read's second multicall) are carried from the last
 * read for this long when someone is looking: they change only after an allocation delay of days,
 * and a slashing shows at once in the first round's shares. The minute's background refresh, which
 * nobody sees, carries them for as long as they stay whole (lib/chain/restaking.ts `carry`).
 */
export const ALLOCATIONS_TTL_MS = 10 * 60_000;

export const figuresSchema = z.object({
  symbol: z.string(),
  chainId: z.number(),
  /** When the read came back (ms since epoch) and the block it was made at. */
  readAt: z.number(),
  blockNumber: z.string(),
  blockTimestamp: z.number(),
  rpcHost: z.string(),
  redemption: z.object({
    /** The value the peg is measured against: trusted (inside the bounds, or backed by a second source); null when none. */
    value: wadString.nullable(),
    label: z.string(),
    reason,
    /** What the protocol's read returned, trusted or not (null when the call failed). */
    read: wadString.nullable().default(null),
    move: rateMoveSchema.nullable().default(null),
    /** The second sources asked (exchange-rate feeds, second contracts, the same read at an older block). */
    checks: z.array(rateCheckSchema).default([]),
  }),
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
    /** What waits in the protocol's withdrawal queue now (ETH), where the queue is readable, and the read. */
    queue: z.object({ eth: wadString, label: z.string() }).nullable().default(null),
    /** Lido's bunker mode: withdrawals finalize slowly and may be discounted. */
    bunker: z.boolean().default(false),
  }),
  /** Every pause read the protocol exposes (deposits, withdrawals, transfers). */
  pauses: z.array(pauseReadingSchema).default([]),
  /** A bridged deployment's supply on its chain; on the home chain, what each bridge escrow holds there. */
  supply: z
    .object({
      /** totalSupply() of this deployment (wad), null when unread. */
      total: wadString.nullable(),
      /** Home chain: the token held by each bridge escrow on this chain (address → wad). */
      escrows: z.record(z.string(), wadString.nullable()),
      reason,
    })
    .default({ total: null, escrows: {}, reason: null }),
  /** LayerZero routes: the verifier set read on-chain for each (oapp, remote eid). */
  bridgeRoutes: z.array(bridgeRouteSchema).default([]),
  /** The instant-withdrawal road, where the protocol has been looked at for one; null otherwise. */
  instant: instantRoadSchema.nullable().default(null),
  /** An LRT's EigenLayer operators and allocations, read live; null for tokens without a restaking read. */
  restaking: restakingReadingSchema.nullable().default(null),
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
