import type { TokenEntry } from '../tokens/schema';

/**
 * Finds registry symbols in text: exact ASCII word boundaries, the registry's casing or all caps
 * (Aave writes "WSTETH icon"), bare or inside the wrappers apps show them in: Aave's aTokens and
 * debt tokens ("aEthweETH", "variableDebtEthwstETH") and Pendle's PT/YT/SY ("PT-weETH-26JUN2025").
 * Words that merely contain a symbol ("wstETHx") never match. Look-alikes ("wеETH" with a Cyrillic
 * е, a zero-width space inside) never pass as the token: `lookalikeIn` finds them, to warn.
 */

/** Aave v3 aToken and debt-token prefixes per market (aave-address-book naming). */
const AAVE_WRAPPERS = ['a', 'variableDebt', 'stableDebt'].flatMap((kind) =>
  ['Eth', 'EthLido', 'EthEtherFi', 'Arb', 'Bas', 'Opt'].map((market) => `${kind}${market}`),
);
const PENDLE_WRAPPERS = ['PT-', 'YT-', 'SY-'];
/** Pendle's maturity suffix: "-26JUN2025". */
const MATURITY = '(?:-\\d{1,2}[A-Z]{3}\\d{4})?';

/**
 * Characters that imitate Latin letters (Cyrillic and Greek capitals and smalls), mapped to the
 * letter they imitate; zero-width characters map to nothing. Enough for token symbols, which are
 * Latin letters and digits.
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ѕ: 's', ј: 'j', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I',
  ο: 'o', ν: 'v', α: 'a', ε: 'e', ι: 'i', κ: 'k', τ: 't', Α: 'A', Β: 'B', Ε: 'E', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X',
  '\u200B': '', '\u200C': '', '\u200D': '', '\u2060': '', '\uFEFF': '',
};
const NON_ASCII = /[^\x00-\x7F]/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createMatcher(tokens: readonly TokenEntry[]) {
  const bySpelling = new Map<string, string>();
  for (const token of tokens) {
    bySpelling.set(token.symbol, token.symbol);
    bySpelling.set(token.symbol.toUpperCase(), token.symbol);
  }
  const alternatives = [...bySpelling.keys()].sort((a, b) => b.length - a.length).join('|');
  const wrappers = `(?:${AAVE_WRAPPERS.sort((a, b) => b.length - a.length).join('|')}|${PENDLE_WRAPPERS.join('|')})?`;
  // Letters of any script and zero-width characters count as part of the word around a symbol.
  const edge = '[\\p{L}\\p{N}_\\u200B-\\u200D\\u2060\\uFEFF]';
  const pattern = new RegExp(`(?<!${edge})(${wrappers})(${alternatives})(${MATURITY})(?!${edge})`, 'gu');
  // A token's name can hold another's symbol ("Wrapped eETH" is weETH, not eETH): names are
  // blanked out before symbols are looked for.
  const names = [...new Set(tokens.flatMap((t) => [t.name, ...t.aliases]))]
    .filter((name) => /\s/.test(name))
    .sort((a, b) => b.length - a.length)
    .map(escape);
  const namePattern = names.length ? new RegExp(names.join('|'), 'gi') : null;
  const withoutNames = (text: string) => (namePattern ? text.replace(namePattern, (name) => ' '.repeat(name.length)) : text);
  /** Words made of letters, digits and zero-width characters: where a disguised symbol would hide. */
  const word = /[\p{L}\p{N}\u200B-\u200D\u2060\uFEFF]+/gu;

  return {
    /**
     * Whether `text` could hold a symbol or a look-alike at all: every symbol contains "ETH" in its
     * own casing and in caps; look-alikes need a character outside ASCII. Cheap, for the scanner.
     */
    mightMatch(text: string): boolean {
      return text.length >= 4 && (text.includes('ETH') || NON_ASCII.test(text));
    },
    /** The first registry symbol in `text` and how the text showed it ("WSTETH", "aEthweETH"), or null. */
    firstIn(text: string): { symbol: string; shown: string } | null {
      if (text.length < 4) return null;
      pattern.lastIndex = 0;
      const match = pattern.exec(withoutNames(text));
      pattern.lastIndex = 0;
      return match ? { symbol: bySpelling.get(match[2]!)!, shown: match[0] } : null;
    },
    /** Registry symbols mentioned in `text`, in order, without repeats. */
    symbolsIn(text: string): string[] {
      if (text.length < 4) return [];
      const found = new Set<string>();
      for (const match of withoutNames(text).matchAll(pattern)) found.add(bySpelling.get(match[2]!)!);
      return [...found];
    },
    /** A word written to look like a registry symbol without being it ("wеETH"), or null. */
    lookalikeIn(text: string): { symbol: string; shown: string } | null {
      if (!NON_ASCII.test(text)) return null;
      for (const [shown] of text.matchAll(word)) {
        if (!NON_ASCII.test(shown)) continue;
        const skeleton = [...shown].map((ch) => CONFUSABLES[ch] ?? ch).join('');
        const symbol = bySpelling.get(skeleton);
        if (symbol) return { symbol, shown };
      }
      return null;
    },
  };
}

export type Matcher = ReturnType<typeof createMatcher>;
