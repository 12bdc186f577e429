import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * The fault suite's running count, kept in a file: Playwright restarts its worker after a failed
 * test, so module state would lose the cases before it. The test runner prints the line at the end.
 */

export const TALLY_FILE = resolve('test-results/fault-suite.jsonl');
/** The printed line and its details, for scripts/test.mjs to repeat beside the totals. */
export const REPORT_FILE = resolve('test-results/fault-suite.txt');

/** A crisis case is a case whose name starts "crisis:"; a silent crisis is one that raised no alert where the user looks. */
type Entry = { kind: 'case' | 'page-error' | 'wrong-figure' | 'silent-crisis'; text: string };

export function record(kind: Entry['kind'], text: string): void {
  appendFileSync(TALLY_FILE, `${JSON.stringify({ kind, text } satisfies Entry)}\n`);
}

export function resetTally(): void {
  rmSync(TALLY_FILE, { force: true });
  rmSync(REPORT_FILE, { force: true });
}

/** "fault suite: N cases tried (C crises), P page errors, W wrong figures shown, S silent crises" and the details; null if the suite did not run. */
export function tallyReport(): string | null {
  if (!existsSync(TALLY_FILE)) return null;
  const entries = readFileSync(TALLY_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Entry);
  const of = (kind: Entry['kind']) => entries.filter((e) => e.kind === kind).map((e) => e.text);
  const details = [
    ...of('page-error').map((t) => `  page error: ${t}`),
    ...of('wrong-figure').map((t) => `  wrong figure: ${t}`),
    ...of('silent-crisis').map((t) => `  silent crisis: ${t}`),
  ];
  const crises = of('case').filter((t) => t.startsWith('crisis:')).length;
  return [
    `fault suite: ${of('case').length} cases tried (${crises} crises), ${of('page-error').length} page errors, ${of('wrong-figure').length} wrong figures shown, ${of('silent-crisis').length} silent crises`,
    ...details,
  ].join('\n');
}
