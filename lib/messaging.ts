import { z } from 'zod';
import { figuresSchema, tokenYieldSchema } from './chain/figures';
import { channel as messenger } from './messaging-channel';

/*
 * The one protocol between the page (content script), the popup and the background. Every message
 * and every reply has a zod schema checked on receipt: a content script lives inside an untrusted
 * page. Replies are JSON-safe (bigints travel as decimal strings inside the figures).
 */

const symbol = z.string().regex(/^[A-Za-z0-9]{1,16}$/);
const chainId = z.number().int().positive();
export const matchKind = z.enum(['address', 'symbol', 'mismatch']);

export const tokenRef = z.object({ symbol, chainId });

export const foundTokenSchema = z.object({ symbol, chainId, match: matchKind, count: z.number().int().positive() });
export type FoundToken = z.infer<typeof foundTokenSchema>;

export const figureReplySchema = z.object({
  symbol,
  chainId,
  figures: figuresSchema.nullable(),
  stale: z.boolean(),
  error: z.string().nullable(),
  /** Realized yield, a slow fact with its own age; pending while it is being read. */
  realized: tokenYieldSchema.nullable(),
  realizedPending: z.boolean(),
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
  getTabSummary: {
    data: z.object({ tabId: z.number().int().nonnegative() }),
    reply: z.object({
      host: z.string().nullable(),
      tokens: z.array(foundTokenSchema),
      figures: z.array(figureReplySchema),
    }),
  },
} as const;

type Schemas = typeof schemas;
export type MessageType = keyof Schemas;
export type MessageData<T extends MessageType> = z.infer<Schemas[T]['data']>;
export type MessageReply<T extends MessageType> = z.infer<Schemas[T]['reply']>;

export type ProtocolMap = { [T in MessageType]: (data: MessageData<T>) => MessageReply<T> };

/** Sends a message to the background and checks the reply's shape before anyone uses it. */
export async function send<T extends MessageType>(type: T, data: MessageData<T>): Promise<MessageReply<T>> {
  const reply = await messenger.sendMessage(type, data as never);
  return schemas[type].reply.parse(reply) as MessageReply<T>;
}

export interface Sender {
  tabId: number | undefined;
  url: string | undefined;
}

/** Registers a handler that only ever sees data that passed its schema. */
export function handle<T extends MessageType>(
  type: T,
  handler: (data: MessageData<T>, sender: Sender) => Promise<MessageReply<T>> | MessageReply<T>,
): () => void {
  return messenger.onMessage(type, async (message) => {
    const data = schemas[type].data.parse(message.data) as MessageData<T>;
    return handler(data, { tabId: message.sender.tab?.id, url: message.sender.url }) as never;
  });
}
