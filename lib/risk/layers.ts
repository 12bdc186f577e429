import type { Figures, RestakingReading } from '../chain/figures';
import { tokenBySymbol } from '../tokens/registry';
import { bridgeRow } from './bridge';
import { riskFactsFor } from './facts';
import { LAYERS, type LayerId, type Level, type StaticLayerId } from './schema';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';

/*
 * The layered risk model: six rows per token, in a fixed order from the validators up to the
 * market, and a seventh for a bridged deployment. Four are static facts reviewed by hand (./facts,
 * with sources and a review date); the bridge row is reviewed facts and, for LayerZero, its
 * verifier set read on-chain; two are live (liquidity and peg from the figures; the oracle of the
 * lending market on the page). Live signals move a static level: a paused contract raises the row
 * of the layer it belongs to. Rows are data: the UI words the live ones (lib/ui/format.ts).
 */

export { LAYERS, type LayerId, type Level };

export interface LayerRow {
  layer: LayerId;
  level: Level;
  why: string;
  sources: string[];
  /** When a person last reviewed the static facts; null for a live row. */
  reviewed: string | null;
  confidence: 'primary' | 'secondary' | 'third-party' | 'unverified' | 'live';
  /** The live signal that moved the level, if one did. */
  signal?: string;
  /** The liquidity row's figures, worded by the UI: the peg and the cost of selling ~100 ETH (bps). */
  live?: { pegBps: number; sellCostBps: number | null };
  /**
   * The restaking row of an LRT with a live EigenLayer read: its operators, sets and slashable share
   * (null until read); or why it is not read. The level stays the reviewed one (see withLiveRestaking).
   */
  restaking?: { reading: RestakingReading | null; unread: string | null; blockNumber: string | null; readAt: number | null };
}

export const LEVEL_RANK: Record<Level, number> = { none: 0, low: 1, unknown: 2, medium: 3, high: 4 };

/** Where the page is: the lending market (if any) decides the oracle row. */
export interface RiskContext {
  siteId: string | null;
  /** The chain the token is shown on: a chain other than its home adds the bridge row. */
  chainId?: number;
  thresholds?: Thresholds;
}

export function liquidityRow(figures: Figures | null, thresholds: Thresholds = DEFAULT_THRESHOLDS): LayerRow {
  const base = { layer: 'liquidity' as const, sources: [], reviewed: null, confidence: 'live' as const };
  if (!figures || figures.peg.bps === null) {
    return { ...base, level: 'unknown', why: figures?.peg.reason ?? 'no figures read yet' };
  }
  const below = -figures.peg.bps;
  const cost100 = figures.sell.quotes[1]?.costBps ?? null;
  const rank = (value: number | null, medium: number, high: number) => (value === null ? 0 : value >= high ? 2 : value >= medium ? 1 : 0);
  const worst = Math.max(rank(below, thresholds.pegMediumBps, thresholds.pegHighBps), rank(cost100, thresholds.sellMediumBps, thresholds.sellHighBps));
  const level: Level = (['low', 'medium', 'high'] as const)[worst]!;
  return { ...base, level, why: '', live: { pegBps: figures.peg.bps, sellCostBps: cost100 } };
}

/**
 * Aave values these tokens at their redemption rate, capped in growth by CAPO (bgd-labs/aave-capo,
 * scripts/DeployEthereum.s.sol): the cap per year, as deployed.
 */
const AAVE_CAPO_YEARLY_CAP: Record<string, number> = {
  wstETH: 9.68,
  rETH: 9.3,
  cbETH: 8.12,
  weETH: 8.75,
  osETH: 8.75,
  ETHx: 9.24,
  ezETH: 10.89,
  rsETH: 9.83,
};
const AAVE_SOURCES = ['https://github.com/bgd-labs/aave-capo', 'https://github.com/bgd-labs/aave-address-book'];
const ORACLE_REVIEWED = '2026-11-22';

/** How the lending market on this page prices the token, and what a depeg means there. */
export function oracleRow(symbol: string, siteId: string | null): LayerRow {
  const row = { layer: 'oracle' as const, reviewed: ORACLE_REVIEWED };
  if (siteId === 'aave') {
    const cap = AAVE_CAPO_YEARLY_CAP[symbol];
    if (cap === undefined) {
      return { ...row, level: 'unknown', why: `Not one of the Aave collaterals we checked: how Aave prices ${symbol} is not known here`, sources: [], confidence: 'unverified' };
    }
    return {
      ...row,
      level: 'low',
      why: `Aave prices ${symbol} at its redemption rate (growth capped at ${cap}%/yr), not the market: a depeg alone does not liquidate; a wrong rate would`,
      sources: AAVE_SOURCES,
      confidence: 'secondary',
    };
  }
  if (siteId === 'morpho') {
    return { ...row, level: 'unknown', why: 'Each Morpho market names its own oracle: one that reads the market price liquidates on a depeg', sources: ['https://docs.morpho.org/'], confidence: 'primary' };
  }
  return { ...row, level: 'none', why: 'No lending market on this page', sources: [], confidence: 'primary' };
}

const RAISED: Record<Level, Level> = { none: 'none', low: 'medium', unknown: 'high', medium: 'high', high: 'high' };

export function riskRows(symbol: string, figures: Figures | null, context: RiskContext): LayerRow[] {
  const facts = riskFactsFor(symbol);
  const token = tokenBySymbol(symbol);
  // A paused contract belongs to the protocol for an LST and to the restaking wrapper for an LRT.
  const paused = [...new Set([...(figures?.pauses ?? []).filter((p) => p.paused).map((p) => p.label), ...(figures?.redeem.paused ?? [])])];
  const pausedLayer: StaticLayerId = token?.kind === 'LRT' ? 'wrapper' : 'lst';
  const bridged = token !== undefined && context.chainId !== undefined && context.chainId !== token.homeChainId;
  return LAYERS.flatMap((layer): LayerRow[] => {
    if (layer === 'liquidity') return [liquidityRow(figures, context.thresholds)];
    if (layer === 'oracle') return [oracleRow(symbol, context.siteId)];
    if (layer === 'bridge') return bridged ? [bridgeRow(token, context.chainId!, figures)] : [];
    const fact = facts?.[layer];
    const reviewedRow: LayerRow = fact
      ? { layer, level: fact.level, why: fact.why, sources: fact.sources, reviewed: fact.reviewed, confidence: fact.confidence }
      : { layer, level: 'unknown', why: 'Not reviewed yet', sources: [], reviewed: null, confidence: 'unverified' };
    const row = layer === 'restaking' ? withLiveRestaking(reviewedRow, token?.restaking, figures) : reviewedRow;
    if (layer === pausedLayer && paused.length) {
      return [{ ...row, level: RAISED[row.level], signal: `Paused now: ${paused.join(', ')}` }];
    }
    return [row];
  });
}

/**
 * The restaking row with what EigenLayer says now, where the registry names whose stake to read. The
 * level stays the reviewed one: the slashable share says how much an AVS could take, not how likely
 * it is (that depends on each AVS's slashing conditions, which no read shows), and no published
 * threshold turns a share into a level. The live figures are the row's detail, with their block.
 */
function withLiveRestaking(row: LayerRow, plan: NonNullable<ReturnType<typeof tokenBySymbol>>['restaking'] | undefined, figures: Figures | null): LayerRow {
  if (!plan) return row;
  if ('unread' in plan) return { ...row, restaking: { reading: null, unread: plan.unread, blockNumber: null, readAt: null } };
  const reading = figures?.restaking ?? null;
  return { ...row, restaking: { reading, unread: null, blockNumber: reading ? figures!.blockNumber : null, readAt: reading ? figures!.readAt : null } };
}

/** The worst row (ties: the lower layer of the stack), for summaries. */
export function worstRow(rows: LayerRow[]): LayerRow | undefined {
  return rows.reduce<LayerRow | undefined>((worst, row) => (!worst || LEVEL_RANK[row.level] > LEVEL_RANK[worst.level] ? row : worst), undefined);
}
