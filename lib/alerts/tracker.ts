import { storage } from 'wxt/utils/storage';
import { levelRank, type Alert, type AlertFacts, type AlertKind, type AlertLevel } from '../risk/alerts';

/*
 * What the background remembers of alerts between refreshes: which are in force (so an alert is
 * told once when it starts, again when it worsens or ends, and not every minute), and the history
 * the user can read. Kept in local storage: a restarted worker or browser does not tell them again.
 */

export type AlertEvent = 'start' | 'worse' | 'better' | 'end';

export interface AlertRecord {
  kind: AlertKind;
  symbol: string;
  chainId: number;
  level: AlertLevel;
  /** When it started (ms since epoch). */
  since: number;
  facts: AlertFacts;
}

export interface HistoryEntry {
  at: number;
  event: AlertEvent;
  kind: AlertKind;
  symbol: string;
  chainId: number;
  level: AlertLevel;
  facts: AlertFacts;
}

export interface Transition extends HistoryEntry {
  /** Worth a notification: it started, worsened or ended (a milder level is only written down). */
  tell: boolean;
}

/** The history keeps this many entries, newest last. */
export const HISTORY_LIMIT = 500;

const keyOf = (a: { chainId: number; symbol: string; kind: AlertKind }) => `${a.chainId}:${a.symbol}:${a.kind}`;

/**
 * What changed between the alerts in force and those just computed, for the tokens that were
 * evaluated (`scope`, "chainId:symbol"): an alert of a token not read this time neither starts nor ends.
 */
export function transitions(previous: Record<string, AlertRecord>, current: readonly Alert[], scope: ReadonlySet<string>, now: number): { next: Record<string, AlertRecord>; changes: Transition[] } {
  const next: Record<string, AlertRecord> = {};
  const changes: Transition[] = [];
  for (const [key, record] of Object.entries(previous)) {
    if (!scope.has(`${record.chainId}:${record.symbol}`)) next[key] = record;
  }
  for (const alert of current) {
    const key = keyOf(alert);
    const before = previous[key];
    const entry = { at: now, kind: alert.kind, symbol: alert.symbol, chainId: alert.chainId, level: alert.level, facts: alert.facts };
    if (!before) changes.push({ ...entry, event: 'start', tell: true });
    else if (levelRank(alert.level) > levelRank(before.level)) changes.push({ ...entry, event: 'worse', tell: true });
    else if (levelRank(alert.level) < levelRank(before.level)) changes.push({ ...entry, event: 'better', tell: false });
    next[key] = { kind: alert.kind, symbol: alert.symbol, chainId: alert.chainId, level: alert.level, since: before?.since ?? now, facts: alert.facts };
  }
  for (const [key, record] of Object.entries(previous)) {
    if (!scope.has(`${record.chainId}:${record.symbol}`) || next[key]) continue;
    changes.push({ at: now, event: 'end', kind: record.kind, symbol: record.symbol, chainId: record.chainId, level: record.level, facts: record.facts, tell: true });
  }
  return { next, changes };
}

const inForce = storage.defineItem<Record<string, AlertRecord>>('local:alerts-in-force', { fallback: {} });
export const alertHistory = storage.defineItem<HistoryEntry[]>('local:alert-history', { fallback: [] });

/** Records what changed; returns the transitions (the caller notifies those worth telling). */
export async function recordAlerts(current: readonly Alert[], scope: ReadonlySet<string>, now = Date.now()): Promise<Transition[]> {
  const previous = (await inForce.getValue()) ?? {};
  const { next, changes } = transitions(previous, current, scope, now);
  await inForce.setValue(next);
  if (changes.length) {
    const history = (await alertHistory.getValue()) ?? [];
    const entries = changes.map(({ tell: _tell, ...entry }) => entry);
    await alertHistory.setValue([...history, ...entries].slice(-HISTORY_LIMIT));
  }
  return changes;
}

export async function readHistory(): Promise<HistoryEntry[]> {
  const history = await alertHistory.getValue();
  return Array.isArray(history) ? history : [];
}
