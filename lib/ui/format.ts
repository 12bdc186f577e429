import { t } from '../i18n';
import type { LayerId } from '../risk/layer-ids';
import type { LayerRow } from '../risk/layers';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../risk/thresholds';
/** Display helpers. Figures arrive as wad strings; they become text only here (words from lib/i18n). */

export const CHAIN_NAMES: Record<number, string> = { 1: 'Ethereum', 10: 'Optimism', 8453: 'Base', 42161: 'Arbitrum' };

export function chainName(chainId: number): string {
  return CHAIN_NAMES[chainId] ?? t('format.chain', { id: chainId });
}

/** "1.2166" from a wad string, with `digits` decimals, truncated (never rounded up past the read). */
export function formatWad(wad: string, digits = 4): string {
  const value = BigInt(wad);
  const unit = 10n ** 18n;
  if (digits === 0) return ((value + unit / 2n) / unit).toLocaleString('en-US'); // whole ETH: nearest
  const whole = value / unit;
  const fraction = ((value % unit) * 10n ** BigInt(digits)) / unit;
  return `${whole.toLocaleString('en-US')}.${fraction.toString().padStart(digits, '0')}`;
}

/** A signed distance in bps, in the user's unit: "−35 bps" or "−0.35%". */
export function formatBps(bps: number, units: 'bps' | 'percent' = 'bps'): string {
  const sign = bps > 0 ? '+' : bps < 0 ? '−' : '';
  return units === 'percent'
    ? t('format.percent', { value: `${sign}${(Math.abs(bps) / 100).toFixed(2)}` })
    : t('format.bps', { value: `${sign}${Math.abs(bps).toLocaleString('en-US')}` });
}

/** An APR in bps as a percentage: 312 → "3.12%". */
export function formatPercent(bps: number): string {
  return t('format.percent', { value: (bps / 100).toFixed(2) });
}

export function formatDuration(seconds: number): string {
  if (seconds <= 0) return t('format.instant');
  if (seconds < 3_600) return t('format.minutes', { n: Math.max(1, Math.round(seconds / 60)) });
  if (seconds < 2 * 86_400) return t('format.hours', { n: Math.round(seconds / 3_600) });
  return t('format.days', { n: Math.round(seconds / 86_400) });
}

export function formatRange(min: number | null, max: number | null): string {
  if (min === null || max === null) return t('format.unknown');
  const a = formatDuration(min);
  const b = formatDuration(max);
  return a === b ? a : t('format.range', { from: a, to: b });
}

export function formatAge(seconds: number): string {
  if (seconds < 60) return t('format.secondsAgo', { n: Math.max(0, Math.floor(seconds)) });
  if (seconds < 3_600) return t('format.minutesAgo', { n: Math.floor(seconds / 60) });
  return t('format.hoursAgo', { n: Math.floor(seconds / 3_600) });
}

/** The peg's colour: bad from the medium risk threshold down, a warning from a fifth of it. */
export function pegTone(bps: number | null, thresholds: Pick<Thresholds, 'pegMediumBps'> = DEFAULT_THRESHOLDS): 'ok' | 'warn' | 'bad' | 'none' {
  if (bps === null) return 'none';
  if (bps <= -thresholds.pegMediumBps) return 'bad';
  if (Math.abs(bps) > thresholds.pegMediumBps / 5) return 'warn';
  return 'ok';
}

/** The layers' names as the user reads them (locales/en.json, risk.layer.*). */
export const LAYER_NAMES: Record<LayerId, string> = {
  consensus: t('risk.layer.consensus'),
  lst: t('risk.layer.lst'),
  restaking: t('risk.layer.restaking'),
  wrapper: t('risk.layer.wrapper'),
  bridge: t('risk.layer.bridge'),
  liquidity: t('risk.layer.liquidity'),
  oracle: t('risk.layer.oracle'),
};

/** A layer row's line of why: the reviewed text, or the live row's figures in the user's unit. */
export function layerWhy(row: LayerRow, units: 'bps' | 'percent' = 'bps'): string {
  if (!row.live) return row.why;
  const market = t('risk.liquidity.market', { bps: formatBps(row.live.pegBps, units) });
  return row.live.sellCostBps === null ? market : t('risk.liquidity.sell', { market, cost: formatBps(row.live.sellCostBps, units).replace(/^\+/, '') });
}
