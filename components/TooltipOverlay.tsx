import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { openTooltip, tooltipStore } from '../lib/ui/tooltip-store';
import { Tooltip } from './Tooltip';

export const TOOLTIP_ID = 'stakelens-tooltip';

/** Renders the tooltip for the open mark, placed beside it without covering it (floating-ui). */
export function TooltipOverlay({ siteId }: { siteId: string | null }) {
  const state = useStore(tooltipStore);
  const floating = useRef<HTMLDivElement>(null);
  const now = useNow(state.anchor !== null);

  useLayoutEffect(() => {
    const anchor = state.anchor;
    const element = floating.current;
    if (!anchor || !element) return;
    return autoUpdate(anchor, element, () => {
      void computePosition(anchor, element, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }, [state.anchor]);

  if (!state.anchor || !state.symbol || state.chainId === null) return null;
  return (
    <div ref={floating} className="sl-layer-root">
      <Tooltip
        id={TOOLTIP_ID}
        symbol={state.symbol}
        chainId={state.chainId}
        match={state.match}
        via={state.via}
        reply={state.reply}
        loading={state.loading}
        error={state.error}
        siteId={siteId}
        now={now}
        onRefresh={() => void openTooltip(state.anchor!, true)}
      />
    </div>
  );
}

/** The current time, ticking each second while `active`, so ages stay true while the tooltip is open. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
