import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageData, ProtocolMap } from './messages';

/*
 * The one messaging channel, without the schemas (messaging.ts checks every message and reply
 * with them). The page's content script only reports what it found and reads no reply: it uses
 * the channel directly, so it does not carry zod.
 */
export const channel = defineExtensionMessaging<ProtocolMap>();

/** The content script's report of the tokens on its page; the background checks it on receipt. */
export async function reportTokens(data: MessageData<'tokensFound'>): Promise<void> {
  await channel.sendMessage('tokensFound', data);
}
