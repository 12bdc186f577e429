import { formatEther } from 'viem';
import type { FigureReplyMessage } from '../messages';
import { BOARD_LAYERS, type BoardRow } from './rows';

/*
 * The board as files: every figure with the read it came from and the block it was read at, so a
 * figure in a spreadsheet can be traced back to the chain. Unavailable figures are empty, with the
 * reason in the row's reason column; nothing is filled in.
 */

export interface ExportedRow {
  row: BoardRow;
  reply: FigureReplyMessage | null;
}

/** Where each of the row's figures comes from: the read, and the block it was read at. */
export function figureSources({ row, reply }: ExportedRow) {
  const f = reply?.figures ?? null;
  const at = f ? { block: f.blockNumber, blockTimestamp: f.blockTimestamp, rpcHost: f.rpcHost, readAt: f.readAt } : null;
  const realized = reply?.realized ?? null;
  return {
    peg: { reads: row.pegSources, against: f?.redemption.label ?? null, at },
    sell: { venue: row.sellVenue, at },
    redeem: { parts: (f?.redeem.parts ?? []).map((p) => ({ label: p.label, source: p.source, measured: p.measured })), at },
    yield: realized?.result
      ? { read: realized.label, toBlock: realized.result.toBlock, windows: realized.result.windows.map((w) => ({ days: w.days, fromBlock: w.fromBlock, fromTimestamp: w.fromTimestamp })) }
      : { read: realized?.label ?? null, toBlock: null, windows: [] },
    supply: { reads: [`${row.symbol}.totalSupply()`, f?.redemption.label ?? null], at },
  };
}

/** JSON: one object per row with its figures, their sources and blocks, and the reasons for gaps. */
export function boardJson(rows: readonly ExportedRow[], exportedAt: number): string {
  return JSON.stringify(
    {
      exportedAt: new Date(exportedAt).toISOString(),
      units: { bps: 'basis points of the redemption value', seconds: 'seconds', eth: 'ETH (decimal)' },
      rows: rows.map((entry) => {
        const { row } = entry;
        return {
          token: row.symbol,
          chainId: row.chainId,
          kind: row.kind,
          protocol: row.protocol,
          pegBps: row.pegBps,
          sellCostBps: { '10': row.sellCostBps[0] ?? null, '100': row.sellCostBps[1] ?? null, '1000': row.sellCostBps[2] ?? null },
          redeemSeconds: { min: row.redeemMinSeconds, max: row.redeemMaxSeconds },
          aprBps: { '7d': row.apr7dBps, '30d': row.apr30dBps },
          supplyEth: row.supplyEth === null ? null : formatEther(BigInt(row.supplyEth)),
          layers: row.layers,
          alerts: row.alerts,
          watched: row.watched,
          stale: row.stale,
          reasons: reasonsOf(row),
          sources: figureSources(entry),
        };
      }),
    },
    null,
    2,
  );
}

const CSV_COLUMNS = [
  'token', 'chain_id', 'kind', 'protocol',
  'peg_bps', 'peg_sources', 'peg_against',
  'sell_10_eth_cost_bps', 'sell_100_eth_cost_bps', 'sell_1000_eth_cost_bps', 'sell_venue',
  'redeem_min_seconds', 'redeem_max_seconds', 'redeem_sources',
  'apr_7d_bps', 'apr_30d_bps', 'yield_read', 'yield_from_blocks', 'yield_to_block',
  'supply_eth', 'supply_reads',
  ...BOARD_LAYERS.map((l) => `layer_${l}`),
  'alerts', 'watched', 'stale',
  'block', 'block_time_utc', 'rpc_host', 'read_at_utc', 'reasons',
] as const;

/** A CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** CSV: a header and one line per row, the sources and the block beside the figures. */
export function boardCsv(rows: readonly ExportedRow[]): string {
  const lines = rows.map((entry) => {
    const { row } = entry;
    const s = figureSources(entry);
    const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      token: row.symbol,
      chain_id: row.chainId,
      kind: row.kind,
      protocol: row.protocol,
      peg_bps: row.pegBps,
      peg_sources: s.peg.reads.join('; '),
      peg_against: s.peg.against,
      sell_10_eth_cost_bps: row.sellCostBps[0],
      sell_100_eth_cost_bps: row.sellCostBps[1],
      sell_1000_eth_cost_bps: row.sellCostBps[2],
      sell_venue: row.sellVenue,
      redeem_min_seconds: row.redeemMinSeconds,
      redeem_max_seconds: row.redeemMaxSeconds,
      redeem_sources: s.redeem.parts.map((p) => `${p.label}: ${p.source}${p.measured ? '' : ' (typical)'}`).join('; '),
      apr_7d_bps: row.apr7dBps,
      apr_30d_bps: row.apr30dBps,
      yield_read: s.yield.read,
      yield_from_blocks: s.yield.windows.map((w) => `${w.days}d:${w.fromBlock ?? ''}`).join(' '),
      yield_to_block: s.yield.toBlock,
      supply_eth: row.supplyEth === null ? null : formatEther(BigInt(row.supplyEth)),
      supply_reads: s.supply.reads.filter(Boolean).join(' × '),
      ...(Object.fromEntries(BOARD_LAYERS.map((l) => [`layer_${l}`, row.layers[l] ?? null])) as Record<`layer_${(typeof BOARD_LAYERS)[number]}`, unknown>),
      alerts: row.alerts.join(' '),
      watched: row.watched,
      stale: row.stale,
      block: row.blockNumber,
      block_time_utc: iso(row.blockTimestamp === null ? null : row.blockTimestamp * 1000),
      rpc_host: row.rpcHost,
      read_at_utc: iso(row.readAt),
      reasons: reasonsOf(row).join('; '),
    };
    return CSV_COLUMNS.map((c) => field(values[c])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Why each missing figure is missing, in words, named by figure. */
export function reasonsOf(row: BoardRow): string[] {
  return [
    row.error && `figures: ${row.error}`,
    row.pegReason && `peg: ${row.pegReason}`,
    row.sellCostBps.some((c) => c === null) && row.sellReason && `sell: ${row.sellReason}`,
    row.redeemReason && `redeem: ${row.redeemReason}`,
    row.yieldReason && `yield: ${row.yieldReason}`,
    row.supplyReason && `supply: ${row.supplyReason}`,
  ].filter((x): x is string => typeof x === 'string' && x.length > 0);
}
