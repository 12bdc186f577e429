import type { FigureReplyMessage } from '../../lib/messages';
import type { CallBatch, CallResult, ContractCall } from '../../lib/chain/calls';
import { figuresSchema, type Figures } from '../../lib/chain/figures';

/** Settles every call of a batch with what `answer` says for it (already-decoded values). */
export function settleBy(batch: CallBatch, answer: (call: ContractCall) => unknown): void {
  batch.settle(
    batch.calls.map((call): CallResult => {
      const value = answer(call);
      return value instanceof Error ? { status: 'failure', error: value } : { status: 'success', result: value };
    }),
  );
}

/** A minimal valid Figures object, checked against the schema the background sends. */
export function makeFigures(overrides: Partial<Figures> & { symbol: string; readAt: number }): Figures {
  const base: Figures = {
    symbol: overrides.symbol,
    chainId: 1,
    readAt: overrides.readAt,
    blockNumber: '20000000',
    blockTimestamp: 1_700_000_000,
    rpcHost: 'rpc.example',
    redemption: {
      value: '1216600000000000000',
      label: 'wstETH.stEthPerToken()',
      reason: null,
      read: '1216600000000000000',
      move: null,
      checks: [],
    },
    markets: [],
    peg: { bps: null, market: null, sourceId: null, disagreementBps: null, reason: 'no usable market price ()' },
    sell: { venue: null, quotes: [], reason: 'no DEX source for this token' },
    redeem: {
      minSeconds: null,
      maxSeconds: null,
      parts: [],
      notes: [],
      reason: 'not read',
      queue: null,
      bunker: false,
    },
    pauses: [],
    supply: { total: null, escrows: {}, reason: null },
    restaking: null,
    bridgeRoutes: [],
    instant: null,
  };
  return figuresSchema.parse({ ...base, ...overrides });
}

/** A figure reply as the background sends it: no alerts, not watched, unless `extra` says so. */
export function makeReply(figures: Figures | null, extra: Partial<FigureReplyMessage> = {}): FigureReplyMessage {
  return {
    symbol: figures?.symbol ?? 'wstETH',
    chainId: figures?.chainId ?? 1,
    figures,
    stale: false,
    error: null,
    realized: null,
    realizedPending: false,
    alerts: [],
    watched: false,
    ...extra,
  };
}
