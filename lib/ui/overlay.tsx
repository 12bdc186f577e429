import { createRoot } from 'react-dom/client';
import { TOOLTIP_CSS } from '../../components/tooltip.css';
import { TOOLTIP_ID, TooltipOverlay } from '../../components/TooltipOverlay';
import { MARK, summarizeMarks } from '../scan/marks';
import { followPreferences } from './preferences-store';
import { closeTooltip, openTooltip, prefetchFigures, tooltipStore } from './tooltip-store';

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 250;

/**
 * Mounts the tooltip host (`<stakelens-ui>`, open shadow root) and wires hover and keyboard: a mark
 * opens it on pointer hover or focus; Escape closes it; moving into the tooltip keeps it open.
 * Everything hangs off `signal`, so turning Stakelens off for the site removes it all.
 */
/** The hover or focus that brought the tooltip's code in: answered at once, it came before our listeners. */
export interface FirstTouch {
  mark: Element;
  by: 'hover' | 'focus';
  x: number;
  y: number;
}

export function mountOverlay(signal: AbortSignal, siteId: string | null, first?: FirstTouch): void {
  const host = document.createElement('stakelens-ui');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = TOOLTIP_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Beside <body>, not inside it: the app's React root never sees our node.
  document.documentElement.append(host);
  const root = createRoot(container);
  followPreferences(signal);
  void prefetchFigures(summarizeMarks(document));

  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const pointer = { x: -1, y: -1 };
  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(`[${MARK.symbol}]`) : null);
  // Apps re-render the node under a resting pointer: the new node is marked a moment after the
  // pointer "enters" it, so decisions look again at what is under the pointer now.
  const markUnderPointer = () => (pointer.x < 0 ? null : markOf(document.elementFromPoint(pointer.x, pointer.y)));
  const cancel = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };
  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      const still = openedBy === 'hover' ? markUnderPointer() : null;
      if (still) open(still);
      else close();
    }, HOVER_CLOSE_MS);
  };
  const scheduleOpenUnderPointer = () => {
    clearTimeout(openTimer);
    openTimer = setTimeout(() => {
      const mark = markUnderPointer();
      if (mark && mark !== tooltipStore.getState().anchor) open(mark);
    }, HOVER_OPEN_MS);
  };
  /** The app replaced the mark the tooltip points at: follow its successor under the pointer, else close. */
  const onAnchorLost = () => {
    const successor = openedBy === 'hover' ? markUnderPointer() : null;
    if (successor) open(successor);
    else close();
  };
  root.render(<TooltipOverlay siteId={siteId} onAnchorLost={onAnchorLost} />);
  let openedBy: 'hover' | 'focus' = 'hover';
  /** The mark keyboard focus just left the tooltip back to: its next Tab leaves for the page. */
  let leaving: Element | null = null;
  /** Escape closed the tooltip from inside and sends focus back to the mark: don't reopen on that focus. */
  let closedByKey = false;
  const open = (mark: Element, by: 'hover' | 'focus' = 'hover') => {
    cancel();
    openedBy = by;
    void openTooltip(mark);
    mark.setAttribute('aria-describedby', TOOLTIP_ID);
  };
  const close = () => {
    cancel();
    tooltipStore.getState().anchor?.removeAttribute('aria-describedby');
    closeTooltip();
  };

  const options = { signal, capture: true, passive: true } as const;
  // pointerover alone decides hover: it still fires when the app re-renders the node under the
  // pointer, where a pointerout from the old node never comes.
  document.addEventListener(
    'pointerover',
    (event) => {
      pointer.x = event.clientX;
      pointer.y = event.clientY;
      const mark = markOf(event.target);
      if (event.composedPath().includes(host)) return cancel();
      if (mark) {
        cancel();
        if (mark !== tooltipStore.getState().anchor) openTimer = setTimeout(() => open(mark), HOVER_OPEN_MS);
      } else if (tooltipStore.getState().anchor && openedBy === 'hover') {
        clearTimeout(openTimer);
        scheduleClose();
      } else scheduleOpenUnderPointer();
    },
    options,
  );
  document.addEventListener(
    'pointermove',
    (event) => {
      pointer.x = event.clientX;
      pointer.y = event.clientY;
    },
    options,
  );
  // The pointer left the window: nothing will be hovered any more.
  document.documentElement.addEventListener('pointerleave', () => openedBy === 'hover' && scheduleClose(), { signal, passive: true });
  host.addEventListener('pointerenter', cancel, { signal });
  host.addEventListener('pointerleave', scheduleClose, { signal });
  document.addEventListener(
    'focusin',
    (event) => {
      if (event.target === host) return cancel();
      if (closedByKey) {
        closedByKey = false;
        return;
      }
      const target = event.target instanceof Element ? event.target : null;
      const mark = markOf(target) ?? target?.querySelector(`[${MARK.symbol}]`);
      if (mark) open(mark, 'focus');
    },
    options,
  );
  document.addEventListener(
    'focusout',
    (event) => {
      // Focus moving into the tooltip (Tab into its details) keeps it open.
      if (event.relatedTarget === host || !tooltipStore.getState().anchor) return;
      if (markOf(event.target) || (event.target instanceof Element && event.target.querySelector(`[${MARK.symbol}]`))) scheduleClose();
    },
    options,
  );
  // Keyboard: Tab from the focused mark goes into the tooltip's details (links, disclosures,
  // Refresh); Tab past the last one or Shift+Tab before the first comes back to the mark, and the
  // next Tab then leaves it for the page as usual. Escape closes, and from inside returns to the mark.
  const focusables = () => [...shadow.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), summary, [tabindex]:not([tabindex="-1"])')];
  /** What keyboard focus returns to: the mark, or the control it sits in (a currency button). */
  const focusTarget = (anchor: Element) => anchor.closest<HTMLElement>('a[href], button, input, select, textarea, [tabindex]') ?? (anchor as HTMLElement);
  document.addEventListener(
    'keydown',
    (event) => {
      const anchor = tooltipStore.getState().anchor;
      if (!anchor) return;
      const inside = event.composedPath().includes(host);
      if (event.key === 'Escape') {
        close();
        if (inside) {
          closedByKey = true; // the focus coming back must not open it again
          focusTarget(anchor).focus();
        }
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables();
      if (inside) {
        const at = items.indexOf(shadow.activeElement as HTMLElement);
        const out = event.shiftKey ? at <= 0 : at === items.length - 1;
        if (out) {
          event.preventDefault();
          leaving = event.shiftKey ? null : anchor;
          focusTarget(anchor).focus();
        }
        return;
      }
      const onMark = event.target instanceof Element && (event.target === anchor || event.target.contains(anchor));
      if (onMark && !event.shiftKey && leaving !== anchor && items.length) {
        event.preventDefault();
        items[0]!.focus();
      }
      leaving = null;
    },
    { signal, capture: true },
  );

  signal.addEventListener(
    'abort',
    () => {
      cancel();
      closeTooltip();
      root.unmount();
      host.remove();
    },
    { once: true },
  );

  if (first && first.mark.isConnected) {
    pointer.x = first.x;
    pointer.y = first.y;
    if (first.by === 'focus') open(first.mark, 'focus');
    else openTimer = setTimeout(() => open(first.mark), HOVER_OPEN_MS);
  }
}
