import type { Address } from 'viem';
import type { TokenEntry } from '../tokens/schema';
import { erc20Abi } from './abis';
import { checkMarkets } from './bounds';
import { valueOf, type CallBatch, type CallResult } from './calls';
import { planExit, TYPICAL_BEACON_EXIT } from './exit';
import { planInstant } from './instant';
import type { BridgeRoute, ExitPart, Figures, MarketReading, RestakingReading } from './figures';
import { planRoute } from './layerzero';
import { planMarket, type MarketDecodeInput, type MarketPlan } from './market';
import { planPauses } from './pauses';
import { judgeRate, openFall, type Evidence, type RateJudgement, type RateState } from './rate-trust';
import { judgedRead, planConfirmers, planRedemption } from './redemption';
import { planRestaking, type SecondRound } from './restaking';
import { ratioBps, spreadBps, WAD } from './units';

/** Sizes for "sell now": what a user, a whale and a fund would sell. */
export const SELL_SIZES_ETH = [10n * WAD, 100n * WAD, 1_000n * WAD] as const;

export interface TokenReadContext {
  /** What was trusted before: the last trusted value of the judged read, and any open move. */
  rateState?: RateState | null;
  /** The beacon chain's exit queue, when a beacon node is configured; else the typical range is shown. */
  beaconExit?: ExitPart;
  /** An earlier restaking reading young enough to carry its allocations over (the cache decides how young). */
  earlierRestaking?: RestakingReading | null;
}

export interface BlockInfo {
  number: bigint;
  timestamp: number;
}

/** One token's figures from a batch, and what the trust rule made of its judged read. */
export interface TokenRead {
  figures: Figures;
  /** The judged read's outcome (null when the token has none, or on an L2). */
  judgement: RateJudgement | null;
}

export type TokenDecoder = ((block: BlockInfo, readAt: number, rpcHost: string, pastRead?: Evidence) => TokenRead) & {
  /** Reads that depend on this batch's results (an LRT's EigenLayer allocations): one more multicall, before decoding. */
  secondRound?: SecondRound;
  /** An earlier reading whose allocations may stand in for the second round. */
  carryFrom?: RestakingReading;
};

/** Adds every call one token needs to the batch; the returned function turns the results into figures. */
export function planToken(token: TokenEntry, batch: CallBatch, context: TokenReadContext): TokenDecoder {
  const judged = judgedRead(token);
  const rateRead = planRedemption(token.redemption, batch);
  // For a rebasing token the judged read is its share rate, a call of its own; otherwise the rate itself.
  const judgedValue = token.redemption.kind === 'pegged' ? (judged?.plan(batch) ?? null) : rateRead;
  const evidence = planConfirmers(token.confirmers, batch);
  const pauses = planPauses(token.pauses, batch);
  const escrows = planEscrows(token, batch);
  const routes = planHomeRoutes(token, batch);
  const state = context.rateState ?? null;
  const rateHint = state?.value && token.redemption.kind !== 'pegged' ? BigInt(state.value) : token.rateHint;
  const markets = token.market.map((source) => planMarket(token, source, batch, SELL_SIZES_ETH, rateHint));
  const redeem = planExit(token.exit, batch);
  const instant = planInstant('instant' in token.exit ? token.exit.instant : undefined, batch, SELL_SIZES_ETH);
  const restaking = planRestaking(token.restaking, batch);
  // What exists of the token on its home chain (the board's supply: totalSupply × redemption value).
  const home = token.deployments.find((d) => d.chainId === token.homeChainId);
  const totalSupply = home ? batch.add({ address: home.address, abi: erc20Abi, functionName: 'totalSupply' }) : null;

  const decode: TokenDecoder = (block, readAt, rpcHost, pastRead) => {
    let judgement: RateJudgement | null = null;
    let readValue: bigint | null = null;
    let readReason: string | null = null;
    if (judged && judgedValue) {
      const raw = judgedValue();
      readValue = raw.value;
      readReason = raw.reason;
      judgement =
        raw.value === null
          ? // The call failed: an open fall stays on record, the value is unavailable.
            { value: null, reason: raw.reason, move: openFall(state?.move ?? null, block.timestamp), checks: [], wantsPastRead: false }
          : judgeRate({ label: judged.label, protocol: token.protocol, bounds: judged.bounds, read: raw.value, block, state, evidence: [...evidence(block.timestamp), ...(pastRead ? [pastRead] : [])] });
    }
    const pegged = token.redemption.kind === 'pegged';
    // A 1:1 token's redemption value is its design; its share rate's judgement only adds the move.
    const rate = pegged ? WAD : (judgement?.value ?? null);
    const redemption: Figures['redemption'] = {
      value: rate?.toString() ?? null,
      label: token.redemption.label,
      reason: pegged ? null : (judgement?.reason ?? readReason),
      read: pegged ? WAD.toString() : (readValue?.toString() ?? null),
      move: judgement?.move ?? null,
      checks: judgement?.checks ?? [],
    };

    const readings = checkedReadings(markets, rate, block.timestamp);
    const dex = deepestDex(markets, { rate, blockTimestamp: block.timestamp });
    const sellQuotes = dex?.sells?.({ rate, blockTimestamp: block.timestamp }) ?? [];
    const figures: Figures = {
      symbol: token.symbol,
      chainId: token.homeChainId,
      readAt,
      blockNumber: block.number.toString(),
      blockTimestamp: block.timestamp,
      rpcHost,
      redemption,
      markets: readings,
      peg: pegOf(readings, rate, redemption.reason),
      sell: { venue: dex ? dex.source.label : null, quotes: sellQuotes, reason: dex ? null : 'no DEX source for this token' },
      redeem: redeem({ now: block.timestamp, rate, beacon: context.beaconExit ?? TYPICAL_BEACON_EXIT }),
      instant: instant({ now: block.timestamp }),
      pauses: pauses(),
      supply: homeSupply(token.symbol, totalSupply, escrows()),
      bridgeRoutes: routes(),
      restaking: restaking?.decode(readAt) ?? null,
    };
    return { figures, judgement };
  };
  if (restaking) decode.secondRound = restaking.secondRound;
  if (restaking && context.earlierRestaking) decode.carryFrom = context.earlierRestaking;
  return decode;
}

function homeSupply(symbol: string, totalSupply: (() => CallResult) | null, escrows: Record<string, string | null>): Figures['supply'] {
  if (!totalSupply) return { total: null, escrows, reason: `no ${symbol} contract on its home chain in the registry` };
  const total = valueOf<bigint>(totalSupply(), `${symbol}.totalSupply()`);
  return { total: total.ok ? total.value.toString() : null, escrows, reason: total.ok ? null : total.reason };
}

/** What each bridge escrow on the home chain holds of the token (one balanceOf per distinct escrow). */
function planEscrows(token: TokenEntry, batch: CallBatch): () => Record<string, string | null> {
  const home = token.deployments.find((d) => d.chainId === token.homeChainId)!;
  const escrows = [...new Set(token.deployments.flatMap((d) => (d.bridge?.escrow ? [d.bridge.escrow] : [])))];
  const calls = escrows.map((escrow) => ({ escrow, call: batch.add({ address: home.address, abi: erc20Abi, functionName: 'balanceOf', args: [escrow] }) }));
  return () => Object.fromEntries(calls.map(({ escrow, call }) => {
    const got = valueOf<bigint>(call(), `${token.symbol}.balanceOf(${escrow})`);
    return [escrow, got.ok ? got.value.toString() : null];
  }));
}

/** On the home chain: each LayerZero adapter's verifier set for messages from the chains it bridges to. */
function planHomeRoutes(token: TokenEntry, batch: CallBatch): () => BridgeRoute[] {
  // One read per adapter and chain (Kelp's wrsETH rides the same route as its OFT).
  const routes = new Map(
    token.deployments.flatMap((d) => (d.bridge?.layerzero ? [[`${d.bridge.layerzero.homeOapp}:${d.chainId}`, { oapp: d.bridge.layerzero.homeOapp, chainId: d.chainId }] as const] : [])),
  );
  const reads = [...routes.values()].map((r) => planRoute(batch, token.homeChainId, r.oapp as Address, r.chainId));
  return () => reads.map((read) => read());
}

/** Each market's readings, with prices too far from the redemption value kept only when a second source agrees. */
function checkedReadings(markets: MarketPlan[], rate: bigint | null, blockTimestamp: number): MarketReading[] {
  return checkMarkets(markets.flatMap((m) => m.readings({ rate, blockTimestamp })), rate);
}

/** The DEX source whose deepest venue is the deepest: where selling is quoted. */
function deepestDex(markets: MarketPlan[], input: MarketDecodeInput): MarketPlan | undefined {
  const depth = (m: MarketPlan) => m.readings(input).reduce((max, r) => (r.depthEth !== null && BigInt(r.depthEth) > max ? BigInt(r.depthEth) : max), -1n);
  return markets.filter((m) => m.sells).reduce<MarketPlan | undefined>((best, m) => (!best || depth(m) > depth(best) ? m : best), undefined);
}

/**
 * Peg = market / redemption − 1, from the deepest usable DEX venue, else a market feed; uncertain
 * feeds never alone. Where people trade is the deepest pool; a thin one moves on little.
 */
export function pegOf(readings: MarketReading[], rate: bigint | null, rateReason?: string | null): Figures['peg'] {
  if (rate === null) {
    // Say why: "past its bounds" is something a user should see, not only "unavailable".
    return { bps: null, market: null, sourceId: null, disagreementBps: null, reason: `the redemption value is unavailable${rateReason ? `: ${rateReason}` : ''}` };
  }
  const priced = readings.filter((r) => r.price !== null);
  const usable = priced.filter((r) => r.usable);
  const depth = (r: MarketReading) => (r.depthEth === null ? -1n : BigInt(r.depthEth));
  const dexes = usable.filter((r) => r.kind === 'dex').sort((a, b) => (depth(b) > depth(a) ? 1 : depth(b) < depth(a) ? -1 : 0));
  const chosen = dexes[0] ?? usable[0];
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
export function planBridgedToken(token: TokenEntry, chainId: number, batch: CallBatch, home: Figures | null): TokenDecoder {
  const deployment = token.deployments.find((d) => d.chainId === chainId);
  if (!deployment) throw new Error(`${token.symbol} has no deployment on chain ${chainId}`);
  const rateHint = home?.redemption.value ? BigInt(home.redemption.value) : token.rateHint;
  const markets = deployment.market.map((source) => planMarket(token, source, batch, SELL_SIZES_ETH, rateHint, chainId));
  // What this chain's supply is, for the check against what the bridge holds on the home chain.
  const supply = deployment.bridge ? batch.add({ address: deployment.address, abi: erc20Abi, functionName: 'totalSupply' }) : null;
  const route = deployment.bridge?.layerzero ? planRoute(batch, chainId, deployment.bridge.layerzero.oapp as Address, token.homeChainId) : null;

  return (block, readAt, rpcHost) => {
    const rate = home?.redemption.value ? BigInt(home.redemption.value) : null;
    const readings = checkedReadings(markets, rate, block.timestamp);
    const dex = deepestDex(markets, { rate, blockTimestamp: block.timestamp });
    const homeLabel = `${token.redemption.label} on Ethereum`;
    const total = supply ? valueOf<bigint>(supply(), `${token.symbol}.totalSupply()`) : null;
    const figures: Figures = {
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
        // The home chain's judgement: a fall there is a fall here.
        read: home?.redemption.read ?? null,
        move: home?.redemption.move ?? null,
        checks: home?.redemption.checks ?? [],
      },
      markets: readings,
      peg: pegOf(readings, rate, home?.redemption.reason),
      sell: {
        venue: dex ? dex.source.label : null,
        quotes: dex?.sells?.({ rate, blockTimestamp: block.timestamp }) ?? [],
        reason: dex ? null : `no DEX source for ${token.symbol} on this chain`,
      },
      redeem: bridgedRedeem(home),
      // The instant road is the home chain's, after bridging back.
      instant: home?.instant ?? null,
      // Pauses are the protocol's, on the home chain.
      pauses: home?.pauses ?? [],
      supply: {
        total: total?.ok ? total.value.toString() : null,
        escrows: {},
        reason: total && !total.ok ? total.reason : deployment.bridge ? null : 'no bridge known for this deployment',
      },
      // This chain's OFT (it mints) and the home adapter's route from this chain (it releases what it holds).
      bridgeRoutes: [...(route ? [route()] : []), ...(home?.bridgeRoutes ?? []).filter((r) => r.remoteChainId === chainId)],
      // The stake behind a bridged token is the home chain's.
      restaking: home?.restaking ?? null,
    };
    return { figures, judgement: null };
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
    return { minSeconds: null, maxSeconds: null, parts: [bridge], notes: [], reason: home?.redeem.reason ?? 'the Ethereum side is unavailable', paused: home?.redeem.paused, queue: home?.redeem.queue ?? null, bunker: home?.redeem.bunker ?? false };
  }
  return {
    // The range is the Ethereum side's; the bridge comes on top of it and is said so.
    minSeconds: home.redeem.minSeconds,
    maxSeconds: home.redeem.maxSeconds,
    parts: [bridge, ...home.redeem.parts],
    notes: ['Times are for redeeming on Ethereum, after the bridge.', ...home.redeem.notes],
    reason: null,
    paused: home.redeem.paused,
    queue: home.redeem.queue,
    bunker: home.redeem.bunker,
  };
}
