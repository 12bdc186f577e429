import { z } from 'zod';

/*
 * Where the live liquidity-and-peg layer turns medium and high. Settings (options page), with
 * defaults taken from what risk stewards and lending markets publish for LST/LRT collateral.
 */

const bps = z.number().int().min(1).max(5_000);

export const thresholdsSchema = z
  .object({
    /** Market price this far below the redemption value (bps) makes the layer medium / high. */
    pegMediumBps: bps,
    pegHighBps: bps,
    /** Selling ~100 ETH worth on the DEX costing this much (bps) makes the layer medium / high. */
    sellMediumBps: bps,
    sellHighBps: bps,
  })
  .refine((t) => t.pegMediumBps < t.pegHighBps, { message: 'the peg threshold for medium must be below the one for high', path: ['pegMediumBps'] })
  .refine((t) => t.sellMediumBps < t.sellHighBps, { message: 'the sell-cost threshold for medium must be below the one for high', path: ['sellMediumBps'] });

export type Thresholds = z.infer<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = { pegMediumBps: 100, pegHighBps: 500, sellMediumBps: 100, sellHighBps: 500 };

/** Why the defaults are what they are; shown beside the settings. */
export const THRESHOLD_SOURCES = [
  {
    says: '100 bps: past Aave’s 1% e-mode liquidation bonus, a discount makes liquidating LST/LRT loops unprofitable (Chaos Labs, Risk Stewards wstETH/WETH e-mode update)',
    url: 'https://governance.aave.com/t/21333',
  },
  {
    says: '500 bps: SparkLend’s kill switch locks borrowing when stETH, weETH or rETH trades at 0.95 of its value',
    url: 'https://github.com/sparkdotfi/spark-spells/blob/master/archive/20260312/SparkEthereum_20260312.sol',
  },
  {
    says: '500 bps: Gauntlet’s LRT listings benchmark liquidation slippage at 5%; its worst observed LRT discounts were 2–3.75%',
    url: 'https://www.comp.xyz/t/5577',
  },
] as const;
