import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HISTORY_LIMIT, readHistory, recordAlerts, transitions, type AlertRecord } from '../../lib/alerts/tracker';
import type { Alert } from '../../lib/risk/alerts';

const paused = (level: Alert['level'], symbol = 'rsETH', chainId = 1): Alert => ({
  kind: 'paused',
  level,
  symbol,
  chainId,
  facts: { kind: 'paused', reads: ['LRTWithdrawalManager.paused()'], affects: ['withdrawals'] },
  sources: ['LRTWithdrawalManager.paused()'],
  stale: false,
  at: 1_780_000_000,
});
const scope = (...keys: string[]) => new Set(keys);

beforeEach(() => fakeBrowser.reset());

describe('transitions', () => {
  it('tells an alert once when it starts, not again while it holds', () => {
    const first = transitions({}, [paused('medium')], scope('1:rsETH'), 1_000);
    expect(first.changes.map((c) => [c.event, c.tell])).toEqual([['start', true]]);
    const again = transitions(first.next, [paused('medium')], scope('1:rsETH'), 61_000);
    expect(again.changes).toEqual([]);
    expect(again.next['1:rsETH:paused']!.since).toBe(1_000);
  });

  it('tells it worse, writes down milder without telling, and tells its end', () => {
    const start = transitions({}, [paused('medium')], scope('1:rsETH'), 1).next;
    const worse = transitions(start, [paused('high')], scope('1:rsETH'), 2);
    expect(worse.changes.map((c) => [c.event, c.level, c.tell])).toEqual([['worse', 'high', true]]);
    const milder = transitions(worse.next, [paused('medium')], scope('1:rsETH'), 3);
    expect(milder.changes.map((c) => [c.event, c.tell])).toEqual([['better', false]]);
    const end = transitions(milder.next, [], scope('1:rsETH'), 4);
    expect(end.changes.map((c) => [c.event, c.kind, c.symbol, c.tell])).toEqual([['end', 'paused', 'rsETH', true]]);
    expect(end.next).toEqual({});
  });

  it('neither starts nor ends the alerts of tokens that were not read this time', () => {
    const before: Record<string, AlertRecord> = transitions({}, [paused('high', 'ezETH')], scope('1:ezETH'), 1).next;
    const other = transitions(before, [], scope('1:rsETH'), 2);
    expect(other.changes).toEqual([]);
    expect(Object.keys(other.next)).toEqual(['1:ezETH:paused']);
  });
});

describe('recordAlerts', () => {
  it('keeps the alerts in force across calls (and restarts) and writes the history', async () => {
    expect((await recordAlerts([paused('high')], scope('1:rsETH'), 10)).map((c) => c.event)).toEqual(['start']);
    expect(await recordAlerts([paused('high')], scope('1:rsETH'), 20)).toEqual([]);
    expect((await recordAlerts([], scope('1:rsETH'), 30)).map((c) => c.event)).toEqual(['end']);
    const history = await readHistory();
    expect(history.map((h) => [h.at, h.event, h.kind, h.symbol, h.level])).toEqual([
      [10, 'start', 'paused', 'rsETH', 'high'],
      [30, 'end', 'paused', 'rsETH', 'high'],
    ]);
    expect(history[0]!.facts).toEqual(paused('high').facts);
  });

  it('keeps the newest entries only', async () => {
    for (let i = 0; i < HISTORY_LIMIT / 2 + 5; i++) {
      await recordAlerts([paused('high')], scope('1:rsETH'), i * 2);
      await recordAlerts([], scope('1:rsETH'), i * 2 + 1);
    }
    const history = await readHistory();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history.at(-1)!.event).toBe('end');
  });
});
