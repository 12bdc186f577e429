import type { PegSeries } from '../lib/chain/peg-points';
import { plottedPeg, worstDepeg } from '../lib/chain/peg-view';
import { t } from '../lib/i18n';
import { formatBps } from '../lib/ui/format';
import { isoDay, plot } from './history-geometry';

/*
 * The peg over the window as a sparkline (a board row, the tooltip): one line of the peg in bps
 * against par (a faint line at 0), the worst depeg marked. Hook: `[data-sparkline]` whose
 * `data-points` holds the plotted peg values (bps, comma-separated, oldest first; unavailable
 * points are gaps and left out). Colours: currentColor for the line, the theme's --muted and --bad
 * (components/tooltip.css.ts) for par and the worst point, with fallbacks outside the tooltip.
 * Plotting: d3-shape, see components/history-geometry.ts for why.
 */

export interface SparklineProps {
  series: PegSeries | null;
  /** An extension is under way (nothing stored yet). */
  pending?: boolean;
  width?: number;
  height?: number;
  units?: 'bps' | 'percent';
}

/** The aria-label: the window, the range and the worst depeg, in words. */
export function describePeg(series: PegSeries, units: 'bps' | 'percent' = 'bps'): string {
  const values = plottedPeg(series.points);
  const days = series.windowDays;
  if (!values.length) return t('history.describe.unread', { symbol: series.symbol, days });
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const worst = worstDepeg(series.points);
  const range = lo === hi ? t('history.describe.steady', { peg: formatBps(lo, units) }) : t('history.describe.between', { low: formatBps(lo, units), high: formatBps(hi, units) });
  const last = values[values.length - 1]!;
  const worstText = worst ? t('history.describe.worst', { peg: formatBps(worst.pegBps!, units), day: isoDay(worst.timestamp ?? worst.at) }) : t('history.describe.neverBelow');
  return t('history.describe.summary', { symbol: series.symbol, days, range, now: formatBps(last, units), worst: worstText });
}

export function Sparkline({ series, pending = false, width = 96, height = 24, units = 'bps' }: SparklineProps) {
  if (!series) {
    return (
      <span className="sl-sparkline sl-muted" data-sparkline="" data-points="" data-state={pending ? 'loading' : 'none'}>
        {pending ? t('history.loading') : t('history.none')}
      </span>
    );
  }
  if (series.reason) {
    // In place of the chart: why there is none (an RPC without archive state says so).
    return (
      <span className="sl-sparkline sl-muted" data-sparkline="" data-points="" data-state="unavailable" title={series.reason}>
        {series.reason}
      </span>
    );
  }
  const values = plottedPeg(series.points);
  if (!values.length) {
    const why = series.points.find((p) => p.reason)?.reason ?? t('history.noPointRead');
    return (
      <span className="sl-sparkline sl-muted" data-sparkline="" data-points="" data-state="empty" title={why}>
        {t('history.empty', { why })}
      </span>
    );
  }
  const pad = { top: 3, right: 3, bottom: 3, left: 1 };
  const xDomain: [number, number] = series.latestTimestamp !== null ? [series.latestTimestamp - series.windowDays * 86_400, series.latestTimestamp] : [series.points[0]!.at, series.points[series.points.length - 1]!.at];
  const scaled = plot(series.points.map((p) => ({ x: p.at, y: p.pegBps })), { width, height, pad }, { xDomain, include: [0], minSpan: 10 });
  const worst = worstDepeg(series.points);
  const label = describePeg(series, units);
  return (
    <svg
      className="sl-sparkline"
      data-sparkline=""
      data-points={values.join(',')}
      data-worst-bps={worst?.pegBps ?? ''}
      data-state={series.complete ? 'ready' : 'partial'}
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ verticalAlign: 'middle', overflow: 'visible' }}
    >
      <title>{label}</title>
      <line x1={pad.left} x2={width - pad.right} y1={scaled.y(0)} y2={scaled.y(0)} stroke="var(--muted, #9ca3af)" strokeWidth={0.5} strokeDasharray="2 2" />
      <path d={scaled.path} fill="none" stroke="currentColor" strokeWidth={1.25} strokeLinejoin="round" strokeLinecap="round" />
      {worst && <circle data-worst="" cx={scaled.x(worst.at)} cy={scaled.y(worst.pegBps!)} r={2} fill="var(--bad, #b91c1c)" />}
    </svg>
  );
}
