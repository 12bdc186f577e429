import { describe, expect, it } from 'vitest';
import { isValidElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import english from '../../locales/en.json';
import { rich, t } from '../../lib/i18n';
import { formatAge, formatBps, formatDuration, formatRange } from '../../lib/ui/format';

/** Every message of a catalog, keyed as browser.i18n sees it (dots become underscores). */
function flatten(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('_'), node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => flatten(value, [...path, key]));
}

describe('i18n', () => {
  it('falls back to the English catalog where browser.i18n is not there (the fake browser)', () => {
    expect(t('common.saved')).toBe('Saved.');
    expect(t('popup.error.accessDenied', { host: 'a.example' })).toBe('Access to a.example was not granted: Stakelens stays off there.');
    expect(t('options.file.notImported', { file: 'x.json', problem: 'broken' })).toBe('x.json was not imported: broken. Nothing changed.');
  });

  it('keeps the words of the formatters', () => {
    expect([formatDuration(0), formatDuration(600), formatDuration(7_200), formatDuration(5 * 86_400)]).toEqual(['instant', '10 min', '2 h', '5 d']);
    expect([formatRange(600, 7_200), formatRange(null, 1)]).toEqual(['10 min – 2 h', 'unknown']);
    expect([formatAge(5), formatAge(120), formatAge(7_200)]).toEqual(['5 s ago', '2 min ago', '2 h ago']);
    expect([formatBps(-35), formatBps(-35, 'percent'), formatBps(1_200)]).toEqual(['−35 bps', '−0.35%', '+1,200 bps']);
  });

  it('puts React nodes into a message, in the order the message has them', () => {
    const node = rich('popup.worstPeg', { peg: createElement('b', null, '−35 bps') });
    expect(isValidElement(node)).toBe(true);
    expect(renderToStaticMarkup(node)).toBe('Worst peg: <b>−35 bps</b>');
  });

  it('has message names browsers accept: letters, digits and _, unique without case', () => {
    const names = flatten(english).map(([name]) => name);
    expect(names.filter((name) => !/^[A-Za-z0-9_]+$/.test(name))).toEqual([]);
    const lower = names.map((name) => name.toLowerCase());
    expect(lower.filter((name, i) => lower.indexOf(name) !== i)).toEqual([]);
    // A "$" would be read as a placeholder by browser.i18n.
    expect(flatten(english).filter(([, message]) => message.includes('$'))).toEqual([]);
  });
});
