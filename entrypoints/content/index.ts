import { CONTENT_MATCHES } from '../../lib/sites/hosts';
import { loadPageScan } from '../../lib/page-scan-loader';

/*
 * The script injected into every supported page: small on purpose. Chrome injects it just before
 * the page's load event when the page loads fast, so whatever it ran first would delay that event.
 * It waits for the event (and a task past it), then loads the page's part (entrypoints/page-scan.ts).
 *
 * Which copy of this script is the live one sits in the extension's isolated world, where the
 * page cannot reach; it is set as the bundle loads, before WXT announces a newer copy.
 */
const LIVE = Symbol.for('stakelens.content.live');
const THIS_COPY = Math.random().toString(36).slice(2);
(globalThis as Record<symbol, unknown>)[LIVE] = THIS_COPY;
const isLive = () => (globalThis as Record<symbol, unknown>)[LIVE] === THIS_COPY;

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main: async (ctx) => {
    await pageLoaded(ctx.signal);
    if (ctx.isInvalid) return;
    try {
      (await loadPageScan()).run(ctx, isLive);
    } catch (error) {
      console.warn('[Stakelens] could not start on this page', error);
    }
  },
});

function pageLoaded(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const after = () => setTimeout(resolve);
    if (document.readyState === 'complete') after();
    else addEventListener('load', after, { once: true, signal });
  });
}
