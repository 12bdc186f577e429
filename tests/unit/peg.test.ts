import { describe, expect, it } from 'vitest';
import { checkMarket, checkRedemption } from '../../lib/chain/bounds';
import type { MarketReading } from '../../lib/chain/figures';
import { pegOf } from '../../lib/chain/plan';
import { WAD } from '../../lib/chain/units';
import { tokenBySymbol } from '../../lib/tokens/registry';
import type { Redemption } from '../../lib/tokens/schema';

const RATE = 1_200_000_000_000_000_000n; // 1.2
const bp = RATE / 10_000n; // one bp of the rate

function reading(over: Partial<MarketReading> & { id: string }): MarketReading {
  return { label: over.id, kind: 'dex', price: null, updatedAt: null, usable: true, reason: null, ...over };
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

describe('checkRedemption', () => {
  const token = tokenBySymbol('wstETH')!;
  const { min, max, maxRiseBpsPerDay, maxFallBps } = token.redemption as Exclude<Redemption, { kind: 'pegged' }>;
  const T = 1_750_000_000;
  const DAY = 86_400;
  const prev = { value: RATE, blockTimestamp: T - DAY };
  const plus = (bps: bigint) => RATE + bps * bp;

  it('accepts a value inside the bounds with no history', () => {
    expect(checkRedemption(token, RATE, T)).toEqual({ value: RATE, reason: null });
    expect(checkRedemption(token, min, T).value).toBe(min);
    expect(checkRedemption(token, max, T).value).toBe(max);
  });

  it('rejects a value below min', () => {
    const r = checkRedemption(token, min - 1n, T);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/outside the plausible/);
    expect(r.reason).toContain(token.redemption.label);
  });

  it('rejects a value above max', () => {
    const r = checkRedemption(token, max + 1n, T);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/outside the plausible 0\.9–2/);
  });

  it('accepts a normal daily rise', () => {
    expect(maxRiseBpsPerDay).toBe(10);
    expect(checkRedemption(token, plus(1n), T, prev).value).toBe(plus(1n));
    expect(checkRedemption(token, plus(10n), T, prev).value).toBe(plus(10n));
  });

  it('rejects a rise faster than maxRiseBpsPerDay', () => {
    const r = checkRedemption(token, plus(11n), T, prev);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/rose 11 bps/);
    expect(r.reason).toMatch(/Lido/);
  });

  it('allows a rise in proportion to the days elapsed, and at least one day', () => {
    const threeDays = { value: RATE, blockTimestamp: T - 3 * DAY };
    expect(checkRedemption(token, plus(29n), T, threeDays).value).toBe(plus(29n));
    expect(checkRedemption(token, plus(31n), T, threeDays).value).toBeNull();
    const minute = { value: RATE, blockTimestamp: T - 60 };
    expect(checkRedemption(token, plus(10n), T, minute).value).toBe(plus(10n));
    expect(checkRedemption(token, plus(11n), T, minute).value).toBeNull();
  });

  it('rejects a fall beyond maxFallBps but accepts a smaller one', () => {
    expect(maxFallBps).toBe(500);
    const big = checkRedemption(token, plus(-501n), T, prev);
    expect(big.value).toBeNull();
    expect(big.reason).toMatch(/fell 501 bps/);
    expect(checkRedemption(token, plus(-500n), T, prev).value).toBe(plus(-500n));
    expect(checkRedemption(token, plus(-20n), T, prev).value).toBe(plus(-20n));
  });

  it('applies the same bounds to a tvl-ratio redemption (ezETH)', () => {
    const ezeth = tokenBySymbol('ezETH')!;
    expect(ezeth.redemption.kind).toBe('tvl-ratio');
    const r = checkRedemption(ezeth, 3n * WAD, T);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/calculateTVLs.*outside the plausible/);
    expect(checkRedemption(ezeth, ezeth.rateHint, T).value).toBe(ezeth.rateHint);
  });

  it('never bounds a pegged token: 1:1 is the design, not a read', () => {
    const steth = tokenBySymbol('stETH')!;
    expect(steth.redemption.kind).toBe('pegged');
    expect(checkRedemption(steth, WAD, T)).toEqual({ value: WAD, reason: null });
    expect(checkRedemption(steth, WAD, T, { value: 2n * WAD, blockTimestamp: T - 60 })).toEqual({ value: WAD, reason: null });
  });

  it('ignores a previous read from a later block', () => {
    const later = { value: RATE, blockTimestamp: T + 100 };
    expect(checkRedemption(token, plus(50n), T, later).value).toBe(plus(50n));
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
