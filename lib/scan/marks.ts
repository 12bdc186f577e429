import type { FoundToken } from '../messaging';
import type { MarkLook } from '../site-settings';

/** The attributes CONTRACT.md promises on every marked element. */
export const MARK = {
  symbol: 'data-stakelens',
  chain: 'data-stakelens-chain',
  match: 'data-stakelens-match',
  via: 'data-stakelens-via',
  /** Set when we made the element focusable, so turning off can undo exactly that. */
  focus: 'data-stakelens-tabindex',
} as const;

export type MatchKind = FoundToken['match'];

/** Writes the mark's attributes, only those that differ; whether any did. */
/** Writes the mark's attributes, only those that differ: 'added' for a new mark, 'changed', or null when nothing did. */
export function setMark(element: Element, symbol: string, chainId: number, match: MatchKind, shown: string): 'added' | 'changed' | null {
  const chain = String(chainId);
  if (!element.hasAttribute(MARK.symbol)) {
    element.setAttribute(MARK.symbol, symbol);
    element.setAttribute(MARK.chain, chain);
    element.setAttribute(MARK.match, match);
    if (shown !== symbol) element.setAttribute(MARK.via, shown);
    // Keyboard users reach a mark by Tab unless it already sits in something focusable.
    if (!element.closest('a[href], button, input, select, textarea, [tabindex]')) {
      element.setAttribute('tabindex', '0');
      element.setAttribute(MARK.focus, '');
    }
    return 'added';
  }
  let changed = false;
  const put = (name: string, value: string) => {
    if (element.getAttribute(name) === value) return;
    element.setAttribute(name, value);
    changed = true;
  };
  put(MARK.symbol, symbol);
  put(MARK.chain, chain);
  put(MARK.match, match);
  if (shown !== symbol) put(MARK.via, shown);
  else element.removeAttribute(MARK.via);
  return changed ? 'changed' : null;
}

export function clearMark(element: Element): void {
  if (element.hasAttribute(MARK.focus)) {
    element.removeAttribute('tabindex');
    element.removeAttribute(MARK.focus);
  }
  element.removeAttribute(MARK.symbol);
  element.removeAttribute(MARK.chain);
  element.removeAttribute(MARK.match);
  element.removeAttribute(MARK.via);
}

export function clearAllMarks(root: ParentNode): void {
  for (const element of root.querySelectorAll(`[${MARK.symbol}]`)) clearMark(element);
}

/** What one mark says: the token, its chain, and how the page's address agreed. */
export type MarkEntry = Pick<FoundToken, 'symbol' | 'chainId' | 'match'>;

/**
 * One entry per token and chain, the strongest match first (an address over a bare symbol);
 * look-alikes are entries of their own, so a fake beside the real token shows as both.
 */
export function summarize(marks: Iterable<MarkEntry>): FoundToken[] {
  const rank: Record<MatchKind, number> = { symbol: 0, address: 1, mismatch: 2 };
  const byKey = new Map<string, FoundToken>();
  for (const { symbol, chainId, match } of marks) {
    if (!Number.isInteger(chainId) || !(match in rank)) continue;
    const key = `${chainId}:${symbol}:${match === 'mismatch' ? 'look-alike' : 'real'}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { symbol, chainId, match, count: 1 });
    else {
      seen.count++;
      if (rank[match] > rank[seen.match]) seen.match = match;
    }
  }
  return [...byKey.values()];
}

/** The marks under `root`, summed up from their attributes. */
export function summarizeMarks(root: ParentNode): FoundToken[] {
  return summarize(
    [...root.querySelectorAll(`[${MARK.symbol}]`)].map((element) => ({
      symbol: element.getAttribute(MARK.symbol)!,
      chainId: Number(element.getAttribute(MARK.chain)),
      match: element.getAttribute(MARK.match) as MatchKind,
    })),
  );
}

const MISMATCH = `[${MARK.symbol}][${MARK.match}="mismatch"]`;

/**
 * Page-level style for marks, per the site's chosen look. Nothing here changes layout: an
 * underline, a dot painted in the element's own corner, an outline on icons. A look-alike keeps its
 * red underline whatever the look: that warning is not decoration.
 */
export function markStyle(look: MarkLook): string {
  const warning = `${MISMATCH}{text-decoration:underline wavy #dc2626 1.5px!important;text-underline-offset:3px!important}`;
  const icons = `img[${MARK.symbol}]{outline:2px dotted rgba(99,102,241,.9)!important;outline-offset:1px}img${MISMATCH}{outline-color:#dc2626!important}`;
  if (look === 'none') return warning;
  if (look === 'badge') {
    return `[${MARK.symbol}]:not(img){background-image:radial-gradient(circle,rgba(99,102,241,.95) 0 2.5px,transparent 3px)!important;background-repeat:no-repeat!important;background-position:right top!important;background-size:6px 6px!important;cursor:help}
${MISMATCH}:not(img){background-image:radial-gradient(circle,#dc2626 0 2.5px,transparent 3px)!important}${warning}${icons}`;
  }
  return `[${MARK.symbol}]{text-decoration:underline dotted rgba(99,102,241,.9) 2px!important;text-underline-offset:3px!important;cursor:help}${warning}${icons}`;
}
