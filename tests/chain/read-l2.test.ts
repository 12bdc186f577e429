// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../lib/chain/figures';
import { readFigures } from './read-figures';
import { registry } from '../../lib/tokens/registry';
import { startAnvil, type AnvilNode } from './anvil';
import { pegBps } from './expected';
import { L2_BLOCK_NUMBERS, seedL2, type L2ChainId, type L2Scenario } from './l2';
import { seedMainnet, tokenExpectations, type MainnetScenario } from './mainnet';
import { startRpcProxy, type RpcProxy } from './rpc-proxy';

/*
 * Bridged tokens on the three L2s: the home chain's figures feed the fair value and the exit road,
 * the L2's own pools and feeds the market, each L2 in one eth_call.
 */

const nodes: AnvilNode[] = [];
let home: MainnetScenario;
let homeUrl: string;
const l2: Partial<Record<L2ChainId, { scenario: L2Scenario; proxy: RpcProxy }>> = {};

beforeAll(async () => {
  const mainnet = await startAnvil();
  nodes.push(mainnet);
  home = await seedMainnet(mainnet.rpcUrl);
  homeUrl = mainnet.rpcUrl;
  for (const chainId of [42161, 8453, 10] as const) {
    const node = await startAnvil({ chainId, blockNumber: L2_BLOCK_NUMBERS[chainId] });
    nodes.push(node);
    l2[chainId] = { scenario: await seedL2(node.rpcUrl, chainId), proxy: await startRpcProxy(node.rpcUrl) };
  }
}, 60_000);

afterAll(async () => {
  for (const { proxy } of Object.values(l2)) await proxy.stop();
  for (const node of nodes) await node.stop();
});

async function homeFigures(symbols: string[]): Promise<Record<string, Figures>> {
  const tokens = registry.filter((t) => symbols.includes(t.symbol));
  const figures = await readFigures(1, [homeUrl], { tokens, contexts: {} });
  return Object.fromEntries(figures.map((f) => [f.symbol, f]));
}

describe.each([42161, 8453, 10] as const)('bridged tokens on chain %i', (chainId) => {
  it('prices every deployment on the L2 against its Ethereum redemption value, in one eth_call', async () => {
    const tokens = registry.filter((t) => t.deployments.some((d) => d.chainId === chainId && d.market.length));
    const homeById = await homeFigures(tokens.map((t) => t.symbol));
    const { scenario, proxy } = l2[chainId]!;
    proxy.methods.length = 0;
    const figures = await readFigures(chainId, [proxy.url], { tokens, contexts: {}, home: homeById });
    expect(proxy.methods.filter((m) => m === 'eth_call')).toHaveLength(1);
    const expected = scenario.expectations();
    const rates = tokenExpectations(home.values()) as Record<string, { rate: bigint } | undefined>;
    for (const f of figures) {
      const e = expected[f.symbol];
      expect(e, `${f.symbol} stands on the rig`).toBeDefined();
      expect(f.chainId).toBe(chainId);
      expect(f.redemption.value).toBe(homeById[f.symbol]!.redemption.value);
      expect(f.redemption.label).toMatch(/on Ethereum$/);
      const rate = rates[f.symbol]?.rate ?? 10n ** 18n; // pegged tokens: 1 ETH
      expect(Math.abs(f.peg.bps! - pegBps(e!.poolPrice, rate)), f.symbol).toBeLessThanOrEqual(1);
      expect(f.sell.quotes[1]!.costBps, f.symbol).toBeGreaterThan(0);
      // The exit is the home chain's road, after the bridge, which is said and not timed.
      expect(f.redeem.parts[0]!.label).toMatch(/Bridge back to Ethereum/);
      expect(f.redeem.minSeconds).toBe(homeById[f.symbol]!.redeem.minSeconds);
    }
  });

  it('says the fair value is unavailable when the home figures are missing', async () => {
    const token = registry.find((t) => t.symbol === 'wstETH')!;
    const [f] = await readFigures(chainId, [l2[chainId]!.proxy.url], { tokens: [token], contexts: {}, home: {} });
    expect(f!.redemption.value).toBeNull();
    expect(f!.peg.bps).toBeNull();
    expect(f!.markets.some((m) => m.price === null && /redemption value/.test(m.reason ?? '')) || f!.markets.every((m) => m.price !== null)).toBe(true);
  });
});
