import type { MarketReading } from './figures';
import { ratioBps, wadToNumber } from './units';

/*
 * Sanity bounds on market prices. (The redemption value's rule is in rate-trust.ts.) A price this
 * far from the redemption value is a broken source when it stands alone, and a depeg to show when
 * another market source agrees with it: a collapse looks exactly like that.
 */

export const MARKET_RATIO_BOUNDS = { min: 0.2, max: 1.2 } as const;
/** Two market sources agree within this (bps of each other). */
export const MARKET_AGREE_BPS = 300;

/** Why a price is outside the ratio bounds, or null inside them. */
export function checkMarket(price: bigint, redemption: bigint): string | null {
  const ratio = wadToNumber(price) / wadToNumber(redemption);
  if (ratio < MARKET_RATIO_BOUNDS.min || ratio > MARKET_RATIO_BOUNDS.max) {
    return `price ${wadToNumber(price).toFixed(4)} ETH is ${ratio.toFixed(2)}× the redemption value: outside sanity bounds`;
  }
  return null;
}

/**
 * Each reading against the bounds: one outside them is kept when another priced source (another
 * venue or a feed) agrees with it within MARKET_AGREE_BPS, and dropped as broken otherwise.
 */
export function checkMarkets(readings: MarketReading[], redemption: bigint | null): MarketReading[] {
  if (redemption === null) return readings;
  const priced = readings.filter((r) => r.price !== null);
  return readings.map((reading) => {
    if (reading.price === null) return reading;
    const price = BigInt(reading.price);
    const bad = checkMarket(price, redemption);
    if (!bad) return reading;
    const backer = priced.find((other) => other.id !== reading.id && Math.abs(ratioBps(BigInt(other.price!), price)) <= MARKET_AGREE_BPS);
    if (backer) return { ...reading, reason: `far from the redemption value; ${backer.label} agrees` };
    return { ...reading, price: null, usable: false, reason: `${reading.label}: ${bad}, and no second market source agrees` };
  });
}

/** A node whose newest block is this old is not following the chain. */
export const MAX_BLOCK_LAG_SECONDS = 3_600;

/** Sources disagreeing by more than this are flagged in the tooltip. */
export const DISAGREEMENT_BPS = 50;
