// Seeds a fresh anvil node as "Ethereum mainnet": test doubles stand at the real
// contract addresses (anvil_setCode of runtime bytecode) and hold realistic values
// set through their setters, so the extension's multicall reads work unchanged.
import {
  type Abi,
  type Address,
  type Hex,
  createTestClient,
  createWalletClient,
  getAddress,
  http,
  publicActions,
  walletActions,
} from 'viem';
import { mainnet } from 'viem/chains';
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
import { compileContracts } from './compile';
import { approximateTick, ethPerWeethToSqrtPriceX96, uniswapV3PoolAddress, UNISWAP_V3_FACTORY } from './uniswap';

const E18 = 10n ** 18n;
const eth = (n: number) => BigInt(n) * E18;

const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const WEETH: Address = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
export const WEETH_POOL_FEE = 100; // 0.01% tier

/** Every mainnet address the rig touches (checksummed). See CONTRACT_AT for what stands there. */
export const ADDRESSES = {
  multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
  /** Native-ETH sentinel used by ether.fi and Curve `coins(0)`; no code. */
  eth: '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE',
  weth: WETH,
  wsteth: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0',
  steth: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84',
  curveStethPool: '0xDC24316b9AE028F1497c275EB9192a3Ea0f67022',
  chainlinkStethEth: '0x86392dC19c0b719886221c78AB11eb8Cf5c52812',
  chainlinkWeethEth: '0x5c9C449BbC9a6075A2c061dF312a35fd1E05fF22',
  lidoWithdrawalQueue: '0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1',
  lidoHashConsensus: '0xD624B08C83bAECF0807Dd2c6880C3154a5F0B288',
  lidoWithdrawalVault: '0xB9D7934878B5FB9610B3fE8A5e441e8fad7E293f',
  lidoElRewardsVault: '0x388C818CA8B9251b393131C08a736A67ccB19297',
  weeth: WEETH,
  etherfiRedemptionManager: '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0',
  etherfiWithdrawRequestNft: '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c',
  eigenDelegationManager: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A',
  uniswapV3Factory: UNISWAP_V3_FACTORY,
  /** Computed with CREATE2 like the real factory (WETH token0, weETH token1, fee 100). */
  uniswapWeethWethPool: uniswapV3PoolAddress(WETH, WEETH, WEETH_POOL_FEE),
  uniswapViewQuoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',
} as const satisfies Record<string, Address>;

export type AddressName = keyof typeof ADDRESSES;

/** Which compiled contract (tests/chain/contracts/*.sol) stands at each address; null = no code. */
export const CONTRACT_AT = {
  multicall3: 'Multicall3',
  eth: null,
  weth: null,
  wsteth: 'WstETH',
  steth: 'StETH',
  curveStethPool: 'CurveStEthPool',
  chainlinkStethEth: 'ChainlinkAggregator',
  chainlinkWeethEth: 'ChainlinkAggregator',
  lidoWithdrawalQueue: 'WithdrawalQueueERC721',
  lidoHashConsensus: 'HashConsensus',
  lidoWithdrawalVault: null, // ETH balance only
  lidoElRewardsVault: null, // ETH balance only
  weeth: 'WeETH',
  etherfiRedemptionManager: 'EtherFiRedemptionManager',
  etherfiWithdrawRequestNft: 'WithdrawRequestNFT',
  eigenDelegationManager: 'DelegationManager',
  uniswapV3Factory: null,
  uniswapWeethWethPool: 'UniswapV3Pool',
  uniswapViewQuoter: 'ViewQuoter',
} as const satisfies Record<AddressName, string | null>;

/** Typed ABI (real reads + test setters) for each compiled contract. */
export const CONTRACT_ABIS = {
  Multicall3: multicall3Abi,
  WstETH: wstethAbi,
  StETH: stethAbi,
  CurveStEthPool: curvePoolAbi,
  ChainlinkAggregator: chainlinkAggregatorAbi,
  WithdrawalQueueERC721: lidoWithdrawalQueueAbi,
  HashConsensus: lidoHashConsensusAbi,
  WeETH: weethAbi,
  EtherFiRedemptionManager: etherfiRedemptionManagerAbi,
  WithdrawRequestNFT: etherfiWithdrawRequestNftAbi,
  DelegationManager: eigenDelegationManagerAbi,
  UniswapV3Pool: uniswapV3PoolAbi,
  ViewQuoter: uniswapViewQuoterAbi,
} as const satisfies Record<string, Abi>;

/** All amounts in wei / 1e18 fixed point unless noted. */
export type MainnetValues = {
  wstethStEthPerToken: bigint;
  /** Curve stETH/ETH: ETH per stETH. */
  curveStethPrice: bigint;
  /** Curve virtual reserve (wei) used for the price-impact model. */
  curveStethDepth: bigint;
  curveFeeBps: bigint;
  chainlinkStethAnswer: bigint;
  /** Seconds; 0n = always report the current block time (fresh feed). */
  chainlinkStethUpdatedAt: bigint;
  weethRate: bigint;
  /** Uniswap v3 weETH/WETH pool: ETH per weETH. */
  weethPoolPrice: bigint;
  /** Uniswap v3 in-range liquidity (L). */
  weethPoolLiquidity: bigint;
  chainlinkWeethAnswer: bigint;
  chainlinkWeethUpdatedAt: bigint;
  lidoUnfinalizedStETH: bigint;
  lidoBufferedEther: bigint;
  lidoWithdrawalVaultBalance: bigint;
  lidoElRewardsVaultBalance: bigint;
  lidoLastRequestId: bigint;
  lidoLastFinalizedRequestId: bigint;
  lidoBunker: boolean;
  lidoPaused: boolean;
  lidoInitialEpoch: bigint;
  lidoEpochsPerFrame: bigint;
  lidoFastLaneLengthSlots: bigint;
  etherfiRedeemable: bigint;
  etherfiExitFeeBps: number;
  etherfiPaused: boolean;
  etherfiNextRequestId: number;
  etherfiLastFinalizedRequestId: number;
  eigenMinWithdrawalDelayBlocks: number;
};

export const DEFAULT_MAINNET_VALUES: Readonly<MainnetValues> = Object.freeze({
  wstethStEthPerToken: 1_216_600_000_000_000_000n,
  curveStethPrice: 999_600_000_000_000_000n,
  curveStethDepth: eth(60_000),
  curveFeeBps: 1n,
  chainlinkStethAnswer: 999_500_000_000_000_000n,
  chainlinkStethUpdatedAt: 0n,
  weethRate: 1_070_100_000_000_000_000n,
  weethPoolPrice: 1_068_800_000_000_000_000n,
  // L = 5e22 gives virtual reserves of ~51.7k WETH / ~48.4k weETH: selling 100 weETH
  // costs ~21 bps (incl. the 1 bp fee) and ~5,000 weETH moves the price ~20%.
  weethPoolLiquidity: eth(50_000),
  chainlinkWeethAnswer: 1_069_000_000_000_000_000n,
  chainlinkWeethUpdatedAt: 0n,
  lidoUnfinalizedStETH: eth(18_000),
  lidoBufferedEther: eth(6_000),
  lidoWithdrawalVaultBalance: eth(2_500),
  lidoElRewardsVaultBalance: eth(40),
  lidoLastRequestId: 90_000n,
  lidoLastFinalizedRequestId: 89_700n,
  lidoBunker: false,
  lidoPaused: false,
  lidoInitialEpoch: 201_600n,
  lidoEpochsPerFrame: 225n,
  lidoFastLaneLengthSlots: 100n,
  etherfiRedeemable: eth(3_000),
  etherfiExitFeeBps: 30,
  etherfiPaused: false,
  etherfiNextRequestId: 60_000,
  etherfiLastFinalizedRequestId: 59_850,
  eigenMinWithdrawalDelayBlocks: 100_800,
});

/** Beacon chain constants served by HashConsensus.getChainConfig (mainnet). */
const BEACON_SLOTS_PER_EPOCH = 32n;
const BEACON_SECONDS_PER_SLOT = 12n;
const BEACON_GENESIS_TIME = 1_606_824_023n;

/** PUSH1 0 PUSH1 0 REVERT: every call reverts with empty data. */
const ALWAYS_REVERT_CODE: Hex = '0x60006000fd';

export type MainnetScenario = {
  rpcUrl: string;
  setWstethRate(stEthPerToken: bigint): Promise<void>;
  setStethMarket(m: { curvePrice?: bigint; curveDepth?: bigint; curveFeeBps?: bigint; chainlinkAnswer?: bigint }): Promise<void>;
  /** Pin a feed's updatedAt (seconds) to make it stale; 0n returns it to "always fresh". */
  setChainlinkUpdatedAt(feed: 'stETH' | 'weETH', updatedAt: bigint): Promise<void>;
  setWeethRate(rate: bigint): Promise<void>;
  setWeethMarket(m: { poolPrice?: bigint; poolLiquidity?: bigint; chainlinkAnswer?: bigint }): Promise<void>;
  setLidoQueue(q: {
    unfinalizedStETH?: bigint;
    bufferedEther?: bigint;
    withdrawalVault?: bigint;
    elRewardsVault?: bigint;
    bunker?: boolean;
    paused?: boolean;
    lastRequestId?: bigint;
    lastFinalizedRequestId?: bigint;
  }): Promise<void>;
  setEtherfiRedemption(r: {
    redeemable?: bigint;
    exitFeeBps?: number;
    paused?: boolean;
    nextRequestId?: number;
    lastFinalizedRequestId?: number;
  }): Promise<void>;
  setEigenDelayBlocks(blocks: number): Promise<void>;
  /** Replace the code at `address` with code that always reverts (empty revert data). */
  breakContract(address: Address): Promise<void>;
  /** Put back the code that stood before breakContract. */
  restoreContract(address: Address): Promise<void>;
  /** Advance chain time by `seconds` and mine a block (e.g. to age a pinned feed). */
  increaseTime(seconds: number): Promise<void>;
  /** Current values (a copy). */
  values(): MainnetValues;
};

export async function seedMainnet(rpcUrl: string, values: Partial<MainnetValues> = {}): Promise<MainnetScenario> {
  const transport = http(rpcUrl);
  const probe = createWalletClient({ transport });
  const [chainId, accounts] = await Promise.all([probe.getChainId(), probe.getAddresses()]);
  const from = accounts[0];
  if (!from) throw new Error('anvil exposes no unlocked accounts');
  // Keep viem's mainnet definition (multicall3 address etc.) but follow the node's chain id.
  const chain = chainId === mainnet.id ? mainnet : { ...mainnet, id: chainId };
  // A bare address as `account` makes viem use eth_sendTransaction (anvil's unlocked dev account).
  const client = createTestClient({ mode: 'anvil', chain, transport, account: getAddress(from), pollingInterval: 50 })
    .extend(publicActions)
    .extend(walletActions);

  const compiled = await compileContracts();
  await Promise.all(
    (Object.keys(CONTRACT_AT) as AddressName[]).map(async (name) => {
      const contract = CONTRACT_AT[name];
      if (!contract) return;
      const artifact = compiled[contract];
      if (!artifact) throw new Error(`contract ${contract} missing from compile output`);
      await client.setCode({ address: ADDRESSES[name], bytecode: artifact.deployedBytecode });
    }),
  );

  // Setter transactions are auto-mined; wait for the receipt so callers see the new state.
  const mined = async (hash: Promise<Hex>) => {
    const receipt = await client.waitForTransactionReceipt({ hash: await hash, pollingInterval: 50 });
    if (receipt.status !== 'success') throw new Error(`setter transaction ${receipt.transactionHash} reverted`);
  };

  const A = ADDRESSES;
  const current: MainnetValues = { ...DEFAULT_MAINNET_VALUES, ...values };
  const originalCode = new Map<Address, Hex | undefined>();

  const feedAddress = (feed: 'stETH' | 'weETH') => (feed === 'stETH' ? A.chainlinkStethEth : A.chainlinkWeethEth);

  const scenario: MainnetScenario = {
    rpcUrl,

    async setWstethRate(stEthPerToken) {
      await mined(client.writeContract({ address: A.wsteth, abi: wstethAbi, functionName: 'setStEthPerToken', args: [stEthPerToken] }));
      current.wstethStEthPerToken = stEthPerToken;
    },

    async setStethMarket(m) {
      const price = m.curvePrice ?? current.curveStethPrice;
      const depth = m.curveDepth ?? current.curveStethDepth;
      const fee = m.curveFeeBps ?? current.curveFeeBps;
      if (m.curvePrice !== undefined || m.curveDepth !== undefined || m.curveFeeBps !== undefined) {
        await mined(client.writeContract({ address: A.curveStethPool, abi: curvePoolAbi, functionName: 'setMarket', args: [price, depth, fee] }));
        Object.assign(current, { curveStethPrice: price, curveStethDepth: depth, curveFeeBps: fee });
      }
      if (m.chainlinkAnswer !== undefined) {
        await mined(client.writeContract({ address: A.chainlinkStethEth, abi: chainlinkAggregatorAbi, functionName: 'setAnswer', args: [m.chainlinkAnswer] }));
        current.chainlinkStethAnswer = m.chainlinkAnswer;
      }
    },

    async setChainlinkUpdatedAt(feed, updatedAt) {
      await mined(client.writeContract({ address: feedAddress(feed), abi: chainlinkAggregatorAbi, functionName: 'setUpdatedAt', args: [updatedAt] }));
      if (feed === 'stETH') current.chainlinkStethUpdatedAt = updatedAt;
      else current.chainlinkWeethUpdatedAt = updatedAt;
    },

    async setWeethRate(rate) {
      await mined(client.writeContract({ address: A.weeth, abi: weethAbi, functionName: 'setRate', args: [rate] }));
      current.weethRate = rate;
    },

    async setWeethMarket(m) {
      if (m.poolPrice !== undefined) {
        const sqrtPriceX96 = ethPerWeethToSqrtPriceX96(m.poolPrice);
        await mined(
          client.writeContract({
            address: A.uniswapWeethWethPool,
            abi: uniswapV3PoolAbi,
            functionName: 'setSlot0',
            args: [sqrtPriceX96, approximateTick(sqrtPriceX96)],
          }),
        );
        current.weethPoolPrice = m.poolPrice;
      }
      if (m.poolLiquidity !== undefined) {
        await mined(client.writeContract({ address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'setLiquidity', args: [m.poolLiquidity] }));
        current.weethPoolLiquidity = m.poolLiquidity;
      }
      if (m.chainlinkAnswer !== undefined) {
        await mined(client.writeContract({ address: A.chainlinkWeethEth, abi: chainlinkAggregatorAbi, functionName: 'setAnswer', args: [m.chainlinkAnswer] }));
        current.chainlinkWeethAnswer = m.chainlinkAnswer;
      }
    },

    async setLidoQueue(q) {
      const queue = { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi } as const;
      if (q.unfinalizedStETH !== undefined) {
        await mined(client.writeContract({ ...queue, functionName: 'setUnfinalizedStETH', args: [q.unfinalizedStETH] }));
        current.lidoUnfinalizedStETH = q.unfinalizedStETH;
      }
      if (q.lastRequestId !== undefined || q.lastFinalizedRequestId !== undefined) {
        const last = q.lastRequestId ?? current.lidoLastRequestId;
        const lastFinalized = q.lastFinalizedRequestId ?? current.lidoLastFinalizedRequestId;
        await mined(client.writeContract({ ...queue, functionName: 'setRequestIds', args: [last, lastFinalized] }));
        Object.assign(current, { lidoLastRequestId: last, lidoLastFinalizedRequestId: lastFinalized });
      }
      if (q.bunker !== undefined) {
        await mined(client.writeContract({ ...queue, functionName: 'setBunkerMode', args: [q.bunker] }));
        current.lidoBunker = q.bunker;
      }
      if (q.paused !== undefined) {
        await mined(client.writeContract({ ...queue, functionName: 'setPaused', args: [q.paused] }));
        current.lidoPaused = q.paused;
      }
      if (q.bufferedEther !== undefined) {
        await mined(client.writeContract({ address: A.steth, abi: stethAbi, functionName: 'setBufferedEther', args: [q.bufferedEther] }));
        current.lidoBufferedEther = q.bufferedEther;
      }
      if (q.withdrawalVault !== undefined) {
        await client.setBalance({ address: A.lidoWithdrawalVault, value: q.withdrawalVault });
        current.lidoWithdrawalVaultBalance = q.withdrawalVault;
      }
      if (q.elRewardsVault !== undefined) {
        await client.setBalance({ address: A.lidoElRewardsVault, value: q.elRewardsVault });
        current.lidoElRewardsVaultBalance = q.elRewardsVault;
      }
    },

    async setEtherfiRedemption(r) {
      const manager = { address: A.etherfiRedemptionManager, abi: etherfiRedemptionManagerAbi } as const;
      if (r.redeemable !== undefined) {
        await mined(client.writeContract({ ...manager, functionName: 'setRedeemable', args: [r.redeemable] }));
        current.etherfiRedeemable = r.redeemable;
      }
      if (r.exitFeeBps !== undefined) {
        await mined(client.writeContract({ ...manager, functionName: 'setExitFeeBps', args: [r.exitFeeBps] }));
        current.etherfiExitFeeBps = r.exitFeeBps;
      }
      if (r.paused !== undefined) {
        await mined(client.writeContract({ ...manager, functionName: 'setPaused', args: [r.paused] }));
        current.etherfiPaused = r.paused;
      }
      if (r.nextRequestId !== undefined || r.lastFinalizedRequestId !== undefined) {
        const next = r.nextRequestId ?? current.etherfiNextRequestId;
        const lastFinalized = r.lastFinalizedRequestId ?? current.etherfiLastFinalizedRequestId;
        await mined(
          client.writeContract({
            address: A.etherfiWithdrawRequestNft,
            abi: etherfiWithdrawRequestNftAbi,
            functionName: 'setRequestIds',
            args: [next, lastFinalized],
          }),
        );
        Object.assign(current, { etherfiNextRequestId: next, etherfiLastFinalizedRequestId: lastFinalized });
      }
    },

    async setEigenDelayBlocks(blocks) {
      await mined(
        client.writeContract({
          address: A.eigenDelegationManager,
          abi: eigenDelegationManagerAbi,
          functionName: 'setMinWithdrawalDelayBlocks',
          args: [blocks],
        }),
      );
      current.eigenMinWithdrawalDelayBlocks = blocks;
    },

    async breakContract(address) {
      const key = getAddress(address);
      if (!originalCode.has(key)) originalCode.set(key, await client.getCode({ address: key }));
      await client.setCode({ address: key, bytecode: ALWAYS_REVERT_CODE });
    },

    async restoreContract(address) {
      const key = getAddress(address);
      if (!originalCode.has(key)) return;
      await client.setCode({ address: key, bytecode: originalCode.get(key) ?? '0x' });
      originalCode.delete(key);
    },

    async increaseTime(seconds) {
      await client.increaseTime({ seconds });
      await client.mine({ blocks: 1 });
    },

    values: () => ({ ...current }),
  };

  // Seed everything through the same setters tests use.
  const v = current;
  await mined(client.writeContract({ address: A.chainlinkStethEth, abi: chainlinkAggregatorAbi, functionName: 'setDescription', args: ['STETH / ETH'] }));
  await mined(client.writeContract({ address: A.chainlinkWeethEth, abi: chainlinkAggregatorAbi, functionName: 'setDescription', args: ['weETH / ETH'] }));
  await mined(client.writeContract({ address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'setTokens', args: [WETH, WEETH, WEETH_POOL_FEE] }));
  await mined(
    client.writeContract({
      address: A.lidoHashConsensus,
      abi: lidoHashConsensusAbi,
      functionName: 'setFrameConfig',
      args: [v.lidoInitialEpoch, v.lidoEpochsPerFrame, v.lidoFastLaneLengthSlots],
    }),
  );
  await mined(
    client.writeContract({
      address: A.lidoHashConsensus,
      abi: lidoHashConsensusAbi,
      functionName: 'setChainConfig',
      args: [BEACON_SLOTS_PER_EPOCH, BEACON_SECONDS_PER_SLOT, BEACON_GENESIS_TIME],
    }),
  );
  await scenario.setWstethRate(v.wstethStEthPerToken);
  await scenario.setStethMarket({
    curvePrice: v.curveStethPrice,
    curveDepth: v.curveStethDepth,
    curveFeeBps: v.curveFeeBps,
    chainlinkAnswer: v.chainlinkStethAnswer,
  });
  await scenario.setChainlinkUpdatedAt('stETH', v.chainlinkStethUpdatedAt);
  await scenario.setWeethRate(v.weethRate);
  await scenario.setWeethMarket({ poolPrice: v.weethPoolPrice, poolLiquidity: v.weethPoolLiquidity, chainlinkAnswer: v.chainlinkWeethAnswer });
  await scenario.setChainlinkUpdatedAt('weETH', v.chainlinkWeethUpdatedAt);
  await scenario.setLidoQueue({
    unfinalizedStETH: v.lidoUnfinalizedStETH,
    bufferedEther: v.lidoBufferedEther,
    withdrawalVault: v.lidoWithdrawalVaultBalance,
    elRewardsVault: v.lidoElRewardsVaultBalance,
    bunker: v.lidoBunker,
    paused: v.lidoPaused,
    lastRequestId: v.lidoLastRequestId,
    lastFinalizedRequestId: v.lidoLastFinalizedRequestId,
  });
  await scenario.setEtherfiRedemption({
    redeemable: v.etherfiRedeemable,
    exitFeeBps: v.etherfiExitFeeBps,
    paused: v.etherfiPaused,
    nextRequestId: v.etherfiNextRequestId,
    lastFinalizedRequestId: v.etherfiLastFinalizedRequestId,
  });
  await scenario.setEigenDelayBlocks(v.eigenMinWithdrawalDelayBlocks);

  return scenario;
}
