import type { TokenEntry } from '../tokens/schema';

/**
 * Finds registry symbols in text: exact ASCII word boundaries, the registry's casing or all caps
 * (Aave writes "WSTETH icon"). A look-alike ("wеETH" with a Cyrillic е, a zero-width space inside)
 * never matches, and neither do words that merely contain a symbol ("wstETHx").
 */
export function createMatcher(tokens: readonly TokenEntry[]) {
  const bySpelling = new Map<string, string>();
  for (const token of tokens) {
    bySpelling.set(token.symbol, token.symbol);
    bySpelling.set(token.symbol.toUpperCase(), token.symbol);
  }
  const alternatives = [...bySpelling.keys()].sort((a, b) => b.length - a.length).join('|');
  // Letters of any script and zero-width characters count as part of the word around a symbol.
  const edge = '[\\p{L}\\p{N}_\\u200B-\\u200D\\u2060\\uFEFF]';
  const pattern = new RegExp(`(?<!${edge})(${alternatives})(?!${edge})`, 'gu');
  // A token's name can hold another's symbol ("Wrapped eETH" is weETH, not eETH): names are
  // blanked out before symbols are looked for.
  const names = [...new Set(tokens.flatMap((t) => [t.name, ...t.aliases]))]
    .filter((name) => /\s/.test(name))
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const namePattern = names.length ? new RegExp(names.join('|'), 'gi') : null;
  const withoutNames = (text: string) => (namePattern ? text.replace(namePattern, (name) => ' '.repeat(name.length)) : text);

  return {
    /** The first registry symbol in `text` and how the text spelled it ("WSTETH"), or null. */
    firstIn(text: string): { symbol: string; shown: string } | null {
      if (text.length < 4) return null;
      pattern.lastIndex = 0;
      const match = pattern.exec(withoutNames(text));
      pattern.lastIndex = 0;
      return match ? { symbol: bySpelling.get(match[1]!)!, shown: match[1]! } : null;
    },
    /** Registry symbols mentioned in `text`, in order, without repeats. */
    symbolsIn(text: string): string[] {
      if (text.length < 4) return [];
      const found = new Set<string>();
      for (const match of withoutNames(text).matchAll(pattern)) found.add(bySpelling.get(match[1]!)!);
      return [...found];
    },
  };
}

export type Matcher = ReturnType<typeof createMatcher>;
