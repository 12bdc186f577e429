import { APR_BOUNDS_BPS } from './history';
import type { PegPoint } from './peg-points';

/*
 * What the pictures take from a peg series (components/Sparkline.tsx, components/PegHistoryChart.tsx):
 * the plotted values, the worst depeg, the realized-yield curve. Pure, and apart from the read plans
 * (lib/chain/peg-history.ts) so the tooltip and the board load only this.
 */

const DAY = 86_400;
const YEAR = 365 * DAY;

/** The worst depeg of the points: the lowest peg below 0; null when none was below peg (or none was read). */
export function worstDepeg(points: readonly PegPoint[]): PegPoint | null {
  let worst: PegPoint | null = null;
  for (const p of points) if (p.pegBps !== null && p.pegBps < 0 && (!worst || p.pegBps < worst.pegBps!)) worst = p;
  return worst;
}

export interface YieldPoint {
  at: number;
  /** Annualized growth of the rate from the window's first read to this point, bps. */
  aprBps: number;
}

/**
 * The realized-yield curve: at each point at least a day after the window's first read rate, the
 * rate's growth since then, annualized over the blocks' actual seconds (as lib/chain/history.ts
 * does for 7 d and 30 d); at the newest point it is the window's realized APR. Points whose APR is
 * outside APR_BOUNDS_BPS are left out, as the live figure leaves them unavailable.
 */
export function yieldCurve(points: readonly PegPoint[]): YieldPoint[] {
  const rated = points.filter((p) => p.rate !== null && p.timestamp !== null && BigInt(p.rate) > 0n);
  const first = rated[0];
  if (!first) return [];
  const base = BigInt(first.rate!);
  return rated.flatMap((p) => {
    const elapsed = p.timestamp! - first.timestamp!;
    if (elapsed < DAY) return [];
    const twice = ((BigInt(p.rate!) - base) * 10_000n * BigInt(YEAR) * 2n) / (base * BigInt(elapsed));
    const aprBps = Number(twice >= 0n ? (twice + 1n) / 2n : (twice - 1n) / 2n);
    return aprBps < APR_BOUNDS_BPS.min || aprBps > APR_BOUNDS_BPS.max ? [] : [{ at: p.at, aprBps }];
  });
}

/** The plotted peg values (bps, oldest first): the points that have one. */
export function plottedPeg(points: readonly PegPoint[]): number[] {
  return points.flatMap((p) => (p.pegBps === null ? [] : [p.pegBps]));
}
