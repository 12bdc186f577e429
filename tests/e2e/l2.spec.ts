import { deploymentsOn, registry } from '../../lib/tokens/registry';
import { pegBps } from '../chain/expected';
import { L2_TOKENS, type L2ChainId } from '../chain/l2';
import { tokenExpectations, type RateSymbol } from '../chain/mainnet';
import { HISTORY_APR_BPS } from '../chain/past';
import { expect, test, tooltip } from './fixtures';

/*
 * Bridged tokens on Uniswap's L2 explore pages (/explore/tokens/<chain>): each is marked for that
 * chain by its L2 address, and its tooltip prices it in the L2 rig's pool against the redemption
 * value read on Ethereum, with the Ethereum exit roads and the home chain's realized yield.
 */

const E18 = 10n ** 18n;
const CHAINS = [
  [42161, 'arbitrum'],
  [8453, 'base'],
  [10, 'optimism'],
] as const satisfies readonly (readonly [L2ChainId, string])[];

/**
 * Realized APR the mainnet history was written with; rebasing tokens yield what their share rate
 * grows (stETH's is wstETH's rate, eETH's weETH's). A token without one (frxETH: no rate) shows
 * its realized yield as unavailable.
 */
const EXPECTED_YIELD: Record<string, bigint> = { ...HISTORY_APR_BPS, stETH: HISTORY_APR_BPS.wstETH, eETH: HISTORY_APR_BPS.weETH };
/** Redeemed 1:1 for ETH: their redemption value is 1 ETH. */
const PEGGED = new Set(['stETH', 'frxETH']);
/** No on-chain redeem road (Coinbase redeems off-chain). */
const NO_REDEEM = new Set(['cbETH']);

/** The registry's tokens deployed on `chainId` at the address the L2 rig stands a pool for. */
function expectedSymbols(chainId: L2ChainId): string[] {
  const rig = L2_TOKENS[chainId] as Record<string, string>;
  return registry
    .filter((t) => deploymentsOn(t, chainId).some((d) => d.address.toLowerCase() === rig[t.symbol]?.toLowerCase()))
    .map((t) => t.symbol)
    .sort();
}

test('on Uniswap L2 explore pages every bridged token is priced on its chain against Ethereum, with exit and realized yield', async ({ openApp, stack }) => {
  test.setTimeout(180_000);
  const rates = tokenExpectations(stack.chain.values());
  for (const [chainId, chain] of CHAINS) {
    await test.step(chain, async () => {
      const symbols = expectedSymbols(chainId);
      // The registry and the rig agree on every token of the chain.
      expect(symbols, chain).toEqual(Object.keys(L2_TOKENS[chainId]).sort());
      const pools = stack.l2[chainId].expectations();

      const page = await openApp(`https://app.uniswap.org/explore/tokens/${chain}`);
      const table = page.getByTestId('top-tokens-explore-table');
      await expect(table, chain).toHaveAttribute('data-chain', chain);
      // Every expected token is marked, and nothing else: WETH, USDC and mainnet-only tokens are not.
      await expect
        .poll(() => page.$$eval('[data-stakelens]', (els) => [...new Set(els.map((e) => e.getAttribute('data-stakelens')!))].sort()), { message: chain })
        .toEqual(symbols);
      const marks = await page.$$eval('[data-stakelens]', (els) =>
        els.map((e) => `${e.getAttribute('data-stakelens')} ${e.getAttribute('data-stakelens-chain')} ${e.getAttribute('data-stakelens-match')}`),
      );
      for (const mark of marks) expect(mark, chain).toMatch(new RegExp(` ${chainId} address$`));

      for (const symbol of symbols) {
        const what = `${chain} ${symbol}`;
        const mark = table.locator(`a [data-stakelens="${symbol}"]`).first();
        await expect(mark, what).toHaveAttribute('data-stakelens-chain', String(chainId));
        await expect(mark, what).toHaveAttribute('data-stakelens-match', 'address');
        await mark.hover();
        const tip = tooltip(page, symbol);
        await expect(tip, what).toBeVisible();

        // Peg: the L2 pool's price against the redemption value read on Ethereum.
        const peg = tip.locator('[data-section="peg"]');
        await expect(peg, what).not.toHaveAttribute('data-age-s', '');
        await expect(peg, what).not.toHaveAttribute('data-peg-bps', '');
        const rate = PEGGED.has(symbol) ? E18 : rates[symbol as RateSymbol].rate;
        const expectedPeg = pegBps(pools[symbol]!.poolPrice, rate);
        expect(Math.abs(Number(await peg.getAttribute('data-peg-bps')) - expectedPeg), `${what}: peg, expected ${expectedPeg}`).toBeLessThanOrEqual(1);

        // Exit: Ethereum's redeem road after bridging back; cbETH has none.
        const exit = tip.locator('[data-section="exit"]');
        if (NO_REDEEM.has(symbol)) {
          await expect(exit, what).toContainText('unavailable');
          await expect(exit, what).toHaveAttribute('data-redeem-seconds-max', '');
        } else {
          await expect(exit, what).not.toHaveAttribute('data-redeem-seconds-max', '');
          await expect(exit, what).toContainText('after bridging back');
        }

        // Realized yield: the home chain's rate growth.
        const yieldSection = tip.locator('[data-section="yield"]');
        if (EXPECTED_YIELD[symbol] === undefined) {
          await expect(yieldSection, what).toContainText('Unavailable');
        } else {
          await expect(yieldSection, what).not.toHaveAttribute('data-apr-7d-bps', '');
          const apr = Number(await yieldSection.getAttribute('data-apr-7d-bps'));
          expect(Math.abs(apr - Number(EXPECTED_YIELD[symbol])), `${what}: 7 d APR`).toBeLessThanOrEqual(2);
        }

        await page.mouse.move(0, 0);
        await expect(tip, what).toBeHidden();
      }
      await page.close();
    });
  }
});

test('the Uniswap network selector switches chains client-side and the marks follow', async ({ openApp }) => {
  const page = await openApp('https://app.uniswap.org/explore/tokens/ethereum');
  const mark = (symbol: string) => page.getByTestId('top-tokens-explore-table').locator(`a [data-stakelens="${symbol}"]`).first();
  await expect(mark('wstETH')).toHaveAttribute('data-stakelens-chain', '1');
  await page.getByTestId('tokens-network-filter-option-base').click();
  await expect(page).toHaveURL('https://app.uniswap.org/explore/tokens/base');
  await expect(mark('wstETH')).toHaveAttribute('data-stakelens-chain', '8453');
  await expect(mark('wstETH')).toHaveAttribute('data-stakelens-match', 'address');
  await expect(page.locator('[data-stakelens="mETH"]')).toHaveCount(0);
  await expect(page.locator('[data-stakelens-chain="1"]')).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL('https://app.uniswap.org/explore/tokens/ethereum');
  await expect(mark('mETH')).toHaveAttribute('data-stakelens-chain', '1');
  await expect(mark('wstETH')).toHaveAttribute('data-stakelens-match', 'address');
  await expect(page.locator('[data-stakelens-chain="8453"]')).toHaveCount(0);
});

// When the app re-renders the node under a resting pointer, the pointer "enters" the new node
// before the scanner has marked it: the overlay must look again at what is under the pointer.
test('a token re-rendered under a resting pointer keeps its tooltip', async ({ openApp }) => {
  const page = await openApp('https://app.uniswap.org/explore/tokens/base');
  const mark = page.getByTestId('top-tokens-explore-table').locator('a [data-stakelens="wstETH"]');
  await expect(mark).toHaveAttribute('data-stakelens-match', 'address');
  const rerender = () =>
    page.evaluate(() => {
      const fixture = (window as unknown as { __fixture: { paused: boolean; rerender(selector: string): number } }).__fixture;
      fixture.paused = true;
      return fixture.rerender('[data-testid="token-table-row-wstETH"]');
    });
  await mark.hover();
  await expect(tooltip(page, 'wstETH')).toBeVisible();
  expect(await rerender()).toBe(1);
  await expect(mark).toHaveAttribute('data-stakelens-chain', '8453'); // the new node is marked
  await page.waitForTimeout(1000);
  await expect(tooltip(page, 'wstETH')).toBeVisible();
  // Re-rendered within the hover-open delay: the tooltip still opens.
  await page.mouse.move(0, 0);
  await expect(tooltip(page, 'wstETH')).toBeHidden();
  await mark.hover();
  await rerender();
  await expect(tooltip(page, 'wstETH')).toBeVisible();
});
