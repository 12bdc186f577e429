import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension } from './harness/browser';
import { startStack, type Stack } from './stack';
import { tabIdFor } from './tabs';

/*
 * Playwright fixtures: one stack (chain, RPC proxy, fixture server, built extension) per worker,
 * a fresh browser with the extension per test, and a guard that fails a test whose page threw.
 */

/** A site outside the built-in list; e2e builds are granted it at install (see wxt.config.ts). */
export const OTHER_SITE = 'portfolio.example';

interface TestFixtures {
  browserWithExtension: { context: BrowserContext; extensionId: string; relaunch(): Promise<void> };
  pageErrors: string[];
  openApp: (url: string) => Promise<Page>;
  /** The popup, opened as a page for the tab that shows `host` (popup.html?tabId=…). */
  openPopup: (host: string) => Promise<Page>;
}

export const test = base.extend<TestFixtures, { stack: Stack }>({
  stack: [
    async ({}, use) => {
      const stack = await startStack('e2e', { STAKELENS_TEST_GRANTED_HOSTS: OTHER_SITE });
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],

  browserWithExtension: async ({ stack }, use) => {
    stack.proxy.mode = 'forward';
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const profile = await mkdtemp(join(tmpdir(), 'stakelens-e2e-'));
    let launched = await launchWithExtension({ extensionPath: stack.extensionPath, serverPort: stack.server.port, userDataDir: profile });
    const handle = {
      context: launched.context,
      extensionId: launched.extensionId,
      /** Closes the browser and opens it again on the same profile (settings must survive). */
      async relaunch() {
        await launched.close();
        launched = await launchWithExtension({ extensionPath: stack.extensionPath, serverPort: stack.server.port, userDataDir: profile });
        handle.context = launched.context;
        handle.extensionId = launched.extensionId;
      },
    };
    await use(handle);
    await launched.close();
    await rm(profile, { recursive: true, force: true });
  },

  pageErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, 'the page must never see an error from Stakelens').toEqual([]);
  },

  openApp: async ({ browserWithExtension, pageErrors }, use) => {
    await use(async (url) => {
      const page = await browserWithExtension.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
      await page.goto(url);
      return page;
    });
  },

  openPopup: async ({ browserWithExtension }, use) => {
    await use(async (host) => {
      const tabId = await tabIdFor(browserWithExtension.context, host);
      const popup = await browserWithExtension.context.newPage();
      await popup.goto(`chrome-extension://${browserWithExtension.extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    });
  },
});

export { expect };

/** The tooltip host's shadow content; Playwright's CSS locators pierce open shadow roots. */
export function tooltip(page: Page, symbol: string) {
  return page.locator(`stakelens-ui [data-stakelens-tooltip="${symbol}"]`);
}

/** Hovers the first mark of `symbol` and waits for its tooltip to carry a read (or a reason). */
export async function hoverToken(page: Page, symbol: string) {
  const mark = page.locator(`[data-stakelens="${symbol}"]`).first();
  await mark.hover();
  const tip = tooltip(page, symbol);
  await expect(tip).toBeVisible();
  await expect(tip.locator('[data-section="peg"]')).not.toHaveAttribute('data-age-s', '');
  return tip;
}

