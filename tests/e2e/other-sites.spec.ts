import { expect, OTHER_SITE, test, tooltip } from './fixtures';
import { tabIdFor } from './tabs';

/*
 * A site outside the built-in list, turned on from the popup. The browser's permission prompt
 * cannot be answered in a headless run, so the e2e build is granted the host at install (what a
 * user's "Allow" does); everything after it is the real path: the popup's switch asks for access,
 * the background registers the content script for the granted origin, the generic adapter marks
 * what the page shows, and the setting survives a reload.
 */

const PAGE = `https://${OTHER_SITE}/`;

type Chrome = { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } };

test('a site outside the list stays off until the user turns it on from the popup; then its tokens are marked', async ({ openApp, browserWithExtension }) => {
  // The fresh install registers the script for granted origins as its worker starts.
  const worker = browserWithExtension.context.serviceWorkers()[0]!;
  await expect
    .poll(() => worker.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? [])))
    .toEqual([`https://${OTHER_SITE}/*`]);
  const page = await openApp(PAGE);
  await expect(page.locator('#row-sweth')).toBeVisible(); // the app's own script ran
  const tabId = await tabIdFor(browserWithExtension.context, OTHER_SITE, 15_000, false);
  await expect(page.locator('[data-stakelens]')).toHaveCount(0);

  const popup = await browserWithExtension.context.newPage();
  await popup.goto(`chrome-extension://${browserWithExtension.extensionId}/popup.html?tabId=${tabId}`);
  const toggle = popup.getByTestId('site-toggle');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(popup.getByTestId('access-hint')).toContainText(OTHER_SITE);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');

  const mark = (selector: string) => page.locator(selector);
  await expect(mark('#row-reth .symbol')).toHaveAttribute('data-stakelens', 'rETH');
  await expect(mark('#row-ezeth .name')).toHaveAttribute('data-stakelens', 'ezETH'); // by its name
  await expect(mark('#cbeth-icon')).toHaveAttribute('data-stakelens', 'cbETH'); // by its icon's alt
  await expect(mark('#wsteth-link')).toHaveAttribute('data-stakelens-match', 'address'); // the explorer link's address
  await expect(mark('#row-fake .symbol')).toHaveAttribute('data-stakelens-match', 'mismatch');
  await expect(mark('#row-sweth .name')).toHaveAttribute('data-stakelens', 'swETH'); // a row added later
  // One mark per row: the rETH icon beside its symbol is not marked again.
  await expect(mark('#row-reth [data-stakelens]')).toHaveCount(1);
  for (const unmarked of ['#row-bpt .symbol', '#row-eth .symbol', '#row-eth .name']) await expect(mark(unmarked)).not.toHaveAttribute('data-stakelens', /.*/);

  const tip = tooltip(page, 'wstETH');
  await mark('#wsteth-link').hover();
  await expect(tip).toBeVisible();
  await expect(tip.locator('[data-section="peg"]')).not.toHaveAttribute('data-age-s', '');

  // The popup lists what the page shows.
  await popup.reload();
  await expect(popup.locator('[data-testid="tab-tokens"] [data-symbol="ezETH"]')).toBeVisible();
  await expect(popup.locator('[data-testid="tab-tokens"] [data-symbol="weETH"][data-match="mismatch"]')).toBeVisible();

  // The registered script runs on the next load, with the site still on.
  await page.reload();
  await expect(mark('#row-ezeth .name')).toHaveAttribute('data-stakelens', 'ezETH');
  const ticks = await page.evaluate(() => (window as unknown as { __fixture: { ticks: number } }).__fixture.ticks);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fixture: { ticks: number } }).__fixture.ticks)).toBeGreaterThan(ticks);

  // Off again: the marks go, without a reload.
  await popup.reload();
  await popup.getByTestId('site-toggle').click();
  await expect(page.locator('[data-stakelens]')).toHaveCount(0);
});

test('the manifest asks for no host beyond the built-in apps; other sites are optional', async ({ browserWithExtension }) => {
  const worker = browserWithExtension.context.serviceWorkers()[0]!;
  const manifest = await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }).chrome.runtime.getManifest());
  // alarms and notifications: the watchlist's minute and its notifications (README, Permissions).
  expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'alarms', 'notifications']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  // Only the test build's stand-in for the user's "Allow".
  expect(manifest.host_permissions).toEqual([`https://${OTHER_SITE}/*`]);
});
