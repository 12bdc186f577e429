import { send } from '../../lib/messaging';
import { clearAllMarks, MARK_STYLE, summarizeMarks } from '../../lib/scan/marks';
import { createMatcher } from '../../lib/scan/matcher';
import { startScanner } from '../../lib/scan/scanner';
import { getSiteSettings, isSiteEnabled, parseSetting, siteSettings, siteSettingsSchema } from '../../lib/settings';
import { CONTENT_MATCHES, siteForHost } from '../../lib/sites';
import { generic } from '../../lib/sites/generic';
import { registry } from '../../lib/tokens/registry';
import { mountOverlay } from '../../lib/ui/overlay';

declare const __STAKELENS_BENCH__: boolean;

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    // Built into the manifest for the known apps; registered at run time for sites the user turned on.
    const site = siteForHost(location.host) ?? generic;
    const matcher = createMatcher(registry);
    let session: AbortController | null = null;
    let scanner: ReturnType<typeof startScanner> | null = null;
    let lastReport = '';

    // One message per scan pass, and only when what the page shows changed.
    const report = () => {
      const tokens = session ? summarizeMarks(document) : [];
      const key = JSON.stringify(tokens);
      if (key === lastReport || ctx.isInvalid) return;
      lastReport = key;
      send('tokensFound', { host: location.host, tokens }).catch(() => {
        // The extension was reloaded under this page: the old script goes quiet, the page goes on.
      });
    };

    const start = () => {
      if (session) return;
      session = new AbortController();
      const signal = AbortSignal.any([ctx.signal, session.signal]);
      const style = document.createElement('style');
      style.dataset.stakelensStyle = 'marks';
      style.textContent = MARK_STYLE;
      (document.head ?? document.documentElement).append(style);
      signal.addEventListener('abort', () => style.remove(), { once: true });
      scanner = startScanner({
        root: document.body,
        matcher,
        site,
        chainId: () => site.chainFromUrl(new URL(location.href)),
        signal,
        onChange: report,
        // Bench builds only: each pass as a user-timing measure the bench reads from the page.
        onPass: __STAKELENS_BENCH__ ? (start, end) => performance.measure('stakelens:scan-pass', { start, end }) : undefined,
      });
      mountOverlay(signal, site.id);
    };

    const stop = () => {
      session?.abort();
      session = null;
      scanner = null;
      clearAllMarks(document);
      report();
    };

    ctx.addEventListener(window, 'wxt:locationchange', () => scanner?.rescan());
    const unwatch = siteSettings.watch((value) => {
      const enabled = isSiteEnabled(parseSetting(siteSettingsSchema, value, {}, 'sites'), location.host);
      if (enabled) start();
      else stop();
    });
    ctx.onInvalidated(unwatch);

    if (isSiteEnabled(await getSiteSettings(), location.host)) start();
    // Off here: still tell the background the script runs on this tab, so the popup offers the switch.
    else report();
  },
});
