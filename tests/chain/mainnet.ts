// Seeds a fresh anvil node as "Ethereum mainnet": test doubles stand at the real
// contract addresses (anvil_setCode of runtime bytecode) and hold realistic values
// set through their setters, so the extension's multicall reads work unchanged.
import {
  type Abi,
  type Address,
  toFunctionSelector,
  type Hex,
  type TransactionReceipt,
  createTestClient,
  createWalletClient,
  getAddress,
  http,
  parseAbi,
  publicActions,
  walletActions,
} from 'viem';
import { mainnet } from 'viem/chains';
import {
  ankrethAbi,
  cbethAbi,
  chainlinkAggregatorAbi,
  curvePoolAbi,
  eigenDelegationManagerAbi,
  eigenAllocationManagerAbi,
  kelpDepositPoolAbi,
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
  weth9Abi,
  pauseFlagsAbi,
  tokenBalanceAbi,
  lzEndpointAbi,
  lzReceiveUlnAbi,
  accessManagerAbi,
  kelpUnstakingVaultAbi,
  renzoInstantWithdrawerAbi,
  renzoRiskOracleMiddlewareAbi,
} from './abis';
import { LZ_EID, LZ_ENDPOINT, LZ_OFTS, LZ_RECEIVE_ULN_302, TWO_DVNS, type UlnRoute } from './layerzero-rig';
import { compileContracts } from './compile';
import {
  approximateTick,
  ethPerTokenToSqrtPriceX96,
  ethPerWeethToSqrtPriceX96,
  sortTokens,
  uniswapV3PoolAddress,
  UNISWAP_V3_FACTORY,
} from './uniswap';

const E18 = 10n ** 18n;
const eth = (n: number) => BigInt(n) * E18;

const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const WEETH: Address = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
export const WEETH_POOL_FEE = 100; // 0.01% tier

// Tokens that get a Uniswap v3 pool against WETH (pool addresses are computed below).
const RETH: Address = '0xae78736Cd615f374D3085123A210448E74Fc6393';
const CBETH: Address = '0xBe9895146f7AF43049ca1c1AE358B0541Ea49704';
const ETHX: Address = '0xA35b1B31Ce002FBF2058D22F30f95D405200A15b';
const METH: Address = '0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa';
const SWETH: Address = '0xf951E335afb289353dc249e82926178EaC7DEd78';
const RSWETH: Address = '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0';
const EZETH: Address = '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110';
const RSETH: Address = '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7';
const PUFETH: Address = '0xD9A442856C234a39a81a089C06451EBAa4306a72';
const OSETH: Address = '0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38';
const LSETH: Address = '0x8c1BEd5b9a0928467c9B1341Da1D7BD5e10b6549';
const ANKRETH: Address = '0xE95A203B1a91a908F9B9CE46459d101078c2c3cb';

/** Fee tier (hundredths of a bip) of each token's Uniswap v3 pool against WETH. */
export const POOL_FEES = {
  weETH: WEETH_POOL_FEE,
  rETH: 100,
  cbETH: 500,
  ETHx: 100,
  mETH: 100,
  swETH: 100,
  rswETH: 100,
  ezETH: 100,
  rsETH: 100,
  pufETH: 100,
  osETH: 100,
  LsETH: 100,
  ankrETH: 500,
} as const;

/** Symbols with a Uniswap v3 pool against WETH. */
export type PoolSymbol = keyof typeof POOL_FEES;

const pool = (token: Address, symbol: PoolSymbol) => uniswapV3PoolAddress(WETH, token, POOL_FEES[symbol]);

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
  /** Layr-Labs/eigenlayer-contracts README (mainnet deployments). */
  eigenAllocationManager: '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39',
  uniswapV3Factory: UNISWAP_V3_FACTORY,
  /** Computed with CREATE2 like the real factory (WETH token0, weETH token1, fee 100). */
  uniswapWeethWethPool: uniswapV3PoolAddress(WETH, WEETH, WEETH_POOL_FEE),
  uniswapViewQuoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',

  // Lido / ether.fi underlyings
  eeth: '0x35fA164735182de50811E8e2E824cFb9B6118ac2',
  etherfiLiquidityPool: '0x308861A430be4cce5502d0A12724771Fc6DaF216',
  // Rocket Pool
  reth: RETH,
  chainlinkRethEth: '0x536218f9E9Eb48863970252233c8F271f554C2d0',
  uniswapRethWethPool: pool(RETH, 'rETH'),
  // Coinbase
  cbeth: CBETH,
  chainlinkCbethEth: '0xF017fcB346A1885194689bA23Eff2fE6fA5C483b',
  uniswapCbethWethPool: pool(CBETH, 'cbETH'),
  // Frax
  frxeth: '0x5E8422345238F34275888049021821E8E08CAa1f',
  sfrxeth: '0xac3E018457B222d93114458476f3E3416Abbe38F',
  fraxRedemptionQueue: '0xfDC69e6BE352BD5644C438302DE4E311AAD5565b',
  /** coin 0 = ETH, coin 1 = frxETH. */
  curveFrxethPool: '0xa1F8A6807c402E4A15ef4EBa36528A3FED24E577',
  // StakeWise
  oseth: OSETH,
  osTokenVaultController: '0x2A261e60FB14586B474C208b1B7AC6D0f5000306',
  osTokenRedeemer: '0xdF3123dD182b8d3e0266a2dC37eEb8366d149B5A',
  uniswapOsethWethPool: pool(OSETH, 'osETH'),
  // Stader
  ethx: ETHX,
  staderStakePoolsManager: '0xcf5EA1b38380f6aF39068375516Daf40Ed70D299',
  staderUserWithdrawalManager: '0x9F0491B32DBce587c50c4C43AB303b06478193A7',
  staderConfig: '0x4ABEF2263d5A5ED582FC9A9789a41D85b68d69DB',
  chainlinkEthxEth: '0xC5f8c4aB091Be1A899214c0C3636ca33DcA0C547',
  uniswapEthxWethPool: pool(ETHX, 'ETHx'),
  // Mantle
  meth: METH,
  mantleStaking: '0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f',
  mantleUnstakeRequestsManager: '0x38fDF7b489316e03eD8754ad339cb5c4483FDcf9',
  chainlinkMethEth: '0x5b563107C8666d2142C216114228443B94152362',
  uniswapMethWethPool: pool(METH, 'mETH'),
  // Swell
  sweth: SWETH,
  swexit: '0x48C11b86807627AF70a34662D4865cF854251663',
  chainlinkSwethEth: '0xec21B3e882CE09928cb397DcfF31B15cBBD1e1C3',
  uniswapSwethWethPool: pool(SWETH, 'swETH'),
  rsweth: RSWETH,
  rswexit: '0x58749C46Ffe97e4d79508a2C781C440f4756f064',
  uniswapRswethWethPool: pool(RSWETH, 'rswETH'),
  // Liquid Collective
  lseth: LSETH,
  riverRedeemManager: '0x080b3a41390b357Ad7e8097644d1DEDf57AD3375',
  uniswapLsethWethPool: pool(LSETH, 'LsETH'),
  // Ankr
  ankreth: ANKRETH,
  uniswapAnkrethWethPool: pool(ANKRETH, 'ankrETH'),
  // Renzo
  ezeth: EZETH,
  renzoRestakeManager: '0x74a09653A083691711cF8215a6ab074BB4e99ef5',
  renzoBalancerRateProvider: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C',
  renzoWithdrawQueue: '0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918',
  chainlinkEzethEth: '0x636A000262F6aA9e1F094ABF0aD8f645C44f641C',
  uniswapEzethWethPool: pool(EZETH, 'ezETH'),
  // Kelp
  rseth: RSETH,
  kelpLrtOracle: '0x349A73444b1a310BAe67ef67973022020d70020d',
  kelpWithdrawalManager: '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16',
  chainlinkRsethEth: '0x03c68933f7a3F76875C0bc670a58e69294cDFD01',
  uniswapRsethWethPool: pool(RSETH, 'rsETH'),
  // Puffer
  pufeth: PUFETH,
  pufferWithdrawalManager: '0xDdA0483184E75a5579ef9635ED14BacCf9d50283',
  uniswapPufethWethPool: pool(PUFETH, 'pufETH'),
  // The bad day: second reads, pause switches, bridge escrows and LayerZero's verifier config
  chainlinkRsethExchangeRate: '0x9d2F2f96B24C444ee32E57c04F7d944bcb8c8549',
  kelpDepositPool: '0x036676389e48133B63a802f8635AD39E752D375D',
  kelpOftAdapter: LZ_OFTS.rsETH.adapter,
  etherfiOftAdapter: LZ_OFTS.weETH.adapter,
  lidoArbitrumGateway: '0x0F25c1DC2a9922304f2eac71DCa9B07E310e8E5a',
  lidoOptimismBridge: '0x76943C0D61395d8F2edF9060e1533529cAe05dE6',
  lidoBaseBridge: '0x9de443AdC5A411E83F1878Ef24C3F52C61571e72',
  lzEndpoint: LZ_ENDPOINT,
  lzReceiveUln302: LZ_RECEIVE_ULN_302[1],
  pufferAccessManager: '0x8c1686069474410E6243425f4a10177a94EBEE11',
  // Instant-withdrawal roads (see lib/tokens/entries.ts for where each address comes from)
  kelpUnstakingVault: '0xc66830E2667bc740c0BED9A71F18B14B8c8184bA',
  renzoInstantWithdrawer: '0x2DDAa152b3CF455693c944F9F47925408fF6F8ff',
  renzoRiskOracleMiddleware: '0x08921F17A32110F8df44A3d5007F2acd09Cfae6d',
} as const satisfies Record<string, Address>;

export type AddressName = keyof typeof ADDRESSES;

/** Which compiled contract (tests/chain/contracts/*.sol) stands at each address; null = no code. */
export const CONTRACT_AT = {
  multicall3: 'Multicall3',
  eth: null,
  weth: 'WETH9',
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
  eigenAllocationManager: 'AllocationManager',
  uniswapV3Factory: null,
  uniswapWeethWethPool: 'UniswapV3Pool',
  uniswapViewQuoter: 'ViewQuoter',
  eeth: 'PlainToken',
  etherfiLiquidityPool: 'LiquidityPool',
  reth: 'RocketTokenRETH',
  chainlinkRethEth: 'ChainlinkAggregator',
  uniswapRethWethPool: 'UniswapV3Pool',
  cbeth: 'StakedTokenV1',
  chainlinkCbethEth: 'ChainlinkAggregator',
  uniswapCbethWethPool: 'UniswapV3Pool',
  frxeth: 'PlainToken',
  sfrxeth: 'SfrxETH',
  fraxRedemptionQueue: 'FraxEtherRedemptionQueueV2',
  curveFrxethPool: 'CurveFrxEthPool',
  oseth: 'PlainToken',
  osTokenVaultController: 'OsTokenVaultController',
  osTokenRedeemer: 'OsTokenRedeemer',
  uniswapOsethWethPool: 'UniswapV3Pool',
  ethx: 'PlainToken',
  staderStakePoolsManager: 'StaderStakePoolsManager',
  staderUserWithdrawalManager: 'UserWithdrawalManager',
  staderConfig: 'StaderConfig',
  chainlinkEthxEth: 'ChainlinkAggregator',
  uniswapEthxWethPool: 'UniswapV3Pool',
  meth: 'PlainToken',
  mantleStaking: 'MantleStaking',
  mantleUnstakeRequestsManager: 'UnstakeRequestsManager',
  chainlinkMethEth: 'ChainlinkAggregator',
  uniswapMethWethPool: 'UniswapV3Pool',
  sweth: 'SwETH',
  swexit: 'SwEXIT',
  chainlinkSwethEth: 'ChainlinkAggregator',
  uniswapSwethWethPool: 'UniswapV3Pool',
  rsweth: 'RswETH',
  rswexit: 'SwEXIT',
  uniswapRswethWethPool: 'UniswapV3Pool',
  lseth: 'LsETH',
  riverRedeemManager: 'RedeemManager',
  uniswapLsethWethPool: 'UniswapV3Pool',
  ankreth: 'AnkrETH',
  uniswapAnkrethWethPool: 'UniswapV3Pool',
  ezeth: 'PlainToken',
  renzoRestakeManager: 'RestakeManager',
  renzoBalancerRateProvider: 'BalancerRateProvider',
  renzoWithdrawQueue: 'WithdrawQueue',
  chainlinkEzethEth: 'ChainlinkAggregator',
  uniswapEzethWethPool: 'UniswapV3Pool',
  rseth: 'PlainToken',
  kelpLrtOracle: 'LRTOracle',
  kelpWithdrawalManager: 'LRTWithdrawalManager',
  chainlinkRsethEth: 'ChainlinkAggregator',
  uniswapRsethWethPool: 'UniswapV3Pool',
  pufeth: 'PufferVault',
  pufferWithdrawalManager: 'PufferWithdrawalManager',
  uniswapPufethWethPool: 'UniswapV3Pool',
  chainlinkRsethExchangeRate: 'ChainlinkAggregator',
  kelpDepositPool: 'KelpDepositPool', // its pause switch and its NodeDelegator list
  kelpOftAdapter: null, // holds rsETH (a balance); the route is read at the endpoint
  etherfiOftAdapter: 'PauseSwitch', // holds weETH, and can be paused
  lidoArbitrumGateway: null,
  lidoOptimismBridge: null,
  lidoBaseBridge: null,
  lzEndpoint: 'EndpointV2',
  lzReceiveUln302: 'ReceiveUln302',
  pufferAccessManager: 'AccessManager',
  kelpUnstakingVault: 'LRTUnstakingVault',
  renzoInstantWithdrawer: 'InstantWithdrawer',
  renzoRiskOracleMiddleware: 'RiskOracleMiddleware',
} as const satisfies Record<AddressName, string | null>;

/** Typed ABI (real reads + test setters) for each compiled contract. */
export const CONTRACT_ABIS = {
  Multicall3: multicall3Abi,
  WETH9: weth9Abi,
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
  AllocationManager: eigenAllocationManagerAbi,
  KelpDepositPool: kelpDepositPoolAbi,
  UniswapV3Pool: uniswapV3PoolAbi,
  ViewQuoter: uniswapViewQuoterAbi,
  PlainToken: plainTokenAbi,
  LiquidityPool: etherfiLiquidityPoolAbi,
  RocketTokenRETH: rethAbi,
  StakedTokenV1: cbethAbi,
  SfrxETH: sfrxethAbi,
  FraxEtherRedemptionQueueV2: fraxRedemptionQueueAbi,
  CurveFrxEthPool: curvePoolAbi,
  OsTokenVaultController: osTokenVaultControllerAbi,
  OsTokenRedeemer: osTokenRedeemerAbi,
  StaderStakePoolsManager: staderStakePoolsManagerAbi,
  UserWithdrawalManager: staderUserWithdrawalManagerAbi,
  StaderConfig: staderConfigAbi,
  MantleStaking: mantleStakingAbi,
  UnstakeRequestsManager: mantleUnstakeRequestsManagerAbi,
  SwETH: swethAbi,
  RswETH: rswethAbi,
  SwEXIT: swellExitAbi,
  LsETH: lsethAbi,
  RedeemManager: riverRedeemManagerAbi,
  AnkrETH: ankrethAbi,
  RestakeManager: renzoRestakeManagerAbi,
  BalancerRateProvider: renzoBalancerRateProviderAbi,
  WithdrawQueue: renzoWithdrawQueueAbi,
  LRTOracle: kelpLrtOracleAbi,
  LRTWithdrawalManager: kelpWithdrawalManagerAbi,
  PufferVault: pufferVaultAbi,
  PufferWithdrawalManager: pufferWithdrawalManagerAbi,
  PauseSwitch: pauseFlagsAbi,
  EndpointV2: lzEndpointAbi,
  ReceiveUln302: lzReceiveUlnAbi,
  AccessManager: accessManagerAbi,
  LRTUnstakingVault: kelpUnstakingVaultAbi,
  InstantWithdrawer: renzoInstantWithdrawerAbi,
  RiskOracleMiddleware: renzoRiskOracleMiddlewareAbi,
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

  // --- Rocket Pool rETH ---
  /** ETH per rETH (getExchangeRate). */
  rethRate: bigint;
  /** getTotalCollateral, wei. */
  rethTotalCollateral: bigint;
  rethTotalSupply: bigint;
  rethPoolPrice: bigint;
  rethPoolLiquidity: bigint;
  chainlinkRethAnswer: bigint;
  chainlinkRethUpdatedAt: bigint;

  // --- Coinbase cbETH ---
  /** ETH per cbETH (exchangeRate). */
  cbethRate: bigint;
  cbethTotalSupply: bigint;
  cbethPoolPrice: bigint;
  cbethPoolLiquidity: bigint;
  chainlinkCbethAnswer: bigint;
  chainlinkCbethUpdatedAt: bigint;

  // --- Frax sfrxETH / frxETH ---
  /** frxETH per sfrxETH (pricePerShare). */
  sfrxethRate: bigint;
  sfrxethTotalSupply: bigint;
  frxethTotalSupply: bigint;
  fraxQueueNextNftId: bigint;
  fraxQueueLengthSecs: bigint;
  /** 1e6 precision: 2000 = 0.2%. */
  fraxRedemptionFee: bigint;
  fraxTtlEthRequested: bigint;
  fraxTtlEthServed: bigint;
  /** Curve frxETH/ETH: ETH per frxETH. */
  curveFrxethPrice: bigint;
  curveFrxethDepth: bigint;
  curveFrxethFeeBps: bigint;

  // --- StakeWise osETH ---
  /** ETH per osETH (OsTokenVaultController.convertToAssets(1e18)). */
  osethRate: bigint;
  osethTotalSupply: bigint;
  osethQueuedShares: bigint;
  /** Seconds. */
  osethExitQueueUpdateDelay: bigint;
  osethPoolPrice: bigint;
  osethPoolLiquidity: bigint;

  // --- Stader ETHx ---
  /** ETH per ETHx (StaderStakePoolsManager.getExchangeRate). */
  ethxRate: bigint;
  ethxTotalSupply: bigint;
  staderNextRequestId: bigint;
  staderNextRequestIdToFinalize: bigint;
  staderEthRequestedForWithdraw: bigint;
  /** Blocks (StaderConfig.getMinBlockDelayToFinalizeWithdrawRequest). */
  staderMinBlockDelay: bigint;
  ethxPoolPrice: bigint;
  ethxPoolLiquidity: bigint;
  chainlinkEthxAnswer: bigint;
  chainlinkEthxUpdatedAt: bigint;

  // --- Mantle mETH ---
  /** ETH per mETH (Staking.mETHToETH(1e18)). */
  methRate: bigint;
  methTotalSupply: bigint;
  mantleBlocksToFinalize: bigint;
  mantleAllocatedEthDeficit: bigint;
  methPoolPrice: bigint;
  methPoolLiquidity: bigint;
  chainlinkMethAnswer: bigint;
  chainlinkMethUpdatedAt: bigint;

  // --- Swell swETH / rswETH ---
  /** ETH per swETH (swETHToETHRate). */
  swethRate: bigint;
  swethTotalSupply: bigint;
  swexitLastTokenIdCreated: bigint;
  swexitLastTokenIdProcessed: bigint;
  swexitExitingEth: bigint;
  swethPoolPrice: bigint;
  swethPoolLiquidity: bigint;
  chainlinkSwethAnswer: bigint;
  chainlinkSwethUpdatedAt: bigint;
  /** ETH per rswETH (rswETHToETHRate). */
  rswethRate: bigint;
  rswethTotalSupply: bigint;
  rswexitLastTokenIdCreated: bigint;
  rswexitLastTokenIdProcessed: bigint;
  rswexitExitingEth: bigint;
  rswethPoolPrice: bigint;
  rswethPoolLiquidity: bigint;

  // --- Liquid Collective LsETH ---
  /** ETH per LsETH (underlyingBalanceFromShares(1e18)). */
  lsethRate: bigint;
  lsethTotalSupply: bigint;
  lsethRedeemDemand: bigint;
  lsethBufferedExceedingEth: bigint;
  lsethPoolPrice: bigint;
  lsethPoolLiquidity: bigint;

  // --- Ankr ankrETH ---
  /** ankrETH per ETH (ratio(): the INVERSE of a rate). ETH per ankrETH = 1e36 / ratio. */
  ankrethRatio: bigint;
  ankrethTotalSupply: bigint;
  /** ETH per ankrETH. */
  ankrethPoolPrice: bigint;
  ankrethPoolLiquidity: bigint;

  // --- Renzo ezETH --- rate = renzoTotalTVL * 1e18 / ezethTotalSupply
  ezethTotalSupply: bigint;
  renzoTotalTVL: bigint;
  /** RestakeManager.calculateTVLs (and so BalancerRateProvider.getRate) reverts. */
  renzoTvlReverts: boolean;
  /** Seconds. */
  renzoCoolDownPeriod: bigint;
  /** RiskOracleMiddleware.withdrawCooldownPeriod(): a claim waits the longer of it and the queue's own. */
  renzoOracleCooldown: bigint;
  /** WithdrawQueue.getAvailableToWithdraw(ETH sentinel), wei. */
  renzoAvailableToWithdraw: bigint;
  ezethPoolPrice: bigint;
  ezethPoolLiquidity: bigint;
  chainlinkEzethAnswer: bigint;
  chainlinkEzethUpdatedAt: bigint;

  // --- Kelp rsETH ---
  rsethTotalSupply: bigint;
  /** ETH per rsETH (LRTOracle.rsETHPrice, stored). */
  kelpRsethPrice: bigint;
  kelpWithdrawalDelayBlocks: bigint;
  /** The ETH sentinel's queue nonces and available amount in LRTWithdrawalManager. */
  kelpNextUnusedNonce: bigint;
  kelpNextLockedNonce: bigint;
  kelpAvailable: bigint;
  rsethPoolPrice: bigint;
  rsethPoolLiquidity: bigint;
  chainlinkRsethAnswer: bigint;
  chainlinkRsethUpdatedAt: bigint;

  // --- Puffer pufETH ---
  /** ETH per pufETH (PufferVault.convertToAssets(1e18)); totalAssets = supply x rate. */
  pufethRate: bigint;
  pufethTotalSupply: bigint;
  pufferExitFeeBps: bigint;
  /** getRemainingAssetsDailyWithdrawalLimit, wei. */
  pufferDailyWithdrawalRemaining: bigint;
  /** The vault's instant liquidity: ETH it holds, and WETH (wei). */
  pufferVaultEth: bigint;
  pufferVaultWeth: bigint;
  pufferWithdrawalsLength: bigint;
  pufferFinalizedBatch: bigint;
  pufferBatchSize: bigint;
  pufethPoolPrice: bigint;
  pufethPoolLiquidity: bigint;

  // --- ether.fi eETH (LiquidityPool.amountForShare follows weethRate) ---
  eethTotalSupply: bigint;

  // --- Instant-withdrawal roads (lib/chain/instant.ts) ---
  /** ether.fi's timed pause: EtherFiRedemptionManager.pausedUntil() (0 = none). */
  etherfiPausedUntil: bigint;
  kelpInstantEnabled: boolean;
  kelpInstantFeeBps: bigint;
  /** ETH in Kelp's unstaking vault, and the part kept for queued withdrawals: the difference is instant. */
  kelpUnstakingVaultEth: bigint;
  kelpQueuedWithdrawalsBuffer: bigint;
  /** Renzo's ETH buffer target; the instant withdrawer keeps the buffer above target × drawdown bps. */
  renzoBufferTarget: bigint;
  renzoDrawdownBps: bigint;
  renzoInstantMinFeeBps: bigint;
  renzoInstantMaxFeeBps: bigint;
  /** The WithdrawQueue whitelists the instant withdrawer (no cooldown), and the risk oracle's instant pause. */
  renzoInstantWhitelisted: boolean;
  renzoInstantPaused: boolean;
};

/** The values the instant-withdrawal roads' doubles hold (setInstantRoads). */
const INSTANT_KEYS = [
  'etherfiPausedUntil',
  'kelpInstantEnabled',
  'kelpInstantFeeBps',
  'kelpUnstakingVaultEth',
  'kelpQueuedWithdrawalsBuffer',
  'renzoBufferTarget',
  'renzoDrawdownBps',
  'renzoInstantMinFeeBps',
  'renzoInstantMaxFeeBps',
  'renzoInstantWhitelisted',
  'renzoInstantPaused',
] as const satisfies readonly (keyof MainnetValues)[];
export type InstantKey = (typeof INSTANT_KEYS)[number];

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

  // Pool liquidity (L, 18-decimals both sides) is picked per pool so that selling 100 ETH worth
  // of the token costs 5-40 bps against the pool price, fee included (rig.test.ts checks this).
  rethRate: 1_141_200_000_000_000_000n,
  rethTotalCollateral: eth(2_400),
  rethTotalSupply: eth(520_000),
  rethPoolPrice: 1_139_800_000_000_000_000n,
  rethPoolLiquidity: eth(40_000),
  chainlinkRethAnswer: 1_139_500_000_000_000_000n,
  chainlinkRethUpdatedAt: 0n,

  cbethRate: 1_110_500_000_000_000_000n,
  cbethTotalSupply: eth(130_000),
  cbethPoolPrice: 1_108_900_000_000_000_000n,
  cbethPoolLiquidity: eth(40_000),
  chainlinkCbethAnswer: 1_108_000_000_000_000_000n,
  chainlinkCbethUpdatedAt: 0n,

  sfrxethRate: 1_148_700_000_000_000_000n,
  sfrxethTotalSupply: eth(200_000),
  frxethTotalSupply: eth(260_000),
  fraxQueueNextNftId: 1_200n,
  fraxQueueLengthSecs: 691_200n, // 8 days
  fraxRedemptionFee: 2_000n, // 0.2%
  fraxTtlEthRequested: eth(50_000),
  fraxTtlEthServed: eth(48_000),
  curveFrxethPrice: 998_500_000_000_000_000n,
  curveFrxethDepth: eth(8_000),
  curveFrxethFeeBps: 4n,

  osethRate: 1_052_100_000_000_000_000n,
  osethTotalSupply: eth(150_000),
  osethQueuedShares: eth(1_500),
  osethExitQueueUpdateDelay: 86_400n,
  osethPoolPrice: 1_050_200_000_000_000_000n,
  osethPoolLiquidity: eth(50_000),

  ethxRate: 1_064_200_000_000_000_000n,
  ethxTotalSupply: eth(100_000),
  staderNextRequestId: 5_200n,
  staderNextRequestIdToFinalize: 5_150n,
  staderEthRequestedForWithdraw: eth(900),
  staderMinBlockDelay: 600n,
  ethxPoolPrice: 1_061_800_000_000_000_000n,
  ethxPoolLiquidity: eth(30_000),
  chainlinkEthxAnswer: 1_063_000_000_000_000_000n,
  chainlinkEthxUpdatedAt: 0n,

  methRate: 1_070_300_000_000_000_000n,
  methTotalSupply: eth(450_000),
  mantleBlocksToFinalize: 7_200n,
  mantleAllocatedEthDeficit: 0n,
  methPoolPrice: 1_068_500_000_000_000_000n,
  methPoolLiquidity: eth(45_000),
  chainlinkMethAnswer: 1_069_000_000_000_000_000n,
  chainlinkMethUpdatedAt: 0n,

  swethRate: 1_079_500_000_000_000_000n,
  swethTotalSupply: eth(70_000),
  swexitLastTokenIdCreated: 8_000n,
  swexitLastTokenIdProcessed: 7_990n,
  swexitExitingEth: eth(120),
  swethPoolPrice: 1_077_000_000_000_000_000n,
  swethPoolLiquidity: eth(30_000),
  chainlinkSwethAnswer: 1_076_000_000_000_000_000n,
  chainlinkSwethUpdatedAt: 0n,
  rswethRate: 1_046_600_000_000_000_000n,
  rswethTotalSupply: eth(60_000),
  rswexitLastTokenIdCreated: 3_000n,
  rswexitLastTokenIdProcessed: 2_990n,
  rswexitExitingEth: eth(80),
  rswethPoolPrice: 1_044_000_000_000_000_000n,
  rswethPoolLiquidity: eth(35_000),

  lsethRate: 1_073_500_000_000_000_000n,
  lsethTotalSupply: eth(100_000),
  lsethRedeemDemand: eth(300),
  lsethBufferedExceedingEth: eth(50),
  lsethPoolPrice: 1_071_100_000_000_000_000n,
  lsethPoolLiquidity: eth(35_000),

  ankrethRatio: 864_200_000_000_000_000n, // ETH per ankrETH = 1 / 0.8642 = 1.15714...
  ankrethTotalSupply: eth(20_000),
  ankrethPoolPrice: 1_152_100_000_000_000_000n,
  ankrethPoolLiquidity: eth(40_000),

  ezethTotalSupply: eth(900_000),
  renzoTotalTVL: eth(945_000), // rate 1.05
  renzoTvlReverts: false,
  renzoCoolDownPeriod: 604_800n, // 7 days
  renzoOracleCooldown: 0n,
  renzoAvailableToWithdraw: eth(2_000),
  ezethPoolPrice: 1_045_200_000_000_000_000n,
  ezethPoolLiquidity: eth(60_000),
  chainlinkEzethAnswer: 1_046_000_000_000_000_000n,
  chainlinkEzethUpdatedAt: 0n,

  rsethTotalSupply: eth(500_000),
  kelpRsethPrice: 1_051_200_000_000_000_000n,
  kelpWithdrawalDelayBlocks: 57_600n,
  kelpNextUnusedNonce: 4_000n,
  kelpNextLockedNonce: 3_900n,
  kelpAvailable: eth(1_200),
  rsethPoolPrice: 1_048_900_000_000_000_000n,
  rsethPoolLiquidity: eth(55_000),
  chainlinkRsethAnswer: 1_048_000_000_000_000_000n,
  chainlinkRsethUpdatedAt: 0n,

  pufethRate: 1_039_800_000_000_000_000n,
  pufethTotalSupply: eth(450_000),
  pufferExitFeeBps: 100n,
  pufferDailyWithdrawalRemaining: eth(500),
  pufferVaultEth: eth(40),
  pufferVaultWeth: eth(900),
  pufferWithdrawalsLength: 2_100n,
  pufferFinalizedBatch: 200n,
  pufferBatchSize: 10n,
  pufethPoolPrice: 1_037_100_000_000_000_000n,
  pufethPoolLiquidity: eth(40_000),

  eethTotalSupply: eth(2_400_000),

  etherfiPausedUntil: 0n,
  kelpInstantEnabled: true,
  kelpInstantFeeBps: 25n,
  kelpUnstakingVaultEth: eth(400),
  kelpQueuedWithdrawalsBuffer: eth(100), // 300 ETH instant: 10 and 100 ETH go, 1,000 does not
  renzoBufferTarget: eth(2_500),
  renzoDrawdownBps: 2_000n, // kept above 500 ETH: 1,500 of the 2,000 available can go at once
  renzoInstantMinFeeBps: 10n,
  renzoInstantMaxFeeBps: 100n,
  renzoInstantWhitelisted: true,
  renzoInstantPaused: false,
});

type BigintKey = { [K in keyof MainnetValues]: MainnetValues[K] extends bigint ? K : never }[keyof MainnetValues];

/** Each pool's token, stub address and value fields. */
const POOLS: Record<PoolSymbol, { token: Address; pool: AddressName; price: BigintKey; liquidity: BigintKey }> = {
  weETH: { token: WEETH, pool: 'uniswapWeethWethPool', price: 'weethPoolPrice', liquidity: 'weethPoolLiquidity' },
  rETH: { token: RETH, pool: 'uniswapRethWethPool', price: 'rethPoolPrice', liquidity: 'rethPoolLiquidity' },
  cbETH: { token: CBETH, pool: 'uniswapCbethWethPool', price: 'cbethPoolPrice', liquidity: 'cbethPoolLiquidity' },
  ETHx: { token: ETHX, pool: 'uniswapEthxWethPool', price: 'ethxPoolPrice', liquidity: 'ethxPoolLiquidity' },
  mETH: { token: METH, pool: 'uniswapMethWethPool', price: 'methPoolPrice', liquidity: 'methPoolLiquidity' },
  swETH: { token: SWETH, pool: 'uniswapSwethWethPool', price: 'swethPoolPrice', liquidity: 'swethPoolLiquidity' },
  rswETH: { token: RSWETH, pool: 'uniswapRswethWethPool', price: 'rswethPoolPrice', liquidity: 'rswethPoolLiquidity' },
  ezETH: { token: EZETH, pool: 'uniswapEzethWethPool', price: 'ezethPoolPrice', liquidity: 'ezethPoolLiquidity' },
  rsETH: { token: RSETH, pool: 'uniswapRsethWethPool', price: 'rsethPoolPrice', liquidity: 'rsethPoolLiquidity' },
  pufETH: { token: PUFETH, pool: 'uniswapPufethWethPool', price: 'pufethPoolPrice', liquidity: 'pufethPoolLiquidity' },
  osETH: { token: OSETH, pool: 'uniswapOsethWethPool', price: 'osethPoolPrice', liquidity: 'osethPoolLiquidity' },
  LsETH: { token: LSETH, pool: 'uniswapLsethWethPool', price: 'lsethPoolPrice', liquidity: 'lsethPoolLiquidity' },
  ankrETH: { token: ANKRETH, pool: 'uniswapAnkrethWethPool', price: 'ankrethPoolPrice', liquidity: 'ankrethPoolLiquidity' },
};

/** Chainlink feeds (all the aggregator stub), by the token they price in ETH. */
export type FeedSymbol = 'stETH' | 'weETH' | 'rETH' | 'cbETH' | 'ETHx' | 'mETH' | 'swETH' | 'ezETH' | 'rsETH';

const FEEDS: Record<FeedSymbol, { feed: AddressName; description: string; answer: BigintKey; updatedAt: BigintKey }> = {
  stETH: { feed: 'chainlinkStethEth', description: 'STETH / ETH', answer: 'chainlinkStethAnswer', updatedAt: 'chainlinkStethUpdatedAt' },
  weETH: { feed: 'chainlinkWeethEth', description: 'weETH / ETH', answer: 'chainlinkWeethAnswer', updatedAt: 'chainlinkWeethUpdatedAt' },
  rETH: { feed: 'chainlinkRethEth', description: 'RETH / ETH', answer: 'chainlinkRethAnswer', updatedAt: 'chainlinkRethUpdatedAt' },
  cbETH: { feed: 'chainlinkCbethEth', description: 'CBETH / ETH', answer: 'chainlinkCbethAnswer', updatedAt: 'chainlinkCbethUpdatedAt' },
  ETHx: { feed: 'chainlinkEthxEth', description: 'ETHx / ETH', answer: 'chainlinkEthxAnswer', updatedAt: 'chainlinkEthxUpdatedAt' },
  mETH: { feed: 'chainlinkMethEth', description: 'mETH / ETH', answer: 'chainlinkMethAnswer', updatedAt: 'chainlinkMethUpdatedAt' },
  swETH: { feed: 'chainlinkSwethEth', description: 'SWETH / ETH', answer: 'chainlinkSwethAnswer', updatedAt: 'chainlinkSwethUpdatedAt' },
  ezETH: { feed: 'chainlinkEzethEth', description: 'ezETH / ETH', answer: 'chainlinkEzethAnswer', updatedAt: 'chainlinkEzethUpdatedAt' },
  rsETH: { feed: 'chainlinkRsethEth', description: 'RSETH / ETH', answer: 'chainlinkRsethAnswer', updatedAt: 'chainlinkRsethUpdatedAt' },
};

/** Token doubles with ERC-20 metadata (symbol, 18 decimals, totalSupply). */
export type TokenSymbol =
  | 'rETH' | 'cbETH' | 'sfrxETH' | 'frxETH' | 'osETH' | 'ETHx' | 'mETH' | 'swETH'
  | 'rswETH' | 'LsETH' | 'ankrETH' | 'ezETH' | 'rsETH' | 'pufETH' | 'eETH';

/** `plain`: PlainToken, whose symbol is seeded; otherwise the symbol is in the contract's code. */
const TOKENS: Record<TokenSymbol, { token: AddressName; supply: BigintKey; plain: boolean }> = {
  rETH: { token: 'reth', supply: 'rethTotalSupply', plain: false },
  cbETH: { token: 'cbeth', supply: 'cbethTotalSupply', plain: false },
  sfrxETH: { token: 'sfrxeth', supply: 'sfrxethTotalSupply', plain: false },
  frxETH: { token: 'frxeth', supply: 'frxethTotalSupply', plain: true },
  osETH: { token: 'oseth', supply: 'osethTotalSupply', plain: true },
  ETHx: { token: 'ethx', supply: 'ethxTotalSupply', plain: true },
  mETH: { token: 'meth', supply: 'methTotalSupply', plain: true },
  swETH: { token: 'sweth', supply: 'swethTotalSupply', plain: false },
  rswETH: { token: 'rsweth', supply: 'rswethTotalSupply', plain: false },
  LsETH: { token: 'lseth', supply: 'lsethTotalSupply', plain: false },
  ankrETH: { token: 'ankreth', supply: 'ankrethTotalSupply', plain: false },
  ezETH: { token: 'ezeth', supply: 'ezethTotalSupply', plain: true },
  rsETH: { token: 'rseth', supply: 'rsethTotalSupply', plain: true },
  pufETH: { token: 'pufeth', supply: 'pufethTotalSupply', plain: false },
  eETH: { token: 'eeth', supply: 'eethTotalSupply', plain: true },
};

/** Tokens with a redemption rate (ETH per token) that `setRate` moves. */
export type RateSymbol =
  | 'wstETH' | 'weETH' | 'rETH' | 'cbETH' | 'sfrxETH' | 'osETH' | 'ETHx' | 'mETH'
  | 'swETH' | 'rswETH' | 'LsETH' | 'ankrETH' | 'ezETH' | 'rsETH' | 'pufETH';

/** Rates stored as-is by one setter: contract, setter name and value field. */
const STORED_RATES = {
  rETH: { at: 'reth', abi: rethAbi, setter: 'setExchangeRate', key: 'rethRate' },
  cbETH: { at: 'cbeth', abi: cbethAbi, setter: 'setExchangeRate', key: 'cbethRate' },
  sfrxETH: { at: 'sfrxeth', abi: sfrxethAbi, setter: 'setPricePerShare', key: 'sfrxethRate' },
  osETH: { at: 'osTokenVaultController', abi: osTokenVaultControllerAbi, setter: 'setRate', key: 'osethRate' },
  ETHx: { at: 'staderStakePoolsManager', abi: staderStakePoolsManagerAbi, setter: 'setExchangeRate', key: 'ethxRate' },
  mETH: { at: 'mantleStaking', abi: mantleStakingAbi, setter: 'setRate', key: 'methRate' },
  swETH: { at: 'sweth', abi: swethAbi, setter: 'setRate', key: 'swethRate' },
  rswETH: { at: 'rsweth', abi: rswethAbi, setter: 'setRate', key: 'rswethRate' },
  LsETH: { at: 'lseth', abi: lsethAbi, setter: 'setRate', key: 'lsethRate' },
  rsETH: { at: 'kelpLrtOracle', abi: kelpLrtOracleAbi, setter: 'setRsETHPrice', key: 'kelpRsethPrice' },
  pufETH: { at: 'pufeth', abi: pufferVaultAbi, setter: 'setRate', key: 'pufethRate' },
} as const satisfies Partial<Record<RateSymbol, { at: AddressName; abi: Abi; setter: string; key: BigintKey }>>;

/** What a test can expect for one token, in ETH (1e18 scale). */
export type TokenExpectation = {
  address: Address;
  /** ETH per token by the protocol's own contracts (ankrETH: 1e36 / ratio, floor; ezETH: TVL / supply). */
  rate: bigint;
  /** Uniswap v3 pool against WETH: its price in ETH per token, address, fee tier and liquidity. */
  poolPrice?: bigint;
  pool?: Address;
  poolFee?: number;
  poolLiquidity?: bigint;
  /** Chainlink <token>/ETH answer (18 decimals) and feed address. */
  feedAnswer?: bigint;
  feed?: Address;
  /** Curve ETH pool of the underlying (stETH for wstETH, frxETH for sfrxETH): ETH per underlying. */
  curvePrice?: bigint;
  curvePool?: Address;
};

/** Per-token expectations for a set of values (pass scenario.values() after setters). */
export function tokenExpectations(v: MainnetValues): Record<RateSymbol, TokenExpectation> {
  const rate: Record<RateSymbol, bigint> = {
    wstETH: v.wstethStEthPerToken,
    weETH: v.weethRate,
    rETH: v.rethRate,
    cbETH: v.cbethRate,
    sfrxETH: v.sfrxethRate,
    osETH: v.osethRate,
    ETHx: v.ethxRate,
    mETH: v.methRate,
    swETH: v.swethRate,
    rswETH: v.rswethRate,
    LsETH: v.lsethRate,
    ankrETH: v.ankrethRatio === 0n ? 0n : E18 * E18 / v.ankrethRatio,
    ezETH: v.ezethTotalSupply === 0n ? 0n : (v.renzoTotalTVL * E18) / v.ezethTotalSupply,
    rsETH: v.kelpRsethPrice,
    pufETH: v.pufethRate,
  };
  const address: Record<RateSymbol, Address> = {
    wstETH: ADDRESSES.wsteth,
    weETH: ADDRESSES.weeth,
    rETH: RETH,
    cbETH: CBETH,
    sfrxETH: ADDRESSES.sfrxeth,
    osETH: OSETH,
    ETHx: ETHX,
    mETH: METH,
    swETH: SWETH,
    rswETH: RSWETH,
    LsETH: LSETH,
    ankrETH: ANKRETH,
    ezETH: EZETH,
    rsETH: RSETH,
    pufETH: PUFETH,
  };
  const out = {} as Record<RateSymbol, TokenExpectation>;
  for (const symbol of Object.keys(rate) as RateSymbol[]) {
    out[symbol] = { address: address[symbol], rate: rate[symbol] };
  }
  for (const [symbol, p] of Object.entries(POOLS) as [PoolSymbol, (typeof POOLS)[PoolSymbol]][]) {
    Object.assign(out[symbol], {
      poolPrice: v[p.price],
      pool: ADDRESSES[p.pool],
      poolFee: POOL_FEES[symbol],
      poolLiquidity: v[p.liquidity],
    });
  }
  for (const [symbol, f] of Object.entries(FEEDS) as [FeedSymbol, (typeof FEEDS)[FeedSymbol]][]) {
    if (symbol === 'stETH') continue; // prices stETH, not wstETH: see curvePrice
    Object.assign(out[symbol], { feedAnswer: v[f.answer], feed: ADDRESSES[f.feed] });
  }
  Object.assign(out.wstETH, { curvePrice: v.curveStethPrice, curvePool: ADDRESSES.curveStethPool });
  Object.assign(out.sfrxETH, { curvePrice: v.curveFrxethPrice, curvePool: ADDRESSES.curveFrxethPool });
  return out;
}

/** Default rate, pool price and feed answer of every token (from DEFAULT_MAINNET_VALUES). */
export const TOKEN_DEFAULTS: Readonly<Record<RateSymbol, Readonly<TokenExpectation>>> = Object.freeze(
  Object.fromEntries(
    Object.entries(tokenExpectations(DEFAULT_MAINNET_VALUES)).map(([symbol, e]) => [symbol, Object.freeze(e)]),
  ) as Record<RateSymbol, TokenExpectation>,
);

/** EigenLayer strategies the restaking reads use (Layr-Labs/eigenlayer-contracts README, mainnet). */
export const EIGEN_STRATEGIES = {
  beaconEth: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0',
  stEth: '0x93c4b944D05dfe6df7645A86cd2206016c51564D',
} as const satisfies Record<string, Address>;

export type EigenAllocation = { operator: Address; avs: Address; id: number; strategy: Address; magnitude: bigint; pendingDiff?: bigint; effectBlock?: number };

/** Kelp's NodeDelegators (Kelp-DAO/LRT-rsETH README, indices 0-11): typed here again, so a typo in the registry shows. */
export const KELP_NODE_DELEGATORS: readonly Address[] = [
  '0x07b96Cf1183C9BFf2E43Acf0E547a8c4E4429473', '0x429554411C8f0ACEEC899100D3aacCF2707748b3', '0x92B4f5b9ffa1b5DB3b976E89A75E87B332E6e388',
  '0x9d2Fc9287e1c3A1A814382B40AAB13873031C4ad', '0xe8038228ff1aEfD007D7A22C9f08DDaadF8374E4', '0x049EA11D337f185b1Aa910d98e8Fbd991f0FBA7B',
  '0x545D69B99759E7b670Df243b882700121d6d3AB9', '0xee5470E1519972C3eA95249d60EBD064af2D53D3', '0x4C798C4653b1257D5149910523D7a6eeD5712F83',
  '0x79f17234746344E0365D40be50d8d43DB9082c32', '0x395884D1974a839702bcFCBa176AC7871c788946', '0xFc561966ceaAa09f4d6CBa4AdD54778c2bF1cB85',
];
/** Puffer's RestakingOperators (PufferFinance/Deployments-and-ACL docs/deployments/mainnet.md). */
export const PUFFER_RESTAKING_OPERATORS: readonly Address[] = [
  '0x4d7C3fc856AB52753B91A6c9213aDF013309dD25', '0x175da1e44c8Fbf124714a3bBA5dc18a7E65664d6', '0x73F23013c5a4C209de945CDC58595A4d53d23084',
  '0x59639AEEe35c4108923FD16E66055b347fBeaDd2', '0xdd6859450e80665dB854022E85FB0Ed2F0240CB9', '0xE48E7102c03812DFA1FDF0bBE6DbBA6Dc70b0f33',
  '0x8c81d590CC94CA2451C4BDe24c598193da74a575',
];
export const ETHERFI_RESTAKER: Address = '0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf';
/**
 * Renzo's OperatorDelegators in RestakeManager order (Renzo's app bundle, indices 0-4; 0 and 1 also
 * balancer/code-review rate-providers/ezETHRateProvider.md): typed here again, so a typo in the registry shows.
 */
export const RENZO_OPERATOR_DELEGATORS: readonly Address[] = [
  '0xbAf5f3A05BD7Af6f3a0BBA207803bf77e2657c8F', '0x0B1981a9Fcc24A445dE15141390d3E46DA0e425c', '0x125B367C16C5858f11e12948404F7a1371a0FDa3',
  '0x78524bEeAc12368e600457478738c233f436e9f6', '0x38cDB1A8207264C1A07c42c43A4c3ED4bfab7CEA',
];
/** The RestakeManager double's list of OperatorDelegators (tests/chain/contracts/Renzo.sol). */
const renzoOperatorDelegatorListAbi = parseAbi([
  'function operatorDelegators(uint256) view returns (address)',
  'function getOperatorDelegatorsLength() view returns (uint256)',
  'function setOperatorDelegators(address[] list)',
]);

/** Made-up operators and AVSs for the rig (no code stands at them: only EigenLayer's records name them). */
const rigAddress = (tag: number) => getAddress(`0x${tag.toString(16).padStart(40, '0')}`);
export const RIG_EIGEN = {
  kelpOperatorA: rigAddress(0xe1a01),
  kelpOperatorB: rigAddress(0xe1a02),
  etherfiOperator: rigAddress(0xe1e01),
  renzoOperatorA: rigAddress(0xe1b01),
  renzoOperatorB: rigAddress(0xe1b02),
  avsA: rigAddress(0xa5a01),
  avsB: rigAddress(0xa5a02),
  avsC: rigAddress(0xa5a03),
} as const;

/**
 * A calm day's restaking: Kelp's node delegators 0-5 delegate 10,000 beacon-chain ETH shares each to
 * operator A (30% of its magnitude to AVS A set 0 and 10% to AVS B set 1, both registered: 40%
 * slashable), 6-11 to operator B (nothing allocated); Puffer's 7 operators hold 20,000 shares each,
 * the first with half its magnitude allocated to AVS A set 0; ether.fi's restaker holds 5,000 stETH
 * strategy shares with an operator that allocates 25% to AVS C set 2 (registered) and 20% to AVS A
 * set 0 (not registered). Renzo's OperatorDelegators 0-2 delegate 8,000 beacon-chain ETH shares each to
 * Renzo operator A (25% to AVS B set 1, registered), 3-4 to operator B (60% to AVS A set 0, registered,
 * and 10% to AVS C set 2, not registered): (24,000 × 25% + 16,000 × 60%) / 40,000 = 39%, by two sets.
 */
export const DEFAULT_RESTAKING = (() => {
  const { beaconEth, stEth } = EIGEN_STRATEGIES;
  const E = RIG_EIGEN;
  const pct = (p: number) => (BigInt(p) * E18) / 100n;
  return {
    kelpNodeDelegators: KELP_NODE_DELEGATORS,
    renzoOperatorDelegators: RENZO_OPERATOR_DELEGATORS,
    delegations: [
      ...KELP_NODE_DELEGATORS.map((staker, i) => ({ staker, operator: i < 6 ? E.kelpOperatorA : E.kelpOperatorB })),
      { staker: ETHERFI_RESTAKER, operator: E.etherfiOperator },
      ...RENZO_OPERATOR_DELEGATORS.map((staker, i) => ({ staker, operator: i < 3 ? E.renzoOperatorA : E.renzoOperatorB })),
    ],
    shares: [
      ...KELP_NODE_DELEGATORS.map((staker) => ({ holder: { staker }, strategy: beaconEth as Address, shares: eth(10_000) })),
      ...PUFFER_RESTAKING_OPERATORS.map((operator) => ({ holder: { operator }, strategy: beaconEth as Address, shares: eth(20_000) })),
      { holder: { staker: ETHERFI_RESTAKER }, strategy: stEth as Address, shares: eth(5_000) },
      ...RENZO_OPERATOR_DELEGATORS.map((staker) => ({ holder: { staker }, strategy: beaconEth as Address, shares: eth(8_000) })),
    ] as { holder: { staker: Address } | { operator: Address }; strategy: Address; shares: bigint }[],
    allocations: [
      { operator: E.kelpOperatorA, avs: E.avsA, id: 0, strategy: beaconEth, magnitude: pct(30) },
      { operator: E.kelpOperatorA, avs: E.avsB, id: 1, strategy: beaconEth, magnitude: pct(10) },
      { operator: PUFFER_RESTAKING_OPERATORS[0]!, avs: E.avsA, id: 0, strategy: beaconEth, magnitude: pct(50) },
      { operator: E.etherfiOperator, avs: E.avsC, id: 2, strategy: stEth, magnitude: pct(25) },
      { operator: E.etherfiOperator, avs: E.avsA, id: 0, strategy: stEth, magnitude: pct(20) },
      { operator: E.renzoOperatorA, avs: E.avsB, id: 1, strategy: beaconEth, magnitude: pct(25) },
      { operator: E.renzoOperatorB, avs: E.avsA, id: 0, strategy: beaconEth, magnitude: pct(60) },
      { operator: E.renzoOperatorB, avs: E.avsC, id: 2, strategy: beaconEth, magnitude: pct(10) },
    ] as EigenAllocation[],
    registered: [
      { operator: E.kelpOperatorA, avs: E.avsA, id: 0 },
      { operator: E.kelpOperatorA, avs: E.avsB, id: 1 },
      { operator: PUFFER_RESTAKING_OPERATORS[0]!, avs: E.avsA, id: 0 },
      { operator: E.etherfiOperator, avs: E.avsC, id: 2 },
      { operator: E.renzoOperatorA, avs: E.avsB, id: 1 },
      { operator: E.renzoOperatorB, avs: E.avsA, id: 0 },
    ],
  };
})();

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
  /** DelegationManager.delegatedTo(staker) (zeroAddress: undelegated). */
  setEigenDelegation(staker: Address, operator: Address): Promise<void>;
  /** Shares of a staker (getWithdrawableShares) or of an operator (getOperatorShares) in a strategy. */
  setEigenShares(holder: { staker: Address } | { operator: Address }, strategy: Address, shares: bigint): Promise<void>;
  /** An operator's Allocation to an operator set from a strategy (AllocationManager). */
  setEigenAllocation(a: EigenAllocation): Promise<void>;
  setEigenMaxMagnitude(operator: Address, strategy: Address, magnitude: bigint): Promise<void>;
  setEigenRegistered(operator: Address, set: { avs: Address; id: number }, registered: boolean): Promise<void>;
  /** Kelp LRTDepositPool.getNodeDelegatorQueue(). */
  setKelpNodeDelegators(queue: readonly Address[]): Promise<void>;
  /** Renzo RestakeManager.operatorDelegators(i) and getOperatorDelegatorsLength(). */
  setRenzoOperatorDelegators(list: readonly Address[]): Promise<void>;
  /** Replace the code at `address` with code that always reverts (empty revert data). */
  breakContract(address: Address): Promise<void>;
  /** Put back the code that stood before breakContract. */
  restoreContract(address: Address): Promise<void>;
  /** Advance chain time by `seconds` and mine a block (e.g. to age a pinned feed). */
  increaseTime(seconds: number): Promise<void>;
  /** Runs the setters `changes` calls and mines them together in one block stamped `timestamp` (seconds). */
  inOneBlockAt(timestamp: number, changes: () => Promise<void>): Promise<void>;
  /** Current values (a copy). */
  values(): MainnetValues;

  /**
   * Move a token's redemption rate (ETH per token, 1e18). wstETH/weETH = setWstethRate/setWeethRate
   * (stETH.getPooledEthByShares and LiquidityPool.amountForShare follow). ankrETH stores
   * ratio = round(1e36 / rate) (see setAnkrRatio for an exact ratio). ezETH sets the TVL to
   * rate x supply (the provider computes TVL / supply). rsETH sets LRTOracle.rsETHPrice.
   */
  setRate(symbol: RateSymbol, rate: bigint): Promise<void>;
  /** ankrETH.ratio() exactly (ankrETH per ETH). */
  setAnkrRatio(ratio: bigint): Promise<void>;
  setTotalSupply(symbol: TokenSymbol, supply: bigint): Promise<void>;
  /** Uniswap v3 <token>/WETH pool: price in ETH per token (either token order), optional liquidity L. */
  setPoolPrice(symbol: PoolSymbol, price: bigint, liquidity?: bigint): Promise<void>;
  /** A Chainlink feed's answer, and optionally its pinned updatedAt (0n = always fresh). */
  setFeed(feed: FeedSymbol | Address, answer: bigint, updatedAt?: bigint): Promise<void>;
  /** Curve frxETH/ETH pool (same model as the stETH pool): ETH per frxETH, depth, fee. */
  setFrxEthCurve(m: { price?: bigint; depth?: bigint; feeBps?: bigint }): Promise<void>;
  setFraxQueue(q: {
    nextNftId?: bigint;
    queueLengthSecs?: bigint;
    /** 1e6 precision. */
    redemptionFee?: bigint;
    ttlEthRequested?: bigint;
    ttlEthServed?: bigint;
  }): Promise<void>;
  setRenzo(r: { tvlReverts?: boolean; totalTVL?: bigint; coolDownPeriod?: bigint; oracleCooldown?: bigint; availableToWithdraw?: bigint }): Promise<void>;
  setKelp(k: {
    rsETHPrice?: bigint;
    withdrawalDelayBlocks?: bigint;
    nextUnusedNonce?: bigint;
    nextLockedNonce?: bigint;
    available?: bigint;
  }): Promise<void>;
  setPuffer(p: {
    exitFeeBps?: bigint;
    dailyWithdrawalRemaining?: bigint;
    vaultEth?: bigint;
    vaultWeth?: bigint;
    withdrawalsLength?: bigint;
    finalizedBatch?: bigint;
    batchSize?: bigint;
  }): Promise<void>;
  setStader(s: {
    nextRequestId?: bigint;
    nextRequestIdToFinalize?: bigint;
    ethRequestedForWithdraw?: bigint;
    minBlockDelay?: bigint;
  }): Promise<void>;
  setMantle(m: { blocksToFinalize?: bigint; allocatedETHDeficit?: bigint }): Promise<void>;
  setSwellExit(
    symbol: 'swETH' | 'rswETH',
    e: { lastTokenIdCreated?: bigint; lastTokenIdProcessed?: bigint; exitingETH?: bigint },
  ): Promise<void>;
  setLsethRedeem(r: { redeemDemand?: bigint; bufferedExceedingEth?: bigint }): Promise<void>;
  setRocketCollateral(wei: bigint): Promise<void>;
  setOsethRedeemer(r: { queuedShares?: bigint; exitQueueUpdateDelay?: bigint }): Promise<void>;
  /** Flips a pause view (`paused()`, Lido's `isStakingPaused()` / `isStopped()`) on a double that has one. */
  setPause(address: Address, view: PauseView, on: boolean): Promise<void>;
  /** Closes (or opens) a target in Puffer's AccessManager: how Puffer pauses a contract. */
  setTargetClosed(target: Address, closed: boolean): Promise<void>;
  /** The instant-withdrawal roads' state on the doubles (ether.fi's capacity, fee and pause: setEtherfiRedemption; Puffer's: setPuffer, setTargetClosed). */
  setInstantRoads(i: Partial<Pick<MainnetValues, InstantKey>>): Promise<void>;
  /** What `holder` (a bridge escrow) holds of a token. */
  setEscrowBalance(symbol: EscrowToken, holder: Address, amount: bigint): Promise<void>;
  /** The verifiers `oapp` needs for messages from `remoteEid` (ReceiveUln302 on Ethereum). */
  setLayerZeroRoute(oapp: Address, remoteEid: number, route: UlnRoute): Promise<void>;
  /** Stands a second Uniswap v3 pool for a token at another fee tier (a thin pool beside the deep one); returns its address. */
  standPool(symbol: PoolSymbol, fee: number, price: bigint, liquidity: bigint): Promise<Address>;
  /** Chainlink's rsETH / ETH Exchange Rate feed (a mirror of Kelp's rate, the rsETH confirmer). */
  setRsethExchangeRateFeed(answer: bigint, updatedAt?: bigint): Promise<void>;
};

/**
 * Puts every test double at its mainnet address and seeds `values` (defaults where not given)
 * through the scenario setters. The seeding transactions are sent with automine off and mined in
 * one block (automine is back on afterwards, so later setters mine one block per transaction).
 */
export type PauseView = 'paused' | 'isStakingPaused' | 'isStopped';
export type EscrowToken = 'wstETH' | 'weETH' | 'rsETH';
const ESCROW_TOKEN: Record<EscrowToken, Address> = { wstETH: ADDRESSES.wsteth, weETH: WEETH, rsETH: RSETH };

/** A calm day's bridge escrows: each holds well over what the L2 rigs mint (their supply starts at 0). */
export const DEFAULT_ESCROWS: readonly { symbol: EscrowToken; holder: AddressName; amount: bigint }[] = [
  { symbol: 'rsETH', holder: 'kelpOftAdapter', amount: eth(200_000) },
  { symbol: 'weETH', holder: 'etherfiOftAdapter', amount: eth(150_000) },
  { symbol: 'wstETH', holder: 'lidoArbitrumGateway', amount: eth(100_000) },
  { symbol: 'wstETH', holder: 'lidoOptimismBridge', amount: eth(50_000) },
  { symbol: 'wstETH', holder: 'lidoBaseBridge', amount: eth(40_000) },
];

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
  // While seeding (`batch` set) they are only collected, then mined together in one block; they
  // are sent concurrently, so each gets its nonce here (anvil would hand out duplicates).
  let batch: Promise<Hex>[] | null = null;
  let batchNonce = 0;
  const writeContract = ((args: Parameters<typeof client.writeContract>[0]) =>
    client.writeContract(batch ? { ...args, nonce: batchNonce++ } : args)) as typeof client.writeContract;
  const mined = async (hash: Promise<Hex>) => {
    if (batch) {
      hash.catch(() => {}); // rejections surface from the Promise.all in seedInOneBlock
      batch.push(hash);
      return;
    }
    const receipt = await client.waitForTransactionReceipt({ hash: await hash, pollingInterval: 50 });
    if (receipt.status !== 'success') throw new Error(`setter transaction ${receipt.transactionHash} reverted`);
  };
  /** Loosely typed write for the table-driven setters (the rig test calls every one of them). */
  const send = (address: Address, abi: Abi, functionName: string, args: readonly unknown[]) =>
    mined(writeContract({ address, abi, functionName, args } as never));

  /** Runs `seed` with automine off and mines everything it sent in one block. */
  const seedInOneBlock = async (seed: () => Promise<void>) => {
    await client.setAutomine(false);
    try {
      batchNonce = await client.getTransactionCount({ address: client.account.address, blockTag: 'pending' });
      batch = [];
      await seed();
      const hashes = await Promise.all(batch);
      batch = null;
      const receipts = new Map<Hex, TransactionReceipt>();
      // One block holds them all at the default gas limit; keep mining if a node is configured smaller.
      for (let blocks = 0; receipts.size < hashes.length; blocks++) {
        if (blocks === 20) throw new Error(`seeding: ${hashes.length - receipts.size} transactions never mined`);
        await client.mine({ blocks: 1 });
        await Promise.all(
          hashes
            .filter((h) => !receipts.has(h))
            .map(async (hash) => {
              try {
                receipts.set(hash, await client.getTransactionReceipt({ hash }));
              } catch {
                // still pending
              }
            }),
        );
      }
      const failed = [...receipts.values()].filter((r) => r.status !== 'success');
      if (failed.length > 0) throw new Error(`seeding: setter transactions reverted: ${failed.map((r) => r.transactionHash).join(', ')}`);
    } finally {
      batch = null;
      await client.setAutomine(true);
    }
  };

  const A = ADDRESSES;
  const current: MainnetValues = { ...DEFAULT_MAINNET_VALUES, ...values };
  const originalCode = new Map<Address, Hex | undefined>();

  const feedAddress = (feed: 'stETH' | 'weETH') => (feed === 'stETH' ? A.chainlinkStethEth : A.chainlinkWeethEth);

  const scenario: MainnetScenario = {
    rpcUrl,

    async setWstethRate(stEthPerToken) {
      await mined(writeContract({ address: A.wsteth, abi: wstethAbi, functionName: 'setStEthPerToken', args: [stEthPerToken] }));
      current.wstethStEthPerToken = stEthPerToken;
    },

    async setStethMarket(m) {
      const price = m.curvePrice ?? current.curveStethPrice;
      const depth = m.curveDepth ?? current.curveStethDepth;
      const fee = m.curveFeeBps ?? current.curveFeeBps;
      if (m.curvePrice !== undefined || m.curveDepth !== undefined || m.curveFeeBps !== undefined) {
        await mined(writeContract({ address: A.curveStethPool, abi: curvePoolAbi, functionName: 'setMarket', args: [price, depth, fee] }));
        Object.assign(current, { curveStethPrice: price, curveStethDepth: depth, curveFeeBps: fee });
      }
      if (m.chainlinkAnswer !== undefined) {
        await mined(writeContract({ address: A.chainlinkStethEth, abi: chainlinkAggregatorAbi, functionName: 'setAnswer', args: [m.chainlinkAnswer] }));
        current.chainlinkStethAnswer = m.chainlinkAnswer;
      }
    },

    async setChainlinkUpdatedAt(feed, updatedAt) {
      await mined(writeContract({ address: feedAddress(feed), abi: chainlinkAggregatorAbi, functionName: 'setUpdatedAt', args: [updatedAt] }));
      if (feed === 'stETH') current.chainlinkStethUpdatedAt = updatedAt;
      else current.chainlinkWeethUpdatedAt = updatedAt;
    },

    async setWeethRate(rate) {
      await mined(writeContract({ address: A.weeth, abi: weethAbi, functionName: 'setRate', args: [rate] }));
      current.weethRate = rate;
    },

    async setWeethMarket(m) {
      if (m.poolPrice !== undefined) {
        const sqrtPriceX96 = ethPerWeethToSqrtPriceX96(m.poolPrice);
        await mined(
          writeContract({
            address: A.uniswapWeethWethPool,
            abi: uniswapV3PoolAbi,
            functionName: 'setSlot0',
            args: [sqrtPriceX96, approximateTick(sqrtPriceX96)],
          }),
        );
        current.weethPoolPrice = m.poolPrice;
      }
      if (m.poolLiquidity !== undefined) {
        await mined(writeContract({ address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'setLiquidity', args: [m.poolLiquidity] }));
        current.weethPoolLiquidity = m.poolLiquidity;
      }
      if (m.chainlinkAnswer !== undefined) {
        await mined(writeContract({ address: A.chainlinkWeethEth, abi: chainlinkAggregatorAbi, functionName: 'setAnswer', args: [m.chainlinkAnswer] }));
        current.chainlinkWeethAnswer = m.chainlinkAnswer;
      }
    },

    async setLidoQueue(q) {
      const queue = { address: A.lidoWithdrawalQueue, abi: lidoWithdrawalQueueAbi } as const;
      if (q.unfinalizedStETH !== undefined) {
        await mined(writeContract({ ...queue, functionName: 'setUnfinalizedStETH', args: [q.unfinalizedStETH] }));
        current.lidoUnfinalizedStETH = q.unfinalizedStETH;
      }
      if (q.lastRequestId !== undefined || q.lastFinalizedRequestId !== undefined) {
        const last = q.lastRequestId ?? current.lidoLastRequestId;
        const lastFinalized = q.lastFinalizedRequestId ?? current.lidoLastFinalizedRequestId;
        await mined(writeContract({ ...queue, functionName: 'setRequestIds', args: [last, lastFinalized] }));
        Object.assign(current, { lidoLastRequestId: last, lidoLastFinalizedRequestId: lastFinalized });
      }
      if (q.bunker !== undefined) {
        await mined(writeContract({ ...queue, functionName: 'setBunkerMode', args: [q.bunker] }));
        current.lidoBunker = q.bunker;
      }
      if (q.paused !== undefined) {
        await mined(writeContract({ ...queue, functionName: 'setPaused', args: [q.paused] }));
        current.lidoPaused = q.paused;
      }
      if (q.bufferedEther !== undefined) {
        await mined(writeContract({ address: A.steth, abi: stethAbi, functionName: 'setBufferedEther', args: [q.bufferedEther] }));
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
        await mined(writeContract({ ...manager, functionName: 'setRedeemable', args: [r.redeemable] }));
        current.etherfiRedeemable = r.redeemable;
      }
      if (r.exitFeeBps !== undefined) {
        await mined(writeContract({ ...manager, functionName: 'setExitFeeBps', args: [r.exitFeeBps] }));
        current.etherfiExitFeeBps = r.exitFeeBps;
      }
      if (r.paused !== undefined) {
        await mined(writeContract({ ...manager, functionName: 'setPaused', args: [r.paused] }));
        current.etherfiPaused = r.paused;
      }
      if (r.nextRequestId !== undefined || r.lastFinalizedRequestId !== undefined) {
        const next = r.nextRequestId ?? current.etherfiNextRequestId;
        const lastFinalized = r.lastFinalizedRequestId ?? current.etherfiLastFinalizedRequestId;
        await mined(
          writeContract({
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
        writeContract({
          address: A.eigenDelegationManager,
          abi: eigenDelegationManagerAbi,
          functionName: 'setMinWithdrawalDelayBlocks',
          args: [blocks],
        }),
      );
      current.eigenMinWithdrawalDelayBlocks = blocks;
    },

    async setEigenDelegation(staker, operator) {
      await send(A.eigenDelegationManager, eigenDelegationManagerAbi, 'setDelegation', [staker, operator]);
    },

    async setEigenShares(holder, strategy, shares) {
      if ('staker' in holder) await send(A.eigenDelegationManager, eigenDelegationManagerAbi, 'setStakerShares', [holder.staker, strategy, shares]);
      else await send(A.eigenDelegationManager, eigenDelegationManagerAbi, 'setOperatorShares', [holder.operator, strategy, shares]);
    },

    async setEigenAllocation(a) {
      await send(A.eigenAllocationManager, eigenAllocationManagerAbi, 'setAllocation', [a.operator, a.avs, a.id, a.strategy, a.magnitude, a.pendingDiff ?? 0n, a.effectBlock ?? 0]);
    },

    async setEigenMaxMagnitude(operator, strategy, magnitude) {
      await send(A.eigenAllocationManager, eigenAllocationManagerAbi, 'setMaxMagnitude', [operator, strategy, magnitude]);
    },

    async setEigenRegistered(operator, set, registered) {
      await send(A.eigenAllocationManager, eigenAllocationManagerAbi, 'setRegistered', [operator, set.avs, set.id, registered]);
    },

    async setKelpNodeDelegators(queue) {
      await send(A.kelpDepositPool, kelpDepositPoolAbi, 'setNodeDelegatorQueue', [queue]);
    },

    async setRenzoOperatorDelegators(list) {
      await send(A.renzoRestakeManager, renzoOperatorDelegatorListAbi, 'setOperatorDelegators', [list]);
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

    async inOneBlockAt(timestamp, changes) {
      await client.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
      await seedInOneBlock(changes);
    },

    values: () => ({ ...current }),

    async setRate(symbol, rate) {
      if (symbol === 'wstETH') return scenario.setWstethRate(rate);
      if (symbol === 'weETH') return scenario.setWeethRate(rate);
      if (symbol === 'ankrETH') return scenario.setAnkrRatio(rate === 0n ? 0n : (E18 * E18 + rate / 2n) / rate);
      if (symbol === 'ezETH') return scenario.setRenzo({ totalTVL: (rate * current.ezethTotalSupply) / E18 });
      const r = STORED_RATES[symbol];
      await send(A[r.at], r.abi, r.setter, [rate]);
      current[r.key] = rate;
    },

    async setAnkrRatio(ratio) {
      await send(A.ankreth, ankrethAbi, 'setRatio', [ratio]);
      current.ankrethRatio = ratio;
    },

    async setTotalSupply(symbol, supply) {
      const t = TOKENS[symbol];
      await send(A[t.token], plainTokenAbi, 'setTotalSupply', [supply]);
      current[t.supply] = supply;
    },

    async setPoolPrice(symbol, price, liquidity) {
      if (symbol === 'weETH') return scenario.setWeethMarket({ poolPrice: price, poolLiquidity: liquidity });
      const p = POOLS[symbol];
      const sqrtPriceX96 = ethPerTokenToSqrtPriceX96(p.token, price);
      await send(A[p.pool], uniswapV3PoolAbi, 'setSlot0', [sqrtPriceX96, approximateTick(sqrtPriceX96)]);
      current[p.price] = price;
      if (liquidity !== undefined) {
        await send(A[p.pool], uniswapV3PoolAbi, 'setLiquidity', [liquidity]);
        current[p.liquidity] = liquidity;
      }
    },

    async setFeed(feed, answer, updatedAt) {
      const symbol = feed.startsWith('0x')
        ? (Object.keys(FEEDS) as FeedSymbol[]).find((k) => ADDRESSES[FEEDS[k].feed] === getAddress(feed))
        : (feed as FeedSymbol);
      const f = symbol && FEEDS[symbol];
      if (!f) throw new Error(`setFeed: no Chainlink feed ${feed} in the rig`);
      await send(A[f.feed], chainlinkAggregatorAbi, 'setAnswer', [answer]);
      current[f.answer] = answer;
      if (updatedAt !== undefined) {
        await send(A[f.feed], chainlinkAggregatorAbi, 'setUpdatedAt', [updatedAt]);
        current[f.updatedAt] = updatedAt;
      }
    },

    async setFrxEthCurve(m) {
      const price = m.price ?? current.curveFrxethPrice;
      const depth = m.depth ?? current.curveFrxethDepth;
      const fee = m.feeBps ?? current.curveFrxethFeeBps;
      await mined(writeContract({ address: A.curveFrxethPool, abi: curvePoolAbi, functionName: 'setMarket', args: [price, depth, fee] }));
      Object.assign(current, { curveFrxethPrice: price, curveFrxethDepth: depth, curveFrxethFeeBps: fee });
    },

    async setFraxQueue(q) {
      const next = {
        fraxQueueNextNftId: q.nextNftId ?? current.fraxQueueNextNftId,
        fraxQueueLengthSecs: q.queueLengthSecs ?? current.fraxQueueLengthSecs,
        fraxRedemptionFee: q.redemptionFee ?? current.fraxRedemptionFee,
        fraxTtlEthRequested: q.ttlEthRequested ?? current.fraxTtlEthRequested,
        fraxTtlEthServed: q.ttlEthServed ?? current.fraxTtlEthServed,
      };
      await mined(
        writeContract({
          address: A.fraxRedemptionQueue,
          abi: fraxRedemptionQueueAbi,
          functionName: 'setRedemptionQueueState',
          args: [next.fraxQueueNextNftId, next.fraxQueueLengthSecs, next.fraxRedemptionFee, next.fraxTtlEthRequested, next.fraxTtlEthServed],
        }),
      );
      Object.assign(current, next);
    },

    async setRenzo(r) {
      if (r.totalTVL !== undefined) {
        await mined(writeContract({ address: A.renzoRestakeManager, abi: renzoRestakeManagerAbi, functionName: 'setTotalTVL', args: [r.totalTVL] }));
        current.renzoTotalTVL = r.totalTVL;
      }
      if (r.tvlReverts !== undefined) {
        await mined(writeContract({ address: A.renzoRestakeManager, abi: renzoRestakeManagerAbi, functionName: 'setTvlReverts', args: [r.tvlReverts] }));
        current.renzoTvlReverts = r.tvlReverts;
      }
      if (r.coolDownPeriod !== undefined) {
        await mined(writeContract({ address: A.renzoWithdrawQueue, abi: renzoWithdrawQueueAbi, functionName: 'setCoolDownPeriod', args: [r.coolDownPeriod] }));
        current.renzoCoolDownPeriod = r.coolDownPeriod;
      }
      if (r.oracleCooldown !== undefined) {
        await mined(writeContract({ address: A.renzoRiskOracleMiddleware, abi: renzoRiskOracleMiddlewareAbi, functionName: 'setWithdrawCooldownPeriod', args: [r.oracleCooldown] }));
        current.renzoOracleCooldown = r.oracleCooldown;
      }
      if (r.availableToWithdraw !== undefined) {
        await mined(
          writeContract({
            address: A.renzoWithdrawQueue,
            abi: renzoWithdrawQueueAbi,
            functionName: 'setAvailableToWithdraw',
            args: [A.eth, r.availableToWithdraw],
          }),
        );
        current.renzoAvailableToWithdraw = r.availableToWithdraw;
      }
    },

    async setKelp(k) {
      if (k.rsETHPrice !== undefined) await scenario.setRate('rsETH', k.rsETHPrice);
      if (k.withdrawalDelayBlocks !== undefined) {
        await mined(
          writeContract({
            address: A.kelpWithdrawalManager,
            abi: kelpWithdrawalManagerAbi,
            functionName: 'setWithdrawalDelayBlocks',
            args: [k.withdrawalDelayBlocks],
          }),
        );
        current.kelpWithdrawalDelayBlocks = k.withdrawalDelayBlocks;
      }
      if (k.nextUnusedNonce !== undefined || k.nextLockedNonce !== undefined || k.available !== undefined) {
        const next = {
          kelpNextUnusedNonce: k.nextUnusedNonce ?? current.kelpNextUnusedNonce,
          kelpNextLockedNonce: k.nextLockedNonce ?? current.kelpNextLockedNonce,
          kelpAvailable: k.available ?? current.kelpAvailable,
        };
        await mined(
          writeContract({
            address: A.kelpWithdrawalManager,
            abi: kelpWithdrawalManagerAbi,
            functionName: 'setAssetState',
            args: [A.eth, next.kelpNextUnusedNonce, next.kelpNextLockedNonce, next.kelpAvailable],
          }),
        );
        Object.assign(current, next);
      }
    },

    async setPuffer(p) {
      if (p.vaultEth !== undefined) {
        await client.setBalance({ address: A.pufeth, value: p.vaultEth });
        current.pufferVaultEth = p.vaultEth;
      }
      if (p.vaultWeth !== undefined) {
        await mined(writeContract({ address: A.weth, abi: weth9Abi, functionName: 'setBalance', args: [A.pufeth, p.vaultWeth] }));
        current.pufferVaultWeth = p.vaultWeth;
      }
      if (p.exitFeeBps !== undefined) {
        await mined(writeContract({ address: A.pufeth, abi: pufferVaultAbi, functionName: 'setExitFeeBasisPoints', args: [p.exitFeeBps] }));
        current.pufferExitFeeBps = p.exitFeeBps;
      }
      if (p.dailyWithdrawalRemaining !== undefined) {
        await mined(
          writeContract({
            address: A.pufeth,
            abi: pufferVaultAbi,
            functionName: 'setRemainingAssetsDailyWithdrawalLimit',
            args: [p.dailyWithdrawalRemaining],
          }),
        );
        current.pufferDailyWithdrawalRemaining = p.dailyWithdrawalRemaining;
      }
      if (p.withdrawalsLength !== undefined || p.finalizedBatch !== undefined || p.batchSize !== undefined) {
        const next = {
          pufferWithdrawalsLength: p.withdrawalsLength ?? current.pufferWithdrawalsLength,
          pufferFinalizedBatch: p.finalizedBatch ?? current.pufferFinalizedBatch,
          pufferBatchSize: p.batchSize ?? current.pufferBatchSize,
        };
        await mined(
          writeContract({
            address: A.pufferWithdrawalManager,
            abi: pufferWithdrawalManagerAbi,
            functionName: 'setQueue',
            args: [next.pufferWithdrawalsLength, next.pufferFinalizedBatch, next.pufferBatchSize],
          }),
        );
        Object.assign(current, next);
      }
    },

    async setStader(st) {
      if (st.nextRequestId !== undefined || st.nextRequestIdToFinalize !== undefined || st.ethRequestedForWithdraw !== undefined) {
        const next = {
          staderNextRequestId: st.nextRequestId ?? current.staderNextRequestId,
          staderNextRequestIdToFinalize: st.nextRequestIdToFinalize ?? current.staderNextRequestIdToFinalize,
          staderEthRequestedForWithdraw: st.ethRequestedForWithdraw ?? current.staderEthRequestedForWithdraw,
        };
        await mined(
          writeContract({
            address: A.staderUserWithdrawalManager,
            abi: staderUserWithdrawalManagerAbi,
            functionName: 'setQueue',
            args: [next.staderNextRequestId, next.staderNextRequestIdToFinalize, next.staderEthRequestedForWithdraw],
          }),
        );
        Object.assign(current, next);
      }
      if (st.minBlockDelay !== undefined) {
        await mined(
          writeContract({
            address: A.staderConfig,
            abi: staderConfigAbi,
            functionName: 'setMinBlockDelayToFinalizeWithdrawRequest',
            args: [st.minBlockDelay],
          }),
        );
        current.staderMinBlockDelay = st.minBlockDelay;
      }
    },

    async setMantle(m) {
      const next = {
        mantleBlocksToFinalize: m.blocksToFinalize ?? current.mantleBlocksToFinalize,
        mantleAllocatedEthDeficit: m.allocatedETHDeficit ?? current.mantleAllocatedEthDeficit,
      };
      await mined(
        writeContract({
          address: A.mantleUnstakeRequestsManager,
          abi: mantleUnstakeRequestsManagerAbi,
          functionName: 'setState',
          args: [next.mantleBlocksToFinalize, next.mantleAllocatedEthDeficit],
        }),
      );
      Object.assign(current, next);
    },

    async setSwellExit(symbol, e) {
      const [address, created, processed, exiting] =
        symbol === 'swETH'
          ? ([A.swexit, 'swexitLastTokenIdCreated', 'swexitLastTokenIdProcessed', 'swexitExitingEth'] as const)
          : ([A.rswexit, 'rswexitLastTokenIdCreated', 'rswexitLastTokenIdProcessed', 'rswexitExitingEth'] as const);
      const next = {
        [created]: e.lastTokenIdCreated ?? current[created],
        [processed]: e.lastTokenIdProcessed ?? current[processed],
        [exiting]: e.exitingETH ?? current[exiting],
      } as Record<typeof created | typeof processed | typeof exiting, bigint>;
      await mined(
        writeContract({
          address,
          abi: swellExitAbi,
          functionName: 'setExitState',
          args: [next[created], next[processed], next[exiting]],
        }),
      );
      Object.assign(current, next);
    },

    async setLsethRedeem(r) {
      const next = {
        lsethRedeemDemand: r.redeemDemand ?? current.lsethRedeemDemand,
        lsethBufferedExceedingEth: r.bufferedExceedingEth ?? current.lsethBufferedExceedingEth,
      };
      await mined(
        writeContract({
          address: A.riverRedeemManager,
          abi: riverRedeemManagerAbi,
          functionName: 'setRedeemState',
          args: [next.lsethRedeemDemand, next.lsethBufferedExceedingEth],
        }),
      );
      Object.assign(current, next);
    },

    async setRocketCollateral(wei) {
      await mined(writeContract({ address: A.reth, abi: rethAbi, functionName: 'setTotalCollateral', args: [wei] }));
      current.rethTotalCollateral = wei;
    },

    async setOsethRedeemer(r) {
      const next = {
        osethQueuedShares: r.queuedShares ?? current.osethQueuedShares,
        osethExitQueueUpdateDelay: r.exitQueueUpdateDelay ?? current.osethExitQueueUpdateDelay,
      };
      await mined(
        writeContract({
          address: A.osTokenRedeemer,
          abi: osTokenRedeemerAbi,
          functionName: 'setQueue',
          args: [next.osethQueuedShares, next.osethExitQueueUpdateDelay],
        }),
      );
      Object.assign(current, next);
    },

    async setPause(address, view, on) {
      await send(address, pauseFlagsAbi, 'setPauseFlag', [toFunctionSelector(`function ${view}()`), on]);
    },

    async setTargetClosed(target, closed) {
      await send(A.pufferAccessManager, accessManagerAbi, 'setTargetClosed', [target, closed]);
    },

    async setInstantRoads(i) {
      const next = { ...current, ...i };
      const has = (...keys: InstantKey[]) => keys.some((k) => i[k] !== undefined);
      if (has('etherfiPausedUntil')) await send(A.etherfiRedemptionManager, etherfiRedemptionManagerAbi, 'setPausedUntil', [next.etherfiPausedUntil]);
      if (has('kelpInstantEnabled', 'kelpInstantFeeBps')) await send(A.kelpWithdrawalManager, kelpWithdrawalManagerAbi, 'setInstantWithdrawal', [A.eth, next.kelpInstantEnabled, next.kelpInstantFeeBps]);
      if (has('kelpUnstakingVaultEth')) await client.setBalance({ address: A.kelpUnstakingVault, value: next.kelpUnstakingVaultEth });
      if (has('kelpQueuedWithdrawalsBuffer')) await send(A.kelpUnstakingVault, kelpUnstakingVaultAbi, 'setQueuedWithdrawalsBuffer', [A.eth, next.kelpQueuedWithdrawalsBuffer]);
      if (has('renzoBufferTarget')) await send(A.renzoWithdrawQueue, renzoWithdrawQueueAbi, 'setWithdrawalBufferTarget', [A.eth, next.renzoBufferTarget]);
      if (has('renzoDrawdownBps', 'renzoInstantMinFeeBps', 'renzoInstantMaxFeeBps')) {
        await send(A.renzoInstantWithdrawer, renzoInstantWithdrawerAbi, 'setFeeInfo', [next.renzoDrawdownBps, next.renzoInstantMinFeeBps, next.renzoInstantMaxFeeBps]);
      }
      if (has('renzoInstantWhitelisted')) await send(A.renzoWithdrawQueue, renzoWithdrawQueueAbi, 'setWhitelisted', [A.renzoInstantWithdrawer, next.renzoInstantWhitelisted]);
      if (has('renzoInstantPaused')) await send(A.renzoRiskOracleMiddleware, renzoRiskOracleMiddlewareAbi, 'setWithdrawPauses', [next.renzoInstantPaused, false, false]);
      Object.assign(current, i);
    },

    async setEscrowBalance(symbol, holder, amount) {
      await send(ESCROW_TOKEN[symbol], tokenBalanceAbi, 'setBalance', [holder, amount]);
    },

    async setLayerZeroRoute(oapp, remoteEid, r) {
      await send(A.lzReceiveUln302, lzReceiveUlnAbi, 'setUlnConfig', [oapp, remoteEid, r.confirmations ?? 15n, r.required, r.optional ?? [], r.threshold ?? 0]);
    },

    async standPool(symbol, fee, price, liquidity) {
      const token = POOLS[symbol].token;
      const address = uniswapV3PoolAddress(WETH, token, fee);
      await client.setCode({ address, bytecode: compiled.UniswapV3Pool!.deployedBytecode });
      const [token0, token1] = sortTokens(WETH, token);
      await send(address, uniswapV3PoolAbi, 'setTokens', [token0, token1, fee]);
      const sqrtPriceX96 = ethPerTokenToSqrtPriceX96(token, price);
      await send(address, uniswapV3PoolAbi, 'setSlot0', [sqrtPriceX96, approximateTick(sqrtPriceX96)]);
      await send(address, uniswapV3PoolAbi, 'setLiquidity', [liquidity]);
      return address;
    },

    async setRsethExchangeRateFeed(answer, updatedAt) {
      await send(A.chainlinkRsethExchangeRate, chainlinkAggregatorAbi, 'setAnswer', [answer]);
      if (updatedAt !== undefined) await send(A.chainlinkRsethExchangeRate, chainlinkAggregatorAbi, 'setUpdatedAt', [updatedAt]);
    },
  };

  // Seed everything through the same setters tests use, all mined in one block.
  const v = current;
  await seedInOneBlock(async () => {
    await mined(writeContract({ address: A.chainlinkStethEth, abi: chainlinkAggregatorAbi, functionName: 'setDescription', args: ['STETH / ETH'] }));
    await mined(writeContract({ address: A.chainlinkWeethEth, abi: chainlinkAggregatorAbi, functionName: 'setDescription', args: ['weETH / ETH'] }));
    await mined(writeContract({ address: A.uniswapWeethWethPool, abi: uniswapV3PoolAbi, functionName: 'setTokens', args: [WETH, WEETH, WEETH_POOL_FEE] }));
    // The quoter finds pools through its factory (storage, so L2 rigs can point it at theirs).
    await mined(writeContract({ address: A.uniswapViewQuoter, abi: uniswapViewQuoterAbi, functionName: 'setFactory', args: [UNISWAP_V3_FACTORY] }));
    await mined(
      writeContract({
        address: A.lidoHashConsensus,
        abi: lidoHashConsensusAbi,
        functionName: 'setFrameConfig',
        args: [v.lidoInitialEpoch, v.lidoEpochsPerFrame, v.lidoFastLaneLengthSlots],
      }),
    );
    await mined(
      writeContract({
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
    // --- EigenLayer: a calm day's delegations and allocations (DEFAULT_RESTAKING) ---
    const r = DEFAULT_RESTAKING;
    await scenario.setKelpNodeDelegators(r.kelpNodeDelegators);
    await scenario.setRenzoOperatorDelegators(r.renzoOperatorDelegators);
    for (const d of r.delegations) await scenario.setEigenDelegation(d.staker, d.operator);
    for (const h of r.shares) await scenario.setEigenShares(h.holder, h.strategy, h.shares);
    for (const a of r.allocations) await scenario.setEigenAllocation(a);
    for (const g of r.registered) await scenario.setEigenRegistered(g.operator, g, true);

    // --- Token metadata ---
    for (const [symbol, t] of Object.entries(TOKENS) as [TokenSymbol, (typeof TOKENS)[TokenSymbol]][]) {
      if (t.plain) await send(A[t.token], plainTokenAbi, 'setSymbol', [symbol]);
      await scenario.setTotalSupply(symbol, v[t.supply]);
    }
    // --- Rates ---
    for (const symbol of Object.keys(STORED_RATES) as (keyof typeof STORED_RATES)[]) {
      await scenario.setRate(symbol, v[STORED_RATES[symbol].key]);
    }
    await scenario.setAnkrRatio(v.ankrethRatio);
    // --- Uniswap pools (weETH's is seeded above) and Chainlink feeds ---
    for (const [symbol, p] of Object.entries(POOLS) as [PoolSymbol, (typeof POOLS)[PoolSymbol]][]) {
      if (symbol === 'weETH') continue;
      const [token0, token1] = sortTokens(WETH, p.token);
      await send(A[p.pool], uniswapV3PoolAbi, 'setTokens', [token0, token1, POOL_FEES[symbol]]);
      await scenario.setPoolPrice(symbol, v[p.price], v[p.liquidity]);
    }
    for (const [symbol, f] of Object.entries(FEEDS) as [FeedSymbol, (typeof FEEDS)[FeedSymbol]][]) {
      if (symbol === 'stETH' || symbol === 'weETH') continue;
      await send(A[f.feed], chainlinkAggregatorAbi, 'setDescription', [f.description]);
      await scenario.setFeed(symbol, v[f.answer], v[f.updatedAt]);
    }
    // --- Protocol queues and liquidity ---
    await scenario.setRocketCollateral(v.rethTotalCollateral);
    await scenario.setFrxEthCurve({ price: v.curveFrxethPrice, depth: v.curveFrxethDepth, feeBps: v.curveFrxethFeeBps });
    await scenario.setFraxQueue({});
    await scenario.setOsethRedeemer({});
    await scenario.setStader({ nextRequestId: v.staderNextRequestId, minBlockDelay: v.staderMinBlockDelay });
    await scenario.setMantle({});
    await scenario.setSwellExit('swETH', {});
    await scenario.setSwellExit('rswETH', {});
    await scenario.setLsethRedeem({});
    await scenario.setRenzo({
      totalTVL: v.renzoTotalTVL,
      tvlReverts: v.renzoTvlReverts,
      coolDownPeriod: v.renzoCoolDownPeriod,
      oracleCooldown: v.renzoOracleCooldown,
      availableToWithdraw: v.renzoAvailableToWithdraw,
    });
    await scenario.setKelp({
      withdrawalDelayBlocks: v.kelpWithdrawalDelayBlocks,
      nextUnusedNonce: v.kelpNextUnusedNonce,
      nextLockedNonce: v.kelpNextLockedNonce,
      available: v.kelpAvailable,
    });
    await scenario.setInstantRoads(Object.fromEntries(INSTANT_KEYS.map((k) => [k, v[k]])));
    await scenario.setPuffer({
      exitFeeBps: v.pufferExitFeeBps,
      dailyWithdrawalRemaining: v.pufferDailyWithdrawalRemaining,
      vaultEth: v.pufferVaultEth,
      vaultWeth: v.pufferVaultWeth,
      withdrawalsLength: v.pufferWithdrawalsLength,
    });
    // --- The bad day's reads, calm: the feed agrees with Kelp, escrows hold, two verifiers per route ---
    await send(A.chainlinkRsethExchangeRate, chainlinkAggregatorAbi, 'setDescription', ['rsETH / ETH Exchange Rate']);
    await scenario.setRsethExchangeRateFeed(v.kelpRsethPrice);
    for (const e of DEFAULT_ESCROWS) await scenario.setEscrowBalance(e.symbol, A[e.holder], e.amount);
    await send(A.lzEndpoint, lzEndpointAbi, 'setDefaultReceiveLibrary', [A.lzReceiveUln302]);
    for (const { adapter } of Object.values(LZ_OFTS)) {
      for (const chainId of [42161, 10, 8453] as const) await scenario.setLayerZeroRoute(adapter, LZ_EID[chainId], TWO_DVNS);
    }
  });

  return scenario;
}
