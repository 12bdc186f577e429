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
/** One pass over a text for what every symbol, name, cut name or look-alike needs (see mightMatch). */
const MIGHT_MATCH = /ETH|Eth|\.\.\.|[^\x00-\x7F]/;

/**
 * Whether the character at `index` continues a word: a letter or digit of any script or "_", and
 * for symbols also a zero-width character (where a disguise hides). ASCII is judged by its code;
 * only a character outside ASCII meets a Unicode regular expression (whose compiling costs
 * milliseconds, so the patterns below leave their edges to this).
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
function wordAt(text: string, index: number, zeroWidth: boolean): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  // Half of a pair (a letter outside the Basic Multilingual Plane): judge the whole character.
  const start = code >= 0xdc00 && code <= 0xdfff && index > 0 ? index - 1 : index;
  const char = String.fromCodePoint(text.codePointAt(start)!);
  return LETTER_OR_DIGIT.test(char) || (zeroWidth && ZERO_WIDTH.test(char));
}

/**
 * The first match of the global `pattern` at or after `from` that stands as a whole word, or null.
 * For symbols a hyphen also joins words into one identifier ("wstETH-WETH-BPT" is a pool share,
 * not wstETH).
 */
function wholeWord(pattern: RegExp, text: string, symbols: boolean, from = 0): RegExpExecArray | null {
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const joinedBefore = wordAt(text, start - 1, symbols) || (symbols && text[start - 1] === '-' && wordAt(text, start - 2, true));
    const joinedAfter = wordAt(text, end, symbols) || (symbols && text[end] === '-' && wordAt(text, end + 1, true));
    if (!joinedBefore && !joinedAfter) return match;
    pattern.lastIndex = start + 1;
  }
  return null;
}

/** Every whole-word match of `pattern` in `text`, in order. */
function wholeWords(pattern: RegExp, text: string, symbols: boolean): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (let match = wholeWord(pattern, text, symbols); match; match = wholeWord(pattern, text, symbols, match.index + match[0].length)) found.push(match);
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name the app cut short, "Wrapped liquid staked Et…": at least 8 characters before the ellipsis. */
const TRUNCATED = /^\s*(\S.{7,}?)\s*(?:…|\.{3})\s*$/su;

export type Found = { symbol: string; shown: string };
/** What a text shows: a symbol, a name (`byName`) or a disguised symbol (`lookalike`). */
export type AnyFound = Readonly<Found & { lookalike: boolean; byName: boolean }>;

const MEMO_ENTRIES = 5_000;
const MEMO_TEXT_LENGTH = 200;

export function createMatcher(tokens: readonly PageToken[]) {
  const bySpelling = new Map<string, string>();
  for (const token of tokens) {
    bySpelling.set(token.symbol, token.symbol);
    bySpelling.set(token.symbol.toUpperCase(), token.symbol);
  }
  const alternatives = [...bySpelling.keys()].sort((a, b) => b.length - a.length).join('|');
  const wrappers = `(?:${AAVE_WRAPPERS.sort((a, b) => b.length - a.length).join('|')}|${PENDLE_WRAPPERS.join('|')})?`;
  // ASCII only, edges judged by wholeWords(): a pattern this size with Unicode classes takes
  // milliseconds to compile on a page's first scan.
  const pattern = new RegExp(`(${wrappers})(${alternatives})(${MATURITY})`, 'g');

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
  const namePattern = names.length ? new RegExp(names.join('|'), 'gi') : null;
  const namesIn = (text: string) => (namePattern ? wholeWords(namePattern, text, false).map((match) => match[0]) : []);
  const withoutNames = (text: string) => {
    let blanked = text;
    for (const match of namePattern ? wholeWords(namePattern, text, false) : []) {
      blanked = blanked.slice(0, match.index) + ' '.repeat(match[0].length) + blanked.slice(match.index + match[0].length);
    }
    return blanked;
  };
  const distinctNames = [...nameOwner].filter((entry): entry is [string, string] => entry[1] !== null);
  /** Words made of letters, digits and zero-width characters: where a disguised symbol would hide. */
  const word = /[\p{L}\p{N}\u200B-\u200D\u2060\uFEFF]+/gu;

  const answers = new Map<string, AnyFound | null>();
  const judgeText = (text: string): AnyFound | null => {
    const symbol = api.firstIn(text);
    if (symbol) return { ...symbol, lookalike: false, byName: false };
    const name = api.nameIn(text);
    if (name) return { ...name, lookalike: false, byName: true };
    const lookalike = api.lookalikeIn(text);
    return lookalike ? { ...lookalike, lookalike: true, byName: false } : null;
  };

  const api = {
    /**
     * Whether `text` could hold a symbol, a name or a look-alike at all: every symbol contains
     * "ETH" in its own casing and in caps, every name "ETH" or "Eth"; a cut name ends in an
     * ellipsis; look-alikes need a character outside ASCII. Cheap, for the scanner.
     */
    mightMatch(text: string): boolean {
      return text.length >= 4 && MIGHT_MATCH.test(text);
    },
    /** The first registry symbol in `text` and how the text showed it ("WSTETH", "aEthweETH"), or null. */
    firstIn(text: string): Found | null {
      // Most text shows no symbol: test it as it is before blanking out names (which only removes matches).
      if (text.length < 4) return null;
      pattern.lastIndex = 0;
      if (!pattern.test(text) || !wholeWord(pattern, text, true)) return null;
      const match = wholeWord(pattern, withoutNames(text), true);
      return match ? { symbol: bySpelling.get(match[2]!)!, shown: match[0] } : null;
    },
    /** Registry symbols mentioned in `text`, in order, without repeats. */
    symbolsIn(text: string): string[] {
      if (text.length < 4) return [];
      const found = new Set<string>();
      for (const match of wholeWords(pattern, withoutNames(text), true)) found.add(bySpelling.get(match[2]!)!);
      return [...found];
    },
    /**
     * The first distinctive token name in `text` ("Renzo Restaked ETH"), or a whole text that is
     * the start of exactly one token's names cut with an ellipsis ("Wrapped liquid staked Et…").
     */
    nameIn(text: string): Found | null {
      if (!namePattern || text.length < 8) return null;
      for (const shown of namesIn(text)) {
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
    /**
     * Everything `text` shows, the strongest first: a symbol, else a name, else a look-alike.
     * Answers are remembered by text (a page repeats the same few strings, a symbol per row) and
     * shared: callers must not change them.
     */
    anyIn(text: string): AnyFound | null {
      const known = answers.get(text);
      if (known !== undefined) return known;
      const found = judgeText(text);
      // Bounded: a hostile page can write endless distinct text.
      if (text.length <= MEMO_TEXT_LENGTH) {
        if (answers.size >= MEMO_ENTRIES) answers.clear();
        answers.set(text, found);
      }
      return found;
    },
  };
  return api;
}

export type Matcher = ReturnType<typeof createMatcher>;
