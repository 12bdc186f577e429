import { send } from '../../lib/messaging';
import { clearAllMarks, markStyle, summarizeMarks } from '../../lib/scan/marks';
import { createMatcher } from '../../lib/scan/matcher';
import { startScanner } from '../../lib/scan/scanner';
import { getSiteSettings, parseSetting, siteSettingFor, siteSettings, siteSettingsSchema, type SiteSetting } from '../../lib/settings';
import { CONTENT_MATCHES, siteForHost } from '../../lib/sites';
import { generic } from '../../lib/sites/generic';
import { registry } from '../../lib/tokens/registry';
import { mountOverlay } from '../../lib/ui/overlay';
import { siteViewStore } from '../../lib/ui/site-view-store';

declare const __STAKELENS_BENCH__: boolean;

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    // Built into the manifest for the known apps; registered at run time for sites the user turned on.
    const site = siteForHost(location.host) ?? generic;
    const matcher = createMatcher(registry);
    let session: AbortController | null = null;
    /** The marks' page style; its text follows the site's chosen look. */
    let style: HTMLStyleElement | null = null;
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
    const apply = (setting: SiteSetting) => {
      if (!setting.enabled) return stop();
      start();
      style!.textContent = markStyle(setting.look);
      siteViewStore.setState({ layers: setting.layers });
    };
    const unwatch = siteSettings.watch((value) => apply(siteSettingFor(parseSetting(siteSettingsSchema, value, {}, 'sites'), location.host)));
    ctx.onInvalidated(unwatch);

    // Off here, stop() still reports (no tokens): the background learns the script runs on this tab,
    // so the popup offers the switch.
    apply(siteSettingFor(await getSiteSettings(), location.host));
  },
});
