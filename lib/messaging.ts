import { channel as messenger } from './messaging-channel';
import { schemas, type MessageData, type MessageReply, type MessageType } from './messages';

/*
 * Sending and handling the protocol's messages (lib/messages.ts), every message and reply checked
 * with its schema on receipt.
 */

export * from './messages';

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
