import type { PegSeries } from '../lib/chain/peg-points';
import { plottedPeg, worstDepeg, yieldCurve } from '../lib/chain/peg-view';
import { t } from '../lib/i18n';
import { chainName, formatBps, formatPercent } from '../lib/ui/format';
import { isoDay, plot } from './history-geometry';
import { describePeg } from './Sparkline';

/*
 * The larger picture in a board row's detail: the peg over the window with the worst depeg marked
 * and labelled, and beside it the realized-yield curve (the rate's growth since the window's first
 * point, annualized over the blocks' actual seconds: at the right end it is the window's realized
 * APR), both from the same points. Hooks: `[data-peg-history-chart]` with `data-points` (the
 * plotted peg, bps, oldest first), `data-worst-bps`, `data-worst-at`, and `data-yield-points`
 * (APR bps, oldest first). Unavailable points are gaps, counted under the chart with the first
 * reason; a series with no history shows its reason in place of the chart.
 */

export interface PegHistoryChartProps {
  series: PegSeries | null;
  pending?: boolean;
  units?: 'bps' | 'percent';
  /** Width of each of the two panels (px). */
  panelWidth?: number;
  height?: number;
}

const PAD = { top: 14, right: 8, bottom: 18, left: 44 };
const AXIS = 'var(--muted, #6b7280)';
const GRID = 'var(--line, #d1d5db)';

export function PegHistoryChart({ series, pending = false, units = 'bps', panelWidth = 280, height = 140 }: PegHistoryChartProps) {
  if (!series || series.reason) {
    const text = series?.reason ?? (pending ? t('history.loading') : t('history.none'));
    return (
      <div className="sl-history sl-muted" data-peg-history-chart="" data-points="" data-state={series ? 'unavailable' : pending ? 'loading' : 'none'}>
        {text}
      </div>
    );
  }
  const values = plottedPeg(series.points);
  const worst = worstDepeg(series.points);
  const curve = yieldCurve(series.points);
  const missing = series.points.filter((p) => p.pegBps === null);
  const end = series.latestTimestamp ?? series.points[series.points.length - 1]?.at ?? 0;
  const xDomain: [number, number] = [end - series.windowDays * 86_400, end];
  const frame = { width: panelWidth, height, pad: PAD };
  const peg = plot(series.points.map((p) => ({ x: p.at, y: p.pegBps })), frame, { xDomain, include: [0], minSpan: 20 });
  const apr = plot(curve.map((c) => ({ x: c.at, y: c.aprBps })), frame, { xDomain, include: [0], minSpan: 100 });
  const blocks = series.points.flatMap((p) => (p.block ? [p.block] : []));
  const sources = [...new Set(series.points.flatMap((p) => (p.source ? [p.source] : [])))];
  const lastApr = curve[curve.length - 1] ?? null;

  return (
    <div
      className="sl-history"
      data-peg-history-chart=""
      data-points={values.join(',')}
      data-worst-bps={worst?.pegBps ?? ''}
      data-worst-at={worst?.at ?? ''}
      data-yield-points={curve.map((c) => c.aprBps).join(',')}
      data-state={series.complete ? 'ready' : 'partial'}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}
    >
      <figure style={{ margin: 0 }}>
        <svg role="img" aria-label={describePeg(series, units)} width={panelWidth} height={height} viewBox={`0 0 ${panelWidth} ${height}`} data-panel="peg">
          <title>{describePeg(series, units)}</title>
          <Axes scaled={peg} frame={frame} format={(v) => formatBps(Math.round(v), units)} />
          <path d={peg.path} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
          {worst && (
            <g data-worst="">
              <circle cx={peg.x(worst.at)} cy={peg.y(worst.pegBps!)} r={3.5} fill="var(--bad, #b91c1c)" />
              <text
                x={peg.x(worst.at)}
                y={Math.min(height - PAD.bottom - 2, peg.y(worst.pegBps!) + 13)}
                textAnchor={peg.x(worst.at) > panelWidth * 0.6 ? 'end' : 'start'}
                fontSize={10}
                fill="var(--bad, #b91c1c)"
              >
                {t('history.chart.worst', { peg: formatBps(worst.pegBps!, units), day: isoDay(worst.timestamp ?? worst.at) })}
              </text>
            </g>
          )}
        </svg>
        <figcaption className="sl-muted" style={{ fontSize: 11 }}>
          {t('history.chart.pegCaption', {
            days: series.windowDays,
            chain: chainName(series.chainId),
            sources: sources.join(' / ') || t('history.chart.market'),
            redemption: series.redemptionLabel ?? t('history.chart.redemption'),
          })}
          {blocks.length > 0 && t('history.chart.blocks', { first: blocks[0]!, last: blocks[blocks.length - 1]! })}
          {missing.length > 0 && (
            <span data-missing={missing.length}>
              {t('history.chart.missing', { missing: missing.length, total: series.points.length, reason: missing[0]!.reason ?? t('history.chart.noReason') })}
            </span>
          )}
          {series.error && <span className="sl-stale">{t('history.chart.error', { error: series.error })}</span>}
        </figcaption>
      </figure>
      <figure style={{ margin: 0 }}>
        {curve.length ? (
          <svg
            role="img"
            aria-label={t('history.chart.yieldLabel', { symbol: series.symbol, day: isoDay(xDomain[0]), apr: formatPercent(lastApr!.aprBps) })}
            width={panelWidth}
            height={height}
            viewBox={`0 0 ${panelWidth} ${height}`}
            data-panel="yield"
          >
            <Axes scaled={apr} frame={frame} format={(v) => formatPercent(Math.round(v))} />
            <path d={apr.path} fill="none" stroke="var(--ok, #047857)" strokeWidth={1.5} strokeLinejoin="round" />
          </svg>
        ) : (
          <div className="sl-muted" data-panel="yield" style={{ width: panelWidth }}>
            {series.rateLabel ? t('history.chart.noYieldRead', { rate: series.rateLabel }) : t('history.chart.noRate', { symbol: series.symbol })}
          </div>
        )}
        <figcaption className="sl-muted" style={{ fontSize: 11 }}>
          {lastApr
            ? t('history.chart.yieldCaptionNow', { rate: series.rateLabel ?? t('history.chart.rate'), apr: formatPercent(lastApr.aprBps) })
            : t('history.chart.yieldCaption', { rate: series.rateLabel ?? t('history.chart.rate') })}
        </figcaption>
      </figure>
    </div>
  );
}

function Axes({ scaled, frame, format }: { scaled: ReturnType<typeof plot>; frame: { width: number; height: number; pad: typeof PAD }; format: (v: number) => string }) {
  const [lo, hi] = scaled.yDomain;
  const ticks = [...new Set([hi, 0, lo].filter((v) => v >= lo && v <= hi))];
  const bottom = frame.height - frame.pad.bottom;
  return (
    <g fontSize={10} fill={AXIS}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={frame.pad.left} x2={frame.width - frame.pad.right} y1={scaled.y(v)} y2={scaled.y(v)} stroke={GRID} strokeWidth={v === 0 ? 1 : 0.5} strokeDasharray={v === 0 ? undefined : '2 3'} />
          <text x={frame.pad.left - 4} y={scaled.y(v) + 3} textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      <text x={frame.pad.left} y={bottom + 13}>
        {isoDay(scaled.xDomain[0])}
      </text>
      <text x={frame.width - frame.pad.right} y={bottom + 13} textAnchor="end">
        {isoDay(scaled.xDomain[1])}
      </text>
    </g>
  );
}
