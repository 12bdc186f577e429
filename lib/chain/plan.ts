import type { TokenEntry } from '../tokens/schema';
import { checkMarket, checkRedemption, type PreviousRate } from './bounds';
import type { CallBatch } from './calls';
import { planExit, TYPICAL_BEACON_EXIT } from './exit';
import type { ExitPart, Figures, MarketReading } from './figures';
import { planMarket, type MarketPlan } from './market';
import { planRedemption } from './redemption';
import { ratioBps, spreadBps, WAD } from './units';

/** Sizes for "sell now": what a user, a whale and a fund would sell. */
export const SELL_SIZES_ETH = [10n * WAD, 100n * WAD, 1_000n * WAD] as const;

export interface TokenReadContext {
  /** The last redemption value that passed the bounds, to catch jumps. */
  previousRate?: PreviousRate;
  /** The beacon chain's exit queue, when a beacon node is configured; else the typical range is shown. */
  beaconExit?: ExitPart;
}

export interface BlockInfo {
  number: bigint;
  timestamp: number;
}

/** Adds every call one token needs to the batch; the returned function turns the results into figures. */
export function planToken(token: TokenEntry, batch: CallBatch, context: TokenReadContext) {
  const rateRead = planRedemption(token.redemption, batch);
  const rateHint = context.previousRate?.value ?? token.rateHint;
  const markets = token.market.map((source) => planMarket(token, source, batch, SELL_SIZES_ETH, rateHint));
  const redeem = planExit(token.exit, batch);

  return (block: BlockInfo, readAt: number, rpcHost: string): Figures => {
    const raw = rateRead();
    const checked = raw.value !== null ? checkRedemption(token, raw.value, block.timestamp, context.previousRate) : raw;
    const rate = checked.value;

    const readings = checkedReadings(markets, rate, block.timestamp);
    const dex = markets.find((m) => m.sells);
    const sellQuotes = dex?.sells?.({ rate, blockTimestamp: block.timestamp }) ?? [];

    return {
      symbol: token.symbol,
      chainId: token.homeChainId,
      readAt,
      blockNumber: block.number.toString(),
      blockTimestamp: block.timestamp,
      rpcHost,
      redemption: { value: rate?.toString() ?? null, label: token.redemption.label, reason: checked.reason },
      markets: readings,
      peg: pegOf(readings, rate, checked.reason),
      sell: { venue: dex ? dex.source.label : null, quotes: sellQuotes, reason: dex ? null : 'no DEX source for this token' },
      redeem: redeem({ now: block.timestamp, rate, beacon: context.beaconExit ?? TYPICAL_BEACON_EXIT }),
    };
  };
}

/** Each market's reading, with prices too far from the redemption value dropped as broken sources. */
function checkedReadings(markets: MarketPlan[], rate: bigint | null, blockTimestamp: number): MarketReading[] {
  return markets.map((m) => {
    const reading = m.reading({ rate, blockTimestamp });
    if (reading.price === null || rate === null) return reading;
    const bad = checkMarket(BigInt(reading.price), rate);
    return bad ? { ...reading, price: null, usable: false, reason: `${reading.label}: ${bad}` } : reading;
  });
}

/** Peg = market / redemption − 1: a DEX quote first, else a market feed; uncertain feeds never alone. */
export function pegOf(readings: MarketReading[], rate: bigint | null, rateReason?: string | null): Figures['peg'] {
  if (rate === null) {
    // Say why: "past its bounds" is something a user should see, not only "unavailable".
    return { bps: null, market: null, sourceId: null, disagreementBps: null, reason: `the redemption value is unavailable${rateReason ? `: ${rateReason}` : ''}` };
  }
  const priced = readings.filter((r) => r.price !== null);
  const usable = priced.filter((r) => r.usable);
  const chosen = usable.find((r) => r.kind === 'dex') ?? usable[0];
  // The widest gap between any two priced sources is the highest price against the lowest.
  const prices = priced.map((r) => BigInt(r.price!));
  const highest = prices.reduce((a, b) => (b > a ? b : a), 0n);
  const lowest = prices.reduce((a, b) => (b < a ? b : a), highest);
  const disagreementBps = prices.length > 1 ? spreadBps(highest, lowest, rate) : null;
  if (!chosen) {
    const why = readings.map((r) => r.reason).filter(Boolean).join('; ');
    return { bps: null, market: null, sourceId: null, disagreementBps, reason: `no usable market price (${why})` };
  }
  const market = BigInt(chosen.price!);
  return { bps: ratioBps(market, rate), market: chosen.price, sourceId: chosen.id, disagreementBps, reason: null };
}

/**
 * A bridged token on an L2: its fair value is the home chain's redemption value (read there and
 * passed in); its market is the L2's own pools and feeds; redeeming means bridging home first.
 */
export function planBridgedToken(token: TokenEntry, chainId: number, batch: CallBatch, home: Figures | null) {
  const deployment = token.deployments.find((d) => d.chainId === chainId);
  if (!deployment) throw new Error(`${token.symbol} has no deployment on chain ${chainId}`);
  const rateHint = home?.redemption.value ? BigInt(home.redemption.value) : token.rateHint;
  const markets = deployment.market.map((source) => planMarket(token, source, batch, SELL_SIZES_ETH, rateHint, chainId));

  return (block: BlockInfo, readAt: number, rpcHost: string): Figures => {
    const rate = home?.redemption.value ? BigInt(home.redemption.value) : null;
    const readings = checkedReadings(markets, rate, block.timestamp);
    const dex = markets.find((m) => m.sells);
    const homeLabel = `${token.redemption.label} on Ethereum`;
    return {
      symbol: token.symbol,
      chainId,
      readAt,
      blockNumber: block.number.toString(),
      blockTimestamp: block.timestamp,
      rpcHost,
      redemption: {
        value: rate?.toString() ?? null,
        label: homeLabel,
        reason: rate === null ? `the redemption value on Ethereum is unavailable${home?.redemption.reason ? `: ${home.redemption.reason}` : ''}` : null,
      },
      markets: readings,
      peg: pegOf(readings, rate, home?.redemption.reason),
      sell: {
        venue: dex ? dex.source.label : null,
        quotes: dex?.sells?.({ rate, blockTimestamp: block.timestamp }) ?? [],
        reason: dex ? null : `no DEX source for ${token.symbol} on this chain`,
      },
      redeem: bridgedRedeem(home),
    };
  };
}

/** Redeeming from an L2: bridge home (its delay is not read), then the home chain's road. */
function bridgedRedeem(home: Figures | null): Figures['redeem'] {
  const bridge = {
    label: 'Bridge back to Ethereum first (delay not read: canonical rollup bridges take about 7 days, LayerZero/CCIP bridges minutes)',
    minSeconds: null,
    maxSeconds: null,
    measured: false,
    source: 'the token’s bridge',
  };
  if (!home || home.redeem.reason) {
    return { minSeconds: null, maxSeconds: null, parts: [bridge], notes: [], reason: home?.redeem.reason ?? 'the Ethereum side is unavailable', paused: home?.redeem.paused };
  }
  return {
    // The range is the Ethereum side's; the bridge comes on top of it and is said so.
    minSeconds: home.redeem.minSeconds,
    maxSeconds: home.redeem.maxSeconds,
    parts: [bridge, ...home.redeem.parts],
    notes: ['Times are for redeeming on Ethereum, after the bridge.', ...home.redeem.notes],
    reason: null,
    paused: home.redeem.paused,
  };
}
