// @vitest-environment node
import { type Abi, type Address, createPublicClient, getAddress, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainlinkAggregatorAbi, multicall3Abi, plainTokenAbi, uniswapV3PoolAbi, uniswapViewQuoterAbi } from './abis';
import { startAnvil, type AnvilNode } from './anvil';
import { compileContracts } from './compile';
import {
  L2_BLOCK_NUMBERS,
  L2_DEFAULT_VALUES,
  L2_FEED_DESCRIPTIONS,
  L2_FEEDS,
  L2_POOL_FEE,
  L2_TOKENS,
  L2_UNISWAP_V3,
  L2_VIEM_CHAINS,
  MULTICALL3,
  l2PoolAddress,
  seedL2,
  type L2ChainId,
  type L2FeedSymbol,
  type L2Scenario,
} from './l2';
import { isToken0, sqrtPriceX96ToEthPerToken, UNISWAP_V3_FACTORY, uniswapV3PoolAddress } from './uniswap';

/*
 * The L2 rig: the stubs at Arbitrum's, Base's and Optimism's real addresses on a local anvil with
 * that chain id, read the way the extension reads them (viem's chain objects, one Multicall3 call).
 */

const E18 = 10n ** 18n;
const Q96 = 1n << 96n;
const CHAINS: L2ChainId[] = [42161, 8453, 10];
const ALL_SYMBOLS = [...new Set(CHAINS.flatMap((c) => Object.keys(L2_TOKENS[c])))];
/** A 4-decimal price as 1e18 fixed point, exactly. */
const p4 = (x: number) => BigInt(Math.round(x * 10_000)) * 10n ** 14n;

type Call = { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] };
type Result = { status: 'success'; result: unknown } | { status: 'failure'; error: Error };

/** The view quoter stub's integer math (in-range exact-input swap), for exact expectations. */
function expectedQuote(tokenIn: Address, tokenOut: Address, amountIn: bigint, sqrtP: bigint, liq: bigint, fee: number): bigint {
  const amount = (amountIn * (1_000_000n - BigInt(fee))) / 1_000_000n;
  if (BigInt(tokenIn) < BigInt(tokenOut)) {
    const num = liq << 96n;
    const den = num / sqrtP + amount;
    const next = (num + den - 1n) / den;
    return (liq * (sqrtP - next)) / Q96;
  }
  const next = sqrtP + (amount << 96n) / liq;
  return (liq << 96n) / sqrtP - (liq << 96n) / next;
}

const near = (a: bigint, b: bigint, tolerance = 10n ** 6n) => (a > b ? a - b : b - a) <= tolerance;

describe.each(CHAINS)('local L2 rig on chain %i', (chainId) => {
  const uni = L2_UNISWAP_V3[chainId];
  const tokens = L2_TOKENS[chainId] as Record<string, Address>;
  const feeds = L2_FEEDS[chainId] as Record<string, Address>;
  const symbols = Object.keys(tokens);
  const feedSymbols = Object.keys(feeds);
  let node: AnvilNode;
  let scenario: L2Scenario;
  let client: ReturnType<typeof createPublicClient>;

  const multicall = async (calls: Call[]): Promise<Result[]> => {
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 }); // the latest, not a cached one
    // An explicit block makes viem check it against the chain's Multicall3 blockCreated.
    return (await client.multicall({ allowFailure: true, batchSize: 0, blockNumber, contracts: calls as never })) as Result[];
  };
  const ok = (r: Result | undefined, label: string): unknown => {
    expect(r?.status, `${label}: ${r?.status === 'failure' ? r.error.message.split('\n')[0] : ''}`).toBe('success');
    return (r as { result: unknown }).result;
  };
  const quoteCall = (symbol: string, amountIn: bigint): Call => ({
    address: uni.quoter,
    abi: uniswapViewQuoterAbi,
    functionName: 'quoteExactInputSingle',
    args: [{ tokenIn: tokens[symbol]!, tokenOut: uni.weth, amountIn, fee: L2_POOL_FEE, sqrtPriceLimitX96: 0n }],
  });

  beforeAll(async () => {
    node = await startAnvil({ chainId, blockNumber: L2_BLOCK_NUMBERS[chainId] });
    await compileContracts(); // warm the compile cache so the timing below is seeding only
    const t0 = performance.now();
    scenario = await seedL2(node.rpcUrl, chainId);
    console.log(`seedL2(${chainId}): ${(performance.now() - t0).toFixed(0)} ms (${symbols.length} tokens + pools, ${feedSymbols.length} feeds)`);
    client = createPublicClient({ chain: L2_VIEM_CHAINS[chainId], transport: http(node.rpcUrl) }) as ReturnType<typeof createPublicClient>;
  }, 60_000);

  afterAll(async () => {
    await node?.stop();
  });

  it('tables: checksummed addresses, pools by CREATE2 from the chain factory, genesis above Multicall3', async () => {
    for (const a of [...Object.values(tokens), ...Object.values(feeds), uni.factory, uni.quoter, uni.weth, MULTICALL3]) {
      expect(getAddress(a)).toBe(a);
    }
    const multicall3 = L2_VIEM_CHAINS[chainId].contracts.multicall3;
    expect(getAddress(multicall3.address)).toBe(MULTICALL3);
    expect(L2_BLOCK_NUMBERS[chainId]).toBeGreaterThan(BigInt(multicall3.blockCreated!));
    expect(await client.getChainId()).toBe(chainId);
    expect(await client.getBlockNumber({ cacheTime: 0 })).toBeGreaterThan(L2_BLOCK_NUMBERS[chainId]);
    const expectations = scenario.expectations();
    expect(Object.keys(expectations).sort()).toEqual([...symbols].sort());
    for (const s of symbols) {
      expect(expectations[s]!.pool).toBe(uniswapV3PoolAddress(tokens[s]!, uni.weth, L2_POOL_FEE, uni.factory));
      expect(expectations[s]!.pool).toBe(l2PoolAddress(chainId, s));
      // Base has its own factory: the mainnet factory's address would be empty there.
      if (chainId === 8453) expect(expectations[s]!.pool).not.toBe(uniswapV3PoolAddress(tokens[s]!, uni.weth, L2_POOL_FEE, UNISWAP_V3_FACTORY));
    }
    // both token orders against this chain's WETH are exercised
    expect(symbols.some((s) => isToken0(tokens[s]!, uni.weth))).toBe(true);
    expect(symbols.some((s) => !isToken0(tokens[s]!, uni.weth))).toBe(true);
  });

  it('serves every pool, quote and feed through one viem multicall', async () => {
    const expectations = scenario.expectations();
    const D = L2_DEFAULT_VALUES[chainId];
    const calls: Call[] = [
      { address: MULTICALL3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
      { address: MULTICALL3, abi: multicall3Abi, functionName: 'getChainId' },
      { address: uni.quoter, abi: uniswapViewQuoterAbi, functionName: 'factory' },
    ];
    const perToken = symbols.map((s) => {
      const e = expectations[s]!;
      const ethWorth100 = (100n * E18 * E18) / e.poolPrice;
      const first = calls.length;
      calls.push(
        { address: e.address, abi: plainTokenAbi, functionName: 'symbol' },
        { address: e.address, abi: plainTokenAbi, functionName: 'decimals' },
        { address: e.pool, abi: uniswapV3PoolAbi, functionName: 'slot0' },
        { address: e.pool, abi: uniswapV3PoolAbi, functionName: 'liquidity' },
        { address: e.pool, abi: uniswapV3PoolAbi, functionName: 'token0' },
        { address: e.pool, abi: uniswapV3PoolAbi, functionName: 'token1' },
        { address: e.pool, abi: uniswapV3PoolAbi, functionName: 'fee' },
        { address: uni.quoter, abi: uniswapViewQuoterAbi, functionName: 'computePoolAddress', args: [e.address, uni.weth, L2_POOL_FEE] },
        quoteCall(s, 100n * E18),
        quoteCall(s, ethWorth100),
      );
      return { s, e, first, ethWorth100 };
    });
    const perFeed = feedSymbols.map((s) => {
      const first = calls.length;
      calls.push(
        { address: feeds[s]!, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' },
        { address: feeds[s]!, abi: chainlinkAggregatorAbi, functionName: 'decimals' },
        { address: feeds[s]!, abi: chainlinkAggregatorAbi, functionName: 'description' },
      );
      return { s, first };
    });

    const r = await multicall(calls);
    expect(r).toHaveLength(calls.length);
    const now = ok(r[0], 'timestamp') as bigint;
    expect(ok(r[1], 'chainId')).toBe(BigInt(chainId));
    expect(ok(r[2], 'quoter factory')).toBe(uni.factory);

    for (const { s, e, first, ethWorth100 } of perToken) {
      const at = (k: number, what: string) => ok(r[first + k], `${s} ${what}`);
      expect(at(0, 'symbol')).toBe(s);
      expect(at(1, 'decimals')).toBe(18);
      const [sqrtP, tick, , , , , unlocked] = at(2, 'slot0') as [bigint, number, number, number, number, number, boolean];
      expect(unlocked).toBe(true);
      expect(typeof tick).toBe('number');
      expect(e.poolPrice, s).toBe(D.poolPrices[s]);
      expect(near(sqrtPriceX96ToEthPerToken(e.address, sqrtP, uni.weth), e.poolPrice), `${s} slot0 price`).toBe(true);
      const liq = at(3, 'liquidity') as bigint;
      expect(liq, s).toBe(e.poolLiquidity);
      expect([at(4, 'token0'), at(5, 'token1')]).toEqual(BigInt(e.address) < BigInt(uni.weth) ? [e.address, uni.weth] : [uni.weth, e.address]);
      expect(at(6, 'fee')).toBe(L2_POOL_FEE);
      expect(e.poolFee).toBe(L2_POOL_FEE);
      expect(at(7, 'computePoolAddress')).toBe(e.pool);
      // 100 tokens -> WETH: exactly the stub's in-range math, a little under 100 x price
      const [out100] = at(8, 'quote 100') as [bigint];
      expect(out100, s).toBe(expectedQuote(e.address, uni.weth, 100n * E18, sqrtP, liq, L2_POOL_FEE));
      expect(out100).toBeLessThan(100n * e.poolPrice);
      expect(out100).toBeGreaterThan((100n * e.poolPrice * 9_950n) / 10_000n);
      // 100 ETH worth costs 10-40 bps against the pool price, fee included
      const [outWorth] = at(9, 'quote 100 ETH worth') as [bigint];
      expect(outWorth).toBe(expectedQuote(e.address, uni.weth, ethWorth100, sqrtP, liq, L2_POOL_FEE));
      const costBps = (1 - Number(outWorth) / 1e20) * 10_000;
      expect(costBps, s).toBeGreaterThan(10);
      expect(costBps, s).toBeLessThan(40);
    }

    for (const { s, first } of perFeed) {
      const [roundId, answer, startedAt, updatedAt, answeredInRound] = ok(r[first], `${s} feed`) as bigint[];
      expect(answer, s).toBe(D.feedAnswers[s]);
      expect([startedAt, updatedAt], s).toEqual([now, now]); // fresh: follows the block time
      expect(roundId).toBeGreaterThan(0n);
      expect(answeredInRound).toBe(roundId);
      expect(ok(r[first + 1], `${s} decimals`)).toBe(18);
      expect(ok(r[first + 2], `${s} description`)).toBe(L2_FEED_DESCRIPTIONS[s as L2FeedSymbol]);
      // a feed answers the pool price of its token on this chain (stETH: its own default)
      if (tokens[s]) {
        expect(answer).toBe(D.poolPrices[s]);
        expect(scenario.expectations()[s]).toMatchObject({ feed: feeds[s], feedAnswer: answer });
      }
    }
    expect(D.feedAnswers.stETH).toBe(p4({ 42161: 0.9992, 8453: 0.9993, 10: 0.999 }[chainId]));
    for (const s of symbols) if (!feeds[s]) expect(scenario.expectations()[s]!.feed).toBeUndefined();
  });

  it('setters change what the chain answers', async () => {
    const before = scenario.expectations();
    // setPoolPrice on every pool (price only, then with liquidity)
    for (const [i, s] of symbols.entries()) {
      const price = before[s]!.poolPrice - p4(0.01);
      if (i % 2 === 0) await scenario.setPoolPrice(s, price);
      else await scenario.setPoolPrice(s, price, 20_000n * E18);
    }
    const calls = symbols.flatMap((s): Call[] => [
      { address: before[s]!.pool, abi: uniswapV3PoolAbi, functionName: 'slot0' },
      { address: before[s]!.pool, abi: uniswapV3PoolAbi, functionName: 'liquidity' },
      quoteCall(s, 100n * E18),
    ]);
    const r = await multicall(calls);
    const after = scenario.expectations();
    for (const [i, s] of symbols.entries()) {
      const [sqrtP] = ok(r[3 * i], `${s} slot0`) as [bigint];
      const liq = ok(r[3 * i + 1], `${s} liquidity`) as bigint;
      const [out] = ok(r[3 * i + 2], `${s} quote`) as [bigint];
      expect(after[s]!.poolPrice).toBe(before[s]!.poolPrice - p4(0.01));
      expect(near(sqrtPriceX96ToEthPerToken(tokens[s]!, sqrtP, uni.weth), after[s]!.poolPrice), s).toBe(true);
      expect(liq, s).toBe(i % 2 === 0 ? before[s]!.poolLiquidity : 20_000n * E18);
      expect(after[s]!.poolLiquidity).toBe(liq);
      expect(out).toBe(expectedQuote(tokens[s]!, uni.weth, 100n * E18, sqrtP, liq, L2_POOL_FEE));
    }
    expect(scenario.values().poolPrices[symbols[0]!]).toBe(before[symbols[0]!]!.poolPrice - p4(0.01));

    // setFeed by symbol, by address and by label; with a pinned updatedAt, then answer only
    for (const [i, s] of feedSymbols.entries()) {
      const answer = p4(1) + BigInt(i);
      const by = [s, feeds[s]!.toLowerCase(), L2_FEED_DESCRIPTIONS[s as L2FeedSymbol]][i % 3]!;
      await scenario.setFeed(by, answer, 1_700_000_000n + BigInt(i));
    }
    await scenario.setFeed('wstETH', p4(1.3));
    const rounds = await multicall(feedSymbols.map((s) => ({ address: feeds[s]!, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' })));
    for (const [i, s] of feedSymbols.entries()) {
      const [, answer, , updatedAt] = ok(rounds[i], `${s} feed`) as bigint[];
      expect([answer, updatedAt], s).toEqual([s === 'wstETH' ? p4(1.3) : p4(1) + BigInt(i), 1_700_000_000n + BigInt(i)]);
      expect(scenario.values().feedAnswers[s]).toBe(answer);
      expect(scenario.values().feedUpdatedAt[s]).toBe(updatedAt);
    }
    expect(scenario.expectations().wstETH).toMatchObject({ feedAnswer: p4(1.3), feed: feeds.wstETH });
    // back to always-fresh
    await scenario.setFeed('wstETH', p4(1.3), 0n);
    const [, , , fresh] = (await client.readContract({ address: feeds.wstETH!, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' })) as readonly bigint[];
    expect(fresh).toBe((await client.getBlock()).timestamp);

    // values() is a copy
    scenario.values().poolPrices.wstETH = 1n;
    expect(scenario.values().poolPrices.wstETH).toBe(after.wstETH!.poolPrice);

    // unknown names fail loudly
    const missing = ALL_SYMBOLS.find((s) => !tokens[s])!;
    await expect(scenario.setPoolPrice(missing, E18)).rejects.toThrow(/no token/);
    await expect(scenario.setFeed(uni.weth, 1n)).rejects.toThrow(/no Chainlink feed/);
    await expect(scenario.setFeed('sfrxETH', 1n)).rejects.toThrow(/no Chainlink feed/);
  });

  it('breakContract / restoreContract on a pool, a token, a feed, the quoter and Multicall3 targets', async () => {
    const s = symbols[0]!;
    const e = scenario.expectations()[s]!;
    const calls: Call[] = [
      { address: e.pool, abi: uniswapV3PoolAbi, functionName: 'slot0' },
      { address: e.address, abi: plainTokenAbi, functionName: 'symbol' },
      { address: feeds.rETH!, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' },
      quoteCall(s, E18),
      { address: feeds.cbETH!, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' },
    ];
    const targets = [e.pool, e.address, feeds.rETH!, uni.quoter];
    for (const a of targets) await scenario.breakContract(a);
    const broken = await multicall(calls);
    expect(broken.map((x) => x.status)).toEqual(['failure', 'failure', 'failure', 'failure', 'success']);
    for (const a of targets) await scenario.restoreContract(a.toLowerCase() as Address);
    const restored = await multicall(calls);
    expect(restored.map((x) => x.status)).toEqual(['success', 'success', 'success', 'success', 'success']);
    // breaking the pool alone makes the quote fail too
    await scenario.breakContract(e.pool);
    expect((await multicall([quoteCall(s, E18)]))[0]!.status).toBe('failure');
    await scenario.restoreContract(e.pool);
    await scenario.restoreContract(e.pool); // no-op
    expect((await multicall([quoteCall(s, E18)]))[0]!.status).toBe('success');
  });
});

describe('seedL2 options', () => {
  let node: AnvilNode;
  beforeAll(async () => {
    node = await startAnvil({ chainId: 8453, blockNumber: L2_BLOCK_NUMBERS[8453] });
  }, 60_000);
  afterAll(async () => {
    await node?.stop();
  });

  it('refuses a node with another chain id and names it cannot place', async () => {
    await expect(seedL2(node.rpcUrl, 10)).rejects.toThrow(/runs chain 8453, not 10/);
    await expect(seedL2(node.rpcUrl, 8453, { poolPrices: { osETH: E18 } })).rejects.toThrow(/no token osETH on chain 8453/);
    await expect(seedL2(node.rpcUrl, 8453, { feedAnswers: { pufETH: E18 } })).rejects.toThrow(/no feed pufETH/);
  });

  it('merges value overrides per symbol', async () => {
    const scenario = await seedL2(node.rpcUrl, 8453, {
      poolPrices: { wstETH: p4(1.2), pufETH: p4(1.01) },
      poolLiquidity: { pufETH: 80_000n * E18 },
      feedAnswers: { stETH: p4(0.98) },
      feedUpdatedAt: { rETH: 1_700_000_000n },
    });
    const D = L2_DEFAULT_VALUES[8453];
    const v = scenario.values();
    expect(v.poolPrices).toEqual({ ...D.poolPrices, wstETH: p4(1.2), pufETH: p4(1.01) });
    expect(v.poolLiquidity).toEqual({ ...D.poolLiquidity, pufETH: 80_000n * E18 });
    expect(v.feedAnswers).toEqual({ ...D.feedAnswers, stETH: p4(0.98) });
    const client = createPublicClient({ chain: L2_VIEM_CHAINS[8453], transport: http(node.rpcUrl) });
    const e = scenario.expectations();
    const r = await client.multicall({
      allowFailure: false,
      batchSize: 0,
      contracts: [
        { address: e.wstETH!.pool, abi: uniswapV3PoolAbi, functionName: 'slot0' },
        { address: e.pufETH!.pool, abi: uniswapV3PoolAbi, functionName: 'liquidity' },
        { address: L2_FEEDS[8453].stETH, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' },
        { address: L2_FEEDS[8453].rETH, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' },
        { address: L2_FEEDS[8453].rETH, abi: chainlinkAggregatorAbi, functionName: 'latestAnswer' },
      ],
    });
    expect(near(sqrtPriceX96ToEthPerToken(e.wstETH!.address, r[0][0], L2_UNISWAP_V3[8453].weth), p4(1.2))).toBe(true);
    expect(r[1]).toBe(80_000n * E18);
    expect(r[2][1]).toBe(p4(0.98));
    expect(r[3][3]).toBe(1_700_000_000n);
    expect(r[4]).toBe(D.feedAnswers.rETH);
    expect(e.pufETH!.poolPrice).toBe(p4(1.01));
  });
});
