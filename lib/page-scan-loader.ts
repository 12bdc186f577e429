import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/*
 * The content script's work on a page (entrypoints/page-scan.ts) is not part of the script Chrome
 * injects: the injected script loads it from the extension's own files once the page has loaded.
 */

export interface PageScan {
  /** Runs on this page until `ctx` ends; `isLive` says whether this copy of the content script is still the newest. */
  run(ctx: ContentScriptContext, isLive: () => boolean): void;
}

/** Where page-scan.js leaves its entry point: the extension's isolated world, out of the page's reach. */
export const PAGE_SCAN = Symbol.for('stakelens.page-scan');

export async function loadPageScan(): Promise<PageScan> {
  await import(/* @vite-ignore */ browser.runtime.getURL('/page-scan.js'));
  const pageScan = (globalThis as Record<symbol, PageScan | undefined>)[PAGE_SCAN];
  if (!pageScan) throw new Error('page-scan.js did not load');
  return pageScan;
}
