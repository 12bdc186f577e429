import { z } from 'zod';
import type { TokenEntry } from '../tokens/schema';
import { DEFAULT_THRESHOLDS } from './thresholds';

/*
 * Where each alert starts, per token: defaults that cite their source, overridden per token in
 * settings (Settings → Alerts).
 */

const bps = z.number().int().min(1).max(10_000);
const days = z.number().min(1).max(365);

export const alertThresholdsSchema = z.object({
  depegMediumBps: bps,
  depegHighBps: bps,
  rateFallMediumBps: bps,
  rateFallHighBps: bps,
  exitSlowMediumDays: days,
  exitSlowHighDays: days,
  /** The withdrawal queue this many times what it held a day before (and 10,000 ETH more) is a run on the exit. */
  queueGrowthRatio: z.number().min(1.1).max(100),
  /** A stored rate (rsETH's) not updated for longer than this is stale. */
  storedRateMaxHours: z.number().int().min(1).max(24 * 30),
});
export type AlertThresholds = z.infer<typeof alertThresholdsSchema>;

/** Overrides per token: any subset, checked as a whole against the merged thresholds. */
export const alertOverridesSchema = z.record(z.string().regex(/^[A-Za-z0-9]{1,16}$/), alertThresholdsSchema.partial());
export type AlertOverrides = z.infer<typeof alertOverridesSchema>;

const DAY_LST = { exitSlowMediumDays: 21, exitSlowHighDays: 42 };
const DAY_LRT = { exitSlowMediumDays: 45, exitSlowHighDays: 90 };

/** The defaults for a token (exit thresholds differ for restaked tokens, which wait for EigenLayer). */
export function defaultAlertThresholds(kind: TokenEntry['kind']): AlertThresholds {
  return {
    depegMediumBps: DEFAULT_THRESHOLDS.pegMediumBps,
    depegHighBps: DEFAULT_THRESHOLDS.pegHighBps,
    rateFallMediumBps: 10,
    rateFallHighBps: 100,
    ...(kind === 'LRT' ? DAY_LRT : DAY_LST),
    queueGrowthRatio: 2,
    storedRateMaxHours: 48,
  };
}

/** A token's thresholds: the defaults, then its overrides; an override that breaks an order (medium ≥ high) is ignored whole. */
export function alertThresholdsFor(token: Pick<TokenEntry, 'symbol' | 'kind'>, overrides: AlertOverrides = {}): AlertThresholds {
  const merged = { ...defaultAlertThresholds(token.kind), ...overrides[token.symbol] };
  return checkOrder(merged) ? merged : defaultAlertThresholds(token.kind);
}

export function checkOrder(t: AlertThresholds): boolean {
  return t.depegMediumBps < t.depegHighBps && t.rateFallMediumBps < t.rateFallHighBps && t.exitSlowMediumDays < t.exitSlowHighDays;
}

/** Why each default is what it is: shown beside the settings, and in the README. */
export const ALERT_DEFAULT_SOURCES: Record<'depeg' | 'rate-fall' | 'exit-slow' | 'queue' | 'stale' | 'unbacked' | 'paused', { says: string; url: string }[]> = {
  depeg: [
    { says: 'Medium from 100 bps below the redemption value: past Aave’s 1% e-mode liquidation bonus, liquidating LST/LRT loops stops paying (Chaos Labs)', url: 'https://governance.aave.com/t/21333' },
    { says: 'High from 500 bps: SparkLend’s kill switch locks borrowing when stETH, weETH or rETH trades at 0.95 of its value', url: 'https://github.com/sparkdotfi/spark-spells' },
  ],
  'rate-fall': [
    { says: 'Medium from 10 bps: these rates only fall on a loss (a slashing, a hack); Lido reports a negative rebase only when penalties exceed rewards', url: 'https://docs.lido.fi/contracts/accounting-oracle' },
    { says: 'High from 100 bps: a loss the size of Aave’s 1% e-mode liquidation bonus (Chaos Labs)', url: 'https://governance.aave.com/t/21333' },
  ],
  'exit-slow': [
    { says: 'LST: medium past 21 days, high past 42: Lido’s queue finalizes in days on a calm day; weeks mean the beacon chain’s exit queue is long (our rule, from Lido’s own wait estimate)', url: 'https://github.com/lidofinance/withdrawals-api' },
    { says: 'LRT: medium past 45 days, high past 90: a calm exit is about 37 days (Kelp’s 8-day delay, EigenLayer’s 14 days = 100,800 blocks, the beacon chain’s ~15); past 45 something queues (our rule)', url: 'https://github.com/Layr-Labs/eigenlayer-contracts' },
    { says: 'High in Lido’s bunker mode: withdrawals finalize slowly and may be discounted', url: 'https://docs.lido.fi/contracts/withdrawal-queue-erc721' },
  ],
  queue: [{ says: 'The queue twice what it held a day before, and 10,000 ETH more: a run on the exit (our rule)', url: 'https://docs.lido.fi/contracts/withdrawal-queue-erc721' }],
  stale: [{ says: 'rsETH’s rate is stored and moves only when updateRSETHPrice() is called: more than 48 h without an update, while the chain moves, is stale', url: 'https://github.com/Kelp-DAO/LRT-rsETH/blob/main/contracts/LRTOracle.sol' }],
  unbacked: [{ says: 'More bridged tokens than the bridge holds on Ethereum: the signal of the April 2026 rsETH adapter drain (116,500 rsETH released on a single verifier’s word); Kelp’s adapter is in its deployment table', url: 'https://github.com/Kelp-DAO/LRT-rsETH#layerzero-rseth_oft' }],
  paused: [{ says: 'High when withdrawals or transfers are paused (the way out is closed), medium when only deposits are', url: 'https://docs.lido.fi/contracts/withdrawal-queue-erc721' }],
};
