import type { Figures, MarketReading, TokenYield } from '../chain/figures';
import { ratioBps } from '../chain/units';
import type { TokenEntry } from '../tokens/schema';
import { alertThresholdsFor, type AlertThresholds } from './alert-thresholds';

/*
 * The bad day, one rule per kind. Each alert is computed from figures the background read (their
 * sources named), carries the figures it stands on, and is worded by the UI. An alert computed from
 * figures older than their time-to-live (every RPC down) stays, marked stale, with those figures.
 */

export const ALERT_KINDS = ['depeg', 'rate-fall', 'paused', 'exit-slow', 'stale', 'unbacked'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertLevel = 'medium' | 'high';

export type AlertFacts =
  | {
      kind: 'depeg';
      /** The liquidity-weighted market against the redemption value (negative: below). */
      bps: number;
      market: string;
      redemption: string;
      sources: { label: string; price: string; weight: number }[];
    }
  | {
      kind: 'rate-fall';
      bps: number;
      from: string | null;
      to: string;
      read: string;
      confirmed: boolean;
      confirmedBy: string | null;
      since: number;
      sinceBlock: string;
    }
  | { kind: 'paused'; reads: string[]; affects: ('withdrawals' | 'deposits' | 'transfers')[] }
  | {
      kind: 'exit-slow';
      maxSeconds: number | null;
      thresholdSeconds: number;
      bunker: boolean;
      queue: { eth: string; beforeEth: string; hours: number; label: string } | null;
    }
  | { kind: 'stale'; what: 'redemption' | 'market'; ageSeconds: number | null; limitSeconds: number; sources: string[] }
  | {
      kind: 'unbacked';
      /** Supply on the chains read that the escrow backs, and what the escrow holds on the home chain. */
      supply: string;
      held: string;
      escrow: string;
      chains: number[];
      excessBps: number;
    };

export interface Alert {
  kind: AlertKind;
  level: AlertLevel;
  symbol: string;
  chainId: number;
  facts: AlertFacts;
  /** The reads it stands on. */
  sources: string[];
  /** Its figures are older than their time-to-live: shown with their age. */
  stale: boolean;
  /** The block time of the figures it stands on (unix seconds). */
  at: number;
}

export interface AlertInput {
  token: TokenEntry;
  chainId: number;
  figures: Figures | null;
  /** The figures are past their time-to-live (the refresh failed or is under way). */
  stale: boolean;
  /** The token's figures on every chain the background holds (for the unbacked check). */
  everywhere: Figures[];
  /** What the withdrawal queue held about a day ago (a kept sample), for a queue that grew sharply. */
  queueBefore?: { eth: string; at: number } | null;
  /** For a stored rate: when it last changed. */
  storedSince?: TokenYield['storedSince'];
  /** Per-token overrides already merged over the defaults (alertThresholdsFor). */
  thresholds?: AlertThresholds;
}

const level = (value: number, medium: number, high: number): AlertLevel | null => (value >= high ? 'high' : value >= medium ? 'medium' : null);

/** Every alert in force for one token on one chain. */
export function alertsFor(input: AlertInput): Alert[] {
  const { figures } = input;
  if (!figures) return [];
  const thresholds = input.thresholds ?? alertThresholdsFor(input.token);
  const base = { symbol: input.token.symbol, chainId: input.chainId, stale: input.stale, at: figures.blockTimestamp };
  const rules = [depeg, rateFall, paused, exitSlow, stale, unbacked];
  return rules.flatMap((rule) => {
    const found = rule(input, figures, thresholds);
    return found ? [{ ...base, ...found }] : [];
  });
}

type Rule = (input: AlertInput, figures: Figures, t: AlertThresholds) => Pick<Alert, 'kind' | 'level' | 'facts' | 'sources'> | null;

/**
 * The market each source weighs in by its depth: a DEX pool by what it holds, a market feed (which
 * aggregates venues we do not read) as much as all the pools together; with no depth known, alike.
 */
export function weightedMarket(readings: MarketReading[]): { price: bigint; sources: { label: string; price: string; weight: number }[] } | null {
  const usable = readings.filter((r) => r.usable && r.price !== null);
  if (!usable.length) return null;
  const depthOf = (r: MarketReading) => (r.depthEth === null ? null : Number(BigInt(r.depthEth) / 10n ** 15n) / 1_000);
  const known = usable.map(depthOf).filter((d): d is number => d !== null && d > 0);
  const total = known.reduce((a, b) => a + b, 0);
  const weights = usable.map((r) => {
    const depth = depthOf(r);
    if (r.kind === 'chainlink') return total > 0 ? total : 1;
    if (depth !== null && depth > 0) return depth;
    return total > 0 ? total / Math.max(1, known.length) : 1;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  // Weighted in floating point for the weights only; prices stay exact wads scaled by integer weights.
  const scale = 1_000_000 / sum;
  let numerator = 0n;
  let denominator = 0n;
  usable.forEach((r, i) => {
    const w = BigInt(Math.max(1, Math.round(weights[i]! * scale)));
    numerator += BigInt(r.price!) * w;
    denominator += w;
  });
  return {
    price: numerator / denominator,
    sources: usable.map((r, i) => ({ label: r.label, price: r.price!, weight: Math.round((weights[i]! / sum) * 1000) / 1000 })),
  };
}

const depeg: Rule = (_input, figures, t) => {
  const redemption = figures.redemption.value;
  if (redemption === null) return null;
  const market = weightedMarket(figures.markets);
  if (!market) return null;
  const bps = ratioBps(market.price, BigInt(redemption));
  const found = level(-bps, t.depegMediumBps, t.depegHighBps);
  if (!found) return null;
  return {
    kind: 'depeg',
    level: found,
    facts: { kind: 'depeg', bps, market: market.price.toString(), redemption, sources: market.sources },
    sources: [...market.sources.map((s) => s.label), figures.redemption.label],
  };
};

const rateFall: Rule = (input, figures, t) => {
  const move = figures.redemption.move;
  if (!move || move.direction !== 'fall') return null;
  // A first read under the plausible minimum has no trusted value before it: measured against the registry's reference rate.
  const bps = move.bps ?? Math.max(0, -ratioBps(BigInt(move.to), input.token.rateHint));
  const found = level(bps, t.rateFallMediumBps, t.rateFallHighBps);
  if (!found) return null;
  return {
    kind: 'rate-fall',
    level: found,
    facts: { kind: 'rate-fall', bps, from: move.from, to: move.to, read: move.read, confirmed: move.confirmed, confirmedBy: move.confirmedBy, since: move.since, sinceBlock: move.sinceBlock },
    sources: [move.read, ...figures.redemption.checks.filter((c) => c.agrees).map((c) => c.label)],
  };
};

const paused: Rule = (_input, figures) => {
  const reads = new Map<string, 'withdrawals' | 'deposits' | 'transfers'>();
  for (const p of figures.pauses) if (p.paused) reads.set(p.label, p.affects);
  for (const label of figures.redeem.paused ?? []) if (!reads.has(label)) reads.set(label, 'withdrawals');
  if (!reads.size) return null;
  const affects = [...new Set(reads.values())];
  return {
    kind: 'paused',
    // A closed way out is the bad day; paused deposits only stop new money coming in.
    level: affects.some((a) => a !== 'deposits') ? 'high' : 'medium',
    facts: { kind: 'paused', reads: [...reads.keys()], affects },
    sources: [...reads.keys()],
  };
};

const DAY = 86_400;
/** A queue counts as grown sharply only past this much ETH more: small queues double on one request. */
const QUEUE_GROWTH_MIN_ETH = 10_000n * 10n ** 18n;

const exitSlow: Rule = (input, figures, t) => {
  const redeem = figures.redeem;
  const max = redeem.reason === null ? redeem.maxSeconds : null;
  const bySize = max === null ? null : level(max, t.exitSlowMediumDays * DAY, t.exitSlowHighDays * DAY);
  const queue = redeem.queue;
  const before = input.queueBefore;
  let grown: { eth: string; beforeEth: string; hours: number; label: string } | null = null;
  if (queue && before && BigInt(before.eth) > 0n) {
    const now = BigInt(queue.eth);
    const then = BigInt(before.eth);
    if (now * 100n >= then * BigInt(Math.round(t.queueGrowthRatio * 100)) && now - then >= QUEUE_GROWTH_MIN_ETH) {
      grown = { eth: queue.eth, beforeEth: before.eth, hours: Math.round((figures.blockTimestamp - before.at) / 3600), label: queue.label };
    }
  }
  const found: AlertLevel | null = redeem.bunker ? 'high' : (bySize ?? (grown ? 'medium' : null));
  if (!found) return null;
  const sources = [...(redeem.bunker ? ['WithdrawalQueue.isBunkerModeActive()'] : []), ...(queue ? [queue.label] : []), ...redeem.parts.filter((p) => p.measured).map((p) => p.source)];
  return {
    kind: 'exit-slow',
    level: found,
    facts: { kind: 'exit-slow', maxSeconds: max, thresholdSeconds: t.exitSlowMediumDays * DAY, bunker: redeem.bunker, queue: grown },
    sources: [...new Set(sources)],
  };
};

const stale: Rule = (input, figures, t) => {
  // The redemption value: a stored rate (rsETH's) that nobody updated past its limit, while the chain moves on.
  const since = input.storedSince;
  const limit = t.storedRateMaxHours * 3600;
  if (since && 'block' in since) {
    const age = figures.blockTimestamp - since.timestamp;
    if (since.atLeast || age > limit) {
      return {
        kind: 'stale',
        level: 'medium',
        facts: { kind: 'stale', what: 'redemption', ageSeconds: age, limitSeconds: limit, sources: [figures.redemption.label] },
        sources: [figures.redemption.label],
      };
    }
  }
  // The market: every source of the price past its age limit (the feeds stale, no pool answering).
  const priced = figures.markets.some((m) => m.price !== null);
  const staleFeeds = figures.markets.filter((m) => m.stale);
  if (!priced && staleFeeds.length > 0) {
    const ages = staleFeeds.map((m) => (m.updatedAt === null ? null : figures.blockTimestamp - m.updatedAt)).filter((a): a is number => a !== null);
    return {
      kind: 'stale',
      level: 'medium',
      facts: { kind: 'stale', what: 'market', ageSeconds: ages.length ? Math.min(...ages) : null, limitSeconds: DAY, sources: figures.markets.map((m) => m.label) },
      sources: figures.markets.map((m) => m.label),
    };
  }
  return null;
};

/** Bridged supply this far above the escrow's holdings is past any rounding: tokens exist with nothing behind them. */
const UNBACKED_TOLERANCE_BPS = 1;

const unbacked: Rule = (input) => {
  const token = input.token;
  const home = input.everywhere.find((f) => f.chainId === token.homeChainId) ?? null;
  if (!home) return null;
  // One check per escrow: every deployment it backs, on the chains read; this deployment's escrow first.
  const own = token.deployments.find((d) => d.chainId === input.chainId)?.bridge?.escrow;
  const escrows = [...new Set(token.deployments.flatMap((d) => (d.bridge?.escrow ? [d.bridge.escrow] : [])))].filter((e) => input.chainId === token.homeChainId || e === own);
  for (const escrow of escrows) {
    const held = home.supply.escrows[escrow];
    if (held === null || held === undefined) continue;
    const backed = token.deployments.filter((d) => d.bridge?.escrow === escrow);
    const read = backed.flatMap((d) => {
      const f = input.everywhere.find((x) => x.chainId === d.chainId);
      return f?.supply.total ? [{ chainId: d.chainId, total: BigInt(f.supply.total) }] : [];
    });
    if (!read.length) continue;
    const supply = read.reduce((sum, r) => sum + r.total, 0n);
    const holding = BigInt(held);
    if (supply * 10_000n <= holding * BigInt(10_000 + UNBACKED_TOLERANCE_BPS)) continue;
    const excessBps = holding === 0n ? 10_000 : ratioBps(supply, holding);
    const bridge = backed[0]!.bridge!;
    return {
      kind: 'unbacked',
      level: 'high',
      facts: { kind: 'unbacked', supply: supply.toString(), held, escrow, chains: read.map((r) => r.chainId), excessBps },
      sources: [`${token.symbol}.balanceOf(${bridge.name} escrow ${escrow})`, ...read.map((r) => `${token.symbol}.totalSupply() on chain ${r.chainId}`)],
    };
  }
  return null;
};

const RANK: Record<AlertLevel, number> = { medium: 1, high: 2 };

/** The worst of some alerts (high before medium), or undefined. */
export function worstAlert(alerts: readonly Alert[]): Alert | undefined {
  return alerts.reduce<Alert | undefined>((worst, a) => (!worst || RANK[a.level] > RANK[worst.level] ? a : worst), undefined);
}

export function levelRank(level: AlertLevel): number {
  return RANK[level];
}
