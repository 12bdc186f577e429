// @vitest-environment node
// Integration test of the local-chain rig: anvil + mainnet test doubles + scenario setters.
import { type Abi, type Address, type PublicClient, createPublicClient, getAddress, http, toFunctionSelector } from 'viem';
import { mainnet } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ankrethAbi,
  cbethAbi,
  chainlinkAggregatorAbi,
  curvePoolAbi,
  eigenDelegationManagerAbi,
  etherfiLiquidityPoolAbi,
  etherfiRedemptionManagerAbi,
  etherfiWithdrawRequestNftAbi,
  fraxRedemptionQueueAbi,
  kelpLrtOracleAbi,
  kelpWithdrawalManagerAbi,
  lidoHashConsensusAbi,
  lidoWithdrawalQueueAbi,
  lsethAbi,
  mantleStakingAbi,
  mantleUnstakeRequestsManagerAbi,
  multicall3Abi,
  osTokenRedeemerAbi,
  osTokenVaultControllerAbi,
  plainTokenAbi,
  pufferVaultAbi,
  pufferWithdrawalManagerAbi,
  renzoBalancerRateProviderAbi,
  renzoRestakeManagerAbi,
  renzoWithdrawQueueAbi,
  rethAbi,
  riverRedeemManagerAbi,
  rswethAbi,
  sfrxethAbi,
  staderConfigAbi,
  staderStakePoolsManagerAbi,
  staderUserWithdrawalManagerAbi,
  stethAbi,
  swellExitAbi,
  swethAbi,
  uniswapV3PoolAbi,
  uniswapViewQuoterAbi,
  weethAbi,
  wstethAbi,
} from './abis';
import { type AnvilNode, startAnvil } from './anvil';
import { compileContracts } from './compile';
import {
  ADDRESSES as A,
  CONTRACT_ABIS,
  DEFAULT_MAINNET_VALUES as D,
  DEFAULT_MAINNET_VALUES,
  type FeedSymbol,
  type MainnetScenario,
  POOL_FEES,
  type PoolSymbol,
  type RateSymbol,
  seedMainnet,
  TOKEN_DEFAULTS,
  tokenExpectations,
} from './mainnet';
import {
  encodeSqrtRatioX96,
  ethPerTokenToSqrtPriceX96,
  ethPerWeethToSqrtPriceX96,
  isToken0,
  sortTokens,
  sqrtPriceX96ToEthPerToken,
  sqrtPriceX96ToEthPerWeeth,
  uniswapV3PoolAddress,
} from './uniswap';

const E18 = 10n ** 18n;
const USDC: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

/** Mirrors CurveStEthPool.get_dy for stETH -> ETH. */
function curveStethToEth(dx: bigint, price: bigint, depth: bigint, feeBps: bigint) {
  let out = (dx * price) / E18;
  out = (out * depth) / (depth + dx);
  return (out * (10000n - feeBps)) / 10000n;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('local mainnet rig', { timeout: 60_000 }, () => {
  let node: AnvilNode;
  let scenario: MainnetScenario;
  let client: PublicClient;

  beforeAll(async () => {
    node = await startAnvil();
    scenario = await seedMainnet(node.rpcUrl);
    client = createPublicClient({ chain: mainnet, transport: http(node.rpcUrl) });
  }, 60_000);

  afterAll(async () => {
    await node?.stop();
  });

  const quote = (tokenIn: Address, tokenOut: Address, amountIn: bigint, fee = 100) =>
    client.readContract({
      address: A.uniswapViewQuoter,
      abi: uniswapViewQuoterAbi,
      functionName: 'quoteExactInputSingle',
      args: [{ tokenIn, tokenOut, amountIn, fee, sqrtPriceLimitX96: 0n }],
    });

  it('addresses are checksummed and the typed ABIs match the compiled contracts', async () => {
    for (const address of Object.values(A)) expect(getAddress(address)).toBe(address);
    const compiled = await compileContracts();
    for (const [name, abi] of Object.entries(CONTRACT_ABIS)) {
      const selectors = new Set(compiled[name]!.abi.filter((x) => x.type === 'function').map((f) => toFunctionSelector(f)));
      for (const fn of abi.filter((x) => x.type === 'function')) {
        expect(selectors.has(toFunctionSelector(fn)), `${name}.${fn.name}`).toBe(true);
      }
    }
  });

  it('serves every default value through one viem multicall', async () => {
    const r = await client.multicall({
      allowFailure: true,
      contracts: [
        { address: A.wsteth, abi: wstethAbi, functionName: 'stEthPerToken' },
        { address: A.wsteth, abi: wstethAbi, functionName: 'decimals' },
        { address: A.wsteth, abi: wstethAbi, functionName: 'symbol' },
        { address: A.steth, abi: stethAbi, functionName: 'getBufferedEther' },
        { address: A.steth, abi: stethAbi, functionName: 'symbol' },
        { address: A.curveStethPool, abi: curvePoolAbi, functionName: 'get_dy', args: [1n, 0n, 100n * E18] },
        { address: A.curveStethPool, abi: curvePoolAbi, functionName: 'coins', args: [1n] },
        { address: A.chainlinkStethEth, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' },
        { address: A.chainlinkStethEth, abi: chainlinkAggregatorAbi, functionName: 'decimals' },
        { address: A.chainlinkStethEth, abi: chainlinkAggregatorAbi, functionName: 'description' },
        { address: A.chainlinkWeethEth, abi: chainlinkAggregatorAbi, functionName: 'latestRoundData' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'unfinalizedStETH' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'unfinalizedRequestNumber' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'getLastRequestId' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'getLastFinalizedRequestId' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'isBunkerModeActive' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'isPaused' },
        { address: A.lidoHashConsensus, abi: lidoHashConsensusAbi, functionName: 'getFrameConfig' },
        { address: A.multicall3, abi: multicall3Abi, functionName: 'getEthBalance', args: [A.lidoWithdrawalVault] },
        { address: A.multicall3, abi: multicall3Abi, functionName: 'getEthBalance', args: [A.lidoElRewardsVault] },
        { address: A.multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
        { address: A.multicall3, abi: multicall3Abi, functionName: 'getBlockNumber' },
        { address: A.weeth, abi: weethAbi, functionName: 'getRate' },
        { address: A.weeth, abi: weethAbi, functionName: 'symbol' },
        { address: A.etherfiRedemptionManager, abi: etherfiRedemptionManagerAbi, functionName: 'totalRedeemableAmount', args: [A.eth] },
        { address: A.etherfiRedemptionManager, abi: etherfiRedemptionManagerAbi, functionName: 'totalRedeemableAmount', args: [A.weth] },
        { address: A.etherfiRedemptionManager, abi: etherfiRedemptionManagerAbi, functionName: 'previewRedeem', args: [E18, A.eth] },
        { address: A.etherfiRedemptionManager, abi: etherfiRedemptionManagerAbi, functionName: 'paused' },
        { address: A.etherfiWithdrawRequestNft, abi: etherfiWithdrawRequestNftAbi, functionName: 'nextRequestId' },
        { address: A.etherfiWithdrawRequestNft, abi: etherfiWithdrawRequestNftAbi, functionName: 'lastFinalizedRequestId' },
        { address: A.eigenDelegationManager, abi: eigenDelegationManagerAbi, functionName: 'minWithdrawalDelayBlocks' },
        { address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'slot0' },
        { address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'liquidity' },
        { address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'token0' },
        { address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'token1' },
        { address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'fee' },
        {
          address: A.uniswapViewQuoter,
          abi: uniswapViewQuoterAbi,
          functionName: 'quoteExactInputSingle',
          args: [{ tokenIn: A.weeth, tokenOut: A.weth, amountIn: E18, fee: 100, sqrtPriceLimitX96: 0n }],
        },
      ],
    });
    for (const [i, x] of r.entries()) expect(x.status, `call #${i}: ${x.error?.message}`).toBe('success');
    const v = r.map((x) => x.result);

    expect(v.slice(0, 5)).toEqual([D.wstethStEthPerToken, 18, 'wstETH', D.lidoBufferedEther, 'stETH']);
    expect(v[5]).toBe(curveStethToEth(100n * E18, D.curveStethPrice, D.curveStethDepth, D.curveFeeBps));
    expect(v[6]).toBe(A.steth);
    const now = v[20] as bigint;
    expect(v[7]).toEqual([1n, D.chainlinkStethAnswer, now, now, 1n]); // fresh: updatedAt = block time
    expect(v.slice(8, 10)).toEqual([18, 'STETH / ETH']);
    expect((v[10] as readonly bigint[])[1]).toBe(D.chainlinkWeethAnswer);
    expect(v.slice(11, 17)).toEqual([
      D.lidoUnfinalizedStETH,
      D.lidoLastRequestId - D.lidoLastFinalizedRequestId,
      D.lidoLastRequestId,
      D.lidoLastFinalizedRequestId,
      false,
      false,
    ]);
    expect(v[17]).toEqual([201_600n, 225n, 100n]);
    expect(v.slice(18, 20)).toEqual([D.lidoWithdrawalVaultBalance, D.lidoElRewardsVaultBalance]);
    expect(v[21]).toBeGreaterThan(26_400_000n);
    expect(v.slice(22, 24)).toEqual([D.weethRate, 'weETH']);
    expect(v.slice(24, 28)).toEqual([D.etherfiRedeemable, 0n, (D.weethRate * 9970n) / 10000n, false]);
    expect(v.slice(28, 31)).toEqual([60_000, 59_850, 100_800]);
    const slot0 = v[31] as readonly [bigint, number, ...unknown[]];
    expect(slot0[0]).toBe(ethPerWeethToSqrtPriceX96(D.weethPoolPrice));
    expect(slot0[1]).toBe(-666); // floor(log1.0001(1/1.0688)) = floor(-665.4)
    expect(v.slice(32, 36)).toEqual([D.weethPoolLiquidity, A.weth, A.weeth, 100]);
    // 1 weETH sells for ~pool price minus the 1 bp fee
    const [oneOut] = v[36] as readonly [bigint, ...unknown[]];
    expect(Number(oneOut) / 1e18).toBeCloseTo((1.0688 * 9999) / 10000, 4);
  });

  it('exercises every scenario setter', async () => {
    // Loosely typed reader: the results are checked against literals right away.
    const read = (address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
      client.readContract({ address, abi, functionName, args }) as Promise<unknown>;

    await scenario.setWstethRate(1_200_000_000_000_000_000n);
    expect(await read(A.wsteth, wstethAbi, 'stEthPerToken')).toBe(1_200_000_000_000_000_000n);

    // stETH depeg: Curve and Chainlink move, a new Chainlink round starts
    await scenario.setStethMarket({ curvePrice: 970_000_000_000_000_000n, curveDepth: 5_000n * E18, chainlinkAnswer: 980_000_000_000_000_000n });
    expect(await read(A.curveStethPool, curvePoolAbi, 'get_dy', [1n, 0n, E18])).toBe(curveStethToEth(E18, 970n * 10n ** 15n, 5_000n * E18, 1n));
    const round = (await read(A.chainlinkStethEth, chainlinkAggregatorAbi, 'latestRoundData')) as readonly bigint[];
    expect([round[0], round[1]]).toEqual([2n, 980_000_000_000_000_000n]);

    // stale feed: pinned updatedAt survives time passing; 0 makes it fresh again
    const staleAt = BigInt(Math.floor(Date.now() / 1000) - 86_400);
    await scenario.setChainlinkUpdatedAt('weETH', staleAt);
    await scenario.increaseTime(3_600);
    const stale = (await read(A.chainlinkWeethEth, chainlinkAggregatorAbi, 'latestRoundData')) as readonly bigint[];
    expect(stale[3]).toBe(staleAt);
    await scenario.setChainlinkUpdatedAt('weETH', 0n);
    const block = await client.getBlock();
    const fresh = (await read(A.chainlinkWeethEth, chainlinkAggregatorAbi, 'latestRoundData')) as readonly bigint[];
    expect(fresh[3]).toBeGreaterThanOrEqual(block.timestamp);

    // weETH rate feeds the redemption preview too
    await scenario.setWeethRate(1_080_000_000_000_000_000n);
    expect(await read(A.weeth, weethAbi, 'getRate')).toBe(1_080_000_000_000_000_000n);
    expect(await read(A.etherfiRedemptionManager, etherfiRedemptionManagerAbi, 'previewRedeem', [E18, A.eth])).toBe(
      (1_080_000_000_000_000_000n * 9970n) / 10000n,
    );

    await scenario.setWeethMarket({ poolPrice: 1_050_000_000_000_000_000n, poolLiquidity: 10_000n * E18, chainlinkAnswer: 1_051_000_000_000_000_000n });
    const slot0 = (await read(A.uniswapWeethWethPool, uniswapV3PoolAbi, 'slot0')) as readonly [bigint, ...unknown[]];
    const poolPrice = sqrtPriceX96ToEthPerWeeth(slot0[0]);
    expect(poolPrice - 1_050_000_000_000_000_000n).toBeLessThan(10n ** 6n);
    expect(poolPrice - 1_050_000_000_000_000_000n).toBeGreaterThan(-(10n ** 6n));
    expect(await read(A.uniswapWeethWethPool, uniswapV3PoolAbi, 'liquidity')).toBe(10_000n * E18);
    expect(await read(A.chainlinkWeethEth, chainlinkAggregatorAbi, 'latestAnswer')).toBe(1_051_000_000_000_000_000n);

    // Lido queue growth + bunker/pause
    await scenario.setLidoQueue({
      unfinalizedStETH: 250_000n * E18,
      bufferedEther: 10n * E18,
      withdrawalVault: 1n * E18,
      elRewardsVault: 0n,
      bunker: true,
      paused: true,
      lastRequestId: 95_000n,
    });
    const queueReads = await client.multicall({
      allowFailure: false,
      contracts: [
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'unfinalizedStETH' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'unfinalizedRequestNumber' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'isBunkerModeActive' },
        { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi, functionName: 'isPaused' },
        { address: A.steth, abi: stethAbi, functionName: 'getBufferedEther' },
        { address: A.multicall3, abi: multicall3Abi, functionName: 'getEthBalance', args: [A.lidoWithdrawalVault] },
        { address: A.multicall3, abi: multicall3Abi, functionName: 'getEthBalance', args: [A.lidoElRewardsVault] },
      ],
    });
    expect(queueReads).toEqual([250_000n * E18, 5_300n, true, true, 10n * E18, E18, 0n]);

    await scenario.setEtherfiRedemption({ redeemable: 5n * E18, exitFeeBps: 100, paused: true, nextRequestId: 61_000 });
    expect(await read(A.etherfiRedemptionManager, etherfiRedemptionManagerAbi, 'totalRedeemableAmount', [A.eth])).toBe(5n * E18);
    expect(await read(A.etherfiRedemptionManager, etherfiRedemptionManagerAbi, 'paused')).toBe(true);
    expect(await read(A.etherfiRedemptionManager, etherfiRedemptionManagerAbi, 'previewRedeem', [E18, A.eth])).toBe(
      (1_080_000_000_000_000_000n * 9900n) / 10000n,
    );
    expect(await read(A.etherfiWithdrawRequestNft, etherfiWithdrawRequestNftAbi, 'nextRequestId')).toBe(61_000);

    await scenario.setEigenDelayBlocks(50_400);
    expect(await read(A.eigenDelegationManager, eigenDelegationManagerAbi, 'minWithdrawalDelayBlocks')).toBe(50_400);

    expect(scenario.values()).toMatchObject({
      wstethStEthPerToken: 1_200_000_000_000_000_000n,
      curveStethPrice: 970_000_000_000_000_000n,
      chainlinkWeethUpdatedAt: 0n,
      lidoLastRequestId: 95_000n,
      lidoLastFinalizedRequestId: D.lidoLastFinalizedRequestId,
      etherfiExitFeeBps: 100,
      eigenMinWithdrawalDelayBlocks: 50_400,
    });
  });

  it('breakContract makes one call fail inside a multicall, restoreContract undoes it', async () => {
    const contracts = [
      { address: A.wsteth, abi: wstethAbi, functionName: 'stEthPerToken' },
      { address: A.weeth, abi: weethAbi, functionName: 'getRate' },
    ] as const;
    await scenario.breakContract(A.wsteth);
    const [broken, ok] = await client.multicall({ allowFailure: true, contracts });
    expect(broken.status).toBe('failure');
    expect(ok.status).toBe('success');
    await scenario.restoreContract(A.wsteth);
    const [restored] = await client.multicall({ allowFailure: true, contracts });
    expect(restored.status).toBe('success');
  });

  it('computes Uniswap v3 pool addresses like the factory', async () => {
    expect(uniswapV3PoolAddress(USDC, A.weth, 500)).toBe('0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640');
    expect(uniswapV3PoolAddress(A.weth, USDC, 500)).toBe('0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640');
    const onChain = await client.readContract({
      address: A.uniswapViewQuoter,
      abi: uniswapViewQuoterAbi,
      functionName: 'computePoolAddress',
      args: [A.weeth, A.weth, 100],
    });
    expect(onChain).toBe(A.uniswapWeethWethPool);
  });

  it('price helpers round-trip', () => {
    expect(sqrtPriceX96ToEthPerWeeth(ethPerWeethToSqrtPriceX96(D.weethPoolPrice)) - D.weethPoolPrice).toBeLessThan(10n ** 6n);
    expect(encodeSqrtRatioX96(1n, 1n)).toBe(1n << 96n);
  });

  it('quotes worse per unit for bigger sizes and rejects unknown pools', async () => {
    await scenario.setWeethMarket({ poolPrice: D.weethPoolPrice, poolLiquidity: D.weethPoolLiquidity });
    const sizes = [1n, 100n, 1_000n, 5_000n].map((n) => n * E18);
    const perUnit = [];
    for (const size of sizes) {
      const [out] = await quote(A.weeth, A.weth, size);
      perUnit.push(Number(out) / Number(size));
    }
    for (let i = 1; i < perUnit.length; i++) expect(perUnit[i]).toBeLessThan(perUnit[i - 1]!);
    // default depth: selling 100 weETH costs 10-30 bps against the pool price
    const costBps = (1 - perUnit[1]! / 1.0688) * 10_000;
    expect(costBps).toBeGreaterThan(10);
    expect(costBps).toBeLessThan(30);

    // the other direction: WETH in, weETH out, also gets worse with size
    const [smallOut] = await quote(A.weth, A.weeth, E18);
    const [bigOut] = await quote(A.weth, A.weeth, 1_000n * E18);
    expect(Number(smallOut) / 1e18).toBeCloseTo(1 / 1.0688, 3);
    expect(bigOut / 1_000n).toBeLessThan(smallOut);

    await expect(quote(A.weeth, A.weth, E18, 500)).rejects.toThrow(/pool does not exist/);
    await expect(quote(A.weeth, USDC, E18)).rejects.toThrow(/pool does not exist/);
  });

  it('starts a second node with another chain id and value overrides', async () => {
    const other = await startAnvil({ chainId: 31_337 });
    try {
      await seedMainnet(other.rpcUrl, { weethRate: 1_100_000_000_000_000_000n });
      const otherClient = createPublicClient({ chain: { ...mainnet, id: 31_337 }, transport: http(other.rpcUrl) });
      const [rate, wsteth] = await otherClient.multicall({
        allowFailure: false,
        contracts: [
          { address: A.weeth, abi: weethAbi, functionName: 'getRate' },
          { address: A.wsteth, abi: wstethAbi, functionName: 'stEthPerToken' },
        ],
      });
      expect([rate, wsteth]).toEqual([1_100_000_000_000_000_000n, D.wstethStEthPerToken]);
      expect(await otherClient.getChainId()).toBe(31_337);
    } finally {
      await other.stop();
    }
    expect(isAlive(other.pid)).toBe(false);
  });

  it('stop() ends the anvil process', async () => {
    expect(isAlive(node.pid)).toBe(true);
    await node.stop();
    expect(isAlive(node.pid)).toBe(false);
    await node.stop(); // idempotent
  });
});

/** A 4-decimal rate (e.g. 1.1412) as 1e18 fixed point, exactly. */
const rate4 = (x: number) => BigInt(Math.round(x * 10_000)) * 10n ** 14n;
const ETH_SENTINEL: Address = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

type Call = { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] };
const call = (address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Call => ({ address, abi, functionName, args });

/** Pools of the LST/LRT tokens (weETH's is covered above). */
const NEW_POOLS = (Object.keys(POOL_FEES) as PoolSymbol[]).filter((s) => s !== 'weETH');

describe('local mainnet rig: LST / LRT protocols', { timeout: 60_000 }, () => {
  let node: AnvilNode;
  let scenario: MainnetScenario;
  let client: PublicClient;

  beforeAll(async () => {
    node = await startAnvil();
    await compileContracts(); // warm the compile cache so the timing below is seeding only
    const t0 = performance.now();
    scenario = await seedMainnet(node.rpcUrl);
    console.log(`seedMainnet: ${(performance.now() - t0).toFixed(0)} ms (${Object.keys(A).length} addresses)`);
    client = createPublicClient({ chain: mainnet, transport: http(node.rpcUrl) });
  }, 60_000);

  afterAll(async () => {
    await node?.stop();
  });

  const read = (c: Call) => client.readContract(c as never) as Promise<unknown>;
  const readAll = async (calls: readonly Call[]) => {
    const r = await client.multicall({ allowFailure: true, contracts: calls as never });
    return (r as { status: string; result?: unknown; error?: Error }[]).map((x, i) => {
      expect(x.status, `call #${i} ${calls[i]!.functionName} @ ${calls[i]!.address}: ${x.error?.message}`).toBe('success');
      return x.result;
    });
  };

  /** Every new read with the brief's default answer. */
  const defaultReads = (now: () => bigint): [Call, unknown][] => {
    const D = DEFAULT_MAINNET_VALUES;
    const fresh = (answer: bigint) => (v: unknown) => {
      const r = v as readonly bigint[];
      expect([r[1], r[3]]).toEqual([answer, now()]);
    };
    return [
      // Rocket Pool
      [call(A.reth, rethAbi, 'getExchangeRate'), rate4(1.1412)],
      [call(A.reth, rethAbi, 'getTotalCollateral'), 2_400n * E18],
      [call(A.reth, rethAbi, 'getEthValue', [2n * E18]), 2n * rate4(1.1412)],
      [call(A.reth, rethAbi, 'symbol'), 'rETH'],
      [call(A.reth, rethAbi, 'decimals'), 18],
      [call(A.reth, rethAbi, 'totalSupply'), D.rethTotalSupply],
      [call(A.chainlinkRethEth, chainlinkAggregatorAbi, 'latestRoundData'), fresh(rate4(1.1395))],
      [call(A.chainlinkRethEth, chainlinkAggregatorAbi, 'description'), 'RETH / ETH'],
      // Coinbase
      [call(A.cbeth, cbethAbi, 'exchangeRate'), rate4(1.1105)],
      [call(A.cbeth, cbethAbi, 'symbol'), 'cbETH'],
      [call(A.chainlinkCbethEth, chainlinkAggregatorAbi, 'latestRoundData'), fresh(rate4(1.108))],
      // Frax
      [call(A.sfrxeth, sfrxethAbi, 'pricePerShare'), rate4(1.1487)],
      [call(A.sfrxeth, sfrxethAbi, 'convertToAssets', [3n * E18]), 3n * rate4(1.1487)],
      [call(A.sfrxeth, sfrxethAbi, 'symbol'), 'sfrxETH'],
      [call(A.frxeth, plainTokenAbi, 'symbol'), 'frxETH'],
      [call(A.fraxRedemptionQueue, fraxRedemptionQueueAbi, 'redemptionQueueState'), [1_200n, 691_200n, 2_000n, 50_000n * E18, 48_000n * E18]],
      [call(A.curveFrxethPool, curvePoolAbi, 'coins', [0n]), A.eth],
      [call(A.curveFrxethPool, curvePoolAbi, 'coins', [1n]), '0x5E8422345238F34275888049021821E8E08CAa1f'],
      [call(A.curveFrxethPool, curvePoolAbi, 'get_dy', [1n, 0n, 100n * E18]), curveStethToEth(100n * E18, rate4(0.9985), 8_000n * E18, 4n)],
      // StakeWise
      [call(A.osTokenVaultController, osTokenVaultControllerAbi, 'convertToAssets', [E18]), rate4(1.0521)],
      [call(A.osTokenRedeemer, osTokenRedeemerAbi, 'queuedShares'), 1_500n * E18],
      [call(A.osTokenRedeemer, osTokenRedeemerAbi, 'exitQueueUpdateDelay'), 86_400n],
      [call(A.oseth, plainTokenAbi, 'symbol'), 'osETH'],
      // Stader
      [call(A.staderStakePoolsManager, staderStakePoolsManagerAbi, 'getExchangeRate'), rate4(1.0642)],
      [call(A.staderUserWithdrawalManager, staderUserWithdrawalManagerAbi, 'nextRequestId'), 5_200n],
      [call(A.staderUserWithdrawalManager, staderUserWithdrawalManagerAbi, 'nextRequestIdToFinalize'), 5_150n],
      [call(A.staderUserWithdrawalManager, staderUserWithdrawalManagerAbi, 'ethRequestedForWithdraw'), 900n * E18],
      [call(A.staderConfig, staderConfigAbi, 'getMinBlockDelayToFinalizeWithdrawRequest'), 600n],
      [call(A.chainlinkEthxEth, chainlinkAggregatorAbi, 'latestRoundData'), fresh(rate4(1.063))],
      [call(A.ethx, plainTokenAbi, 'symbol'), 'ETHx'],
      // Mantle
      [call(A.mantleStaking, mantleStakingAbi, 'mETHToETH', [E18]), rate4(1.0703)],
      [call(A.mantleUnstakeRequestsManager, mantleUnstakeRequestsManagerAbi, 'numberOfBlocksToFinalize'), 7_200n],
      [call(A.mantleUnstakeRequestsManager, mantleUnstakeRequestsManagerAbi, 'allocatedETHDeficit'), 0n],
      [call(A.chainlinkMethEth, chainlinkAggregatorAbi, 'latestRoundData'), fresh(rate4(1.069))],
      [call(A.meth, plainTokenAbi, 'symbol'), 'mETH'],
      // Swell
      [call(A.sweth, swethAbi, 'swETHToETHRate'), rate4(1.0795)],
      [call(A.sweth, swethAbi, 'symbol'), 'swETH'],
      [call(A.swexit, swellExitAbi, 'getLastTokenIdCreated'), 8_000n],
      [call(A.swexit, swellExitAbi, 'getLastTokenIdProcessed'), 7_990n],
      [call(A.swexit, swellExitAbi, 'exitingETH'), 120n * E18],
      [call(A.chainlinkSwethEth, chainlinkAggregatorAbi, 'latestRoundData'), fresh(rate4(1.076))],
      [call(A.rsweth, rswethAbi, 'rswETHToETHRate'), rate4(1.0466)],
      [call(A.rsweth, rswethAbi, 'symbol'), 'rswETH'],
      [call(A.rswexit, swellExitAbi, 'getLastTokenIdCreated'), 3_000n],
      [call(A.rswexit, swellExitAbi, 'getLastTokenIdProcessed'), 2_990n],
      [call(A.rswexit, swellExitAbi, 'exitingETH'), 80n * E18],
      // Liquid Collective
      [call(A.lseth, lsethAbi, 'underlyingBalanceFromShares', [E18]), rate4(1.0735)],
      [call(A.lseth, lsethAbi, 'symbol'), 'LsETH'],
      [call(A.riverRedeemManager, riverRedeemManagerAbi, 'getRedeemDemand'), 300n * E18],
      [call(A.riverRedeemManager, riverRedeemManagerAbi, 'getBufferedExceedingEth'), 50n * E18],
      // Ankr
      [call(A.ankreth, ankrethAbi, 'ratio'), rate4(0.8642)],
      [call(A.ankreth, ankrethAbi, 'symbol'), 'ankrETH'],
      // Renzo
      [call(A.ezeth, plainTokenAbi, 'totalSupply'), 900_000n * E18],
      [call(A.ezeth, plainTokenAbi, 'symbol'), 'ezETH'],
      [call(A.ezeth, plainTokenAbi, 'decimals'), 18],
      [call(A.renzoRestakeManager, renzoRestakeManagerAbi, 'calculateTVLs'), [[[945_000n * E18]], [945_000n * E18], 945_000n * E18]],
      [call(A.renzoBalancerRateProvider, renzoBalancerRateProviderAbi, 'getRate'), rate4(1.05)],
      [call(A.renzoWithdrawQueue, renzoWithdrawQueueAbi, 'coolDownPeriod'), 604_800n],
      [call(A.renzoWithdrawQueue, renzoWithdrawQueueAbi, 'getAvailableToWithdraw', [ETH_SENTINEL]), 2_000n * E18],
      [call(A.renzoWithdrawQueue, renzoWithdrawQueueAbi, 'getAvailableToWithdraw', [A.weth]), 0n],
      [call(A.chainlinkEzethEth, chainlinkAggregatorAbi, 'latestRoundData'), fresh(rate4(1.046))],
      // Kelp
      [call(A.rseth, plainTokenAbi, 'totalSupply'), 500_000n * E18],
      [call(A.rseth, plainTokenAbi, 'symbol'), 'rsETH'],
      [call(A.kelpLrtOracle, kelpLrtOracleAbi, 'rsETHPrice'), rate4(1.0512)],
      [call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'withdrawalDelayBlocks'), 57_600n],
      [call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'nextUnusedNonce', [ETH_SENTINEL]), 4_000n],
      [call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'nextLockedNonce', [ETH_SENTINEL]), 3_900n],
      [call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'getAvailableAssetAmount', [ETH_SENTINEL]), 1_200n * E18],
      [call(A.chainlinkRsethEth, chainlinkAggregatorAbi, 'latestRoundData'), fresh(rate4(1.048))],
      // Puffer
      [call(A.pufeth, pufferVaultAbi, 'convertToAssets', [E18]), rate4(1.0398)],
      [call(A.pufeth, pufferVaultAbi, 'getTotalExitFeeBasisPoints'), 100n],
      [call(A.pufeth, pufferVaultAbi, 'totalAssets'), (D.pufethTotalSupply * rate4(1.0398)) / E18],
      [call(A.pufeth, pufferVaultAbi, 'getRemainingAssetsDailyWithdrawalLimit'), 500n * E18],
      [call(A.pufeth, pufferVaultAbi, 'symbol'), 'pufETH'],
      [call(A.pufferWithdrawalManager, pufferWithdrawalManagerAbi, 'getWithdrawalsLength'), 2_100n],
      [call(A.pufferWithdrawalManager, pufferWithdrawalManagerAbi, 'getFinalizedWithdrawalBatch'), 200n],
      [call(A.pufferWithdrawalManager, pufferWithdrawalManagerAbi, 'BATCH_SIZE'), 10n],
      // Lido / ether.fi underlyings
      [call(A.steth, stethAbi, 'getPooledEthByShares', [E18]), D.wstethStEthPerToken],
      [call(A.eeth, plainTokenAbi, 'symbol'), 'eETH'],
      [call(A.etherfiLiquidityPool, etherfiLiquidityPoolAbi, 'amountForShare', [E18]), D.weethRate],
      // Uniswap pools: slot0 at the configured price, tokens sorted, fee tier, liquidity
      ...NEW_POOLS.flatMap((s): [Call, unknown][] => {
        const t = TOKEN_DEFAULTS[s];
        const [token0, token1] = sortTokens(t.address, A.weth);
        return [
          [call(t.pool!, uniswapV3PoolAbi, 'slot0'), (v: unknown) => expect((v as bigint[])[0]).toBe(ethPerTokenToSqrtPriceX96(t.address, t.poolPrice!))],
          [call(t.pool!, uniswapV3PoolAbi, 'token0'), token0],
          [call(t.pool!, uniswapV3PoolAbi, 'token1'), token1],
          [call(t.pool!, uniswapV3PoolAbi, 'fee'), POOL_FEES[s]],
          [call(t.pool!, uniswapV3PoolAbi, 'liquidity'), t.poolLiquidity],
        ];
      }),
    ];
  };

  it('new addresses are checksummed and TOKEN_DEFAULTS holds the brief defaults', () => {
    for (const address of Object.values(A)) expect(getAddress(address)).toBe(address);
    const T = TOKEN_DEFAULTS;
    expect(T.rETH).toMatchObject({ rate: rate4(1.1412), poolPrice: rate4(1.1398), feedAnswer: rate4(1.1395), poolFee: 100 });
    expect(T.cbETH).toMatchObject({ rate: rate4(1.1105), poolPrice: rate4(1.1089), feedAnswer: rate4(1.108), poolFee: 500 });
    expect(T.sfrxETH).toMatchObject({ rate: rate4(1.1487), curvePrice: rate4(0.9985), curvePool: A.curveFrxethPool });
    expect(T.sfrxETH.poolPrice).toBeUndefined();
    expect(T.ankrETH).toMatchObject({ rate: (E18 * E18) / rate4(0.8642), poolPrice: rate4(1.1521), poolFee: 500 });
    expect(Number(T.ankrETH.rate) / 1e18).toBeCloseTo(1.1571, 4);
    expect(T.ezETH).toMatchObject({ rate: rate4(1.05), poolPrice: rate4(1.0452), feedAnswer: rate4(1.046) });
    expect(T.rsETH).toMatchObject({ rate: rate4(1.0512), poolPrice: rate4(1.0489), feedAnswer: rate4(1.048) });
    expect(T.weETH).toMatchObject({ rate: DEFAULT_MAINNET_VALUES.weethRate, poolPrice: DEFAULT_MAINNET_VALUES.weethPoolPrice, pool: A.uniswapWeethWethPool });
    const prices = { ETHx: 1.0618, mETH: 1.0685, swETH: 1.077, rswETH: 1.044, pufETH: 1.0371, osETH: 1.0502, LsETH: 1.0711 } as const;
    for (const [s, p] of Object.entries(prices)) expect(TOKEN_DEFAULTS[s as PoolSymbol].poolPrice, s).toBe(rate4(p));
  });

  it('serves every new default through one viem multicall', async () => {
    let now = 0n;
    const table = defaultReads(() => now);
    const calls = [call(A.multicall3, multicall3Abi, 'getCurrentBlockTimestamp'), ...table.map(([c]) => c)];
    const [timestamp, ...values] = await readAll(calls);
    now = timestamp as bigint;
    expect(values.length).toBeGreaterThan(130);
    for (const [i, [c, expected]] of table.entries()) {
      if (typeof expected === 'function') expected(values[i]);
      else expect(values[i], `${c.functionName} @ ${c.address}`).toEqual(expected);
    }
  });

  it('quotes token -> WETH on every new pool at the pool price, 5-40 bps for 100 ETH', async () => {
    for (const s of NEW_POOLS) {
      const t = TOKEN_DEFAULTS[s];
      const price = Number(t.poolPrice) / 1e18;
      const quote = (amountIn: bigint) =>
        client.readContract({
          address: A.uniswapViewQuoter,
          abi: uniswapViewQuoterAbi,
          functionName: 'quoteExactInputSingle',
          args: [{ tokenIn: t.address, tokenOut: A.weth, amountIn, fee: t.poolFee!, sqrtPriceLimitX96: 0n }],
        });
      expect(await client.readContract({ address: A.uniswapViewQuoter, abi: uniswapViewQuoterAbi, functionName: 'computePoolAddress', args: [t.address, A.weth, t.poolFee!] })).toBe(t.pool);
      // 0.01 token: the pool price less the fee
      const [small] = await quote(10n ** 16n);
      expect(Number(small) / 1e16, s).toBeCloseTo(price * (1 - t.poolFee! / 1e6), 4);
      // 100 ETH worth
      const amountIn = (100n * E18 * E18) / t.poolPrice!;
      const [out] = await quote(amountIn);
      const costBps = (1 - Number(out) / 1e18 / 100) * 10_000;
      expect(costBps, s).toBeGreaterThan(5);
      expect(costBps, s).toBeLessThan(40);
      // the slot0 price decodes back to the configured price (either token order)
      const [sqrtPriceX96] = await client.readContract({ address: t.pool!, abi: uniswapV3PoolAbi, functionName: 'slot0' });
      const decoded = sqrtPriceX96ToEthPerToken(t.address, sqrtPriceX96);
      expect(decoded - t.poolPrice! < 10n ** 6n && t.poolPrice! - decoded < 10n ** 6n, `${s} decoded ${decoded}`).toBe(true);
    }
    // both token orders are exercised
    expect(NEW_POOLS.some((s) => isToken0(TOKEN_DEFAULTS[s].address))).toBe(true);
    expect(NEW_POOLS.some((s) => !isToken0(TOKEN_DEFAULTS[s].address))).toBe(true);
    // the generic helpers agree with the weETH ones
    expect(ethPerTokenToSqrtPriceX96(A.weeth, DEFAULT_MAINNET_VALUES.weethPoolPrice)).toBe(ethPerWeethToSqrtPriceX96(DEFAULT_MAINNET_VALUES.weethPoolPrice));
  });

  it('a reverting calculateTVLs makes BalancerRateProvider.getRate revert; clearing it restores the rate', async () => {
    await scenario.setRenzo({ tvlReverts: true });
    const calls = [
      call(A.renzoRestakeManager, renzoRestakeManagerAbi, 'calculateTVLs'),
      call(A.renzoBalancerRateProvider, renzoBalancerRateProviderAbi, 'getRate'),
      call(A.ezeth, plainTokenAbi, 'totalSupply'),
    ];
    const r = await client.multicall({ allowFailure: true, contracts: calls as never });
    expect((r as { status: string }[]).map((x) => x.status)).toEqual(['failure', 'failure', 'success']);
    await expect(read(calls[0]!)).rejects.toThrow(/OraclePriceExpired/);
    await expect(read(calls[1]!)).rejects.toThrow();
    expect(scenario.values().renzoTvlReverts).toBe(true);
    await scenario.setRenzo({ tvlReverts: false });
    expect(await read(calls[1]!)).toBe(rate4(1.05));
  });

  it('breakContract / restoreContract work on every new address', async () => {
    const perAddress = new Map<Address, Call>();
    for (const [c] of defaultReads(() => 0n)) if (!perAddress.has(c.address)) perAddress.set(c.address, c);
    const calls = [...perAddress.values()];
    for (const c of calls) await scenario.breakContract(c.address);
    const broken = await client.multicall({ allowFailure: true, contracts: calls as never });
    expect((broken as { status: string }[]).every((x) => x.status === 'failure')).toBe(true);
    for (const c of calls) await scenario.restoreContract(c.address);
    await readAll(calls);
  });

  it('every new setter changes what the chain answers', async () => {
    const v = (n: number) => rate4(n);
    // setRate: one per token, read back through the protocol's own view
    const rates: Record<RateSymbol, bigint> = {
      wstETH: v(1.23), weETH: v(1.08), rETH: v(1.15), cbETH: v(1.12), sfrxETH: v(1.16), osETH: v(1.06), ETHx: v(1.07),
      mETH: v(1.08), swETH: v(1.09), rswETH: v(1.05), LsETH: v(1.08), ankrETH: v(1.16), ezETH: v(1.04), rsETH: v(1.06), pufETH: v(1.045),
    };
    for (const [s, r] of Object.entries(rates)) await scenario.setRate(s as RateSymbol, r);
    const rateReads: [RateSymbol | 'stETH' | 'eETH', Call][] = [
      ['wstETH', call(A.wsteth, wstethAbi, 'stEthPerToken')],
      ['stETH', call(A.steth, stethAbi, 'getPooledEthByShares', [E18])],
      ['weETH', call(A.weeth, weethAbi, 'getRate')],
      ['eETH', call(A.etherfiLiquidityPool, etherfiLiquidityPoolAbi, 'amountForShare', [E18])],
      ['rETH', call(A.reth, rethAbi, 'getExchangeRate')],
      ['cbETH', call(A.cbeth, cbethAbi, 'exchangeRate')],
      ['sfrxETH', call(A.sfrxeth, sfrxethAbi, 'convertToAssets', [E18])],
      ['osETH', call(A.osTokenVaultController, osTokenVaultControllerAbi, 'convertToAssets', [E18])],
      ['ETHx', call(A.staderStakePoolsManager, staderStakePoolsManagerAbi, 'getExchangeRate')],
      ['mETH', call(A.mantleStaking, mantleStakingAbi, 'mETHToETH', [E18])],
      ['swETH', call(A.sweth, swethAbi, 'swETHToETHRate')],
      ['rswETH', call(A.rsweth, rswethAbi, 'rswETHToETHRate')],
      ['LsETH', call(A.lseth, lsethAbi, 'underlyingBalanceFromShares', [E18])],
      ['ezETH', call(A.renzoBalancerRateProvider, renzoBalancerRateProviderAbi, 'getRate')],
      ['rsETH', call(A.kelpLrtOracle, kelpLrtOracleAbi, 'rsETHPrice')],
      ['pufETH', call(A.pufeth, pufferVaultAbi, 'convertToAssets', [E18])],
    ];
    const got = await readAll(rateReads.map(([, c]) => c));
    const expectations = tokenExpectations(scenario.values());
    for (const [i, [s]] of rateReads.entries()) {
      const want = s === 'stETH' ? rates.wstETH : s === 'eETH' ? rates.weETH : rates[s];
      expect(got[i], s).toBe(want);
      if (s !== 'stETH' && s !== 'eETH') expect(expectations[s].rate, s).toBe(want);
    }
    // ankrETH stores the inverse
    const ratio = (await read(call(A.ankreth, ankrethAbi, 'ratio'))) as bigint;
    expect(ratio).toBe((E18 * E18 + rates.ankrETH / 2n) / rates.ankrETH);
    expect(Number(expectations.ankrETH.rate) / 1e18).toBeCloseTo(1.16, 12);
    await scenario.setAnkrRatio(rate4(0.85));
    expect(await read(call(A.ankreth, ankrethAbi, 'ratio'))).toBe(rate4(0.85));

    await scenario.setTotalSupply('ezETH', 1_000_000n * E18); // rate = TVL / supply falls
    expect(await read(call(A.ezeth, plainTokenAbi, 'totalSupply'))).toBe(1_000_000n * E18);
    expect(await read(call(A.renzoBalancerRateProvider, renzoBalancerRateProviderAbi, 'getRate'))).toBe((rates.ezETH * 900_000n) / 1_000_000n);
    await scenario.setTotalSupply('rsETH', 1n);
    expect(await read(call(A.rseth, plainTokenAbi, 'totalSupply'))).toBe(1n);

    // setPoolPrice on every pool, with and without liquidity
    for (const s of NEW_POOLS) {
      const t = TOKEN_DEFAULTS[s];
      await scenario.setPoolPrice(s, t.poolPrice! - rate4(0.02), 10_000n * E18);
      const [sqrt] = (await read(call(t.pool!, uniswapV3PoolAbi, 'slot0'))) as [bigint];
      const decoded = sqrtPriceX96ToEthPerToken(t.address, sqrt);
      expect(Number(decoded - (t.poolPrice! - rate4(0.02))), s).toBeLessThan(1e6);
      expect(Number(decoded - (t.poolPrice! - rate4(0.02))), s).toBeGreaterThan(-1e6);
      expect(await read(call(t.pool!, uniswapV3PoolAbi, 'liquidity')), s).toBe(10_000n * E18);
    }
    await scenario.setPoolPrice('rETH', rate4(1.2));
    expect(scenario.values()).toMatchObject({ rethPoolPrice: rate4(1.2), rethPoolLiquidity: 10_000n * E18 });
    await scenario.setPoolPrice('weETH', rate4(1.06));
    expect(scenario.values().weethPoolPrice).toBe(rate4(1.06));

    // setFeed by symbol and by address, with a pinned updatedAt
    const feeds = { rETH: A.chainlinkRethEth, cbETH: A.chainlinkCbethEth, ETHx: A.chainlinkEthxEth, mETH: A.chainlinkMethEth, swETH: A.chainlinkSwethEth, ezETH: A.chainlinkEzethEth, rsETH: A.chainlinkRsethEth, stETH: A.chainlinkStethEth, weETH: A.chainlinkWeethEth } as const;
    for (const [i, [s, address]] of Object.entries(feeds).entries()) {
      const answer = rate4(1) + BigInt(i);
      if (i % 2 === 0) await scenario.setFeed(s as FeedSymbol, answer, 1_700_000_000n);
      else await scenario.setFeed(address, answer, 1_700_000_000n);
      const round = (await read(call(address, chainlinkAggregatorAbi, 'latestRoundData'))) as bigint[];
      expect([round[1], round[3]], s).toEqual([answer, 1_700_000_000n]);
    }
    await scenario.setFeed('rETH', rate4(1.13)); // answer only: the pinned time stays
    expect(((await read(call(A.chainlinkRethEth, chainlinkAggregatorAbi, 'latestRoundData'))) as bigint[])[3]).toBe(1_700_000_000n);
    await expect(scenario.setFeed(A.weth, 1n)).rejects.toThrow(/no Chainlink feed/);

    await scenario.setFrxEthCurve({ price: rate4(0.97), depth: 1_000n * E18 });
    expect(await read(call(A.curveFrxethPool, curvePoolAbi, 'get_dy', [1n, 0n, 10n * E18]))).toBe(curveStethToEth(10n * E18, rate4(0.97), 1_000n * E18, 4n));

    await scenario.setFraxQueue({ queueLengthSecs: 1_209_600n, redemptionFee: 5_000n, ttlEthServed: 49_000n * E18 });
    expect(await read(call(A.fraxRedemptionQueue, fraxRedemptionQueueAbi, 'redemptionQueueState'))).toEqual([1_200n, 1_209_600n, 5_000n, 50_000n * E18, 49_000n * E18]);

    await scenario.setRenzo({ totalTVL: 950_000n * E18, coolDownPeriod: 3n * 86_400n, availableToWithdraw: 7n * E18 });
    expect(
      await readAll([
        call(A.renzoBalancerRateProvider, renzoBalancerRateProviderAbi, 'getRate'),
        call(A.renzoWithdrawQueue, renzoWithdrawQueueAbi, 'coolDownPeriod'),
        call(A.renzoWithdrawQueue, renzoWithdrawQueueAbi, 'getAvailableToWithdraw', [ETH_SENTINEL]),
      ]),
    ).toEqual([rate4(0.95), 259_200n, 7n * E18]);

    await scenario.setKelp({ rsETHPrice: rate4(1.07), withdrawalDelayBlocks: 50_400n, nextUnusedNonce: 4_100n, nextLockedNonce: 4_050n, available: 3n * E18 });
    expect(
      await readAll([
        call(A.kelpLrtOracle, kelpLrtOracleAbi, 'rsETHPrice'),
        call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'withdrawalDelayBlocks'),
        call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'nextUnusedNonce', [ETH_SENTINEL]),
        call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'nextLockedNonce', [ETH_SENTINEL]),
        call(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'getAvailableAssetAmount', [ETH_SENTINEL]),
      ]),
    ).toEqual([rate4(1.07), 50_400n, 4_100n, 4_050n, 3n * E18]);

    await scenario.setPuffer({ exitFeeBps: 50n, dailyWithdrawalRemaining: 0n, withdrawalsLength: 2_500n, finalizedBatch: 210n, batchSize: 20n });
    expect(
      await readAll([
        call(A.pufeth, pufferVaultAbi, 'getTotalExitFeeBasisPoints'),
        call(A.pufeth, pufferVaultAbi, 'getRemainingAssetsDailyWithdrawalLimit'),
        call(A.pufferWithdrawalManager, pufferWithdrawalManagerAbi, 'getWithdrawalsLength'),
        call(A.pufferWithdrawalManager, pufferWithdrawalManagerAbi, 'getFinalizedWithdrawalBatch'),
        call(A.pufferWithdrawalManager, pufferWithdrawalManagerAbi, 'BATCH_SIZE'),
      ]),
    ).toEqual([50n, 0n, 2_500n, 210n, 20n]);

    await scenario.setStader({ nextRequestId: 6_000n, nextRequestIdToFinalize: 5_500n, ethRequestedForWithdraw: 4_000n * E18, minBlockDelay: 1_200n });
    expect(
      await readAll([
        call(A.staderUserWithdrawalManager, staderUserWithdrawalManagerAbi, 'nextRequestId'),
        call(A.staderUserWithdrawalManager, staderUserWithdrawalManagerAbi, 'nextRequestIdToFinalize'),
        call(A.staderUserWithdrawalManager, staderUserWithdrawalManagerAbi, 'ethRequestedForWithdraw'),
        call(A.staderConfig, staderConfigAbi, 'getMinBlockDelayToFinalizeWithdrawRequest'),
      ]),
    ).toEqual([6_000n, 5_500n, 4_000n * E18, 1_200n]);

    await scenario.setMantle({ blocksToFinalize: 64_800n, allocatedETHDeficit: 12n * E18 });
    expect(
      await readAll([
        call(A.mantleUnstakeRequestsManager, mantleUnstakeRequestsManagerAbi, 'numberOfBlocksToFinalize'),
        call(A.mantleUnstakeRequestsManager, mantleUnstakeRequestsManagerAbi, 'allocatedETHDeficit'),
      ]),
    ).toEqual([64_800n, 12n * E18]);

    await scenario.setSwellExit('swETH', { lastTokenIdCreated: 8_100n, exitingETH: 1_000n * E18 });
    await scenario.setSwellExit('rswETH', { lastTokenIdProcessed: 3_000n });
    expect(
      await readAll([
        call(A.swexit, swellExitAbi, 'getLastTokenIdCreated'),
        call(A.swexit, swellExitAbi, 'getLastTokenIdProcessed'),
        call(A.swexit, swellExitAbi, 'exitingETH'),
        call(A.rswexit, swellExitAbi, 'getLastTokenIdCreated'),
        call(A.rswexit, swellExitAbi, 'getLastTokenIdProcessed'),
        call(A.rswexit, swellExitAbi, 'exitingETH'),
      ]),
    ).toEqual([8_100n, 7_990n, 1_000n * E18, 3_000n, 3_000n, 80n * E18]);

    await scenario.setLsethRedeem({ redeemDemand: 5_000n * E18, bufferedExceedingEth: 0n });
    expect(
      await readAll([
        call(A.riverRedeemManager, riverRedeemManagerAbi, 'getRedeemDemand'),
        call(A.riverRedeemManager, riverRedeemManagerAbi, 'getBufferedExceedingEth'),
      ]),
    ).toEqual([5_000n * E18, 0n]);

    await scenario.setRocketCollateral(10n * E18);
    expect(await read(call(A.reth, rethAbi, 'getTotalCollateral'))).toBe(10n * E18);

    await scenario.setOsethRedeemer({ queuedShares: 20_000n * E18, exitQueueUpdateDelay: 43_200n });
    expect(
      await readAll([call(A.osTokenRedeemer, osTokenRedeemerAbi, 'queuedShares'), call(A.osTokenRedeemer, osTokenRedeemerAbi, 'exitQueueUpdateDelay')]),
    ).toEqual([20_000n * E18, 43_200n]);

    expect(scenario.values()).toMatchObject({
      rethRate: rates.rETH,
      ankrethRatio: rate4(0.85),
      renzoTotalTVL: 950_000n * E18,
      ezethTotalSupply: 1_000_000n * E18,
      kelpRsethPrice: rate4(1.07),
      chainlinkRethAnswer: rate4(1.13),
      chainlinkRethUpdatedAt: 1_700_000_000n,
      fraxQueueLengthSecs: 1_209_600n,
      fraxQueueNextNftId: 1_200n,
      swexitLastTokenIdProcessed: 7_990n,
      rswexitLastTokenIdProcessed: 3_000n,
      pufferBatchSize: 20n,
      staderMinBlockDelay: 1_200n,
      mantleBlocksToFinalize: 64_800n,
      lsethRedeemDemand: 5_000n * E18,
      rethTotalCollateral: 10n * E18,
      osethExitQueueUpdateDelay: 43_200n,
      curveFrxethPrice: rate4(0.97),
    });
  });
});
