/*
 * Plotting the peg history (components/Sparkline.tsx, components/PegHistoryChart.tsx) with d3-shape.
 *
 * Why d3-shape (npm d3-shape 3.2.1, ISC, the d3 project; its one dependency is d3-path): its
 * `line().defined()` leaves a gap where a point is unavailable instead of drawing a line through it
 * (a peg we did not read must not be drawn), and it costs 3.6 KB gzipped with d3-path in a bundle
 * that uses `line` and `curveLinear` (18.3 KB minified: Vite 8's minifier keeps the other curves,
 * whose prototypes its single-file dist assigns at top level; measured 2026-12-07), against a
 * tooltip bundle of 149 KB. The output is plain SVG, so it follows currentColor and the theme variables, reads in
 * a screen reader through aria-label, and renders in happy-dom for the unit tests. uPlot (1.6.32,
 * about 20 KB gzipped) draws on a canvas: nothing to label, test or theme with CSS; chart.js and
 * recharts are several times larger than the whole tooltip's need; react-sparklines has had no
 * release since 2017. The straight segments (curveLinear) are on purpose: a spline would draw
 * values between two reads that no read gave.
 */
import { curveLinear, line } from 'd3-shape';

export interface PlotPoint {
  /** Unix seconds. */
  x: number;
  /** null: a gap. */
  y: number | null;
}

export interface Frame {
  width: number;
  height: number;
  /** Inner padding (px) on each side. */
  pad: { top: number; right: number; bottom: number; left: number };
}

export interface Scaled {
  path: string;
  x: (value: number) => number;
  y: (value: number) => number;
  yDomain: [number, number];
  xDomain: [number, number];
}

/**
 * The path of `points` in `frame`, x by time over `xDomain`, y over the values' range widened to
 * hold `include` (0 for the peg: the line is read against par) and at least `minSpan` tall (a flat
 * peg stays flat, not stretched into noise).
 */
export function plot(points: readonly PlotPoint[], frame: Frame, options: { xDomain?: [number, number]; include?: number[]; minSpan?: number } = {}): Scaled {
  const ys = points.flatMap((p) => (p.y === null ? [] : [p.y]));
  const xs = points.map((p) => p.x);
  const xDomain: [number, number] = options.xDomain ?? [Math.min(...xs), Math.max(...xs)];
  let lo = Math.min(...ys, ...(options.include ?? []));
  let hi = Math.max(...ys, ...(options.include ?? []));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [-1, 1];
  const span = options.minSpan ?? 0;
  if (hi - lo < span) {
    const mid = (hi + lo) / 2;
    [lo, hi] = [mid - span / 2, mid + span / 2];
  }
  const { width, height, pad } = frame;
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (value: number) => pad.left + (xDomain[1] === xDomain[0] ? innerW : ((value - xDomain[0]) / (xDomain[1] - xDomain[0])) * innerW);
  const y = (value: number) => pad.top + (hi === lo ? innerH / 2 : ((hi - value) / (hi - lo)) * innerH);
  const generator = line<PlotPoint>()
    .defined((p) => p.y !== null)
    .x((p) => round(x(p.x)))
    .y((p) => round(y(p.y!)))
    .curve(curveLinear);
  return { path: generator(points as PlotPoint[]) ?? '', x, y, yDomain: [lo, hi], xDomain };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** "2026-11-12" (UTC) from unix seconds. */
export function isoDay(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 10);
}
