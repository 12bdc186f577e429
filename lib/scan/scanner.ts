import type { SiteAdapter } from '../sites/types';
import { registryAddresses } from '../tokens/lookup';
import { clearMark, MARK, setMark, type MatchKind } from './marks';
import type { Found, Matcher } from './matcher';

/*
 * The page scanner. One MutationObserver that only queues; the work happens in passes scheduled
 * per animation frame with a time budget (~4 ms), so a busy page never stalls. Nodes the page
 * framework owns are never wrapped, moved or replaced: we only set data- attributes on them.
 */

const FRAME_BUDGET_MS = 4;
const SKIP = new Set(['script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'svg', 'stakelens-ui']);
/** Text inside these is code, input or our own UI, never a mention of a token. */
const IGNORED = 'script,style,noscript,textarea,template,option,svg,stakelens-ui';
/** Elements that name a token in an attribute: icons (`alt`), labelled controls, tooltips. */
const LABELLED = 'img[alt],[aria-label],[title]';
const LABELS = ['alt', 'aria-label', 'title'];
/** Where a row of a list ends. A token is marked once per row, not once per icon, name and symbol. */
const ROW = 'tr,li,[role="row"]';
const ROW_DEPTH = 4;
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

/** A name or an icon's label: marked only when its row shows no symbol of the same token. */
interface Candidate {
  element: Element;
  found: Found & { lookalike: boolean };
}

export function startScanner(options: ScannerOptions) {
  const { root, matcher, site, signal } = options;
  const now = options.now ?? (() => performance.now());
  /** Nodes whose text is to be judged. Symbols are marked as they are found. */
  const queue: Node[] = [root];
  /** Elements whose attributes are to be judged, once the text is done. */
  const labelled: Element[] = [];
  /** Names and labels, judged last so the symbols of their rows are marked first. */
  const candidates: Candidate[] = [];
  /** The rest of a subtree whose walk ran out of time: its labels were already collected. */
  const continued = new WeakSet<Node>();
  /** Text and labels we already judged, so re-renders that keep them cost nothing. */
  let seen = new WeakMap<Text, string>();
  let seenLabels = new WeakMap<Element, string>();
  let scheduled = false;
  let changedSinceReport = false;
  let marks = 0;
  /** Whether `marks` was recounted since nodes last left the page. */
  let recounted = false;
  /** Text and labels refused while the page held MAX_MARKS marks. */
  const waiting = new Set<Text | Element>();

  // Nothing runs before the page's load event: marks can wait, the page's own load cannot.
  let loaded = document.readyState === 'complete';
  if (!loaded) {
    const view = root.ownerDocument.defaultView;
    view?.addEventListener(
      'load',
      () => {
        loaded = true;
        schedule();
      },
      { once: true, signal },
    );
  }

  const schedule = () => {
    if (scheduled || signal.aborted || !loaded) return;
    scheduled = true;
    requestAnimationFrame(pass);
  };
  const pending = () => queue.length + labelled.length + candidates.length > 0;

  /** The page's chain, read from the URL once per pass rather than once per mark. */
  let passChain: number | null | undefined;

  function pass() {
    scheduled = false;
    if (signal.aborted) return;
    passChain = undefined;
    const started = now();
    const deadline = started + FRAME_BUDGET_MS;
    let changed = false;
    while (now() < deadline) {
      if (queue.length) changed = visit(queue.shift()!, deadline) || changed;
      else if (labelled.length) changed = judgeLabels(labelled.pop()!) || changed;
      else if (candidates.length) changed = markCandidate(candidates.pop()!) || changed;
      else break;
    }
    options.onPass?.(started, now(), !pending());
    changedSinceReport ||= changed;
    if (pending()) return schedule();
    // Report once everything is judged: a page scanned over several frames sends one message.
    if (changedSinceReport) {
      changedSinceReport = false;
      options.onChange();
    }
  }

  /** Walks the text under `node`; if the budget runs out, the rest goes back on the queue. */
  function visit(node: Node, deadline: number): boolean {
    if (node.nodeType === Node.TEXT_NODE) return judge(node as Text);
    if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has((node as Element).localName)) return false;
    if (!continued.has(node)) {
      if ((node as Element).matches(LABELLED)) labelled.push(node as Element);
      for (const element of (node as Element).querySelectorAll(LABELLED)) labelled.push(element);
    }
    // No filter callback: a native walk is many times faster, and the rare text that might hold a
    // token is checked for code or our own UI around it in judge().
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    let changed = false;
    let count = 0;
    for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
      changed = judge(text) || changed;
      if (++count % 64 === 0 && now() > deadline) {
        const next = walker.nextNode();
        if (next) {
          const rest = remainingFrom(next, node);
          for (const item of rest) continued.add(item);
          queue.unshift(...rest);
        }
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
    const found = matcher.anyIn(value);
    if (!found) return clearIfGone(element);
    if (found.byName) {
      candidates.push({ element, found });
      return false;
    }
    if (!roomFor(element)) {
      waiting.add(text); // judged again once marks leave the page
      return false;
    }
    return mark(element, found);
  }

  function judgeLabels(element: Element): boolean {
    if (!element.isConnected) return false;
    const values = LABELS.map((name) => element.getAttribute(name) ?? '');
    // Most labelled elements are decorative images (alt=""): nothing to judge, nothing to remember.
    if (!values[0] && !values[1] && !values[2] && !element.hasAttribute(MARK.symbol)) return false;
    const key = values.join('\n');
    if (seenLabels.get(element) === key) return false;
    seenLabels.set(element, key);
    if (!matcher.mightMatch(key) || element.closest(IGNORED)) return clearIfGone(element);
    const found = values.map(matcher.anyIn).find((f) => f !== null);
    if (!found) return clearIfGone(element);
    // An element whose own text shows a token is marked for that text; its label says it again.
    if (!matcher.anyIn(element.textContent ?? '')) candidates.push({ element, found });
    return false;
  }

  function markCandidate({ element, found }: Candidate): boolean {
    if (!element.isConnected || element.getAttribute(MARK.symbol) === found.symbol || rowShows(element, found.symbol)) return false;
    if (!roomFor(element)) {
      waiting.add(element);
      return false;
    }
    return mark(element, found);
  }

  /** Whether the row around `element` (a few levels up, not past a row's end) already marks `symbol`. */
  function rowShows(element: Element, symbol: string): boolean {
    let node = element.parentElement;
    for (let level = 0; node && node !== root && level < ROW_DEPTH; level++, node = node.parentElement) {
      if (node.querySelector(`[${MARK.symbol}="${symbol}"]`)) return true;
      if (node.matches(ROW)) break;
    }
    return false;
  }

  /** A mark whose text and labels no longer show a token (a live-updating cell) goes. */
  function clearIfGone(element: Element): boolean {
    if (!element.hasAttribute(MARK.symbol) || shows(element)) return false;
    clearMark(element);
    marks--;
    return true;
  }

  function shows(element: Element): boolean {
    if (matcher.anyIn(element.textContent ?? '')) return true;
    return LABELS.some((name) => {
      const value = element.getAttribute(name);
      return value ? matcher.anyIn(value) !== null : false;
    });
  }

  function roomFor(element: Element): boolean {
    if (marks < MAX_MARKS || element.hasAttribute(MARK.symbol)) return true;
    // The count only grows as marks come; the app removes them silently. Recount before refusing,
    // at most once until nodes leave the page: a hostile page with 100,000 mentions must not make
    // every one of them walk the whole document.
    if (!recounted) {
      marks = root.querySelectorAll(`[${MARK.symbol}]`).length;
      recounted = true;
    }
    return marks < MAX_MARKS;
  }

  function mark(element: Element, found: Found & { lookalike: boolean }): boolean {
    // A page listing several chains (Balancer's pools) says which one a row is on.
    const chainId = site.chainNear?.(element) ?? (passChain === undefined ? (passChain = options.chainId()) : passChain);
    if (chainId === null) return false;
    const { symbol, shown } = found;
    const match = found.lookalike ? 'mismatch' : matchFor(element, symbol, chainId);
    const marked = element.getAttribute(MARK.symbol);
    const before = `${marked}|${element.getAttribute(MARK.chain)}|${element.getAttribute(MARK.match)}`;
    setMark(element, symbol, chainId, match, shown);
    if (!marked) marks++;
    return before !== `${symbol}|${chainId}|${match}`;
  }

  function matchFor(element: Element, symbol: string, chainId: number): MatchKind {
    const known = registryAddresses(symbol, chainId);
    const near = site.addressesNear(element);
    if (!near.length || !known.length) return 'symbol';
    return near.some((address) => known.includes(address)) ? 'address' : 'mismatch';
  }

  const observer = new MutationObserver((records) => {
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') queue.push(record.target);
      else if (record.type === 'attributes') labelled.push(record.target as Element);
      else {
        for (const added of record.addedNodes) queue.push(added);
        removed ||= record.removedNodes.length > 0;
      }
    }
    // Nodes left: marks may have gone with them, so what waited for room is judged again.
    if (removed) {
      recounted = false;
      if (waiting.size) requeueWaiting();
    }
    schedule();
  });

  function requeueWaiting() {
    for (const node of waiting) {
      if (!node.isConnected) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        seen.delete(node as Text);
        queue.push(node);
      } else {
        seenLabels.delete(node as Element);
        labelled.push(node as Element);
      }
    }
    waiting.clear();
  }
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributeFilter: LABELS });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();

  return {
    /** Judge everything again (the chain changed with an SPA navigation). */
    rescan() {
      for (const element of root.querySelectorAll(`[${MARK.symbol}]`)) clearMark(element);
      marks = 0;
      waiting.clear();
      queue.length = 0;
      labelled.length = 0;
      candidates.length = 0;
      queue.push(root);
      // Forget what we judged: the same text may now mean another chain.
      seen = new WeakMap();
      seenLabels = new WeakMap();
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
