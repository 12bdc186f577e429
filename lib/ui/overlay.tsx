import { createRoot } from 'react-dom/client';
import { TOOLTIP_CSS } from '../../components/tooltip.css';
import { TOOLTIP_ID, TooltipOverlay } from '../../components/TooltipOverlay';
import { MARK } from '../scan/marks';
import { closeTooltip, openTooltip, tooltipStore } from './tooltip-store';

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 250;

/**
 * Mounts the tooltip host (`<stakelens-ui>`, open shadow root) and wires hover and keyboard: a mark
 * opens it on pointer hover or focus; Escape closes it; moving into the tooltip keeps it open.
 * Everything hangs off `signal`, so turning Stakelens off for the site removes it all.
 */
export function mountOverlay(signal: AbortSignal, siteId: string | null): void {
  const host = document.createElement('stakelens-ui');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = TOOLTIP_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Beside <body>, not inside it: the app's React root never sees our node.
  document.documentElement.append(host);
  const root = createRoot(container);
  root.render(<TooltipOverlay siteId={siteId} />);

  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(`[${MARK.symbol}]`) : null);
  const cancel = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };
  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(close, HOVER_CLOSE_MS);
  };
  let openedBy: 'hover' | 'focus' = 'hover';
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
      const mark = markOf(event.target);
      if (event.composedPath().includes(host)) return cancel();
      if (mark) {
        cancel();
        if (mark !== tooltipStore.getState().anchor) openTimer = setTimeout(() => open(mark), HOVER_OPEN_MS);
      } else if (tooltipStore.getState().anchor && openedBy === 'hover') {
        clearTimeout(openTimer);
        scheduleClose();
      } else clearTimeout(openTimer);
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
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && tooltipStore.getState().anchor) close();
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
}
