import { CONTENT_MATCHES } from './sites';

/*
 * Sites beyond the built-in list. The manifest asks for no host beyond the supported apps; for
 * any other site the user asks from the popup, the browser asks them to grant that one origin
 * (an optional host permission), and the content script is registered for the granted origins.
 */

/** The content script WXT builds from entrypoints/content. */
const CONTENT_SCRIPT = '/content-scripts/content.js' as const;
const SCRIPT_ID = 'stakelens-other-sites';

/** The match pattern that grants one host, or null for what is not a web page. */
export function originFor(url: string | undefined): { host: string; pattern: string } | null {
  if (!url) return null;
  try {
    const { protocol, host } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'http:') return null;
    return { host, pattern: `${protocol}//${host}/*` };
  } catch {
    return null;
  }
}

export function isBuiltInPattern(pattern: string): boolean {
  return CONTENT_MATCHES.includes(pattern);
}

/**
 * Asks the browser for access to the tab's site. Must run straight from the user's click: the
 * browser only shows its prompt inside a user gesture.
 */
export function requestAccess(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/** Origins the user granted beyond the built-in sites. */
export async function grantedOtherOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !isBuiltInPattern(origin) && origin !== '<all_urls>');
}

/** Registers the content script for exactly the granted other origins (background, on start and on every change). */
export async function syncOtherSiteScripts(): Promise<void> {
  const origins = await grantedOtherOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!origins.length) {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = { id: SCRIPT_ID, matches: origins, js: [CONTENT_SCRIPT], runAt: 'document_idle' as const };
  if (registered.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/** Runs the content script in a tab now (the page was open before access was granted). */
export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
}
