import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { boardCsv, boardJson, type ExportedRow } from '../lib/board/export';
import { BOARD_LAYERS, filterRows, sortRows, type BoardRow, type SortColumn } from '../lib/board/rows';
import { t } from '../lib/i18n';
import { ALERT_KINDS, type AlertKind } from '../lib/risk/alerts';
import type { LayerId, Level } from '../lib/risk/layers';
import { registry } from '../lib/tokens/registry';
import { alertKindName } from '../lib/ui/alert-text';
import { boardStore, closeDetail, loadBoard, openDetail, setFilter, sortBy, toggleBoardWatch } from '../lib/ui/board-store';
import { CHAIN_NAMES, chainName, formatAge, formatBps, formatRange, formatWad, LAYER_NAMES, pegTone } from '../lib/ui/format';
import { followPreferences, preferencesStore } from '../lib/ui/preferences-store';
import { PegHistoryChart } from './PegHistoryChart';
import { Sparkline } from './Sparkline';
import { Tooltip } from './Tooltip';

/*
 * board.html: every token on every chain, one row each, sortable and filterable, the watchlist on
 * top. Every cell is a button that opens the row's detail — the tooltip itself, so the board and
 * the page say the same thing — at the section of the cell pressed.
 */

const PROTOCOLS = [...new Set(registry.map((t) => t.protocol))].sort();
const CHAIN_IDS = Object.keys(CHAIN_NAMES).map(Number);

/** Which tooltip section a column's detail opens at. */
const SECTION_OF: Record<string, string> = { peg: 'peg', history: 'history', sell10: 'exit', sell100: 'exit', sell1000: 'exit', redeem: 'exit', apr7d: 'yield', apr30d: 'yield', alerts: 'alerts' };

/** A layer cell's compact mark (its colour carries the level too; the title and label say it in words). */
const LEVEL_MARK: Record<Level, string> = { low: 'L', medium: 'M', high: 'H', unknown: '?', none: '–' };

interface Column {
  id: SortColumn;
  label: string;
  /** A short header for the layer cells, with the full name as its title. */
  short?: string;
}

const COLUMNS: Column[] = [
  { id: 'token', label: t('board.column.token') },
  { id: 'chain', label: t('board.column.chain') },
  { id: 'peg', label: t('board.column.peg') },
  { id: 'history', label: t('board.column.history') },
  { id: 'sell10', label: t('board.column.sell10') },
  { id: 'sell100', label: t('board.column.sell100') },
  { id: 'sell1000', label: t('board.column.sell1000') },
  { id: 'redeem', label: t('board.column.redeem') },
  { id: 'apr7d', label: t('board.column.apr7d') },
  { id: 'apr30d', label: t('board.column.apr30d') },
  ...BOARD_LAYERS.map((layer) => ({ id: `layer:${layer}`, label: layer === 'oracle' ? t('board.column.oracle') : LAYER_NAMES[layer], short: LAYER_NAMES[layer].split(/[ &]/)[0] })),
  { id: 'supply', label: t('board.column.supply') },
  { id: 'alerts', label: t('board.column.alerts') },
];

export function Board() {
  const state = useStore(boardStore);
  const { units } = useStore(preferencesStore);
  const dark = useDarkScheme();

  useEffect(() => {
    followPreferences();
    // board.html#wstETH:1 opens at that row (the tooltip's token name links here).
    const focus = decodeURIComponent(location.hash.slice(1));
    const match = /^([A-Za-z0-9]{1,16}):(\d+)$/.exec(focus);
    if (match) openDetail(match[1]!, Number(match[2]));
    void loadBoard();
  }, []);

  const shown = useMemo(
    () => sortRows(filterRows(state.rows, state.filter, chainName), state.sort.column, state.sort.direction),
    [state.rows, state.filter, state.sort],
  );
  const newest = Math.max(0, ...state.rows.map((r) => r.readAt ?? 0));
  const exported = (): ExportedRow[] => shown.map((row) => ({ row, reply: state.replies.find((r) => r.symbol === row.symbol && r.chainId === row.chainId) ?? null }));

  return (
    <main className="bd" data-theme={dark ? 'dark' : 'light'}>
      <header className="bd-head">
        <h1>{t('board.title')}</h1>
        <p className="bd-muted">{t('board.intro')}</p>
      </header>

      <div className="bd-tools" role="search">
        <input type="search" aria-label={t('board.search')} placeholder={t('board.search')} value={state.filter.query} onChange={(e) => setFilter({ query: e.target.value })} data-testid="board-search" />
        <Select label={t('board.filter.kind')} value={state.filter.kind} testId="filter-kind" onChange={(v) => setFilter({ kind: v as 'all' | 'LST' | 'LRT' })}
          options={[['all', t('board.filter.all')], ['LST', 'LST'], ['LRT', 'LRT']]} />
        <Select label={t('board.filter.protocol')} value={state.filter.protocol} testId="filter-protocol" onChange={(v) => setFilter({ protocol: v })}
          options={[['all', t('board.filter.all')], ...PROTOCOLS.map((p): [string, string] => [p, p])]} />
        <Select label={t('board.filter.chain')} value={state.filter.chainId === null ? 'all' : String(state.filter.chainId)} testId="filter-chain"
          onChange={(v) => setFilter({ chainId: v === 'all' ? null : Number(v) })}
          options={[['all', t('board.filter.all')], ...CHAIN_IDS.map((id): [string, string] => [String(id), chainName(id)])]} />
        <Select label={t('board.filter.alert')} value={state.filter.alert} testId="filter-alert" onChange={(v) => setFilter({ alert: v as 'all' | 'any' | AlertKind })}
          options={[['all', t('board.filter.all')], ['any', t('board.filter.anyAlert')], ...ALERT_KINDS.map((k): [string, string] => [k, alertKindName(k)])]} />
        <span className="bd-actions">
          <button type="button" data-testid="export-csv" onClick={() => download(`stakelens-board-${day()}.csv`, 'text/csv', boardCsv(exported()))}>{t('board.exportCsv')}</button>
          <button type="button" data-testid="export-json" onClick={() => download(`stakelens-board-${day()}.json`, 'application/json', boardJson(exported(), Date.now()))}>{t('board.exportJson')}</button>
          <button type="button" data-testid="board-refresh" disabled={state.loading} onClick={() => void loadBoard({ force: true })}>{t('board.refresh')}</button>
        </span>
      </div>

      <p className="bd-muted" aria-live="polite" data-testid="board-status">
        {t('board.shown', { shown: String(shown.length), total: String(state.rows.length) })}
        {' · '}
        {state.loading ? t('board.reading') : newest ? t('board.readAt', { age: formatAge((state.loadedAt - newest) / 1000) }) : ''}
      </p>
      {state.error && <p className="bd-bad" role="alert">{state.error}</p>}

      <div className="bd-scroll">
        <table className="bd-table" data-testid="board" aria-busy={state.loading}>
          <caption className="bd-sr">{t('board.caption')}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const sorted = state.sort.column === c.id;
                return (
                  <th key={c.id} scope="col" aria-sort={sorted ? state.sort.direction : 'none'} data-column={c.id}>
                    <button type="button" onClick={() => sortBy(c.id)} title={t('board.sortBy', { column: c.label })}>
                      {c.short ? <abbr title={c.label}>{c.short}</abbr> : c.label}
                      <span aria-hidden="true" className="bd-arrow">{sorted ? (state.sort.direction === 'ascending' ? '▲' : '▼') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <BoardRowView key={row.key} row={row} units={units} selected={state.selected?.key === row.key} />
            ))}
          </tbody>
        </table>
        {state.ready && !shown.length && <p className="bd-muted">{t('board.empty')}</p>}
      </div>

      {state.selected && <Detail />}
    </main>
  );
}

function BoardRowView({ row, units, selected }: { row: BoardRow; units: 'bps' | 'percent'; selected: boolean }) {
  const open = (column: string) => openDetail(row.symbol, row.chainId, column);
  const cell = (column: string, content: ReactNode, label: string, className?: string) => (
    <td className={className} data-cell={column}>
      <button type="button" className="bd-cell" aria-label={`${row.symbol} ${chainName(row.chainId)}: ${label}`} onClick={() => open(column)}>
        {content}
      </button>
    </td>
  );
  const unavailable = (reason: string | null) => <span className="bd-na" title={reason ?? undefined}>—</span>;
  const cost = (bps: number | null) => (bps === null ? unavailable(row.sellReason) : formatBps(-bps, units));
  const costLabel = (bps: number | null) => (bps === null ? t('board.unavailable', { reason: row.sellReason ?? '' }) : formatBps(-bps, units));
  const apr = (bps: number | null) => (bps === null ? (row.yieldPending ? <span className="bd-muted">{t('board.pending')}</span> : unavailable(row.yieldReason)) : formatBps(bps, 'percent').replace('+', ''));
  const aprLabel = (bps: number | null) => (bps === null ? (row.yieldPending ? t('board.pending') : t('board.unavailable', { reason: row.yieldReason ?? '' })) : formatBps(bps, 'percent'));
  const pegLabel = row.pegBps === null ? t('board.unavailable', { reason: row.pegReason ?? row.error ?? '' }) : formatBps(row.pegBps, units);
  const redeem = row.redeemMaxSeconds === null ? null : formatRange(row.redeemMinSeconds, row.redeemMaxSeconds);
  const supply = row.supplyEth === null ? null : t('board.supplyEth', { amount: formatWad(row.supplyEth, 0) });

  return (
    <tr
      data-board-row={row.key}
      data-peg-bps={row.pegBps ?? ''}
      data-apr-7d-bps={row.apr7dBps ?? ''}
      data-apr-30d-bps={row.apr30dBps ?? ''}
      data-redeem-seconds-max={row.redeemMaxSeconds ?? ''}
      data-supply-eth={row.supplyEth ?? ''}
      data-alert={row.alerts.join(' ')}
      data-watched={row.watched}
      aria-selected={selected}
      className={row.alerts.length ? 'bd-alerted' : undefined}
    >
      <th scope="row" data-cell="token">
        <button type="button" className="bd-star" aria-pressed={row.watched} title={t('board.watched')} aria-label={`${t('board.watched')}: ${row.symbol} ${chainName(row.chainId)}`}
          onClick={() => void toggleBoardWatch(row.symbol, row.chainId, !row.watched)}>
          {row.watched ? '★' : '☆'}
        </button>
        <button type="button" className="bd-cell bd-token" onClick={() => open('token')}>
          <b>{row.symbol}</b> <span className="bd-tag">{row.kind}</span> <span className="bd-muted">{row.protocol}</span>
        </button>
      </th>
      {cell('chain', chainName(row.chainId), chainName(row.chainId))}
      {cell('peg', row.pegBps === null ? unavailable(row.pegReason ?? row.error) : <span className={`bd-${pegTone(row.pegBps)}`}>{formatBps(row.pegBps, units)}</span>, pegLabel, 'bd-num')}
      <td data-cell="history">
        <button type="button" className="bd-cell bd-spark" aria-label={`${row.symbol} ${chainName(row.chainId)}: ${t('board.column.history')}`} onClick={() => open('history')}>
          <Sparkline series={row.history?.series ?? null} pending={row.history?.pending ?? true} units={units} />
        </button>
      </td>
      {cell('sell10', cost(row.sellCostBps[0] ?? null), costLabel(row.sellCostBps[0] ?? null), 'bd-num')}
      {cell('sell100', cost(row.sellCostBps[1] ?? null), costLabel(row.sellCostBps[1] ?? null), 'bd-num')}
      {cell('sell1000', cost(row.sellCostBps[2] ?? null), costLabel(row.sellCostBps[2] ?? null), 'bd-num')}
      {cell('redeem', redeem ?? unavailable(row.redeemReason), redeem ?? t('board.unavailable', { reason: row.redeemReason ?? '' }))}
      {cell('apr7d', apr(row.apr7dBps), aprLabel(row.apr7dBps), 'bd-num')}
      {cell('apr30d', apr(row.apr30dBps), aprLabel(row.apr30dBps), 'bd-num')}
      {BOARD_LAYERS.map((layer: LayerId) => {
        const level = row.layers[layer];
        const name = layer === 'oracle' ? t('board.column.oracle') : LAYER_NAMES[layer];
        return level ? (
          <td key={layer} data-cell={`layer:${layer}`} data-level={level}>
            <button type="button" className={`bd-cell sl-level sl-level-${level}`} title={`${name}: ${t(`risk.level.${level}`)}`} aria-label={`${row.symbol} ${chainName(row.chainId)}: ${name} ${t(`risk.level.${level}`)}`} onClick={() => open(`layer:${layer}`)}>
              {LEVEL_MARK[level]}
            </button>
          </td>
        ) : (
          <td key={layer} data-cell={`layer:${layer}`} className="bd-muted" title={t('board.notApplicable')}>
            <span aria-label={`${name}: ${t('board.notApplicable')}`}>·</span>
          </td>
        );
      })}
      {cell('supply', supply ?? unavailable(row.supplyReason), supply ?? t('board.unavailable', { reason: row.supplyReason ?? '' }), 'bd-num')}
      {cell('alerts', row.alerts.length ? row.alerts.map((k) => <span key={k} className={`bd-chip bd-chip-${k}`}>{alertKindName(k)}</span>) : <span className="bd-muted">·</span>, row.alerts.map(alertKindName).join(', ') || '—')}
    </tr>
  );
}

/** The selected row's detail: the tooltip itself, at the section of the cell pressed. */
function Detail() {
  const { selected, replies, loadedAt, history } = useStore(boardStore);
  const { units } = useStore(preferencesStore);
  const panel = useRef<HTMLElement>(null);
  const dark = useDarkScheme();
  const [symbol, chain] = selected!.key.split(':');
  const chainId = Number(chain);
  const reply = replies.find((r) => r.symbol === symbol && r.chainId === chainId) ?? null;
  const peg = history[selected!.key] ?? null;

  useEffect(() => {
    const section = SECTION_OF[selected!.column] ?? (selected!.column.startsWith('layer:') ? 'risk' : null);
    const target = section ? panel.current?.querySelector(`[data-section="${section}"], .sl-alerts`) : null;
    (target ?? panel.current)?.scrollIntoView?.({ block: 'nearest' });
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeDetail();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected]);

  return (
    <aside ref={panel} tabIndex={-1} className="bd-detail" role="region" aria-label={t('board.detail', { symbol: symbol!, chain: chainName(chainId) })} data-testid="board-detail" data-detail-of={selected!.key}>
      <button type="button" className="bd-close" onClick={closeDetail} aria-label={t('board.close')}>×</button>
      <div className="sl-layer-root" data-theme={dark ? 'dark' : 'light'}>
        <Tooltip id="board-detail" symbol={symbol!} chainId={chainId} match={null} via={null} reply={reply} loading={!reply} error={null} siteId="aave" now={loadedAt}
          onRefresh={() => void loadBoard({ force: true })} onWatch={(watched) => void toggleBoardWatch(symbol!, chainId, watched)} history={peg} />
        <section className="sl-tooltip bd-history" data-section="history">
          <h3>{t('board.historyHeading')}</h3>
          <PegHistoryChart series={peg?.series ?? null} pending={peg?.pending ?? true} units={units} panelWidth={190} height={130} />
        </section>
      </div>
    </aside>
  );
}

function Select({ label, value, options, onChange, testId }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void; testId: string }) {
  return (
    <label className="bd-select">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </label>
  );
}

function useDarkScheme(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  return query?.matches ?? false;
}

const day = () => new Date().toISOString().slice(0, 10);

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
