import type { TokenEntry } from '../tokens/schema';
import type { RateCall } from './history';
import { functionFrom } from './redemption';

/**
 * The read whose growth is a token's realized yield: its redemption rate, or for a rebasing token
 * the share rate behind it. Null with the reason where there is none we can read at a past block.
 */
export function yieldRateCall(token: TokenEntry): { call: RateCall; label: string } | { call: null; reason: string } {
  const r = token.redemption;
  switch (r.kind) {
    case 'call':
      return { call: { symbol: token.symbol, address: r.address, ...functionFrom(r.signature), args: r.args, inverse: r.inverse }, label: r.label };
    case 'pegged':
      if (!r.shareRate) return { call: null, reason: `${token.symbol} does not accrue: its staking yield goes to its wrapper` };
      return { call: { symbol: token.symbol, address: r.shareRate.address, ...functionFrom(r.shareRate.signature), args: r.shareRate.args }, label: r.shareRate.label };
    case 'tvl-ratio':
      if (!r.historyRate) return { call: null, reason: `${r.label} takes two reads; its history is not measured` };
      return { call: { symbol: token.symbol, address: r.historyRate.address, ...functionFrom(r.historyRate.signature) }, label: `${r.historyRate.label} (${r.historyRate.confidence} address)` };
  }
}
