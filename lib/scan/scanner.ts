import type { SiteAdapter } from '../sites/types';
import { deploymentsOn, tokenBySymbol } from '../tokens/registry';
import { clearMark, MARK, setMark, type MatchKind } from './marks';
import type { Matcher } from './matcher';

/*
 * The page scanner. One MutationObserver that only queues; the work happens in passes scheduled
 * per animation frame with a time budget (~4 ms), so a busy page never stalls. Nodes the page
 * framework owns are never wrapped, moved or replaced: we only set data- attributes on them.
 */

const FRAME_BUDGET_MS = 4;
const SKIP = new Set(['script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'svg', 'stakelens-ui']);
/** Text inside these is code, input or our own UI, never a mention of a token. */
const IGNORED = 'script,style,noscript,textarea,template,option,svg,stakelens-ui';
/** Past this many marks a page is hostile or huge: we stop adding more. */
export const MAX_MARKS = 2_000;

export interface ScannerOptions {
  root: Element;
  matcher: Matcher;
  site: SiteAdapter;
  chainId: () => number | null;
  signal: AbortSignal;
  /** Called when a scan (one or more frames) has drained its queue and changed the marks. */
  onChange: () => void;
  /** Called after every pass with its start and end times, and whether the queue is drained (the bench times scans with it). */
  onPass?: (start: number, end: number, drained: boolean) => void;
  now?: () => number;
}

export function startScanner(options: ScannerOptions) {
  const { root, matcher, site, signal } = options;
  const now = options.now ?? (() => performance.now());
  const queue: Node[] = [root];
  /** Text we already judged, so re-renders that keep the text cost nothing. */
  const seen = new WeakMap<Text, string>();
  let scheduled = false;
  let changedSinceReport = false;
  let marks = 0;

  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    requestAnimationFrame(pass);
  };

  function pass() {
    scheduled = false;
    if (signal.aborted) return;
    const started = now();
    const deadline = started + FRAME_BUDGET_MS;
    let changed = false;
    while (queue.length && now() < deadline) {
      changed = visit(queue.shift()!, deadline) || changed;
    }
    options.onPass?.(started, now(), queue.length === 0);
    changedSinceReport ||= changed;
    if (queue.length) return schedule();
    // Report once the queue is drained: a page scanned over several frames sends one message.
    if (changedSinceReport) {
      changedSinceReport = false;
      options.onChange();
    }
  }

  /** Walks the text under `node`; if the budget runs out, the rest goes back on the queue. */
  function visit(node: Node, deadline: number): boolean {
    if (node.nodeType === Node.TEXT_NODE) return judge(node as Text);
    if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has((node as Element).localName)) return false;
    // No filter callback: a native walk is many times faster, and the rare text that might hold a
    // token is checked for code or our own UI around it in judge().
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    let changed = false;
    let count = 0;
    for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
      changed = judge(text) || changed;
      if (++count % 64 === 0 && now() > deadline) {
        const next = walker.nextNode();
        if (next) queue.unshift(...remainingFrom(next, node));
        break;
      }
    }
    return changed;
  }

  function judge(text: Text): boolean {
    const value = text.data;
    const element = text.parentElement;
    if (!element) return false;
    // Most text holds no token at all: a cheap test first, and nothing remembered for it.
    if (!matcher.mightMatch(value) && !element.hasAttribute(MARK.symbol)) return false;
    if (seen.get(text) === value) return false;
    seen.set(text, value);
    if (element.closest(IGNORED)) return false;
    const real = matcher.firstIn(value);
    // A word dressed up as a symbol ("wеETH") is marked too, as a look-alike, so the user is warned.
    const lookalike = real ? null : matcher.lookalikeIn(value);
    const found = real ?? lookalike;
    const marked = element.getAttribute(MARK.symbol);
    if (!found) {
      // The text that made this a mark changed (a live-updating cell): the mark goes with it.
      const text = element.textContent ?? '';
      if (marked && !matcher.firstIn(text) && !matcher.lookalikeIn(text)) {
        clearMark(element);
        marks--;
        return true;
      }
      return false;
    }
    if (marks >= MAX_MARKS && !marked) {
      // The count only grows as marks come; the app removes them silently. Recount before refusing.
      marks = root.querySelectorAll(`[${MARK.symbol}]`).length;
      if (marks >= MAX_MARKS) {
        seen.delete(text); // judge it again once room frees up
        return false;
      }
    }
    const chainId = options.chainId();
    if (chainId === null) return false;
    const { symbol, shown } = found;
    const match = lookalike ? 'mismatch' : matchFor(element, symbol, chainId);
    const before = `${marked}|${element.getAttribute(MARK.chain)}|${element.getAttribute(MARK.match)}`;
    setMark(element, symbol, chainId, match, shown);
    if (!marked) marks++;
    return before !== `${symbol}|${chainId}|${match}`;
  }

  function matchFor(element: Element, symbol: string, chainId: number): MatchKind {
    const token = tokenBySymbol(symbol);
    const known = token ? deploymentsOn(token, chainId).map((d) => d.address.toLowerCase()) : [];
    const near = site.addressesNear(element);
    if (!near.length || !known.length) return 'symbol';
    return near.some((address) => known.includes(address)) ? 'address' : 'mismatch';
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') queue.push(record.target);
      else for (const added of record.addedNodes) queue.push(added);
    }
    schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();

  return {
    /** Judge everything again (the chain changed with an SPA navigation). */
    rescan() {
      for (const element of root.querySelectorAll(`[${MARK.symbol}]`)) clearMark(element);
      marks = 0;
      queue.length = 0;
      queue.push(root);
      // Forget what we judged: the same text may now mean another chain.
      for (const text of walkText(root)) seen.delete(text);
      schedule();
    },
  };
}

/** The siblings (and their ancestors' later siblings) from `node` on, up to `top`: the unvisited rest. */
function remainingFrom(node: Node, top: Node): Node[] {
  const rest: Node[] = [];
  for (let n: Node | null = node; n && n !== top; n = n.parentNode) {
    for (let s: Node | null = n === node ? n : n.nextSibling; s; s = s.nextSibling) rest.push(s);
    if (n.parentNode === top) break;
  }
  return rest;
}

function* walkText(root: Node): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) yield t as Text;
}
