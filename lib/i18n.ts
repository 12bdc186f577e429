/**
 * The one way UI text is written: `t('popup.noTokens')`, `t('format.minutes', { n: 5 })`.
 *
 * Messages live in locales/<lang>.json, grouped by surface (tooltip, popup, options, format).
 * WXT's @wxt-dev/i18n module turns them into _locales/<lang>/messages.json at build time and into
 * the key list that types `t` (.wxt/i18n/structure.d.ts, from `wxt prepare`); at run time the text
 * comes from browser.i18n.getMessage, in the content script and the extension pages alike.
 *
 * Where there is no extension i18n API (unit tests on wxt's fake browser, node scripts) or it
 * returns nothing, the English catalog answers instead, with the same substitution rules, so the
 * text is the same everywhere.
 */
import { createI18n } from '@wxt-dev/i18n';
import { Fragment, createElement, type ReactNode } from 'react';
import type { GeneratedI18nStructure } from '#i18n';
import english from '../locales/en.json';

type Structure = GeneratedI18nStructure;
const i18n = createI18n<Structure>();

/** Every message key, e.g. 'tooltip.peg.heading'. */
export type MessageKey = keyof Structure & string;

/** Keys of messages with no substitution and no plural: t(key) alone. */
export type PlainKey = { [K in MessageKey]: Structure[K] extends { substitutions: 0; plural: false; namedSubstitutions: readonly string[] } ? never : Structure[K] extends { substitutions: 0; plural: false } ? K : never }[MessageKey];

type UntypedT = (key: string, ...args: unknown[]) => string;

/** The typed `t` of @wxt-dev/i18n: a key, then its plural count and/or substitutions. */
export const t: typeof i18n.t = ((key: string, ...args: unknown[]) => {
  let message = '';
  try {
    message = (i18n.t as UntypedT)(key, ...args);
  } catch {
    // No browser.i18n here (the fake browser throws, node has no `browser`): the catalog answers.
  }
  return message || fromCatalog(key, args);
}) as typeof i18n.t;

type NamedKey = { [K in MessageKey]: Structure[K] extends { namedSubstitutions: readonly string[] } ? K : never }[MessageKey];
type NamesOf<K extends NamedKey> = Structure[K] extends { namedSubstitutions: readonly (infer N extends string)[] } ? N : never;

/**
 * A message whose named substitutions are React nodes (a bold figure, a coloured peg), so the whole
 * sentence stays one message for a translator: rich('popup.worstPeg', { peg: <b>−35 bps</b> }).
 */
export function rich<K extends NamedKey>(key: K, parts: Record<NamesOf<K>, ReactNode>): ReactNode {
  // Without substitutions the message comes back with its {name} placeholders in place.
  const pieces = t(key as never).split(NAMED);
  const children = pieces.map((piece, i) => (i % 2 === 0 ? piece : Object.hasOwn(parts, piece) ? (parts as Record<string, ReactNode>)[piece] : `{${piece}}`));
  return createElement(Fragment, null, ...children);
}

const NAMED = /\{([A-Za-z0-9_]+)\}/;

/** The English message, substituted as browser.i18n and @wxt-dev/i18n would. */
function fromCatalog(key: string, args: unknown[]): string {
  let count: number | undefined;
  let positional: unknown[] | undefined;
  let named: Record<string, unknown> | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) positional = arg;
    else if (arg && typeof arg === 'object') named = arg as Record<string, unknown>;
  }
  const entry = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), english);
  if (entry === undefined) return key;
  let message = typeof entry === 'string' ? entry : pluralForm(Object.values(entry as Record<string, string>), count ?? 0);
  if (count !== undefined && positional === undefined) positional = [count];
  // browser.i18n: $1…$9 are substitutions, $$ is a dollar sign.
  message = message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : String(positional?.[Number(which) - 1] ?? '')));
  return named ? message.replace(new RegExp(NAMED.source, 'g'), (match, name: string) => (Object.hasOwn(named, name) ? String(named[name]) : match)) : message;
}

/** @wxt-dev/i18n's plural rule: forms [n], [1, n] or [0, 1, n]. */
function pluralForm(forms: string[], count: number): string {
  if (forms.length === 2) return forms[count === 1 ? 0 : 1]!;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2]!;
  return forms[0] ?? '';
}
