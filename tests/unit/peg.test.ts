import { describe, expect, it } from 'vitest';
import { checkMarket, checkMarkets, MARKET_AGREE_BPS } from '../../lib/chain/bounds';
import { CallBatch } from '../../lib/chain/calls';
import type { MarketReading } from '../../lib/chain/figures';
import { pegOf, planToken } from '../../lib/chain/plan';
import { WAD } from '../../lib/chain/units';
import { tokenBySymbol } from '../../lib/tokens/registry';
import { settleBy } from './helpers';

const RATE = 1_200_000_000_000_000_000n; // 1.2
const bp = RATE / 10_000n; // one bp of the rate

function reading(over: Partial<MarketReading> & { id: string }): MarketReading {
  return { label: over.id, kind: 'dex', price: null, depthEth: null, updatedAt: null, stale: false, usable: true, reason: null, ...over };
}
const at = (bps: bigint) => (RATE + bps * bp).toString();

describe('pegOf', () => {
  it('prefers a DEX quote over a feed even when the feed comes first', () => {
    const feed = reading({ id: 'feed', kind: 'chainlink', price: at(-10n), updatedAt: 1 });
    const dex = reading({ id: 'dex', kind: 'dex', price: at(-30n) });
    const peg = pegOf([feed, dex], RATE);
    expect(peg.sourceId).toBe('dex');
    expect(peg.market).toBe(at(-30n));
    expect(peg.bps).toBe(-30);
    expect(peg.reason).toBeNull();
  });

  it('falls back to a usable market feed when the DEX has no price', () => {
    const dex = reading({ id: 'dex', price: null, usable: false, reason: 'pool failed' });
    const feed = reading({ id: 'feed', kind: 'chainlink', price: at(12n) });
    const peg = pegOf([dex, feed], RATE);
    expect(peg.sourceId).toBe('feed');
    expect(peg.bps).toBe(12);
    expect(peg.disagreementBps).toBeNull();
  });

  it('never uses an uncertain feed alone, and says why', () => {
    const dex = reading({ id: 'dex', price: null, usable: false, reason: 'no pool with liquidity' });
    const uncertain = reading({
      id: 'uncertain',
      kind: 'chainlink',
      price: at(0n),
      usable: false,
      reason: 'may mirror the protocol rate, so it is shown but not used for the peg',
    });
    const peg = pegOf([dex, uncertain], RATE);
    expect(peg.bps).toBeNull();
    expect(peg.market).toBeNull();
    expect(peg.sourceId).toBeNull();
    expect(peg.reason).toMatch(/no usable market price/);
    expect(peg.reason).toMatch(/no pool with liquidity/);
    expect(peg.reason).toMatch(/may mirror the protocol rate/);
  });

  it('uses the DEX and still counts the uncertain feed in the disagreement', () => {
    const dex = reading({ id: 'dex', price: at(-40n) });
    const uncertain = reading({ id: 'uncertain', kind: 'chainlink', price: at(0n), usable: false, reason: 'mirror' });
    const peg = pegOf([uncertain, dex], RATE);
    expect(peg.sourceId).toBe('dex');
    expect(peg.bps).toBe(-40);
    expect(peg.disagreementBps).toBe(40);
  });

  it('computes the largest pairwise disagreement in bps of the rate', () => {
    const peg = pegOf(
      [
        reading({ id: 'a', price: at(-5n) }),
        reading({ id: 'b', kind: 'chainlink', price: at(20n) }),
        reading({ id: 'c', kind: 'chainlink', price: at(-60n) }),
        reading({ id: 'd', kind: 'chainlink', price: null, usable: false, reason: 'stale' }),
      ],
      RATE,
    );
    expect(peg.disagreementBps).toBe(80);
    expect(peg.sourceId).toBe('a');
  });

  it('has no peg without a rate, with a reason', () => {
    const peg = pegOf([reading({ id: 'dex', price: at(0n) })], null);
    expect(peg).toEqual({ bps: null, market: null, sourceId: null, disagreementBps: null, reason: 'the redemption value is unavailable' });
  });

  it('has no peg when no source has a price', () => {
    const peg = pegOf([reading({ id: 'dex', usable: false, reason: 'reverted' })], RATE);
    expect(peg.bps).toBeNull();
    expect(peg.reason).toBe('no usable market price (reverted)');
  });
});

describe('checkMarket', () => {
  it('accepts prices between 0.2× and 1.2× the redemption value', () => {
    expect(checkMarket(RATE, RATE)).toBeNull();
    expect(checkMarket((RATE * 21n) / 100n, RATE)).toBeNull();
    expect(checkMarket((RATE * 119n) / 100n, RATE)).toBeNull();
  });

  it('rejects prices outside', () => {
    expect(checkMarket((RATE * 19n) / 100n, RATE)).toMatch(/outside sanity bounds/);
    expect(checkMarket((RATE * 121n) / 100n, RATE)).toMatch(/1\.21×/);
    expect(checkMarket(WAD / 1000n, RATE)).toMatch(/outside sanity bounds/);
  });
});

describe('checkMarkets', () => {
  const far = (RATE * 15n) / 100n; // 0.15× the redemption value: outside the bounds

  it('leaves readings inside the bounds as they are', () => {
    const readings = [reading({ id: 'a', price: at(-20n) }), reading({ id: 'b', kind: 'chainlink', price: at(10n) })];
    expect(checkMarkets(readings, RATE)).toEqual(readings);
  });

  it('drops a price outside the bounds that stands alone, with the reason', () => {
    const [alone, inside] = checkMarkets([reading({ id: 'alone', price: far.toString() }), reading({ id: 'inside', price: at(0n) })], RATE);
    expect(alone).toMatchObject({ id: 'alone', price: null, usable: false });
    expect(alone!.reason).toMatch(/^alone: .*outside sanity bounds, and no second market source agrees$/);
    expect(inside).toMatchObject({ id: 'inside', price: at(0n), usable: true, reason: null });
  });

  it('keeps a price outside the bounds when another source agrees within MARKET_AGREE_BPS: a collapse, not a broken source', () => {
    const agreeing = far - (far * BigInt(MARKET_AGREE_BPS - 100)) / 10_000n; // 2% apart
    const [dex, feed] = checkMarkets(
      [reading({ id: 'dex', label: 'Curve pool', price: far.toString() }), reading({ id: 'feed', label: 'Chainlink feed', kind: 'chainlink', price: agreeing.toString() })],
      RATE,
    );
    expect(dex).toMatchObject({ price: far.toString(), usable: true, reason: 'far from the redemption value; Chainlink feed agrees' });
    expect(feed).toMatchObject({ price: agreeing.toString(), usable: true, reason: 'far from the redemption value; Curve pool agrees' });
  });

  it('drops both when the other source is further apart than MARKET_AGREE_BPS', () => {
    const apart = far - (far * BigInt(MARKET_AGREE_BPS + 50)) / 10_000n;
    const checked = checkMarkets([reading({ id: 'dex', price: far.toString() }), reading({ id: 'feed', kind: 'chainlink', price: apart.toString() })], RATE);
    expect(checked.map((r) => r.price)).toEqual([null, null]);
    expect(checked.every((r) => !r.usable && r.reason?.includes('no second market source agrees'))).toBe(true);
  });

  it('does not count a source in range as backing, nor one without a price', () => {
    const checked = checkMarkets(
      [reading({ id: 'dex', price: far.toString() }), reading({ id: 'other', price: at(0n) }), reading({ id: 'dead', price: null, usable: false, reason: 'reverted' })],
      RATE,
    );
    expect(checked[0]!.price).toBeNull();
    expect(checked[1]!.price).toBe(at(0n));
    expect(checked[2]).toMatchObject({ price: null, reason: 'reverted' });
  });

  it('checks nothing without a redemption value', () => {
    const readings = [reading({ id: 'a', price: far.toString() })];
    expect(checkMarkets(readings, null)).toEqual(readings);
  });
});

describe('planToken: a pegged token', () => {
  const steth = tokenBySymbol('stETH')!;
  const share = steth.redemption.kind === 'pegged' ? steth.redemption.shareRate! : null;
  const T = 1_750_000_000;
  const block = { number: 21_000_000n, timestamp: T };

  /** Reads stETH with its share rate answering `shareRate` and every other call failing. */
  function read(shareRate: bigint, rateState: Parameters<typeof planToken>[2]['rateState'] = null) {
    const batch = new CallBatch();
    const decode = planToken(steth, batch, { rateState });
    settleBy(batch, (call) => (call.address === share!.address && call.functionName === 'getPooledEthByShares' ? shareRate : new Error('execution reverted')));
    return decode(block, T * 1000, 'rpc.example');
  }

  it('is never bounded: its redemption value is 1:1 by design, whatever its share rate does', () => {
    expect(steth.redemption.kind).toBe('pegged');
    expect(share).not.toBeNull();
    const state = { value: (12n * WAD / 10n).toString(), blockNumber: '20999990', blockTimestamp: T - 120, move: null };
    // the share rate falls 20% with no second source: judged a move, yet the 1:1 claim stands
    const fell = read((12n * WAD) / 10n - (24n * WAD) / 100n, state);
    expect(fell.figures.redemption).toMatchObject({ value: WAD.toString(), read: WAD.toString(), reason: null });
    expect(fell.judgement?.value).toBeNull();
    expect(fell.figures.redemption.move).toMatchObject({ direction: 'fall', confirmed: false, read: share!.label });
    // a share rate within its bounds leaves no move at all
    const normal = read((12n * WAD) / 10n, state);
    expect(normal.figures.redemption).toMatchObject({ value: WAD.toString(), reason: null, move: null });
  });
});
