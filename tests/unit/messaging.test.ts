import { describe, expect, it } from 'vitest';
import { figureReplySchema, schemas } from '../../lib/messaging';
import { makeFigures } from './helpers';

const data = schemas.getFigures.data;
const reply = schemas.getFigures.reply;
const ok = (v: unknown) => data.safeParse(v).success;

describe('getFigures data', () => {
  it('accepts a valid request', () => {
    expect(ok({ tokens: [{ symbol: 'wstETH', chainId: 1 }] })).toBe(true);
    expect(ok({ tokens: [{ symbol: 'weETH', chainId: 42161 }], force: true })).toBe(true);
  });

  it('rejects bad symbols', () => {
    expect(ok({ tokens: [{ symbol: '<img>', chainId: 1 }] })).toBe(false);
    expect(ok({ tokens: [{ symbol: 'a'.repeat(17), chainId: 1 }] })).toBe(false);
    expect(ok({ tokens: [{ symbol: 'a'.repeat(16), chainId: 1 }] })).toBe(true);
    expect(ok({ tokens: [{ symbol: '', chainId: 1 }] })).toBe(false);
    expect(ok({ tokens: [{ symbol: 'wst ETH', chainId: 1 }] })).toBe(false);
    expect(ok({ tokens: [{ symbol: 'w\u0435ETH', chainId: 1 }] })).toBe(false);
  });

  it('rejects a non-integer or non-positive chainId', () => {
    expect(ok({ tokens: [{ symbol: 'wstETH', chainId: 1.5 }] })).toBe(false);
    expect(ok({ tokens: [{ symbol: 'wstETH', chainId: '1' }] })).toBe(false);
    expect(ok({ tokens: [{ symbol: 'wstETH', chainId: 0 }] })).toBe(false);
    expect(ok({ tokens: [{ symbol: 'wstETH', chainId: -1 }] })).toBe(false);
  });

  it('rejects an empty list and more than 50 tokens', () => {
    const token = { symbol: 'wstETH', chainId: 1 };
    expect(ok({ tokens: [] })).toBe(false);
    expect(ok({ tokens: Array(50).fill(token) })).toBe(true);
    expect(ok({ tokens: Array(51).fill(token) })).toBe(false);
  });

  it('rejects a non-boolean force', () => {
    expect(ok({ tokens: [{ symbol: 'wstETH', chainId: 1 }], force: 'yes' })).toBe(false);
  });
});

describe('getFigures reply', () => {
  const figures = makeFigures({ symbol: 'wstETH', readAt: 1_760_000_000_000 });
  const valid = { replies: [{ symbol: 'wstETH', chainId: 1, figures, stale: false, error: null, realized: null, realizedPending: false }] };

  it('accepts a valid reply, with figures or without', () => {
    expect(reply.safeParse(valid).success).toBe(true);
    expect(
      reply.safeParse({ replies: [{ symbol: 'weETH', chainId: 1, figures: null, stale: true, error: 'rpc down', realized: null, realizedPending: true }] }).success,
    ).toBe(true);
  });

  it('accepts a realized yield beside the figures', () => {
    const withYield = structuredClone(valid);
    (withYield.replies[0] as { realized: unknown }).realized = {
      symbol: 'wstETH',
      chainId: 1,
      readAt: 1_760_000_000_000,
      label: 'wstETH.stEthPerToken()',
      result: {
        symbol: 'wstETH',
        toBlock: '20000000',
        toTimestamp: 1_700_000_000,
        windows: [
          { days: 7, aprBps: 280, fromBlock: '19950000', fromTimestamp: 1_699_395_200, reason: null },
          { days: 30, aprBps: null, fromBlock: null, fromTimestamp: null, reason: 'archive node needed' },
        ],
      },
      reason: null,
    };
    expect(reply.safeParse(withYield).success).toBe(true);
  });

  it('rejects figures whose wad is a number instead of a decimal string', () => {
    const bad = structuredClone(valid);
    (bad.replies[0]!.figures.redemption as { value: unknown }).value = 1_216_600_000_000_000_000;
    expect(reply.safeParse(bad).success).toBe(false);
  });

  it('rejects a wad string that is not a plain decimal', () => {
    for (const value of ['1.2', '-1', '1e18', '0x10', ' 1']) {
      const bad = structuredClone(valid);
      bad.replies[0]!.figures.redemption.value = value;
      expect(reply.safeParse(bad).success, value).toBe(false);
    }
  });

  it('rejects a reply with a bad symbol or a missing stale flag', () => {
    const badSymbol = structuredClone(valid);
    badSymbol.replies[0]!.symbol = '<img>';
    expect(reply.safeParse(badSymbol).success).toBe(false);
    const { stale: _, ...noStale } = valid.replies[0]!;
    expect(figureReplySchema.safeParse(noStale).success).toBe(false);
    expect(figureReplySchema.safeParse(valid.replies[0]).success).toBe(true);
  });
});

describe('tokensFound data', () => {
  const found = { symbol: 'wstETH', chainId: 1, match: 'address', count: 3 };
  it('accepts a valid report and rejects unknown match kinds and zero counts', () => {
    expect(schemas.tokensFound.data.safeParse({ host: 'app.aave.com', tokens: [found] }).success).toBe(true);
    expect(schemas.tokensFound.data.safeParse({ host: 'app.aave.com', tokens: [{ ...found, match: 'guess' }] }).success).toBe(false);
    expect(schemas.tokensFound.data.safeParse({ host: 'app.aave.com', tokens: [{ ...found, count: 0 }] }).success).toBe(false);
  });
});
