import type { Locator, Page } from '@playwright/test';

/** A picture of a tooltip together with the mark it belongs to, with a 12 px margin. */
export async function shootTooltip(page: Page, mark: Locator, tip: Locator, path: string): Promise<void> {
  const box = (await tip.boundingBox())!;
  const anchor = (await mark.boundingBox())!;
  const x = Math.max(0, Math.min(box.x, anchor.x) - 12);
  const y = Math.max(0, Math.min(box.y, anchor.y) - 12);
  const right = Math.max(box.x + box.width, anchor.x + anchor.width) + 12;
  const bottom = Math.max(box.y + box.height, anchor.y + anchor.height) + 12;
  await page.screenshot({ path, clip: { x, y, width: right - x, height: bottom - y } });
}
