// @vitest-environment node
// Integration test of the local-chain rig: anvil + mainnet test doubles + scenario setters.
import { type Abi, type Address, type PublicClient, createPublicClient, getAddress, http, toFunctionSelector } from 'viem';
import { mainnet } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chainlinkAggregatorAbi,
  curvePoolAbi,
  eigenDelegationManagerAbi,
  etherfiRedemptionManagerAbi,
  etherfiWithdrawRequestNftAbi,
  lidoHashConsensusAbi,
  lidoWithdrawalQueueAbi,
  multicall3Abi,
  stethAbi,
  uniswapV3PoolAbi,
  uniswapViewQuoterAbi,
  weethAbi,
  wstethAbi,
} from './abis';
import { type AnvilNode, startAnvil } from './anvil';
import { compileContracts } from './compile';
import { ADDRESSES as A, CONTRACT_ABIS, DEFAULT_MAINNET_VALUES as D, type MainnetScenario, seedMainnet } from './mainnet';
import {
  encodeSqrtRatioX96,
  ethPerWeethToSqrtPriceX96,
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
