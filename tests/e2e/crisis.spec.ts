import type { BrowserContext, Page, Worker } from '@playwright/test';
import { ADDRESSES as A, DEFAULT_ESCROWS } from '../chain/mainnet';
import { LZ_OFTS } from '../chain/layerzero-rig';
import { record } from './fault-tally';
import { expect, hoverToken, test, tooltip } from './fixtures';
import { tabIdFor } from './tabs';

/*
 * The bad day in the browser: the chain turns while the user's page is open, and with no page open
 * for a watched token. What must happen is loud and right: the tooltip's banner, the popup's list,
 * the toolbar badge, one notification when an alert starts (not one a minute) and one when it ends.
 * Each crisis counts in the fault suite's line; one that shows no alert is a silent crisis.
 */

const E18 = 10n ** 18n;
const ARBITRUM_AAVE = 'https://app.aave.com/markets/?marketName=proto_arbitrum_v3';
const MAINNET_AAVE = 'https://app.aave.com/markets/?marketName=proto_mainnet_v3';

type Chrome = {
  chrome: {
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
    alarms: { create(name: string, info: { when: number; periodInMinutes?: number }): Promise<void> };
    notifications: { getAll(): Promise<Record<string, boolean>> };
    storage: { local: { get(k: string): Promise<Record<string, unknown>> }; session: { get(k: null): Promise<Record<string, unknown>>; remove(k: string[]): Promise<void> } };
  };
};

function worker(context: BrowserContext): Worker {
  const found = context.serviceWorkers()[0];
  if (!found) throw new Error('no service worker');
  return found;
}

const badge = (context: BrowserContext, tabId: number) => worker(context).evaluate((id) => (globalThis as unknown as Chrome).chrome.action.getBadgeText({ tabId: id }), tabId);

/** A decimal ETH value as the data-redemption hook writes it. */
const decimal = (wad: bigint) => {
  const fraction = (wad % E18).toString().padStart(18, '0').replace(/0+$/, '');
  return fraction ? `${wad / E18}.${fraction}` : `${wad / E18}`;
};

/** Counts the crisis in the fault suite; one whose alert never shows in the tooltip is a silent crisis (and fails). */
async function alertShows(name: string, tip: ReturnType<typeof tooltip>, kind: string) {
  record('case', `crisis: ${name}`);
  try {
    await expect(tip.locator(`[data-alert="${kind}"]`)).toBeVisible({ timeout: 20_000 });
  } catch (error) {
    record('silent-crisis', `${name}: no ${kind} alert in the tooltip`);
    throw error;
  }
}

/*
 * The stack is shared by the whole suite: each crisis puts back what it changed through the same
 * setters (a node snapshot would restore the chain but not the rig's record of its values, which
 * the later tests compute their expectations from).
 */

test.describe('the chain turns while the page is open', () => {
  test('an 8% slashing and a drained bridge on Aave Arbitrum: banner, popup, badge, with the figures behind them', async ({ stack, openApp, openPopup, browserWithExtension }) => {
    const calm = stack.chain.values().kelpRsethPrice;
    const calmFeed = stack.chain.values().kelpRsethPrice;
    const held = DEFAULT_ESCROWS.find((e) => e.holder === 'kelpOftAdapter')!.amount;
    try {
      const page = await openApp(ARBITRUM_AAVE);
      let tip = await hoverToken(page, 'rsETH');
      await expect(tip.locator('[data-section="peg"]')).toHaveAttribute('data-redemption', decimal(calm));
      await expect(tip.locator('[data-alert]')).toHaveCount(0);
      const tabId = await tabIdFor(browserWithExtension.context, 'app.aave.com');
      await expect.poll(() => badge(browserWithExtension.context, tabId)).toBe('');

      // The slashing (Kelp's rate and Chainlink's mirror of it fall 8%) and the April 2026 drain:
      // Kelp's adapter on Ethereum releases 116,500 rsETH, leaving less than Arbitrum's supply.
      const fallen = (calm * 92n) / 100n;
      await stack.chain.setKelp({ rsETHPrice: fallen });
      await stack.chain.setRsethExchangeRateFeed(fallen);
      await stack.l2[42161].setTotalSupply('rsETH', 120_000n * E18);
      await stack.chain.setEscrowBalance('rsETH', LZ_OFTS.rsETH.adapter, 83_500n * E18);

      await tip.getByRole('button', { name: 'Refresh' }).click();
      tip = tooltip(page, 'rsETH');
      await alertShows('slashing 8% (rsETH, Arbitrum)', tip, 'rate-fall');
      await alertShows('bridge drained below L2 supply (rsETH, Arbitrum)', tip, 'unbacked');
      const fall = tip.locator('[data-alert="rate-fall"]');
      await expect(fall).toHaveAttribute('data-level', 'high');
      await expect(fall).toHaveAttribute('data-fall-bps', '800');
      await expect(fall).toHaveAttribute('data-confirmed', 'true');
      await expect(tip.locator('[data-alert="unbacked"]')).toHaveAttribute('data-level', 'high');
      // The banner comes first, and the peg is measured against the confirmed, fallen value.
      await expect(tip.locator('[data-alert]').first()).toBeVisible();
      await expect(tip.locator('[data-section="peg"]')).toHaveAttribute('data-redemption', decimal(fallen));

      // The toolbar badge: the worst alert on the tab.
      await expect.poll(() => badge(browserWithExtension.context, tabId)).toMatch(/^(FALL|BRDG)$/);
      // The popup lists the tab's alerts first, and marks the token's row with its kinds.
      const popup = await openPopup('app.aave.com');
      await expect(popup.getByTestId('tab-alerts')).toBeVisible();
      await expect(popup.getByTestId('tab-alerts').locator('[data-alert="rate-fall"]')).toHaveCount(1);
      const row = popup.getByTestId('tab-tokens').locator('[data-symbol="rsETH"]');
      await expect(row).toHaveAttribute('data-alert', /rate-fall/);
      await expect(row).toHaveAttribute('data-alert', /unbacked/);
      const order = await popup.evaluate(() => {
        const alerts = document.querySelector('[data-testid="tab-alerts"]')!;
        const tokens = document.querySelector('[data-testid="tab-tokens"]')!;
        return alerts.compareDocumentPosition(tokens) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order, 'alerts before the token list').toBeTruthy();
    } finally {
      await stack.chain.setKelp({ rsETHPrice: calm });
      await stack.chain.setRsethExchangeRateFeed(calmFeed);
      await stack.chain.setEscrowBalance('rsETH', LZ_OFTS.rsETH.adapter, held);
      await stack.l2[42161].setTotalSupply('rsETH', 0n);
    }
  });

  test('a 15% depeg on every market source, then the RPC dies: the alert stays, marked stale', async ({ stack, openApp }) => {
    const before = stack.chain.values();
    try {
      const page = await openApp(MAINNET_AAVE);
      let tip = await hoverToken(page, 'weETH');
      await expect(tip.locator('[data-alert]')).toHaveCount(0);
      const rate = before.weethRate;
      // Uniswap's pool and the Chainlink feed both 15% under the value.
      await stack.chain.setWeethMarket({ poolPrice: (rate * 85n) / 100n, chainlinkAnswer: (rate * 85n) / 100n });
      await tip.getByRole('button', { name: 'Refresh' }).click();
      tip = tooltip(page, 'weETH');
      await alertShows('depeg 15% on every source (weETH)', tip, 'depeg');
      const depeg = tip.locator('[data-alert="depeg"]');
      await expect(depeg).toHaveAttribute('data-level', 'high');
      const pegBps = Number(await tip.locator('[data-section="peg"]').getAttribute('data-peg-bps'));
      expect(pegBps).toBeLessThanOrEqual(-1490);
      expect(pegBps).toBeGreaterThanOrEqual(-1510);

      stack.proxy.mode = 'down';
      await tip.getByRole('button', { name: 'Refresh' }).click();
      await expect(tip.getByTestId('tooltip-problem')).toBeVisible({ timeout: 20_000 });
      await alertShows('RPC dies mid-depeg (weETH)', tip, 'depeg');
      await expect(tip.locator('[data-alert="depeg"]')).toHaveAttribute('data-level', 'high');
      await expect(tip.locator('[data-alert="depeg"]')).toContainText(/stale|old|ago/i);
    } finally {
      stack.proxy.mode = 'forward';
      await stack.chain.setWeethMarket({ poolPrice: before.weethPoolPrice, chainlinkAnswer: before.chainlinkWeethAnswer });
    }
  });
});

test.describe('loud where the user is not', () => {
  /** Runs the minute's refresh now (the alarm the background set), as if the figures had aged a minute. */
  async function tick(context: BrowserContext) {
    await worker(context).evaluate(async () => {
      const { chrome } = globalThis as unknown as Chrome;
      const session = await chrome.storage.session.get(null);
      await chrome.storage.session.remove(Object.keys(session).filter((k) => k.startsWith('figures:')));
      await chrome.alarms.create('stakelens:refresh', { when: Date.now(), periodInMinutes: 1 });
    });
  }
  const notifications = (context: BrowserContext) => worker(context).evaluate(async () => Object.keys(await (globalThis as unknown as Chrome).chrome.notifications.getAll()));
  const history = (context: BrowserContext) =>
    worker(context).evaluate(async () => ((await (globalThis as unknown as Chrome).chrome.storage.local.get('alert-history'))['alert-history'] ?? []) as { event: string; kind: string; symbol: string }[]);

  test('a watched token paused with no page open: one notification when it starts, none while it lasts, one when it ends', async ({ stack, openApp, browserWithExtension }) => {
    const { context } = browserWithExtension;
    try {
      const page: Page = await openApp(ARBITRUM_AAVE);
      const tip = await hoverToken(page, 'rsETH');
      await tip.getByTestId('watch').click();
      await expect(tip.getByTestId('watch')).toHaveAttribute('aria-pressed', 'true');
      await page.close(); // no page open from here on

      await stack.chain.setPause(A.kelpWithdrawalManager, 'paused', true);
      await tick(context);
      record('case', 'crisis: pause with no page open (rsETH watched)');
      try {
        await expect.poll(() => notifications(context), { timeout: 20_000 }).toEqual([expect.stringMatching(/^stakelens:42161:rsETH:paused:/)]);
      } catch (error) {
        record('silent-crisis', 'pause with no page open: no notification');
        throw error;
      }

      // The next minutes: the alert is still in force, nothing new is said.
      await tick(context);
      await expect.poll(async () => (await history(context)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 3_000));
      expect(await notifications(context)).toHaveLength(1);
      expect((await history(context)).filter((h) => h.kind === 'paused' && h.event === 'start')).toHaveLength(1);

      await stack.chain.setPause(A.kelpWithdrawalManager, 'paused', false);
      await tick(context);
      await expect.poll(() => notifications(context), { timeout: 20_000 }).toHaveLength(2);
      expect((await history(context)).map((h) => `${h.symbol} ${h.kind} ${h.event}`)).toEqual(expect.arrayContaining(['rsETH paused start', 'rsETH paused end']));

      // The history page shows them.
      const options = await context.newPage();
      await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
      await expect(options.getByTestId('alert-history').locator('[data-history-kind="paused"]')).toHaveCount(2);
    } finally {
      await stack.chain.setPause(A.kelpWithdrawalManager, 'paused', false);
    }
  });

  test('nothing watched and no page open: the minute reads nothing', async ({ stack, browserWithExtension }) => {
    const { context } = browserWithExtension;
    await expect.poll(() => context.serviceWorkers().length).toBeGreaterThan(0);
    stack.proxy.methods.length = 0;
    await tick(context);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(stack.proxy.methods.filter((m) => m === 'eth_call')).toEqual([]);
  });
});
