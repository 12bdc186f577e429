import { reportTokens } from '../lib/messaging-channel';
import { clearAllMarks, markStyle } from '../lib/scan/marks';
import { createMatcher } from '../lib/scan/matcher';
import { startScanner } from '../lib/scan/scanner';
import { getSiteSettings, parseSetting, siteSettingFor, siteSettings, siteSettingsSchema, unwatchQuietly, type SiteSetting } from '../lib/site-settings';
import { siteForHost } from '../lib/sites';
import { generic } from '../lib/sites/generic';
import { PAGE_TOKENS } from '../lib/tokens/lookup';
import { PAGE_SCAN, type PageScan } from '../lib/page-scan-loader';
import { armOverlay } from '../lib/ui/overlay-loader';
import type { LayerId } from '../lib/risk/layer-ids';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

declare const __STAKELENS_BENCH__: boolean;

/**
 * The content script's work on a supported page: pick the site's adapter, scan the page, report
 * what it shows, arm the tooltip. Loaded by the content script once the page has loaded
 * (lib/page-scan-loader.ts); it runs in the content script's isolated world and leaves its entry
 * point there.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, PageScan>)[PAGE_SCAN] = { run: (ctx, isLive) => run(ctx, isLive, 0) };
});

/** Everything the content script does, tied to one context. */
async function run(ctx: ContentScriptContext, isLive: () => boolean, restarts: number): Promise<void> {
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

  // One message per scan, and only when what the page shows changed.
  const report = () => {
    const tokens = session && scanner ? scanner.summary() : [];
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
      onChange: __STAKELENS_BENCH__ ? timed('stakelens:scan-report', report) : report,
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
  ctx.onInvalidated(unwatchQuietly(unwatch));

  // WXT ends a context when the extension goes away or a newer copy of this script starts, and
  // also when the page fires the event that announces a newer copy, which any page can forge.
  // Start again unless the extension is really gone or a newer copy really runs (backing off,
  // so a page that keeps forging it only costs itself rescans).
  ctx.onInvalidated(() => {
    const alive = browser.runtime?.id !== undefined;
    if (!alive || !isLive()) return;
    setTimeout(async () => {
      // Imported here, not at the top: WXT loads this file at build time, where this module can't run.
      const { ContentScriptContext } = await import('wxt/utils/content-script-context');
      void run(new ContentScriptContext('content'), isLive, restarts + 1);
    }, Math.min(5_000, 50 * 2 ** restarts));
  });

  // Off here, stop() still reports (no tokens): the background learns the script runs on this tab,
  // so the popup offers the switch.
  apply(siteSettingFor(await getSiteSettings(), location.host));
}

/** Bench builds only: `run`, timed as a user-timing measure the bench reads from the page. */
function timed(name: string, run: () => void): () => void {
  return () => {
    const start = performance.now();
    run();
    performance.measure(name, { start, end: performance.now() });
  };
}
