// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PegHistoryChart } from '../../../components/PegHistoryChart';
import { Sparkline } from '../../../components/Sparkline';
import { NO_ARCHIVE_REASON, type PegPoint, type PegSeries } from '../../../lib/chain/peg-points';
import { $, $$, cleanup, render, text } from './render';

afterEach(cleanup);

const DAY = 86_400;
const END = Date.UTC(2026, 10, 20, 13, 47, 12) / 1000;
const START_RATE = 1_200_000_000_000_000_000n;

/** 31 daily points; the peg dips to −412 bps on 2026-11-05; day 20 is unavailable; the rate grows 3.65% a year. */
function series(extra: Partial<PegSeries> = {}): PegSeries {
  const points: PegPoint[] = Array.from({ length: 31 }, (_, i) => {
    const at = END - (30 - i) * DAY;
    const pegBps = i === 20 ? null : i === 15 ? -412 : i % 3 === 0 ? 4 : -6;
    return {
      at,
      timestamp: at - 5,
      block: String(1000 + i),
      pegBps,
      redemption: '1000000000000000000',
      market: pegBps === null ? null : '1000000000000000000',
      source: 'Curve stETH/ETH pool get_dy (1 stETH, fee included)',
      rate: (START_RATE + (START_RATE * BigInt(i)) / 10_000n).toString(),
      reason: pegBps === null ? 'Curve stETH/ETH pool get_dy failed: execution reverted' : null,
      live: i === 30,
    };
  });
  return {
    symbol: 'stETH',
    chainId: 1,
    windowDays: 30,
    readAt: 0,
    latestBlock: '1030',
    latestTimestamp: END,
    points,
    reason: null,
    error: null,
    errorAt: null,
    rateLabel: 'stETH.getPooledEthByShares(1e18)',
    redemptionLabel: 'Lido WithdrawalQueue pays 1 ETH per stETH',
    complete: true,
    ...extra,
  };
}

describe('Sparkline', () => {
  it('plots the peg values oldest first, leaves the unavailable point out as a gap, and marks the worst depeg', async () => {
    const s = series();
    const { container } = await render(<Sparkline series={s} />);
    const svg = $('[data-sparkline]', container);
    const expected = s.points.flatMap((p) => (p.pegBps === null ? [] : [p.pegBps]));
    expect(svg.getAttribute('data-points')).toBe(expected.join(','));
    expect(svg.getAttribute('data-points')!.split(',').length).toBe(30);
    expect(svg.getAttribute('data-worst-bps')).toBe('-412');
    // The gap splits the line into two runs.
    const path = $('path', svg).getAttribute('d')!;
    expect(path.match(/M/g)!.length).toBe(2);
    // The worst point is the lowest drawn (largest y).
    const worst = $('[data-worst]', svg);
    const ys = [...path.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[2]));
    expect(Number(worst.getAttribute('cy'))).toBeCloseTo(Math.max(...ys), 0);
  });

  it('says when the series is still being read (points so far)', async () => {
    const { container } = await render(<Sparkline series={series({ complete: false })} />);
    expect($('[data-sparkline]', container).getAttribute('data-state')).toBe('partial');
    const { container: done } = await render(<Sparkline series={series()} />);
    expect($('[data-sparkline]', done).getAttribute('data-state')).toBe('ready');
  });

  it('says the range and the worst depeg in words', async () => {
    const { container } = await render(<Sparkline series={series()} />);
    expect($('[data-sparkline]', container).getAttribute('aria-label')).toBe(
      'Peg of stETH over 30 days: between −412 bps and +4 bps, now +4 bps; worst depeg −412 bps on 2026-11-05',
    );
    const { container: pct } = await render(<Sparkline series={series()} units="percent" />);
    expect($('[data-sparkline]', pct).getAttribute('aria-label')).toMatch(/worst depeg −4\.12% on 2026-11-05/);
  });

  it('says when the peg never fell below par', async () => {
    const s = series();
    s.points = s.points.map((p) => ({ ...p, pegBps: p.pegBps === null ? null : Math.abs(p.pegBps) }));
    const { container } = await render(<Sparkline series={s} />);
    const svg = $('[data-sparkline]', container);
    expect(svg.getAttribute('aria-label')).toMatch(/never below peg$/);
    expect(svg.getAttribute('data-worst-bps')).toBe('');
    expect($$('[data-worst]', svg)).toEqual([]);
  });

  it('draws in the text colour and the theme variables, so it follows light and dark', async () => {
    const { container } = await render(<Sparkline series={series()} />);
    expect($('path', container).getAttribute('stroke')).toBe('currentColor');
    expect($('[data-worst]', container).getAttribute('fill')).toBe('var(--bad, #b91c1c)');
  });

  it('shows the reason in place of the chart: no archive state, loading, nothing readable', async () => {
    const { container } = await render(<Sparkline series={series({ points: [], reason: NO_ARCHIVE_REASON })} />);
    const el = $('[data-sparkline]', container);
    expect(el.tagName).toBe('SPAN');
    expect(el.getAttribute('data-points')).toBe('');
    expect(el.getAttribute('data-state')).toBe('unavailable');
    expect(text(el)).toBe(NO_ARCHIVE_REASON);

    const { container: loading } = await render(<Sparkline series={null} pending />);
    expect($('[data-sparkline]', loading).getAttribute('data-state')).toBe('loading');
    expect(text($('[data-sparkline]', loading))).toBe('history loading…');
    const { container: nothing } = await render(<Sparkline series={null} />);
    expect($('[data-sparkline]', nothing).getAttribute('data-state')).toBe('none');
    expect(text($('[data-sparkline]', nothing))).toBe('no history yet');

    const none = series();
    none.points = none.points.map((p) => ({ ...p, pegBps: null, reason: 'no usable market price' }));
    const { container: empty } = await render(<Sparkline series={none} />);
    expect($('[data-sparkline]', empty).getAttribute('data-state')).toBe('empty');
    expect(text($('[data-sparkline]', empty))).toBe('no peg history: no usable market price');
    // With no point readable, the words say so rather than a range.
    expect($('[data-sparkline]', empty).getAttribute('title')).toBe('no usable market price');
  });

  it('says a steady peg in words', async () => {
    const s = series();
    s.points = s.points.map((p) => ({ ...p, pegBps: p.pegBps === null ? null : 0 }));
    const { container } = await render(<Sparkline series={s} />);
    expect($('[data-sparkline]', container).getAttribute('aria-label')).toBe('Peg of stETH over 30 days: steady at 0 bps, now 0 bps; never below peg');
  });
});

describe('PegHistoryChart', () => {
  it('plots the peg with the worst depeg marked and labelled, and the yield curve beside it', async () => {
    const s = series();
    const { container } = await render(<PegHistoryChart series={s} />);
    const chart = $('[data-peg-history-chart]', container);
    expect(chart.getAttribute('data-points')!.split(',').length).toBe(30);
    expect(chart.getAttribute('data-worst-bps')).toBe('-412');
    expect(chart.getAttribute('data-worst-at')).toBe(String(s.points[15]!.at));
    expect(text($('[data-worst] text', chart))).toBe('worst −412 bps, 2026-11-05');
    // The rate grows 1 bps of itself a day: 3.65% a year, from the second day on.
    const apr = chart.getAttribute('data-yield-points')!.split(',').map(Number);
    expect(apr.length).toBe(30);
    for (const a of apr) expect(a).toBe(365);
    expect($('[data-panel="yield"]', chart).getAttribute('aria-label')).toMatch(/3\.65% at the newest point/);
    // Sources, blocks and the unavailable point with its reason, under the chart.
    const caption = text(chart);
    expect(caption).toMatch(/Curve stETH\/ETH pool get_dy .* against Lido WithdrawalQueue pays 1 ETH per stETH, blocks 1000–1030/);
    expect(caption).toMatch(/1 of 31 points unavailable: Curve stETH\/ETH pool get_dy failed: execution reverted/);
    const [pegCaption, yieldCaption] = $$('figcaption', chart).map(text);
    expect(pegCaption).toBe(
      'Peg, 30 d on Ethereum: Curve stETH/ETH pool get_dy (1 stETH, fee included) against Lido WithdrawalQueue pays 1 ETH per stETH, blocks 1000–1030; 1 of 31 points unavailable: Curve stETH/ETH pool get_dy failed: execution reverted',
    );
    expect(yieldCaption).toBe("Realized yield (APR since the window's first point) of stETH.getPooledEthByShares(1e18): 3.65% now");
    expect($('[data-panel="yield"]', chart).getAttribute('aria-label')).toBe('Realized yield of stETH since 2026-10-21, annualized: 3.65% at the newest point');
  });

  it('says when the history is loading or not there yet', async () => {
    const { container: loading } = await render(<PegHistoryChart series={null} pending />);
    expect($('[data-peg-history-chart]', loading).getAttribute('data-state')).toBe('loading');
    expect(text($('[data-peg-history-chart]', loading))).toBe('history loading…');
    const { container: none } = await render(<PegHistoryChart series={null} />);
    expect($('[data-peg-history-chart]', none).getAttribute('data-state')).toBe('none');
    expect(text($('[data-peg-history-chart]', none))).toBe('no history yet');
  });

  it('shows the reason in place of the chart, and says when there is no yield to draw', async () => {
    const { container } = await render(<PegHistoryChart series={series({ points: [], reason: NO_ARCHIVE_REASON })} />);
    expect(text($('[data-peg-history-chart]', container))).toBe(NO_ARCHIVE_REASON);

    const flat = series({ rateLabel: null });
    flat.points = flat.points.map((p) => ({ ...p, rate: null }));
    const { container: noYield } = await render(<PegHistoryChart series={flat} />);
    expect($('[data-peg-history-chart]', noYield).getAttribute('data-yield-points')).toBe('');
    expect(text($('[data-panel="yield"]', noYield))).toBe('stETH has no rate that grows: no realized yield');
    expect(text($$('figcaption', noYield)[1]!)).toBe("Realized yield (APR since the window's first point) of the rate");

    const unread = series();
    unread.points = unread.points.map((p) => ({ ...p, rate: null }));
    const { container: noRate } = await render(<PegHistoryChart series={unread} />);
    expect(text($('[data-panel="yield"]', noRate))).toBe('no realized yield: fewer than two days of stETH.getPooledEthByShares(1e18) were read');
  });

  it('says so beside the chart when the last extension failed', async () => {
    const { container } = await render(<PegHistoryChart series={series({ error: 'history not extended: chain 1: HTTP 503' })} />);
    expect(text($('.sl-stale', container))).toBe('; history not extended: chain 1: HTTP 503');
  });
});
