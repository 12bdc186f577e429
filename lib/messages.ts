import { z } from 'zod';
import { figuresSchema, tokenYieldSchema, wadString } from './chain/figures';
import { ALERT_KINDS } from './risk/alerts';
import { pegSeriesSchema } from './chain/peg-points';

/*
 * The one protocol between the page (content script), the popup and the background: every message
 * and reply, each with a zod schema checked on receipt (a content script lives inside an untrusted
 * page). Replies are JSON-safe (bigints travel as decimal strings). The channel is in
 * messaging-channel.ts and the checked send/handle in messaging.ts; this module holds no channel.
 */

const symbol = z.string().regex(/^[A-Za-z0-9]{1,16}$/);
const chainId = z.number().int().positive();
export const matchKind = z.enum(['address', 'symbol', 'mismatch']);

export const tokenRef = z.object({ symbol, chainId });

export const foundTokenSchema = z.object({ symbol, chainId, match: matchKind, count: z.number().int().positive() });
export type FoundToken = z.infer<typeof foundTokenSchema>;

const level = z.enum(['medium', 'high']);
const affects = z.enum(['withdrawals', 'deposits', 'transfers']);

export const alertFactsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('depeg'), bps: z.number(), market: wadString, redemption: wadString, sources: z.array(z.object({ label: z.string(), price: wadString, weight: z.number() })) }),
  z.object({
    kind: z.literal('rate-fall'),
    bps: z.number().int().nonnegative(),
    from: wadString.nullable(),
    to: wadString,
    read: z.string(),
    confirmed: z.boolean(),
    confirmedBy: z.string().nullable(),
    since: z.number(),
    sinceBlock: z.string(),
  }),
  z.object({ kind: z.literal('paused'), reads: z.array(z.string()), affects: z.array(affects) }),
  z.object({
    kind: z.literal('exit-slow'),
    maxSeconds: z.number().nullable(),
    thresholdSeconds: z.number(),
    bunker: z.boolean(),
    queue: z.object({ eth: wadString, beforeEth: wadString, hours: z.number(), label: z.string() }).nullable(),
  }),
  z.object({ kind: z.literal('stale'), what: z.enum(['redemption', 'market']), ageSeconds: z.number().nullable(), limitSeconds: z.number(), sources: z.array(z.string()) }),
  z.object({ kind: z.literal('unbacked'), supply: wadString, held: wadString, escrow: z.string(), chains: z.array(z.number()), excessBps: z.number() }),
]);

export const alertSchema = z.object({
  kind: z.enum(ALERT_KINDS),
  level,
  symbol,
  chainId,
  facts: alertFactsSchema,
  sources: z.array(z.string()),
  stale: z.boolean(),
  at: z.number(),
});

export const figureReplySchema = z.object({
  symbol,
  chainId,
  figures: figuresSchema.nullable(),
  stale: z.boolean(),
  error: z.string().nullable(),
  /** Realized yield, a slow fact with its own age; pending while it is being read. */
  realized: tokenYieldSchema.nullable(),
  realizedPending: z.boolean(),
  /** The alerts in force for this token here, worst first. */
  alerts: z.array(alertSchema).default([]),
  /** On the user's watchlist. */
  watched: z.boolean().default(false),
});
export type FigureReplyMessage = z.infer<typeof figureReplySchema>;

export const schemas = {
  tokensFound: {
    data: z.object({ host: z.string().max(253), tokens: z.array(foundTokenSchema).max(200) }),
    reply: z.object({ ok: z.literal(true) }),
  },
  getFigures: {
    data: z.object({ tokens: z.array(tokenRef).min(1).max(50), force: z.boolean().optional() }),
    reply: z.object({ replies: z.array(figureReplySchema) }),
  },
  /**
   * The board: every token on every chain the registry knows. `peek` answers from the cache only
   * (the first paint); otherwise stale figures are read again, one multicall per chain.
   */
  getBoard: {
    data: z.object({ peek: z.boolean().optional(), force: z.boolean().optional() }),
    reply: z.object({ replies: z.array(figureReplySchema).max(200) }),
  },
  /** Opens the board in a tab (from the popup, or the tooltip's token name), at a row if given. */
  openBoard: {
    data: z.object({ focus: tokenRef.optional() }),
    reply: z.object({ ok: z.literal(true) }),
  },
  getTabSummary: {
    data: z.object({ tabId: z.number().int().nonnegative() }),
    reply: z.object({
      host: z.string().nullable(),
      tokens: z.array(foundTokenSchema),
      figures: z.array(figureReplySchema),
    }),
  },
  /** Watch a token (tooltip, popup): the background reads it every minute and notifies its alerts. */
  setWatched: {
    data: z.object({ token: tokenRef, watched: z.boolean() }),
    reply: z.object({ ok: z.literal(true) }),
  },
  /**
   * The peg over the last 30 days (lib/chain/peg-history.ts) per token and chain, from storage,
   * extended where due. `wait`: extend before answering; otherwise what is stored now, with
   * `pending` while an extension runs (ask again).
   */
  getHistory: {
    data: z.object({ tokens: z.array(tokenRef).min(1).max(60), wait: z.boolean().optional() }),
    reply: z.object({
      replies: z.array(
        z.object({ symbol, chainId, series: pegSeriesSchema.nullable(), pending: z.boolean(), error: z.string().nullable() }),
      ),
    }),
  },
} as const;

type Schemas = typeof schemas;
export type MessageType = keyof Schemas;
export type MessageData<T extends MessageType> = z.infer<Schemas[T]['data']>;
export type MessageReply<T extends MessageType> = z.infer<Schemas[T]['reply']>;

export type ProtocolMap = { [T in MessageType]: (data: MessageData<T>) => MessageReply<T> };
