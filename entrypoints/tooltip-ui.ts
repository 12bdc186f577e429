import { UI_GLOBAL, type TooltipUi } from '../lib/ui/overlay-loader';
import { mountOverlay } from '../lib/ui/overlay';
import { siteViewStore } from '../lib/ui/site-view-store';

/**
 * The tooltip's code, loaded by the content script on the first hover or focus of a mark
 * (lib/ui/overlay-loader.ts). It runs in the content script's isolated world and leaves its entry
 * points there.
 */
export default defineUnlistedScript(() => {
  const ui: TooltipUi = { mountOverlay, setLayers: (layers) => siteViewStore.setState({ layers }) };
  (globalThis as Record<symbol, TooltipUi>)[UI_GLOBAL] = ui;
});
