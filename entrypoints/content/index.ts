import { reportTokens } from '../../lib/messaging-channel';
import { clearAllMarks, markStyle, summarizeMarks } from '../../lib/scan/marks';
import { createMatcher } from '../../lib/scan/matcher';
import { startScanner } from '../../lib/scan/scanner';
import { getSiteSettings, parseSetting, siteSettingFor, siteSettings, siteSettingsSchema, type SiteSetting } from '../../lib/site-settings';
import { CONTENT_MATCHES, siteForHost } from '../../lib/sites';
import { generic } from '../../lib/sites/generic';
import { PAGE_TOKENS } from '../../lib/tokens/lookup';
import { armOverlay } from '../../lib/ui/overlay-loader';
import type { LayerId } from '../../lib/risk/layer-ids';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

declare const __STAKELENS_BENCH__: boolean;

/*
 * Which copy of this script is the live one. It sits in the extension's isolated world, where the
 * page cannot reach; it is set as the bundle loads, before WXT announces a newer copy.
 */
const LIVE = Symbol.for('stakelens.content.live');
const THIS_COPY = Math.random().toString(36).slice(2);
(globalThis as Record<symbol, unknown>)[LIVE] = THIS_COPY;

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => run(ctx, 0),
});

/** Everything the content script does, tied to one context. */
async function run(ctx: ContentScriptContext, restarts: number): Promise<void> {
  // Chrome injects this script just before the page's load event when the page loads fast, so
  // whatever it does first would delay that event. It waits for the event, and a task past it.
  await pageLoaded(ctx.signal);
  if (ctx.isInvalid) return;
  // Built into the manifest for the known apps; registered at run time for sites the user turned on.
  const site = siteForHost(location.host) ?? generic;
  const matcher = createMatcher(PAGE_TOKENS);
  let session: AbortController | null = null;
  /** The marks' page style; its text follows the site's chosen look. */
  let style: HTMLStyleElement | null = null;
  let scanner: ReturnType<typeof startScanner> | null = null;
  /** The tooltip, loaded on the first hover or focus; the layers this site shows in it. */
  let overlay: ReturnType<typeof armOverlay> | null = null;
  let layers: readonly LayerId[] = [];
  let lastReport = '';

  // One message per scan pass, and only when what the page shows changed.
  const report = () => {
    const tokens = session ? summarizeMarks(document) : [];
    const key = JSON.stringify(tokens);
    if (key === lastReport || ctx.isInvalid) return;
    lastReport = key;
    reportTokens({ host: location.host, tokens }).catch(() => {
      // The extension was reloaded under this page: the old script goes quiet, the page goes on.
    });
  };

  const start = () => {
    if (session) return;
    session = new AbortController();
    const signal = AbortSignal.any([ctx.signal, session.signal]);
    const own = (style = document.createElement('style'));
    own.dataset.stakelensStyle = 'marks';
    (document.head ?? document.documentElement).append(own);
    signal.addEventListener('abort', () => own.remove(), { once: true });
    scanner = startScanner({
      root: document.body,
      matcher,
      site,
      chainId: () => site.chainFromUrl(new URL(location.href)),
      signal,
      onChange: report,
      // Bench builds only: each pass as a user-timing measure the bench reads from the page.
      onPass: __STAKELENS_BENCH__ ? (start, end, drained) => performance.measure('stakelens:scan-pass', { start, end, detail: { drained } }) : undefined,
    });
    overlay = armOverlay(signal, site.id, () => layers);
  };

  const stop = () => {
    session?.abort();
    session = null;
    scanner = null;
    clearAllMarks(document);
    report();
  };

  ctx.addEventListener(window, 'wxt:locationchange', () => scanner?.rescan());
  const apply = (setting: SiteSetting) => {
    if (!setting.enabled) return stop();
    start();
    style!.textContent = markStyle(setting.look);
    layers = setting.layers;
    overlay?.setLayers(layers);
  };
  const unwatch = siteSettings().watch((value) => apply(siteSettingFor(parseSetting(siteSettingsSchema, value, {}, 'sites'), location.host)));
  ctx.onInvalidated(unwatch);

  // WXT ends a context when the extension goes away or a newer copy of this script starts, and
  // also when the page fires the event that announces a newer copy, which any page can forge.
  // Start again unless the extension is really gone or a newer copy really runs (backing off,
  // so a page that keeps forging it only costs itself rescans).
  ctx.onInvalidated(() => {
    const alive = browser.runtime?.id !== undefined;
    if (!alive || (globalThis as Record<symbol, unknown>)[LIVE] !== THIS_COPY) return;
    setTimeout(async () => {
      // Imported here, not at the top: WXT loads this file at build time, where this module can't run.
      const { ContentScriptContext } = await import('wxt/utils/content-script-context');
      void run(new ContentScriptContext('content'), restarts + 1);
    }, Math.min(5_000, 50 * 2 ** restarts));
  });

  // Off here, stop() still reports (no tokens): the background learns the script runs on this tab,
  // so the popup offers the switch.
  apply(siteSettingFor(await getSiteSettings(), location.host));
}

function pageLoaded(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const after = () => setTimeout(resolve);
    if (document.readyState === 'complete') after();
    else addEventListener('load', after, { once: true, signal });
  });
}
