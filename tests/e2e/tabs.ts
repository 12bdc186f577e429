import type { BrowserContext } from '@playwright/test';

type SessionArea = { storage: { session: { get(keys: null): Promise<Record<string, { host?: string; tokens?: unknown[] }>> } } };

/**
 * The id of the tab showing `host`, from what its content script reported to the background: once
 * it reported tokens, or (`needTokens` false) once it reported at all.
 */
export async function tabIdFor(context: BrowserContext, host: string, timeoutMs = 15_000, needTokens = true): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const id = await worker.evaluate(async ([h, need]) => {
      const { chrome } = globalThis as unknown as { chrome: SessionArea };
      const all = await chrome.storage.session.get(null);
      const found = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && v?.host === h && (!need || (v.tokens?.length ?? 0) > 0));
      return found ? Number(found[0].slice(4)) : null;
    }, [host, needTokens] as const);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no tab reported tokens for ${host}`);
}
