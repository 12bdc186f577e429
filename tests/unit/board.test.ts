import { describe, expect, it } from 'vitest';
import { boardCsv, boardJson, reasonsOf } from '../../lib/board/export';
import { boardRefs, boardRow, filterRows, NO_FILTER, sortRows, supplyInEth, type BoardRow } from '../../lib/board/rows';
import type { FigureReplyMessage } from '../../lib/messages';
import { registry, tokenBySymbol } from '../../lib/tokens/registry';
import { chainName } from '../../lib/ui/format';
import { makeFigures, makeReply } from './helpers';

/* The board's rows, sorting, filters and files, from replies shaped as the background sends them. */

const E18 = 10n ** 18n;
const T0 = 1_760_000_000_000;

function reply(symbol: string, chainId: number, over: Parameters<typeof makeFigures>[0] extends infer F ? Partial<F> : never = {}, extra: Partial<FigureReplyMessage> = {}) {
  return makeReply(makeFigures({ symbol, chainId, readAt: T0, ...over }), extra);
}

const row = (symbol: string, chainId: number, over = {}, extra: Partial<FigureReplyMessage> = {}) => boardRow(tokenBySymbol(symbol)!, reply(symbol, chainId, over, extra));

describe('the board’s rows', () => {
  it('has one row per token and chain, even where a token has two contracts on a chain', () => {
    const refs = boardRefs();
    const keys = refs.map((r) => `${r.symbol}:${r.chainId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const pairs = new Set(registry.flatMap((t) => t.deployments.map((d) => `${t.symbol}:${d.chainId}`)));
    expect(new Set(keys)).toEqual(pairs);
    // weETH has two contracts on Base and on Optimism: still one row each.
    expect(keys.filter((k) => k === 'weETH:8453')).toHaveLength(1);
    expect(registry.find((t) => t.symbol === 'weETH')!.deployments.filter((d) => d.chainId === 8453).length).toBeGreaterThan(1);
  });

  it('takes supply as totalSupply × redemption value, or says why not', () => {
    const f = makeFigures({ symbol: 'rETH', readAt: T0, supply: { total: (500_000n * E18).toString(), escrows: {}, reason: null }, redemption: { value: ((113n * E18) / 100n).toString(), label: 'rETH.getExchangeRate()', reason: null, read: null, move: null, checks: [] } });
    expect(supplyInEth(f)).toEqual({ value: (565_000n * E18).toString(), reason: null });
    expect(supplyInEth({ ...f, supply: { total: null, escrows: {}, reason: 'rETH.totalSupply() failed: reverted' } })).toEqual({ value: null, reason: 'rETH.totalSupply() failed: reverted' });
    expect(supplyInEth({ ...f, redemption: { ...f.redemption, value: null, reason: 'not trusted' } })).toEqual({ value: null, reason: 'not trusted' });
    // A lying node's totalSupply, more ETH than exists, is not shown.
    expect(supplyInEth({ ...f, supply: { ...f.supply, total: (10n ** 9n * E18).toString() } })).toMatchObject({ value: null, reason: expect.stringMatching(/more ETH than exists/) });
  });

  it('carries the peg, the three sell sizes in order, the wait, the yield windows, the layers and the alerts', () => {
    const quote = (costBps: number | null, reason: string | null = null) => ({ valueEth: (10n * E18).toString(), outEth: null, costBps, reason });
    const r = row(
      'weETH',
      8453,
      {
        peg: { bps: -42, market: '1', sourceId: 'uni', disagreementBps: null, reason: null },
        markets: [
          { id: 'feed', label: 'Chainlink weETH / ETH', kind: 'chainlink', price: '1', depthEth: null, updatedAt: 1, stale: false, usable: true, reason: null },
          { id: 'uni', label: 'Uniswap v3 weETH/WETH', kind: 'dex', price: '1', depthEth: '1', updatedAt: null, stale: false, usable: true, reason: null },
        ],
        sell: { venue: 'Uniswap v3 weETH/WETH', quotes: [quote(3), quote(19), quote(null, 'the pool has too little')], reason: null },
        redeem: { minSeconds: 3_600, maxSeconds: 86_400 * 9, parts: [], notes: [], reason: null, queue: null, bunker: false },
      },
      {
        realized: { symbol: 'weETH', chainId: 1, readAt: T0, label: 'weETH.getRate()', storedSince: null, reason: null, result: { symbol: 'weETH', toBlock: '10', toTimestamp: 1, windows: [{ days: 7, aprBps: 281, fromBlock: '5', fromTimestamp: 0, reason: null }, { days: 30, aprBps: null, fromBlock: null, fromTimestamp: null, reason: 'no archive state' }] } },
        alerts: [{ kind: 'depeg', level: 'high', symbol: 'weETH', chainId: 8453, facts: { kind: 'depeg', bps: -420, market: '1', redemption: '1', sources: [] }, sources: [], stale: false, at: 1 }],
        watched: true,
      },
    );
    expect(r).toMatchObject({ key: 'weETH:8453', kind: 'LRT', protocol: 'ether.fi', pegBps: -42, sellCostBps: [3, 19, null], sellReason: 'the pool has too little', redeemMinSeconds: 3_600, redeemMaxSeconds: 777_600, apr7dBps: 281, apr30dBps: null, yieldReason: 'no archive state', alerts: ['depeg'], alertRank: 2, watched: true, blockNumber: '20000000' });
    // The source the peg is read from first, then the others.
    expect(r.pegSources).toEqual(['Uniswap v3 weETH/WETH', 'Chainlink weETH / ETH']);
    // The bridge layer on an L2, not on the home chain.
    expect(Object.keys(r.layers)).toContain('bridge');
    expect(Object.keys(row('weETH', 1).layers)).not.toContain('bridge');
  });

  it('says why a row has no figures at all', () => {
    const r = boardRow(tokenBySymbol('rETH')!, makeReply(null, { symbol: 'rETH', chainId: 10, error: 'every endpoint failed' }));
    expect(r).toMatchObject({ pegBps: null, supplyEth: null, error: 'every endpoint failed' });
    expect(reasonsOf(r)).toContain('figures: every endpoint failed');
  });
});

describe('sorting and filtering', () => {
  const rows: BoardRow[] = [
    row('wstETH', 1, { peg: { bps: -5, market: '1', sourceId: null, disagreementBps: null, reason: null } }),
    row('rETH', 1, { peg: { bps: -30, market: '1', sourceId: null, disagreementBps: null, reason: null } }),
    row('rsETH', 42161),
    row('ezETH', 1, { peg: { bps: 12, market: '1', sourceId: null, disagreementBps: null, reason: null } }),
    row('cbETH', 8453, { peg: { bps: -30, market: '1', sourceId: null, disagreementBps: null, reason: null } }),
  ];
  const keys = (list: BoardRow[]) => list.map((r) => r.key);

  it('sorts either way with unavailable figures last, ties by token then chain', () => {
    expect(keys(sortRows(rows, 'peg', 'descending'))).toEqual(['ezETH:1', 'wstETH:1', 'cbETH:8453', 'rETH:1', 'rsETH:42161']);
    expect(keys(sortRows(rows, 'peg', 'ascending'))).toEqual(['cbETH:8453', 'rETH:1', 'wstETH:1', 'ezETH:1', 'rsETH:42161']);
    expect(keys(sortRows(rows, 'token', 'ascending'))).toEqual(['cbETH:8453', 'ezETH:1', 'rETH:1', 'rsETH:42161', 'wstETH:1']);
  });

  it('pins the watchlist on top under any sort', () => {
    const watched = rows.map((r) => (r.key === 'rsETH:42161' ? { ...r, watched: true } : r));
    expect(keys(sortRows(watched, 'peg', 'descending'))[0]).toBe('rsETH:42161');
    expect(keys(sortRows(watched, 'token', 'descending'))[0]).toBe('rsETH:42161');
  });

  it('sorts by a risk layer’s level', () => {
    const sorted = sortRows(rows, 'layer:restaking', 'descending');
    const levels = sorted.map((r) => r.layers.restaking);
    expect(levels.slice(-2).every((l) => l === 'none')).toBe(true);
  });

  it('filters by kind, protocol, chain, alert and every word of the search', () => {
    expect(keys(filterRows(rows, { ...NO_FILTER, kind: 'LRT' }, chainName))).toEqual(['rsETH:42161', 'ezETH:1']);
    expect(keys(filterRows(rows, { ...NO_FILTER, protocol: 'Lido' }, chainName))).toEqual(['wstETH:1']);
    expect(keys(filterRows(rows, { ...NO_FILTER, chainId: 8453 }, chainName))).toEqual(['cbETH:8453']);
    expect(keys(filterRows(rows, { ...NO_FILTER, query: 'kelp  ARBITRUM' }, chainName))).toEqual(['rsETH:42161']);
    expect(filterRows(rows, { ...NO_FILTER, query: 'kelp base' }, chainName)).toEqual([]);
    const alerted = rows.map((r) => (r.key === 'rETH:1' ? { ...r, alerts: ['paused' as const] } : r));
    expect(keys(filterRows(alerted, { ...NO_FILTER, alert: 'any' }, chainName))).toEqual(['rETH:1']);
    expect(keys(filterRows(alerted, { ...NO_FILTER, alert: 'paused' }, chainName))).toEqual(['rETH:1']);
    expect(filterRows(alerted, { ...NO_FILTER, alert: 'depeg' }, chainName)).toEqual([]);
  });
});

describe('the board as files', () => {
  const rsethReply = reply('rsETH', 42161, { blockNumber: '123456', rpcHost: 'arb.example', peg: { bps: -7, market: '1', sourceId: null, disagreementBps: null, reason: null }, redeem: { minSeconds: 1, maxSeconds: 2, parts: [{ label: 'Kelp queue, then "claim", bridge home', minSeconds: 1, maxSeconds: 2, measured: false, source: 'docs, typical' }], notes: [], reason: null, queue: null, bunker: false } });
  const entries = [{ row: boardRow(tokenBySymbol('rsETH')!, rsethReply), reply: rsethReply }, { row: boardRow(tokenBySymbol('rETH')!, makeReply(null, { symbol: 'rETH', chainId: 10, error: '=HYPERLINK("x")' })), reply: null }];

  it('writes CSV with the block and the reads of every figure, quoted where needed and safe in a spreadsheet', () => {
    const csv = boardCsv(entries);
    const [header, rseth, reth] = csv.split('\r\n');
    expect(header!.split(',')).toContain('block');
    expect(rseth).toContain(',123456,');
    expect(rseth).toContain('arb.example');
    // A label with a comma and quotes is one quoted field.
    expect(rseth).toContain('"Kelp queue, then ""claim"", bridge home: docs, typical (typical)"');
    // Reasons come whole, quotes doubled.
    expect(reth).toContain('"figures: =HYPERLINK(""x"")"');
    // A text starting with = (a formula to a spreadsheet) is defused; a negative number is not.
    const hostile = boardCsv([{ ...entries[0]!, row: { ...entries[0]!.row, sellVenue: '=cmd|calc', pegBps: -7 } }]).split('\r\n')[1]!;
    expect(hostile).toContain(`,'=cmd|calc,`);
    expect(hostile).toContain(',-7,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes JSON with sources and blocks, and reasons for gaps', () => {
    const json = JSON.parse(boardJson(entries, T0)) as { exportedAt: string; rows: { token: string; pegBps: number | null; reasons: string[]; sources: { peg: { at: { block: string } | null } } }[] };
    expect(json.exportedAt).toBe(new Date(T0).toISOString());
    expect(json.rows[0]).toMatchObject({ token: 'rsETH', pegBps: -7, sources: { peg: { at: { block: '123456' } } } });
    expect(json.rows[1]).toMatchObject({ token: 'rETH', pegBps: null, sources: { peg: { at: null } } });
    expect(json.rows[1]!.reasons[0]).toMatch(/^figures: /);
  });
});
