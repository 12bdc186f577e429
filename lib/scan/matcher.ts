import type { PageToken } from '../tokens/lookup';

/**
 * Finds registry tokens in text. Symbols: exact ASCII word boundaries, the registry's casing or all
 * caps (Aave writes "WSTETH icon"), bare or inside the wrappers apps show them in: Aave's aTokens
 * and debt tokens ("aEthweETH", "variableDebtEthwstETH") and Pendle's PT/YT/SY
 * ("PT-weETH-26JUN2025"). Words that merely contain a symbol ("wstETHx") and hyphen-joined
 * identifiers (pool shares such as "wstETH-WETH-BPT") never match. Names: the registry's names
 * and aliases, whole or cut short with an ellipsis, unless a name is too generic to identify a
 * token. Look-alikes ("wеETH" with a Cyrillic е, a zero-width space inside) never pass as the
 * token: `lookalikeIn` finds them, to warn.
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
/** A name the app cut short, "Wrapped liquid staked Et…": at least 8 characters before the ellipsis. */
const TRUNCATED = /^\s*(\S.{7,}?)\s*(?:…|\.{3})\s*$/su;

export type Found = { symbol: string; shown: string };

export function createMatcher(tokens: readonly PageToken[]) {
  const bySpelling = new Map<string, string>();
  for (const token of tokens) {
    bySpelling.set(token.symbol, token.symbol);
    bySpelling.set(token.symbol.toUpperCase(), token.symbol);
  }
  const alternatives = [...bySpelling.keys()].sort((a, b) => b.length - a.length).join('|');
  const wrappers = `(?:${AAVE_WRAPPERS.sort((a, b) => b.length - a.length).join('|')}|${PENDLE_WRAPPERS.join('|')})?`;
  // Letters of any script and zero-width characters count as part of the word around a symbol; a
  // hyphen joins words into one identifier ("wstETH-WETH-BPT" is a pool share, not wstETH).
  const edge = '[\\p{L}\\p{N}_\\u200B-\\u200D\\u2060\\uFEFF]';
  const pattern = new RegExp(`(?<!${edge}|${edge}-)(${wrappers})(${alternatives})(${MATURITY})(?!${edge}|-${edge})`, 'gu');

  // Names of several words, by their lower case. Every name blanks out (a name can hold another
  // token's symbol: "Wrapped eETH" is weETH, not eETH); only distinctive ones identify a token.
  const nameOwner = new Map<string, string | null>();
  for (const token of tokens) {
    for (const name of [token.name, ...token.aliases]) {
      if (!/\s/.test(name)) continue;
      const key = name.toLowerCase();
      const owner = token.genericName && name === token.name ? null : token.symbol;
      nameOwner.set(key, nameOwner.has(key) && nameOwner.get(key) !== owner ? null : owner);
    }
  }
  const names = [...nameOwner.keys()].sort((a, b) => b.length - a.length).map(escape);
  const wordEdge = '[\\p{L}\\p{N}_]';
  const namePattern = names.length ? new RegExp(`(?<!${wordEdge})(?:${names.join('|')})(?!${wordEdge})`, 'giu') : null;
  const withoutNames = (text: string) => (namePattern ? text.replace(namePattern, (name) => ' '.repeat(name.length)) : text);
  const distinctNames = [...nameOwner].filter((entry): entry is [string, string] => entry[1] !== null);
  /** Words made of letters, digits and zero-width characters: where a disguised symbol would hide. */
  const word = /[\p{L}\p{N}\u200B-\u200D\u2060\uFEFF]+/gu;

  const api = {
    /**
     * Whether `text` could hold a symbol, a name or a look-alike at all: every symbol contains
     * "ETH" in its own casing and in caps, every name "ETH" or "Eth"; a cut name ends in an
     * ellipsis; look-alikes need a character outside ASCII. Cheap, for the scanner.
     */
    mightMatch(text: string): boolean {
      return text.length >= 4 && (text.includes('ETH') || text.includes('Eth') || NON_ASCII.test(text) || text.includes('...'));
    },
    /** The first registry symbol in `text` and how the text showed it ("WSTETH", "aEthweETH"), or null. */
    firstIn(text: string): Found | null {
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
    /**
     * The first distinctive token name in `text` ("Renzo Restaked ETH"), or a whole text that is
     * the start of exactly one token's names cut with an ellipsis ("Wrapped liquid staked Et…").
     */
    nameIn(text: string): Found | null {
      if (!namePattern || text.length < 8) return null;
      for (const [shown] of text.matchAll(namePattern)) {
        const symbol = nameOwner.get(shown.toLowerCase());
        if (symbol) return { symbol, shown };
      }
      const head = TRUNCATED.exec(text)?.[1]?.toLowerCase();
      if (!head) return null;
      const owners = new Set(distinctNames.filter(([name]) => name.startsWith(head)).map(([, symbol]) => symbol));
      // A generic name with the same start ("Liquid Staked ETH") leaves the cut name ambiguous.
      const ambiguous = [...nameOwner].some(([name, owner]) => owner === null && name.startsWith(head));
      return owners.size === 1 && !ambiguous ? { symbol: [...owners][0]!, shown: text.trim() } : null;
    },
    /** A word written to look like a registry symbol without being it ("wеETH"), or null. */
    lookalikeIn(text: string): Found | null {
      if (!NON_ASCII.test(text)) return null;
      for (const [shown] of text.matchAll(word)) {
        if (!NON_ASCII.test(shown)) continue;
        const skeleton = [...shown].map((ch) => CONFUSABLES[ch] ?? ch).join('');
        const symbol = bySpelling.get(skeleton);
        if (symbol) return { symbol, shown };
      }
      return null;
    },
    /** Everything `text` shows, the strongest first: a symbol, else a name, else a look-alike. */
    anyIn(text: string): (Found & { lookalike: boolean; byName: boolean }) | null {
      const symbol = api.firstIn(text);
      if (symbol) return { ...symbol, lookalike: false, byName: false };
      const name = api.nameIn(text);
      if (name) return { ...name, lookalike: false, byName: true };
      const lookalike = api.lookalikeIn(text);
      return lookalike ? { ...lookalike, lookalike: true, byName: false } : null;
    },
  };
  return api;
}

export type Matcher = ReturnType<typeof createMatcher>;
