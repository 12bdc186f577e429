import type { Figures } from '../chain/figures';
import { tokenBySymbol } from '../tokens/registry';

/*
 * A first layered risk breakdown: six rows, each a level, one line of why and its sources. Static
 * facts are data with the date they were last reviewed; the liquidity row is live, from the peg
 * and the cost of selling now. The full model (thresholds as settings, oracle per market) comes later.
 */

export const LAYERS = ['consensus', 'lst', 'restaking', 'wrapper', 'liquidity', 'oracle'] as const;
export type LayerId = (typeof LAYERS)[number];
export type Level = 'low' | 'medium' | 'high' | 'unknown' | 'none';

export interface LayerRow {
  layer: LayerId;
  level: Level;
  why: string;
  sources: string[];
  reviewed: string | null;
}

export const LAYER_NAMES: Record<LayerId, string> = {
  consensus: 'Validators',
  lst: 'Staking protocol',
  restaking: 'Restaking',
  wrapper: 'Wrapper contracts',
  liquidity: 'Liquidity & peg',
  oracle: 'Lending oracle',
};

type StaticRow = Omit<LayerRow, 'layer'>;
const REVIEWED = '2026-11-21';

const STATIC: Record<string, Record<Exclude<LayerId, 'liquidity' | 'oracle'>, StaticRow>> = {
  wstETH: {
    consensus: { level: 'low', why: 'Curated professional node operators plus a permissionless community module', sources: ['https://docs.lido.fi/staking-modules/curated-module'], reviewed: REVIEWED },
    lst: { level: 'medium', why: 'stETH is an upgradeable proxy governed by the Lido DAO', sources: ['https://docs.lido.fi/deployed-contracts/'], reviewed: REVIEWED },
    restaking: { level: 'none', why: 'Plain LST: no restaking layer', sources: [], reviewed: REVIEWED },
    wrapper: { level: 'low', why: 'wstETH is a plain, non-upgradeable wrapper of stETH shares', sources: ['https://docs.lido.fi/contracts/wsteth'], reviewed: REVIEWED },
  },
  weETH: {
    consensus: { level: 'medium', why: 'ether.fi node operators run the validators; staked ETH is restaked', sources: ['https://etherfi.gitbook.io/etherfi'], reviewed: REVIEWED },
    lst: { level: 'medium', why: 'ether.fi core contracts are UUPS proxies, upgraded often', sources: ['https://github.com/etherfi-protocol/smart-contracts'], reviewed: REVIEWED },
    restaking: { level: 'medium', why: 'Restaked on EigenLayer: stake backs AVSs and is slashable, with a 14-day withdrawal delay', sources: ['https://github.com/Layr-Labs/eigenlayer-contracts'], reviewed: REVIEWED },
    wrapper: { level: 'medium', why: 'weETH is an upgradeable (UUPS) wrapper of eETH', sources: ['https://github.com/etherfi-protocol/smart-contracts'], reviewed: REVIEWED },
  },
};

/** Peg distance that moves the liquidity row (bps below redemption value); issue #5 makes these settings. */
export const LIQUIDITY_THRESHOLDS = { medium: 50, high: 200 } as const;

export function liquidityRow(figures: Figures | null): LayerRow {
  const base = { layer: 'liquidity' as const, sources: ['live: peg and sell-now cost'], reviewed: null };
  if (!figures || figures.peg.bps === null) {
    return { ...base, level: 'unknown', why: figures?.peg.reason ?? 'no figures read yet' };
  }
  const below = -figures.peg.bps;
  const cost100 = figures.sell.quotes[1]?.costBps;
  const worst = Math.max(below, cost100 ?? 0);
  const level: Level = worst >= LIQUIDITY_THRESHOLDS.high ? 'high' : worst >= LIQUIDITY_THRESHOLDS.medium ? 'medium' : 'low';
  const cost = cost100 === undefined || cost100 === null ? '' : `; selling ~100 ETH costs ${cost100} bps`;
  return { ...base, level, why: `Market ${figures.peg.bps >= 0 ? '+' : ''}${figures.peg.bps} bps vs redemption${cost}` };
}

/** How the lending market on this page prices the token. */
export function oracleRow(symbol: string, siteId: string | null): LayerRow {
  if (siteId !== 'aave') {
    return { layer: 'oracle', level: 'none', why: 'No lending market on this page', sources: [], reviewed: REVIEWED };
  }
  return {
    layer: 'oracle',
    level: 'low',
    why: `Aave prices ${symbol} by its exchange rate (capped adapter), so a market depeg alone does not trigger liquidations`,
    sources: ['https://github.com/bgd-labs/aave-capo'],
    reviewed: REVIEWED,
  };
}

export function riskRows(symbol: string, figures: Figures | null, siteId: string | null): LayerRow[] {
  const known = STATIC[symbol];
  return LAYERS.map((layer) => {
    if (layer === 'liquidity') return liquidityRow(figures);
    if (layer === 'oracle') return oracleRow(symbol, siteId);
    const row = known?.[layer];
    if (row) return { layer, ...row };
    // A plain LST has no restaking layer: that much follows from the registry, reviewed or not.
    if (layer === 'restaking' && tokenBySymbol(symbol)?.kind === 'LST') {
      return { layer, level: 'none', why: 'Plain LST: no restaking layer', sources: [], reviewed: null };
    }
    return { layer, level: 'unknown', why: 'Not reviewed yet', sources: [], reviewed: null };
  });
}
