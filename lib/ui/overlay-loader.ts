import type { LayerId } from '../risk/layer-ids';
import { MARK } from '../scan/marks';
import type { FirstTouch } from './overlay';

/*
 * The tooltip's code (React, the risk model, the figures' schemas) is not part of the script every
 * supported page loads: it comes in on the first hover or focus of a mark, from the extension's
 * own files (entrypoints/tooltip-ui.ts), and then handles every later one itself.
 */

export interface TooltipUi {
  mountOverlay(signal: AbortSignal, siteId: string | null, first?: FirstTouch): void;
  setLayers(layers: readonly LayerId[]): void;
}

/** Where tooltip-ui.js leaves its entry points: the extension's isolated world, out of the page's reach. */
export const UI_GLOBAL = Symbol.for('stakelens.tooltip-ui');

let loading: Promise<TooltipUi> | null = null;

function loadUi(): Promise<TooltipUi> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/tooltip-ui.js')).then(() => {
    const ui = (globalThis as Record<symbol, TooltipUi | undefined>)[UI_GLOBAL];
    if (!ui) throw new Error('tooltip-ui.js did not load');
    return ui;
  });
  return loading;
}

/**
 * Waits for the first hover or focus on a mark, then loads the tooltip and hands that event over.
 * `layers` is read when the tooltip mounts; later changes go through the returned `setLayers`.
 */
export function armOverlay(signal: AbortSignal, siteId: string | null, layers: () => readonly LayerId[]): { setLayers(layers: readonly LayerId[]): void } {
  let ui: TooltipUi | null = null;
  const armed = new AbortController();
  const stop = AbortSignal.any([signal, armed.signal]);
  const touch = (event: Event, by: FirstTouch['by']) => {
    const target = event.target instanceof Element ? event.target : null;
    const mark = target?.closest(`[${MARK.symbol}]`) ?? (by === 'focus' ? target?.querySelector(`[${MARK.symbol}]`) : null);
    if (!mark) return;
    armed.abort();
    const { clientX: x = -1, clientY: y = -1 } = event as PointerEvent;
    loadUi().then(
      (loaded) => {
        if (signal.aborted) return;
        ui = loaded;
        loaded.setLayers(layers());
        loaded.mountOverlay(signal, siteId, { mark, by, x, y });
      },
      (error: unknown) => console.warn('[Stakelens] the tooltip could not load', error),
    );
  };
  const options = { signal: stop, capture: true, passive: true } as const;
  document.addEventListener('pointerover', (event) => touch(event, 'hover'), options);
  document.addEventListener('focusin', (event) => touch(event, 'focus'), options);
  return { setLayers: (next) => ui?.setLayers(next) };
}
