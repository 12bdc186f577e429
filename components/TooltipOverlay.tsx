import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { siteViewStore } from '../lib/ui/site-view-store';
import { pageThemeAt } from '../lib/ui/theme';
import { openBoardAtOpenToken, openTooltip, tooltipStore, watchOpenToken, type TooltipState } from '../lib/ui/tooltip-store';
import { Tooltip } from './Tooltip';

export const TOOLTIP_ID = 'stakelens-tooltip';

/** Renders the tooltip for the open mark, if any. */
export function TooltipOverlay({ siteId, onAnchorLost }: { siteId: string | null; onAnchorLost: () => void }) {
  const state = useStore(tooltipStore);
  if (!state.anchor || !state.symbol || state.chainId === null) return null;
  // A new key per token: its clock and position start fresh when it opens.
  return <PlacedTooltip key={`${state.chainId}:${state.symbol}`} state={state} anchor={state.anchor} siteId={siteId} onAnchorLost={onAnchorLost} />;
}

/** The tooltip placed beside its mark without covering it (floating-ui), its ages ticking each second. */
function PlacedTooltip({ state, anchor, siteId, onAnchorLost }: { state: TooltipState; anchor: Element; siteId: string | null; onAnchorLost: () => void }) {
  const floating = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState(Date.now);
  const { layers } = useStore(siteViewStore);
  // The page's look where the tooltip opens, read once per anchor (an app may switch themes).
  const [theme] = useState(() => pageThemeAt(anchor));

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useLayoutEffect(() => {
    const element = floating.current;
    if (!element) return;
    return autoUpdate(anchor, element, () => {
      // The app re-rendered the mark away: follow its successor, or close; never point at nothing.
      if (!anchor.isConnected) return onAnchorLost();
      void computePosition(anchor, element, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Never taller than the room on its side: the rest scrolls inside the tooltip.
          size({
            padding: 8,
            apply({ availableHeight }) {
              element.style.setProperty('--sl-max-height', `${Math.max(160, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }, [anchor, onAnchorLost]);

  return (
    <div ref={floating} className="sl-layer-root" data-theme={theme}>
      <Tooltip
        id={TOOLTIP_ID}
        symbol={state.symbol!}
        chainId={state.chainId!}
        match={state.match}
        via={state.via}
        reply={state.reply}
        loading={state.loading}
        error={state.error}
        siteId={siteId}
        layers={layers}
        now={now}
        onRefresh={() => void openTooltip(anchor, true)}
        onWatch={(watched) => void watchOpenToken(watched)}
        onOpenBoard={() => void openBoardAtOpenToken()}
        history={state.history}
      />
    </div>
  );
}
