import type { SiteAdapter } from '../sites/types';
import { registryAddresses } from '../tokens/lookup';
import { clearMark, MARK, setMark, summarize, type MarkEntry, type MatchKind } from './marks';
import type { AnyFound, Matcher } from './matcher';

/*
 * The page scanner. One MutationObserver that only queues; the work happens in passes scheduled
 * per animation frame with a time budget (~4 ms), so a busy page never stalls. Nodes the page
 * framework owns are never wrapped, moved or replaced: we only set data- attributes on them.
 */

const FRAME_BUDGET_MS = 4;
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SKIP = new Set(['script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'svg', 'stakelens-ui']);
/** Text inside these is code, input or our own UI, never a mention of a token. */
const IGNORED = 'script,style,noscript,textarea,template,option,svg,stakelens-ui';
/** Elements that name a token in an attribute: icons (`alt`), labelled controls, tooltips. Empty ones (decorative icons) say nothing. */
const LABELLED = 'img[alt]:not([alt=""]),[aria-label]:not([aria-label=""]),[title]:not([title=""])';
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
  /** Called (in a task after the pass) when a scan of one or more frames has drained its queue and changed the marks. */
  onChange: () => void;
  /** Called after every pass with its start and end times, and whether the queue is drained (the bench times scans with it). */
  onPass?: (start: number, end: number, drained: boolean) => void;
  now?: () => number;
}

/**
 * A first-in, first-out queue. Not Array.shift: on a long array (a page that adds 100,000 nodes at
 * once) each shift copies the whole array, and a scan of them takes minutes instead of a second.
 */
function fifo<T>() {
  let items: T[] = [];
  let head = 0;
  return {
    get size() {
      return items.length - head;
    },
    push(item: T) {
      items.push(item);
    },
    take(): T | undefined {
      if (head === items.length) return undefined;
      const item = items[head++];
      // Let go of what was taken once it is most of the array, so removed nodes can be collected.
      if (head === items.length || (head > 1024 && head * 2 > items.length)) {
        items = items.slice(head);
        head = 0;
      }
      return item;
    },
    clear() {
      items = [];
      head = 0;
    },
  };
}

/** A name or an icon's label: marked only when its row shows no symbol of the same token. */
interface Candidate {
  element: Element;
  found: AnyFound;
}

export function startScanner(options: ScannerOptions) {
  const { root, matcher, site, signal } = options;
  const now = options.now ?? (() => performance.now());
  /** Subtrees whose text is to be judged, walked in document order. Symbols are marked as they are found. */
  const subtrees = fifo<Node>();
  subtrees.push(root);
  /** The subtree being walked and the text to resume at: a walk that runs out of time goes on next frame. */
  let walk: { top: Node; walker: TreeWalker; resumeAt: Text | null } | null = null;
  /** Texts that changed in place or arrived alone: what a mark showed may have gone. */
  const texts: Text[] = [];
  /** Marked elements that lost children: their mark is checked again. */
  const emptied: Element[] = [];
  /** Elements whose attributes are to be judged, once the text is done. */
  const labelled: Element[] = [];
  /** Names and labels, judged last so the symbols of their rows are marked first. */
  const candidates: Candidate[] = [];
  /** The marks this scanner set, by element: the report sums these up without reading the page again. */
  const tally = new Map<Element, MarkEntry>();
  /** Nodes left the page since the last report: marks may have gone with them. */
  let removedSinceReport = false;
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
  /** What waited, taken out to be judged again now that there is room: one at a time, in passes. */
  let retrying: (Text | Element)[] = [];

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
  const pending = () =>
    walk !== null || subtrees.size + texts.length + emptied.length + labelled.length + candidates.length > 0 || (marks < MAX_MARKS && retrying.length + waiting.size > 0);

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
      if (walk || subtrees.size) changed = walkSome(deadline) || changed;
      else if (texts.length) changed = judge(texts.pop()!, true) || changed;
      else if (emptied.length) changed = clearIfGone(emptied.pop()!) || changed;
      else if (labelled.length) changed = judgeLabels(labelled.pop()!) || changed;
      else if (candidates.length) changed = markCandidate(candidates.pop()!) || changed;
      else if (retrying.length + waiting.size && roomFor(null)) changed = retryWaiting() || changed;
      else break;
    }
    options.onPass?.(started, now(), !pending());
    changedSinceReport ||= changed;
    if (pending()) return schedule();
    // Report once everything is judged: a page scanned over several frames sends one message. In a
    // task of its own, so the frame keeps to its budget (summing up many marks takes milliseconds).
    if (changedSinceReport || (removedSinceReport && tally.size)) {
      changedSinceReport = removedSinceReport = false;
      setTimeout(() => signal.aborted || options.onChange());
    }
  }

  /**
   * Judges the text of the next subtree, or of the one a past pass left unfinished, until the
   * deadline. One native TreeWalker per subtree, resumed where it stopped: no filter callback (a
   * native walk is many times faster) and nothing per node but reading its text.
   */
  function walkSome(deadline: number): boolean {
    let text: Text | null;
    if (walk) {
      if (!walk.top.isConnected) return (walk = null), false;
      // The page may have changed since the last frame: resume where we stopped if that text is
      // still in the subtree, else walk it again (text already judged costs nothing twice).
      const at = walk.resumeAt;
      const resumable = at !== null && walk.top.contains(at);
      walk.walker.currentNode = resumable ? at : walk.top;
      text = resumable ? at : (walk.walker.nextNode() as Text | null);
    } else {
      const top = subtrees.take()!;
      if (top.nodeType === Node.TEXT_NODE) return judge(top as Text, true);
      if (top.nodeType !== Node.ELEMENT_NODE || SKIP.has((top as Element).localName) || !top.isConnected) return false;
      if ((top as Element).matches(LABELLED)) labelled.push(top as Element);
      for (const element of (top as Element).querySelectorAll(LABELLED)) labelled.push(element);
      walk = { top, walker: document.createTreeWalker(top, NodeFilter.SHOW_TEXT), resumeAt: null };
      text = walk.walker.nextNode() as Text | null;
    }
    let changed = false;
    for (let count = 1; text; count++, text = walk.walker.nextNode() as Text | null) {
      if (count % 64 === 0 && now() > deadline) {
        walk.resumeAt = text;
        return changed;
      }
      changed = judge(text, false) || changed;
    }
    walk = null;
    return changed;
  }

  /**
   * Judges one text. `alone`: it changed in place or was added by itself, so it may be what a mark
   * showed, and a mark it no longer supports goes. Text found by a walk of new nodes cannot be.
   */
  function judge(text: Text, alone: boolean): boolean {
    const value = text.data;
    // Most text holds no token at all: one cheap test, nothing read from the DOM, nothing remembered.
    if (!matcher.mightMatch(value)) {
      const element = alone ? text.parentElement : null;
      return element ? clearIfGone(element) : false;
    }
    // Code, form fields and svg drawings mention no token on the page. (Our own UI and <template>
    // contents sit in other trees the walk never enters.)
    const element = text.parentElement;
    if (!element || SKIP.has(element.localName)) return false;
    const found = matcher.anyIn(value);
    if (!found) return clearIfGone(element);
    if (element.namespaceURI !== HTML_NS || seen.get(text) === value) return false;
    seen.set(text, value);
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
    tally.delete(element);
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

  /** Whether `element` may be marked (null: whether any element may). */
  function roomFor(element: Element | null): boolean {
    if (marks < MAX_MARKS || element?.hasAttribute(MARK.symbol)) return true;
    // The count only grows as marks come; the app removes marked elements silently. Recount before
    // refusing, at most once until elements leave the page, from our own marks (at most
    // MAX_MARKS) rather than the document: a hostile page with 100,000 mentions must not make every
    // one of them, or every rewrite of a cell, walk the whole document.
    if (!recounted) {
      marks = 0;
      for (const marked of tally.keys()) if (marked.isConnected && marked.hasAttribute(MARK.symbol)) marks++;
      recounted = true;
    }
    return marks < MAX_MARKS;
  }

  /**
   * Judges again one text or label that waited for room. Called from a pass, within its budget, so
   * that room freed by a page that keeps removing marks costs a few judgements a frame, not a burst
   * of every mention that waited.
   */
  function retryWaiting(): boolean {
    if (!retrying.length) {
      retrying = [...waiting];
      waiting.clear();
    }
    const node = retrying.pop()!;
    if (!node.isConnected) return false;
    if (node.nodeType === Node.TEXT_NODE) {
      seen.delete(node as Text);
      return judge(node as Text, true);
    }
    seenLabels.delete(node as Element);
    return judgeLabels(node as Element);
  }

  function mark(element: Element, found: AnyFound): boolean {
    // A page listing several chains (Balancer's pools) says which one a row is on.
    const chainId = site.chainNear?.(element) ?? (passChain === undefined ? (passChain = options.chainId()) : passChain);
    if (chainId === null) return false;
    const { symbol, shown } = found;
    const match = found.lookalike ? 'mismatch' : matchFor(element, symbol, chainId);
    tally.set(element, { symbol, chainId, match });
    const change = setMark(element, symbol, chainId, match, shown);
    if (change === 'added') marks++;
    return change !== null;
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
      if (record.type === 'characterData') texts.push(record.target as Text);
      else if (record.type === 'attributes') labelled.push(record.target as Element);
      else {
        for (const added of record.addedNodes) {
          if (added.nodeType === Node.TEXT_NODE) texts.push(added as Text);
          else subtrees.push(added);
        }
        if (record.removedNodes.length) {
          // Only elements carry marks: a cell whose text is rewritten (its text node replaced) takes
          // no mark away, and must not make every mention that waited for room be judged again.
          for (const gone of record.removedNodes) removed ||= gone.nodeType === Node.ELEMENT_NODE;
          // A marked element whose text went: its mark is checked again.
          if ((record.target as Element).hasAttribute?.(MARK.symbol)) emptied.push(record.target as Element);
        }
      }
    }
    // Elements left: marks may have gone with them, so the count is taken again before refusing, and
    // what waited for room is judged again if there is room (pass by pass, see retryWaiting).
    if (removed) {
      recounted = false;
      removedSinceReport = true;
    }
    schedule();
  });

  observer.observe(root, { childList: true, subtree: true, characterData: true, attributeFilter: LABELS });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();

  return {
    /** The tokens the page shows now, summed up from this scanner's marks (those still on the page). */
    summary() {
      for (const element of tally.keys()) if (!element.isConnected) tally.delete(element);
      return summarize(tally.values());
    },
    /** Judge everything again (the chain changed with an SPA navigation). */
    rescan() {
      for (const element of root.querySelectorAll(`[${MARK.symbol}]`)) clearMark(element);
      marks = 0;
      tally.clear();
      waiting.clear();
      retrying = [];
      walk = null;
      for (const list of [texts, emptied, labelled, candidates]) list.length = 0;
      subtrees.clear();
      subtrees.push(root);
      // Forget what we judged: the same text may now mean another chain.
      seen = new WeakMap();
      seenLabels = new WeakMap();
      schedule();
    },
  };
}
