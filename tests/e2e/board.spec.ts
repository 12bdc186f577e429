import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { boardRefs } from '../../lib/board/rows';
import { registry } from '../../lib/tokens/registry';
import { expect, hoverToken, test } from './fixtures';

/*
 * The board on the four local chains: every token on every chain it is deployed on, its figures
 * from the chains (checked against the rig's values), sorted and filtered by mouse and keyboard,
 * the watchlist on top, each cell opening the tooltip's own detail, the export carrying the blocks,
 * and the way in from the popup and from the tooltip's token name.
 */

const E18 = 10n ** 18n;
const PICTURES = fileURLToPath(new URL('pictures', import.meta.url));
const AAVE_MARKETS = 'https://app.aave.com/markets/?marketName=proto_mainnet_v3';
const ROWS = boardRefs();

async function openBoard(context: import('@playwright/test').BrowserContext, extensionId: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`chrome-extension://${extensionId}/board.html${hash}`);
  return page;
}

/** Waits for the chains' answer: every row that can be read carries its block. */
async function live(page: Page) {
  await expect(page.locator('[data-board-row]')).toHaveCount(ROWS.length, { timeout: 30_000 });
  await expect(page.locator('[data-board-row="wstETH:1"]')).not.toHaveAttribute('data-peg-bps', '', { timeout: 30_000 });
  await expect(page.locator('[data-testid="board"]')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
}

/** RFC 4180: fields split on commas outside quotes, "" inside quotes is a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

const order = (page: Page) => page.locator('[data-board-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-board-row')!));

test.use({ viewport: { width: 1600, height: 1000 } });

test('every token on every chain, with figures read from the chains', async ({ stack, browserWithExtension }) => {
  const { context, extensionId } = browserWithExtension;
  await stack.l2[42161].setTotalSupply('rETH', 21_000n * E18);
  const page = await openBoard(context, extensionId);
  await live(page);
  expect((await order(page)).sort()).toEqual(ROWS.map((r) => `${r.symbol}:${r.chainId}`).sort());

  // Supply: totalSupply × redemption value, on the home chain and on an L2 (the home chain's value).
  const v = stack.chain.values();
  const rethRow = page.locator('[data-board-row="rETH:1"]');
  await expect(rethRow).toHaveAttribute('data-supply-eth', ((v.rethTotalSupply * v.rethRate) / E18).toString());
  await expect(page.locator('[data-board-row="rETH:42161"]')).toHaveAttribute('data-supply-eth', ((21_000n * E18 * v.rethRate) / E18).toString());
  // Every row of every chain was read: a peg, a wait, a block (or the reason in its cell's title).
  for (const chainId of [1, 10, 8453, 42161]) {
    const rows = page.locator(`[data-board-row$=":${chainId}"]`);
    expect(await rows.count()).toBeGreaterThan(0);
    const redeem = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-redeem-seconds-max')));
    expect(redeem.filter((x) => x !== '').length, `redeem waits on chain ${chainId}`).toBeGreaterThan(0);
  }
  // The realized yield comes in after the first paint (historical reads), without a reload.
  await expect(page.locator('[data-board-row="wstETH:1"]')).not.toHaveAttribute('data-apr-7d-bps', '', { timeout: 60_000 });
  const apr = Number(await page.locator('[data-board-row="wstETH:1"]').getAttribute('data-apr-7d-bps'));
  expect(apr).toBeGreaterThan(0);
  expect(apr).toBeLessThan(10_000);

  // The same figure as the tooltip on a page.
  const app = await context.newPage();
  await app.goto(AAVE_MARKETS);
  const tip = await hoverToken(app, 'rETH');
  await expect(rethRow).toHaveAttribute('data-peg-bps', (await tip.locator('[data-section="peg"]').getAttribute('data-peg-bps'))!);
});

test('sorts by any column, by mouse and keyboard, with nulls last and the watchlist on top', async ({ browserWithExtension }) => {
  const { context, extensionId } = browserWithExtension;
  const page = await openBoard(context, extensionId);
  await live(page);
  const pegHeader = page.locator('th[data-column="peg"]');
  await pegHeader.getByRole('button').click();
  await expect(pegHeader).toHaveAttribute('aria-sort', 'descending');
  const pegs = async () => (await page.locator('[data-board-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-peg-bps')!)));
  const numeric = (list: string[]) => list.filter((x) => x !== '').map(Number);
  let values = await pegs();
  expect(numeric(values)).toEqual([...numeric(values)].sort((a, b) => b - a));
  // Unavailable pegs sort last, whichever the direction.
  expect(values.slice(numeric(values).length).every((x) => x === '')).toBe(true);

  // The keyboard: the same header's button, pressed with Enter, turns the direction round.
  await pegHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(pegHeader).toHaveAttribute('aria-sort', 'ascending');
  values = await pegs();
  expect(numeric(values)).toEqual([...numeric(values)].sort((a, b) => a - b));
  await expect(page.locator('th[aria-sort="none"]')).toHaveCount((await page.locator('thead th').count()) - 1);

  // A watched row goes to the top, and stays there under any sort.
  const last = (await order(page)).at(-1)!;
  await page.locator(`[data-board-row="${last}"] .bd-star`).click();
  await expect(page.locator('[data-board-row]').first()).toHaveAttribute('data-board-row', last);
  await expect(page.locator(`[data-board-row="${last}"]`)).toHaveAttribute('data-watched', 'true');
  await page.locator('th[data-column="supply"]').getByRole('button').click();
  await expect(page.locator('[data-board-row]').first()).toHaveAttribute('data-board-row', last);
});

test('filters by kind, protocol, chain, alert and words', async ({ browserWithExtension }) => {
  const { context, extensionId } = browserWithExtension;
  const page = await openBoard(context, extensionId);
  await live(page);
  const kindOf = new Map(registry.map((t) => [t.symbol, t.kind]));
  await page.getByTestId('filter-kind').selectOption('LRT');
  const lrts = await order(page);
  expect(lrts.length).toBe(ROWS.filter((r) => kindOf.get(r.symbol) === 'LRT').length);
  expect(lrts.every((k) => kindOf.get(k.split(':')[0]!) === 'LRT')).toBe(true);

  await page.getByTestId('filter-chain').selectOption('8453');
  expect((await order(page)).every((k) => k.endsWith(':8453') && kindOf.get(k.split(':')[0]!) === 'LRT')).toBe(true);
  await page.getByTestId('filter-kind').selectOption('all');
  await page.getByTestId('filter-chain').selectOption('all');

  await page.getByTestId('filter-protocol').selectOption('Kelp');
  expect(new Set((await order(page)).map((k) => k.split(':')[0]))).toEqual(new Set(['rsETH']));
  await page.getByTestId('filter-protocol').selectOption('all');

  await page.getByTestId('board-search').fill('lido arbitrum');
  expect(await order(page)).toEqual(['wstETH:42161']);
  await page.getByTestId('board-search').fill('');

  // A calm day: no alert in force anywhere, so "any alert" empties the board, and says so.
  await page.getByTestId('filter-alert').selectOption('any');
  await expect(page.locator('[data-board-row]')).toHaveCount(0);
  await expect(page.getByText('No row matches these filters.')).toBeVisible();
});

test('a cell opens the tooltip’s own detail at its section; Escape closes it; the export carries every block', async ({ browserWithExtension }) => {
  const { context, extensionId } = browserWithExtension;
  const page = await openBoard(context, extensionId);
  await live(page);
  const row = page.locator('[data-board-row="weETH:1"]');
  await row.locator('[data-cell="peg"] button').click();
  const detail = page.getByTestId('board-detail');
  await expect(detail).toHaveAttribute('data-detail-of', 'weETH:1');
  await expect(detail.locator('[data-stakelens-tooltip="weETH"] [data-section="peg"]')).toHaveAttribute('data-peg-bps', (await row.getAttribute('data-peg-bps'))!);
  // The parts of the wait, and the live restaking detail, are the tooltip's.
  await expect(detail.locator('[data-section="exit"]')).toHaveAttribute('data-redeem-seconds-max', (await row.getAttribute('data-redeem-seconds-max'))!);
  await expect(detail.locator('[data-layer="restaking"] [data-restaking="live"]')).toBeVisible();
  // The history: the row's sparkline and the detail's chart plot the same points, read at past blocks.
  const spark = row.locator('[data-sparkline]');
  await expect(spark).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  const points = (await spark.getAttribute('data-points'))!.split(',').map(Number);
  expect(points.length).toBeGreaterThan(20);
  expect(points.every((p) => Number.isInteger(p) && Math.abs(p) < 10_000)).toBe(true);
  await expect(detail.locator('[data-peg-history-chart]')).toHaveAttribute('data-points', points.join(','));
  expect((await detail.locator('[data-peg-history-chart]').getAttribute('data-yield-points'))!.length).toBeGreaterThan(0);
  // The newest point is the live read's peg, give or take the market's move since.
  expect(Math.abs(points.at(-1)! - Number(await row.getAttribute('data-peg-bps')))).toBeLessThan(50);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = await readFile((await csv.path())!, 'utf8');
  const [columns, ...lines] = parseCsv(text);
  expect(lines.length).toBe(ROWS.length);
  expect(lines.every((cells) => cells.length === columns!.length)).toBe(true);
  const wsteth = lines.find((cells) => cells[0] === 'wstETH' && cells[1] === '1')!;
  const cell = (name: string) => wsteth[columns!.indexOf(name)]!;
  expect(cell('block')).toMatch(/^\d+$/);
  expect(cell('peg_bps')).toBe(await page.locator('[data-board-row="wstETH:1"]').getAttribute('data-peg-bps'));
  expect(cell('supply_reads')).toContain('wstETH.totalSupply()');

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const board = JSON.parse(await readFile((await json.path())!, 'utf8')) as { rows: { token: string; chainId: number; sources: { peg: { at: { block: string } | null } } }[] };
  expect(board.rows.length).toBe(ROWS.length);
  expect(board.rows.find((r) => r.token === 'rsETH' && r.chainId === 42161)!.sources.peg.at!.block).toMatch(/^\d+$/);
});

test('opened from the popup and from the tooltip’s token name, at that row; light and dark', async ({ openApp, openPopup, browserWithExtension }) => {
  const { context } = browserWithExtension;
  const app = await openApp(AAVE_MARKETS);
  const popup = await openPopup('app.aave.com');
  const [fromPopup] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-board').click()]);
  await expect(fromPopup).toHaveURL(/\/board\.html$/);
  await live(fromPopup);

  const tip = await hoverToken(app, 'wstETH');
  // The tooltip carries the same sparkline.
  await expect(tip.locator('[data-sparkline]')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  const [fromTooltip] = await Promise.all([context.waitForEvent('page'), tip.getByTestId('open-board').click()]);
  await expect(fromTooltip).toHaveURL(/\/board\.html#wstETH%3A1$/);
  await expect(fromTooltip.getByTestId('board-detail')).toHaveAttribute('data-detail-of', 'wstETH:1');
  await live(fromTooltip);
  await expect(fromTooltip.locator('[data-board-row="wstETH:1"] [data-sparkline]')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await fromTooltip.keyboard.press('Escape');
  await fromTooltip.screenshot({ path: resolve(PICTURES, 'board-light.png') });

  await fromTooltip.emulateMedia({ colorScheme: 'dark' });
  await fromTooltip.reload();
  await live(fromTooltip);
  await expect(fromTooltip.locator('[data-board-row="wstETH:1"] [data-sparkline]')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await expect(fromTooltip.locator('[data-testid="board-detail"] [data-peg-history-chart]')).not.toHaveAttribute('data-points', '');
  await expect(fromTooltip.locator('main.bd')).toHaveAttribute('data-theme', 'dark');
  const background = await fromTooltip.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(11, 18, 32)');
  await fromTooltip.screenshot({ path: resolve(PICTURES, 'board-dark.png') });
});
