import type { TokenInput } from './schema';

type Bridge = NonNullable<TokenInput['deployments'][number]['bridge']>;

/*
 * The token registry's data: knowledge as data, and no code. The content script reads it without
 * zod (lookup.ts); registry.ts checks it against the schema for everything else. Facts come from
 * ../shared/reference/tokens.json, which names the source of each; `confidence` carries its grade over so the UI can say how sure we are.
 * Left out for now: agETH (rate provider only partly verified, withdrawals not researched) and
 * Symbiotic/Mellow vault tokens (not researched). Kelp's wrsETH is an rsETH deployment (alias wrsETH).
 */

const SRC = {
  lido: 'lidofinance/docs docs/deployed-contracts/index.md (Lido v3.0.2); lidofinance/core',
  lidoWq: 'lidofinance/docs docs/contracts/withdrawal-queue-erc721.md, hash-consensus.md',
  etherfi: 'etherfi-protocol/smart-contracts script/deploys/Deployed.s.sol, src/core, src/withdrawals',
  etherfiL2: 'etherfi-protocol/weETH-cross-chain README.md (L2 weETH OFT table)',
  aave: 'bgd-labs/aave-address-book src/AaveV3*.sol',
  opList: 'ethereum-optimism token list data/<SYMBOL>/data.json',
  chainlink: 'Chainlink reference data snapshot (npm @bgd-labs/toolbox 0.2.19)',
  uniswap: 'docs.uniswap.org v3 deployments; Uniswap/view-quoter-v3 IQuoter.sol; pools found by CREATE2 address',
  rocket: 'rocket-pool/rocketpool contracts/contract/token/RocketTokenRETH.sol; docs.rocketpool.net',
  frax: 'FraxFinance/frxETH-public src/sfrxETH.sol; FraxFinance/frxETH-v2-public src/Constants.sol, FraxEtherRedemptionQueueCore.sol',
  curveFrx: 'FraxFinance/frxETH-v2-public src/Constants.sol (pool address); coin order (0 = ETH, 1 = frxETH) from integrator code',
  stakewise: 'stakewise/v3-core deployments/mainnet.json, contracts/tokens/OsTokenVaultController.sol, OsTokenRedeemer.sol',
  stader: 'stader-labs/ethx README.md, StaderStakePoolsManager.sol, UserWithdrawalManager.sol, StaderConfig.sol',
  mantle: 'mantle-lsp/contracts README.md, src/Staking.sol, src/UnstakeRequestsManager.sol',
  swell: 'SwellNetwork/v3-core-public swETH.sol, swEXIT.sol, RswETH.sol, RswEXIT.sol (addresses from integrator code)',
  lc: 'liquid-collective/liquid-collective-protocol deployments/mainnet, SharesManager.1.sol, IRedeemManager.1.sol',
  ankr: 'integrator code (ankrETH ratio()); not from Ankr itself',
  renzo: 'Renzo-Protocol/contracts-public RestakeManager.sol, WithdrawQueue.sol; Aave CAPO',
  kelp: 'Kelp-DAO/LRT-rsETH README.md (Deployed Contracts), LRTOracle.sol, LRTWithdrawalManager.sol',
  puffer: 'PufferFinance/Deployments-and-ACL docs/deployments; PufferFinance/puffer-contracts PufferVaultV5.sol, PufferWithdrawalManager.sol',
  eigen: 'Layr-Labs/eigenlayer-contracts DelegationManager.sol (minWithdrawalDelayBlocks)',
} as const;

const DAY = 86_400;
const e18 = 10n ** 18n;
const wad = (x: number) => BigInt(Math.round(x * 1e6)) * 10n ** 12n;

const EIGEN_DELEGATION = '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A';
const ETH_SENTINEL = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

/**
 * Value-accruing tokens: plausible 0.9–2.0 ETH; Lido's cap on yearly growth (10%) with slack. A fall
 * of more than 1% between two reads is what a slashing or a hack looks like: it waits for a second
 * source (lib/chain/rate-trust.ts); below that, rates wobble by a few bps (ezETH's TVL prices its LSTs).
 */
const accruing = { min: (9n * e18) / 10n, max: 2n * e18, maxRiseBpsPerDay: 10, maxFallBps: 100 } as const;

const uniswap = (symbol: string, fees = [100, 500]) =>
  ({ kind: 'uniswap-v3', id: `uniswap-v3-${symbol.toLowerCase()}-weth`, label: `Uniswap v3 ${symbol}/WETH pool`, fees, unit: 'token', confidence: 'primary', source: SRC.uniswap }) as const;

const feed = (id: string, label: string, address: `0x${string}`, category: 'market' | 'uncertain' = 'market', unit: 'token' | 'underlying' = 'token') =>
  ({ kind: 'chainlink', id, label, feed: address, decimals: 18, heartbeatSeconds: DAY, category, unit, confidence: 'secondary', source: SRC.chainlink }) as const;

const on = (chainId: number, address: `0x${string}`, confidence: 'primary' | 'secondary' | 'third-party' | 'unverified', source: string) => ({
  chainId,
  address,
  decimals: 18,
  confidence,
  source,
});

const CHAIN_TAG: Record<number, string> = { 10: 'optimism', 8453: 'base', 42161: 'arbitrum' };

/** A bridged deployment: its market is that chain's Uniswap v3 pool, plus a Chainlink market feed where one exists. */
const bridged = (
  symbol: string,
  chainId: number,
  address: `0x${string}`,
  confidence: 'primary' | 'secondary' | 'third-party' | 'unverified',
  source: string,
  feedAddress?: `0x${string}`,
  bridge?: Bridge,
) => ({
  ...on(chainId, address, confidence, source),
  ...(bridge ? { bridge } : {}),
  market: [
    uniswap(symbol),
    ...(feedAddress ? [{ ...feed(`chainlink-${symbol.toLowerCase()}-eth-${CHAIN_TAG[chainId]}`, `Chainlink ${symbol.toUpperCase()} / ETH`, feedAddress) }] : []),
  ],
});

const LIDO_EXIT = {
  kind: 'lido-queue',
  queue: '0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1',
  steth: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84',
  withdrawalVault: '0xB9D7934878B5FB9610B3fE8A5e441e8fad7E293f',
  elRewardsVault: '0x388C818CA8B9251b393131C08a736A67ccB19297',
  hashConsensus: '0xD624B08C83bAECF0807Dd2c6880C3154a5F0B288',
  confidence: 'primary',
  source: SRC.lidoWq,
} as const;

/*
 * Instant-withdrawal roads (lib/chain/instant.ts): a contract that pays at once, for a fee, from the
 * liquidity it holds. Each names the reads behind it; addresses that come only from third-party
 * material are checked on-chain where they can be (Renzo's instant withdrawer must point at Renzo's
 * WithdrawQueue and ezETH, and be whitelisted there).
 */
const ETHERFI_INSTANT = {
  kind: 'etherfi',
  redemptionManager: '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0',
  // BASIS_POINT_SCALE; the deployed maxExitFeeInBps immutable is lower, but not read.
  maxFeeBps: 10_000,
  confidence: 'primary',
  source:
    'etherfi-protocol/smart-contracts script/deploys/Deployed.s.sol (ETHERFI_REDEMPTION_MANAGER); src/withdrawals/EtherFiRedemptionManager.sol (totalRedeemableAmount, tokenToRedemptionInfo(token).exitFeeInBps, previewRedeem rounds the fee up), src/governance/utils/PausableUntil.sol (pausedUntil)',
} as const;
const KELP_INSTANT = {
  kind: 'kelp',
  withdrawalManager: '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16',
  unstakingVault: '0xc66830E2667bc740c0BED9A71F18B14B8c8184bA',
  // setInstantWithdrawalFee reverts FeeTooHigh above 1 000 bps (10%).
  maxFeeBps: 1_000,
  // In Kelp-DAO/LRT-rsETH at commit 2ecd900e (not in the Feb 2025 snapshot c289b815, which predates it).
  confidence: 'primary',
  source:
    'Kelp-DAO/LRT-rsETH README.md (LRTWithdrawalManager, LRTUnstakingVault addresses); contracts/LRTWithdrawalManager.sol and contracts/LRTUnstakingVault.sol at 2ecd900e77799aca17261f14d5f6b2a33f44affd (instantWithdrawal, isInstantWithdrawalEnabled(asset), instantWithdrawalFee with FeeTooHigh above 1 000, getAssetsAvailableForInstantWithdrawal = vault balance less queuedWithdrawalsBuffer)',
} as const;
const RENZO_INSTANT = {
  kind: 'renzo',
  instantWithdrawer: '0x2DDAa152b3CF455693c944F9F47925408fF6F8ff',
  withdrawQueue: '0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918',
  riskOracle: '0x08921F17A32110F8df44A3d5007F2acd09Cfae6d',
  ezeth: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110',
  maxFeeBps: 10_000,
  confidence: 'unverified',
  source:
    'Renzo-Protocol/contracts-public contracts/Withdraw/InstantWithdrawer.sol (getBufferDetails, getFeeBasisPoints, minFeeBps/maxFeeBps), WithdrawQueue.sol (whitelisted, riskOracleMiddleware, claim), Oracle/RiskOracle/IRiskOracleMiddleware.sol; InstantWithdrawer address from an automated contract inventory (unverified: checked on-chain against withdrawalQueue() and ezETH()); RiskOracleMiddleware address from integrator code (RestakeManager.riskOracleMiddleware() read 2026-09-21), checked against WithdrawQueue.riskOracleMiddleware()',
} as const;

const ETHERFI_EXIT = {
  kind: 'etherfi',
  redemptionManager: '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0',
  withdrawRequestNft: '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c',
  delegationManager: EIGEN_DELEGATION,
  instant: ETHERFI_INSTANT,
  confidence: 'primary',
  source: `${SRC.etherfi}; ${SRC.eigen}`,
} as const;

const CURVE_STETH = '0xDC24316b9AE028F1497c275EB9192a3Ea0f67022';
const CURVE_FRXETH = '0xa1F8A6807c402E4A15ef4EBa36528A3FED24E577';
const FRAX_EXIT = { kind: 'frax-queue', queue: '0xfDC69e6BE352BD5644C438302DE4E311AAD5565b', confidence: 'primary', source: SRC.frax } as const;
const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';

/*
 * Bridges, on the home chain: what backs each bridged deployment's supply (the unbacked alert) and
 * who secures it (the bridge layer). LayerZero adapters lock the token themselves; Lido's custom
 * bridges hold wstETH in their own L1 contract. Only the first deployment per chain carries an
 * escrow: figures are read per symbol and chain.
 */
const LZ_SOURCES = 'LayerZero EndpointV2 and ReceiveUln302 addresses: integrator configs agree (LayerZero deployed-contracts list)';
const KELP_OFT_ADAPTER = '0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3';
const ETHERFI_OFT_ADAPTER = '0xcd2eb13D6831d4602D80E5db9230A57596CDCA63';
const LIDO_ESCROW: Record<number, `0x${string}`> = {
  42161: '0x0F25c1DC2a9922304f2eac71DCa9B07E310e8E5a',
  10: '0x76943C0D61395d8F2edF9060e1533529cAe05dE6',
  8453: '0x9de443AdC5A411E83F1878Ef24C3F52C61571e72',
};
const LIDO_BRIDGE_NAME: Record<number, string> = {
  42161: "Lido's wstETH gateway on Arbitrum's canonical bridge",
  10: "Lido's token bridge on OP Mainnet's canonical messenger",
  8453: "Lido's token bridge on Base's canonical messenger",
};
const lidoBridge = (chainId: number) =>
  ({
    kind: 'canonical',
    name: LIDO_BRIDGE_NAME[chainId]!,
    escrow: LIDO_ESCROW[chainId]!,
    confidence: 'secondary',
    source: 'lidofinance/docs deployed-contracts (L1 token bridges); the same escrows in L2BEAT discovery and integrator code',
  }) as const;
const kelpOft = (oapp: `0x${string}`) =>
  ({
    kind: 'layerzero',
    name: "Kelp's rsETH OFT over LayerZero (adapter on Ethereum)",
    escrow: KELP_OFT_ADAPTER,
    layerzero: { oapp, homeOapp: KELP_OFT_ADAPTER },
    confidence: 'primary',
    source: `Kelp-DAO/LRT-rsETH README.md (LayerZero RSETH_OFT table); ${LZ_SOURCES}`,
  }) as const;
const etherfiOft = (oapp: `0x${string}`, confidence: 'primary' | 'secondary') =>
  ({
    kind: 'layerzero',
    name: "ether.fi's weETH OFT over LayerZero (adapter on Ethereum)",
    escrow: ETHERFI_OFT_ADAPTER,
    layerzero: { oapp, homeOapp: ETHERFI_OFT_ADAPTER },
    confidence,
    source: `${SRC.etherfiL2}; adapter 0xcd2e…CA63 from integrator code and L2BEAT discovery; ${LZ_SOURCES}`,
  }) as const;
/** An OP-stack standard bridge version: its escrow (the chain's L1StandardBridge) holds many tokens, so no escrow is checked. */
const wrsEth = (oapp: `0x${string}`) =>
  ({
    kind: 'layerzero',
    name: "Kelp's wrsETH wrapper over the rsETH OFT (LayerZero) and CCIP rsETH",
    layerzero: { oapp, homeOapp: KELP_OFT_ADAPTER },
    confidence: 'primary',
    source: `Kelp-DAO/LRT-rsETH README.md (RsETHTokenWrapper, LayerZero RSETH_OFT), contracts/L2/RsETHTokenWrapper.sol; ${LZ_SOURCES}`,
  }) as const;
/** A bridge named from the token's docs whose security is not reviewed yet: the layer says so. */
const unreviewed = (name: string, source: string) => ({ kind: 'other', name, confidence: 'unverified', source }) as const;
const canonical = (name: string, source: string) => ({ kind: 'canonical', name, confidence: 'unverified', source }) as const;
const ROLLUP_TOKEN_LISTS = 'the chain’s canonical token list (Arbitrum gateway / Superchain token list); not checked per token';
const opStandard = (chain: string) =>
  ({ kind: 'canonical', name: `${chain}'s standard bridge (OptimismMintableERC20)`, confidence: 'secondary', source: SRC.opList }) as const;

/** A pause read: a view returning true while that part of the protocol is stopped. */
const pauseRead = (
  address: `0x${string}`,
  signature: string,
  label: string,
  affects: 'withdrawals' | 'deposits' | 'transfers',
  confidence: 'primary' | 'secondary' | 'third-party',
  source: string,
) => ({ address, signature, label, affects, confidence, source });
const paused = 'function paused() view returns (bool)';
const PUFFER_ACCESS_MANAGER = '0x8c1686069474410E6243425f4a10177a94EBEE11';
const PUFFER_INSTANT = {
  kind: 'puffer',
  vault: '0xD9A442856C234a39a81a089C06451EBAa4306a72',
  weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  accessManager: PUFFER_ACCESS_MANAGER,
  // _MAX_EXIT_FEE_BASIS_POINTS (250) for each of the exit fee and the treasury exit fee.
  maxFeeBps: 500,
  confidence: 'primary',
  source: `${SRC.puffer} (withdraw/redeem pay WETH from the vault's ETH and WETH less getTotalExitFeeBasisPoints(), rounded up; restricted through the AccessManager)`,
} as const;

const LIDO_PAUSES = [
  pauseRead(LIDO_EXIT.queue, 'function isPaused() view returns (bool)', 'Lido WithdrawalQueue.isPaused()', 'withdrawals', 'primary', SRC.lidoWq),
  pauseRead(LIDO_EXIT.steth, 'function isStakingPaused() view returns (bool)', 'stETH.isStakingPaused()', 'deposits', 'primary', SRC.lido),
  pauseRead(LIDO_EXIT.steth, 'function isStopped() view returns (bool)', 'stETH.isStopped()', 'transfers', 'primary', SRC.lido),
];
const ETHERFI_PAUSES = [
  pauseRead(ETHERFI_EXIT.redemptionManager, paused, 'ether.fi EtherFiRedemptionManager.paused()', 'withdrawals', 'secondary', `${SRC.etherfi} (newer versions add PausableUntil; a failed read is shown as unread)`),
  pauseRead(ETHERFI_EXIT.withdrawRequestNft, paused, 'ether.fi WithdrawRequestNFT.paused()', 'withdrawals', 'secondary', SRC.etherfi),
  pauseRead('0x308861A430be4cce5502d0A12724771Fc6DaF216', paused, 'ether.fi LiquidityPool.paused()', 'deposits', 'secondary', SRC.etherfi),
];

/*
 * The restaking layer read live (lib/chain/restaking.ts): whose EigenLayer delegation to read, in which
 * strategy. Addresses: Layr-Labs/eigenlayer-contracts README.md (mainnet deployment table: AllocationManager,
 * DelegationManager, the stETH strategy, and beaconChainETHStrategy 0xbeaC0…BEaC0, "not a real contract").
 */
type RestakingInput = Extract<NonNullable<TokenInput['restaking']>, { holders: unknown }>;
const EIGEN_RESTAKING_SRC = 'Layr-Labs/eigenlayer-contracts README.md (mainnet deployments), IAllocationManager.sol, IDelegationManager.sol';
const EIGEN_ALLOCATION = '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39';
const BEACON_ETH_STRATEGY = { address: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0', label: 'beacon chain ETH (native restaking)' } as const;
const STETH_STRATEGY = { address: '0x93c4b944D05dfe6df7645A86cd2206016c51564D', label: 'EigenLayer stETH strategy' } as const;
const eigen = { allocationManager: EIGEN_ALLOCATION, delegationManager: EIGEN_DELEGATION } as const;

/* Kelp: the NodeDelegators (README "NodeDelegator Proxy Addresses", indices 0-11), checked against LRTDepositPool.getNodeDelegatorQueue(). */
const KELP_NODE_DELEGATORS = [
  '0x07b96Cf1183C9BFf2E43Acf0E547a8c4E4429473', '0x429554411C8f0ACEEC899100D3aacCF2707748b3', '0x92B4f5b9ffa1b5DB3b976E89A75E87B332E6e388',
  '0x9d2Fc9287e1c3A1A814382B40AAB13873031C4ad', '0xe8038228ff1aEfD007D7A22C9f08DDaadF8374E4', '0x049EA11D337f185b1Aa910d98e8Fbd991f0FBA7B',
  '0x545D69B99759E7b670Df243b882700121d6d3AB9', '0xee5470E1519972C3eA95249d60EBD064af2D53D3', '0x4C798C4653b1257D5149910523D7a6eeD5712F83',
  '0x79f17234746344E0365D40be50d8d43DB9082c32', '0x395884D1974a839702bcFCBa176AC7871c788946', '0xFc561966ceaAa09f4d6CBa4AdD54778c2bF1cB85',
] as const;
const KELP_RESTAKING: RestakingInput = {
  ...eigen,
  strategy: BEACON_ETH_STRATEGY,
  holders: {
    kind: 'stakers',
    stakers: KELP_NODE_DELEGATORS.map((address, i) => ({ address, label: `Kelp NodeDelegator ${i}` })),
    list: { address: '0x036676389e48133B63a802f8635AD39E752D375D', signature: 'function getNodeDelegatorQueue() view returns (address[])', label: 'Kelp LRTDepositPool.getNodeDelegatorQueue()' },
  },
  covers: "the native restaked ETH of Kelp's node delegators; their LST restaking (stETH, ETHx strategies) is not read",
  confidence: 'primary',
  source: `${SRC.kelp} (NodeDelegator proxy addresses), LRTDepositPool.sol, NodeDelegator.sol; ${EIGEN_RESTAKING_SRC}`,
};

/*
 * Renzo: its OperatorDelegators are EigenLayer stakers (each delegates to one operator, owns an EigenPod
 * for native ETH and may hold LST strategy shares: Renzo-Protocol/contracts-public@fc8c8e083852
 * contracts/Delegation/OperatorDelegator.sol:142 createPod, :214 delegateTo). Renzo's repo names none of
 * their addresses. The five below, in RestakeManager order:
 *   - indices 0-4: a copy of Renzo's own app bundle in public code (a Next.js chunk listing
 *     `{ index, address }` for the RestakeManager's operatorDelegators; found through the code index,
 *     which does not name its repository);
 *   - 0 and 1 also: balancer/code-review@cb07c6456af9 rate-providers/ezETHRateProvider.md:55,59
 *     ("upgradeable component: OperatorDelegator", Jan 2024, when there were two);
 *   - 3 also: KyberNetwork/kyberswap-dex-lib@497aef2c5e92 pkg/liquidity-source/renzo/ezeth/pool_simulator.go:20.
 * The sources disagree on which operator each one delegates to, so none is named here: delegatedTo is read.
 * RestakeManager.getOperatorDelegatorsLength() and operatorDelegators(i) check the list in round 1
 * (RestakeManager.sol:131, RestakeManagerStorage.sol:43); removeOperatorDelegator moves the last one
 * into the freed index (RestakeManager.sol:187), so an index is a position, not an identity.
 */
const RENZO_OPERATOR_DELEGATORS = [
  '0xbAf5f3A05BD7Af6f3a0BBA207803bf77e2657c8F', '0x0B1981a9Fcc24A445dE15141390d3E46DA0e425c', '0x125B367C16C5858f11e12948404F7a1371a0FDa3',
  '0x78524bEeAc12368e600457478738c233f436e9f6', '0x38cDB1A8207264C1A07c42c43A4c3ED4bfab7CEA',
] as const;
const RENZO_RESTAKE_MANAGER = '0x74a09653A083691711cF8215a6ab074BB4e99ef5';
const RENZO_RESTAKING: RestakingInput = {
  ...eigen,
  strategy: BEACON_ETH_STRATEGY,
  holders: {
    kind: 'stakers',
    stakers: RENZO_OPERATOR_DELEGATORS.map((address, i) => ({ address, label: `Renzo OperatorDelegator ${i}` })),
    list: {
      kind: 'indexed',
      address: RENZO_RESTAKE_MANAGER,
      length: 'function getOperatorDelegatorsLength() view returns (uint256)',
      item: 'function operatorDelegators(uint256) view returns (address)',
      label: 'Renzo RestakeManager',
    },
  },
  covers:
    "the native restaked ETH (EigenPod shares) of Renzo's five OperatorDelegators; their LST strategy shares (stETH, wBETH) and the ETH waiting in Renzo's deposit and withdraw queues are not read",
  confidence: 'third-party',
  source: `OperatorDelegator addresses: Renzo's app bundle (indices 0-4, via public code), balancer/code-review rate-providers/ezETHRateProvider.md (0, 1), KyberNetwork/kyberswap-dex-lib (3); ${SRC.renzo} (RestakeManager.getOperatorDelegatorsLength, operatorDelegators; OperatorDelegator.sol); ${EIGEN_RESTAKING_SRC}`,
};

/*
 * Puffer: its 98 PufferModules delegate to 7 RestakingOperator contracts of Puffer's own (Deployments-and-ACL
 * docs/deployments/mainnet.md, "Restaking": each operator takes every 7th module). The operators are read
 * directly: their delegated shares and allocations, not the modules' delegation.
 */
const PUFFER_OPERATORS = [
  '0x4d7C3fc856AB52753B91A6c9213aDF013309dD25', '0x175da1e44c8Fbf124714a3bBA5dc18a7E65664d6', '0x73F23013c5a4C209de945CDC58595A4d53d23084',
  '0x59639AEEe35c4108923FD16E66055b347fBeaDd2', '0xdd6859450e80665dB854022E85FB0Ed2F0240CB9', '0xE48E7102c03812DFA1FDF0bBE6DbBA6Dc70b0f33',
  '0x8c81d590CC94CA2451C4BDe24c598193da74a575',
] as const;
const PUFFER_RESTAKING: RestakingInput = {
  ...eigen,
  strategy: BEACON_ETH_STRATEGY,
  holders: { kind: 'operators', operators: PUFFER_OPERATORS.map((address, i) => ({ address, label: `Puffer RestakingOperator (PUFFER_MODULE_${i}, every 7th)` })) },
  covers: "the native restaked ETH delegated to Puffer's 7 RestakingOperators (all 98 PufferModules, as Puffer's deployment list assigns them)",
  confidence: 'primary',
  source: `PufferFinance/Deployments-and-ACL docs/deployments/mainnet.md (Restaking table); ${EIGEN_RESTAKING_SRC}`,
};

/* ether.fi: its native restaking sits in thousands of EtherFiNode pods (not enumerable here); EtherFiRestaker holds its LST restaking. */
const ETHERFI_RESTAKING: RestakingInput = {
  ...eigen,
  strategy: STETH_STRATEGY,
  holders: { kind: 'stakers', stakers: [{ address: '0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf', label: 'ether.fi EtherFiRestaker' }] },
  covers: "only ether.fi's stETH restaked through EtherFiRestaker; the native restaked ETH of its EtherFiNode pods (thousands of stakers) is not read",
  confidence: 'primary',
  source: `${SRC.etherfi} (Deployed.s.sol ETHERFI_RESTAKER; src/restaking/EtherFiRestaker.sol restakes Lido's stETH); ${EIGEN_RESTAKING_SRC}`,
};

export const entries: TokenInput[] = [
  {
    symbol: 'stETH',
    name: 'Liquid staked Ether 2.0',
    aliases: ['Lido Staked ETH'],
    kind: 'LST',
    protocol: 'Lido',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: e18,
    deployments: [
      on(1, '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84', 'primary', SRC.lido),
      // Rebasable stETH on OP Mainnet wraps the bridged wstETH there: the escrow is counted once, for wstETH.
      bridged('stETH', 10, '0x76A50b8c7349cCDDb7578c6627e79b5d99D24138', 'primary', SRC.lido, '0x14d2d3a82AeD4019FddDfe07E8bdc485fb0d2249', {
        ...lidoBridge(10),
        escrow: undefined,
      }),
    ],
    redemption: {
      kind: 'pegged',
      label: 'Lido WithdrawalQueue pays 1 ETH per stETH',
      shareRate: { address: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84', signature: 'function getPooledEthByShares(uint256 _sharesAmount) view returns (uint256)', args: [e18], label: 'stETH.getPooledEthByShares(1e18)', ...accruing },
      confidence: 'primary',
      source: SRC.lidoWq,
    },
    market: [
      { kind: 'curve', id: 'curve-steth-eth', label: 'Curve stETH/ETH pool get_dy', pool: CURVE_STETH, i: 1, j: 0, unit: 'token', confidence: 'primary', source: 'curvefi/curve-contract pools/steth; ' + SRC.lido },
      feed('chainlink-steth-eth', 'Chainlink STETH / ETH', '0x86392dC19c0b719886221c78AB11eb8Cf5c52812'),
    ],
    exit: LIDO_EXIT,
    confirmers: [
      { kind: 'contract', address: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0', signature: 'function stEthPerToken() view returns (uint256)', label: 'wstETH.stEthPerToken()', confidence: 'primary', source: SRC.lido },
    ],
    pauses: LIDO_PAUSES,
  },
  {
    symbol: 'wstETH',
    name: 'Wrapped liquid staked Ether 2.0',
    aliases: ['Wrapped stETH', 'Wrapped liquid staked Ether 2.0'],
    kind: 'LST',
    protocol: 'Lido',
    underlying: 'stETH',
    homeChainId: 1,
    rateHint: wad(1.2166),
    deployments: [
      on(1, '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0', 'primary', SRC.lido),
      bridged('wstETH', 42161, '0x5979D7b546E38E414F7E9822514be443A4800529', 'primary', SRC.lido, '0xb523AE262D20A936BC152e6023996e46FDC2A95D', lidoBridge(42161)),
      bridged('wstETH', 10, '0x1F32b1c2345538c0c6f582fCB022739c4A194Ebb', 'primary', SRC.lido, '0x524299Ab0987a7c4B3c8022a35669DdcdC715a10', lidoBridge(10)),
      bridged('wstETH', 8453, '0xc1CBa3fCea344f92D9239c08C0568f6F2F0ee452', 'primary', SRC.lido, '0x43a5C292A453A3bF3606fa856197f09D7B74251a', lidoBridge(8453)),
    ],
    redemption: {
      kind: 'call',
      address: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0',
      signature: 'function stEthPerToken() view returns (uint256)',
      label: 'wstETH.stEthPerToken()',
      ...accruing,
      confidence: 'primary',
      source: SRC.lido,
    },
    market: [
      { kind: 'curve', id: 'curve-steth-eth', label: 'Curve stETH/ETH pool get_dy', pool: CURVE_STETH, i: 1, j: 0, unit: 'underlying', confidence: 'primary', source: 'curvefi/curve-contract pools/steth; ' + SRC.lido },
      feed('chainlink-steth-eth', 'Chainlink STETH / ETH', '0x86392dC19c0b719886221c78AB11eb8Cf5c52812', 'market', 'underlying'),
    ],
    exit: LIDO_EXIT,
    confirmers: [
      { kind: 'contract', address: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84', signature: 'function getPooledEthByShares(uint256 _sharesAmount) view returns (uint256)', args: [e18], label: 'stETH.getPooledEthByShares(1e18)', confidence: 'primary', source: SRC.lido },
    ],
    pauses: LIDO_PAUSES,
  },
  {
    symbol: 'rETH',
    name: 'Rocket Pool ETH',
    aliases: [],
    kind: 'LST',
    protocol: 'Rocket Pool',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.1412),
    deployments: [
      on(1, '0xae78736Cd615f374D3085123A210448E74Fc6393', 'primary', SRC.rocket),
      bridged('rETH', 42161, '0xEC70Dcb4A1EFa46b8F2D97C310C9c4790ba5ffA8', 'primary', SRC.rocket, '0xD6aB2298946840262FcC278fF31516D39fF611eF', canonical('Arbitrum’s canonical gateway', ROLLUP_TOKEN_LISTS)),
      bridged('rETH', 10, '0x9Bcef72be871e61ED4fBbc7630889beE758eb81D', 'primary', SRC.rocket, '0xb429DE60943a8e6DeD356dca2F93Cd31201D9ed0', canonical('OP Mainnet’s standard bridge', ROLLUP_TOKEN_LISTS)),
      bridged('rETH', 8453, '0xB6fe221Fe9EeF5aBa221c348bA20A1Bf5e73624c', 'primary', SRC.rocket, '0xf397bF97280B488cA19ee3093E81C0a77F02e9a5', canonical('Base’s standard bridge', ROLLUP_TOKEN_LISTS)),
    ],
    redemption: {
      kind: 'call',
      address: '0xae78736Cd615f374D3085123A210448E74Fc6393',
      signature: 'function getExchangeRate() view returns (uint256)',
      label: 'rETH.getExchangeRate()',
      ...accruing,
      confidence: 'primary',
      source: SRC.rocket,
    },
    market: [uniswap('rETH'), feed('chainlink-reth-eth', 'Chainlink RETH / ETH', '0x536218f9E9Eb48863970252233c8F271f554C2d0')],
    exit: { kind: 'rocket-pool', reth: '0xae78736Cd615f374D3085123A210448E74Fc6393', confidence: 'primary', source: SRC.rocket },
  },
  {
    symbol: 'cbETH',
    name: 'Coinbase Wrapped Staked ETH',
    aliases: [],
    kind: 'LST',
    protocol: 'Coinbase',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.1105),
    deployments: [
      on(1, '0xBe9895146f7AF43049ca1c1AE358B0541Ea49704', 'secondary', SRC.aave),
      bridged('cbETH', 8453, '0x2Ae3F1Ec7F1F5012CFEab0185bfc7aa3cf0DEc22', 'secondary', SRC.aave, '0x806b4Ac04501c29769051e42783cF04dCE41440b', canonical('Base’s standard bridge', ROLLUP_TOKEN_LISTS)),
      bridged('cbETH', 10, '0xadDb6A0412DE1BA0F936DCaeb8Aaa24578dcF3B2', 'secondary', SRC.opList, '0x138b809B8472fF09Cd3E075E6EcbB2e42D41d870', canonical('OP Mainnet’s standard bridge', ROLLUP_TOKEN_LISTS)),
      bridged('cbETH', 42161, '0x1DEBd73E752bEaF79865Fd6446b0c970EaE7732f', 'third-party', 'integrator code', '0xa668682974E3f121185a3cD94f00322beC674275', canonical('Arbitrum’s canonical gateway', ROLLUP_TOKEN_LISTS)),
    ],
    redemption: {
      kind: 'call',
      address: '0xBe9895146f7AF43049ca1c1AE358B0541Ea49704',
      signature: 'function exchangeRate() view returns (uint256)',
      label: 'cbETH.exchangeRate() (pushed by Coinbase)',
      ...accruing,
      confidence: 'secondary',
      source: SRC.aave,
    },
    market: [uniswap('cbETH', [100, 500]), feed('chainlink-cbeth-eth', 'Chainlink CBETH / ETH', '0xF017fcB346A1885194689bA23Eff2fE6fA5C483b')],
    exit: { kind: 'offchain', why: 'Coinbase redeems cbETH off-chain, for its own customers: nothing on-chain to read', confidence: 'secondary', source: SRC.aave },
  },
  {
    symbol: 'sfrxETH',
    name: 'Staked Frax Ether',
    aliases: [],
    kind: 'LST',
    protocol: 'Frax',
    underlying: 'frxETH',
    homeChainId: 1,
    rateHint: wad(1.1487),
    deployments: [
      on(1, '0xac3E018457B222d93114458476f3E3416Abbe38F', 'primary', SRC.frax),
      bridged('sfrxETH', 10, '0x484c2D6e3cDd945a8B2DF735e079178C1036578c', 'secondary', SRC.opList, undefined, unreviewed("Frax's Fraxferry", 'FraxFinance docs (Fraxferry); not reviewed')),
      bridged('sfrxETH', 42161, '0x95aB45875cFFdba1E5f451B950bC2E42c0053f39', 'third-party', 'integrator code', undefined, unreviewed("Frax's Fraxferry", 'FraxFinance docs (Fraxferry); not reviewed')),
    ],
    redemption: {
      kind: 'call',
      address: '0xac3E018457B222d93114458476f3E3416Abbe38F',
      signature: 'function pricePerShare() view returns (uint256)',
      label: 'sfrxETH.pricePerShare()',
      ...accruing,
      confidence: 'primary',
      source: SRC.frax,
    },
    market: [{ kind: 'curve', id: 'curve-frxeth-eth', label: 'Curve frxETH/ETH pool get_dy', pool: CURVE_FRXETH, i: 1, j: 0, unit: 'underlying', confidence: 'third-party', source: SRC.curveFrx }],
    exit: FRAX_EXIT,
  },
  {
    symbol: 'frxETH',
    name: 'Frax Ether',
    aliases: [],
    kind: 'LST',
    protocol: 'Frax',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: e18,
    deployments: [on(1, '0x5E8422345238F34275888049021821E8E08CAa1f', 'primary', SRC.frax), bridged('frxETH', 10, '0x6806411765Af15Bddd26f8f544A34cC40cb9838B', 'secondary', SRC.opList, undefined, unreviewed("Frax's Fraxferry", 'FraxFinance docs (Fraxferry); not reviewed'))],
    redemption: { kind: 'pegged', label: "Frax's redemption queue pays 1 ETH per frxETH, less its fee", confidence: 'primary', source: SRC.frax },
    market: [{ kind: 'curve', id: 'curve-frxeth-eth', label: 'Curve frxETH/ETH pool get_dy', pool: CURVE_FRXETH, i: 1, j: 0, unit: 'token', confidence: 'third-party', source: SRC.curveFrx }],
    exit: FRAX_EXIT,
  },
  {
    symbol: 'osETH',
    name: 'Staked ETH',
    // osETH's on-chain name is "Staked ETH": too generic to identify it by name.
    genericName: true,
    aliases: [],
    kind: 'LST',
    protocol: 'StakeWise',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0521),
    deployments: [on(1, '0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38', 'primary', SRC.stakewise), bridged('osETH', 42161, '0xf7d4e7273E5015C96728A6b02f31C505eE184603', 'primary', 'stakewise/multichain broadcast', undefined, unreviewed("StakeWise's osETH bridge (Chainlink CCIP)", 'stakewise/multichain; not reviewed'))],
    redemption: {
      kind: 'call',
      address: '0x2A261e60FB14586B474C208b1B7AC6D0f5000306',
      signature: 'function convertToAssets(uint256 shares) view returns (uint256)',
      args: [e18],
      label: 'OsTokenVaultController.convertToAssets(1e18)',
      ...accruing,
      confidence: 'primary',
      source: SRC.stakewise,
    },
    market: [uniswap('osETH')],
    exit: { kind: 'stakewise', redeemer: '0xdF3123dD182b8d3e0266a2dC37eEb8366d149B5A', confidence: 'primary', source: SRC.stakewise },
  },
  {
    symbol: 'ETHx',
    name: 'ETHx',
    aliases: ['Stader ETHx'],
    kind: 'LST',
    protocol: 'Stader',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0642),
    deployments: [
      on(1, '0xA35b1B31Ce002FBF2058D22F30f95D405200A15b', 'primary', SRC.stader),
      bridged('ETHx', 10, '0xc54B43eaF921A5194c7973A4d65E055E5a1453c2', 'primary', 'stader-labs/ethx_oft README.md', undefined, unreviewed("Stader's ETHx OFT over LayerZero (adapter not researched, so its verifiers are not read)", 'stader-labs/ethx_oft README.md')),
      // The README and the CHANGELOG disagree on Arbitrum's address: kept, marked unverified.
      bridged('ETHx', 42161, '0xED65C5085a18Fa160Af0313E60dcc7905E944Dc7', 'unverified', 'stader-labs/ethx_oft README.md (CHANGELOG names another address)', undefined, unreviewed("Stader's ETHx OFT over LayerZero (adapter not researched, so its verifiers are not read)", 'stader-labs/ethx_oft README.md')),
    ],
    redemption: {
      kind: 'call',
      address: '0xcf5EA1b38380f6aF39068375516Daf40Ed70D299',
      signature: 'function getExchangeRate() view returns (uint256)',
      label: 'StaderStakePoolsManager.getExchangeRate()',
      ...accruing,
      confidence: 'primary',
      source: SRC.stader,
    },
    market: [uniswap('ETHx'), feed('chainlink-ethx-eth', 'Chainlink ETHx / ETH', '0xC5f8c4aB091Be1A899214c0C3636ca33DcA0C547')],
    exit: { kind: 'stader', withdrawalManager: '0x9F0491B32DBce587c50c4C43AB303b06478193A7', config: '0x4ABEF2263d5A5ED582FC9A9789a41D85b68d69DB', confidence: 'primary', source: SRC.stader },
    pauses: [
      pauseRead('0x9F0491B32DBce587c50c4C43AB303b06478193A7', paused, 'Stader UserWithdrawalManager.paused()', 'withdrawals', 'primary', `${SRC.stader} (PausableUpgradeable)`),
      pauseRead('0xcf5EA1b38380f6aF39068375516Daf40Ed70D299', paused, 'Stader StaderStakePoolsManager.paused()', 'deposits', 'primary', `${SRC.stader} (PausableUpgradeable)`),
    ],
  },
  {
    symbol: 'mETH',
    name: 'mETH',
    aliases: ['Mantle Staked Ether'],
    kind: 'LST',
    protocol: 'Mantle',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0703),
    deployments: [on(1, '0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa', 'primary', SRC.mantle)],
    redemption: {
      kind: 'call',
      address: '0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f',
      signature: 'function mETHToETH(uint256 mETHAmount) view returns (uint256)',
      args: [e18],
      label: 'Mantle Staking.mETHToETH(1e18)',
      ...accruing,
      confidence: 'primary',
      source: SRC.mantle,
    },
    market: [uniswap('mETH'), feed('chainlink-meth-eth', 'Chainlink mETH / ETH', '0x5b563107C8666d2142C216114228443B94152362')],
    exit: { kind: 'mantle', unstakeManager: '0x38fDF7b489316e03eD8754ad339cb5c4483FDcf9', confidence: 'primary', source: SRC.mantle },
  },
  {
    symbol: 'swETH',
    name: 'swETH',
    aliases: ['Swell Ethereum'],
    kind: 'LST',
    protocol: 'Swell',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0795),
    deployments: [on(1, '0xf951E335afb289353dc249e82926178EaC7DEd78', 'third-party', SRC.swell)],
    redemption: {
      kind: 'call',
      address: '0xf951E335afb289353dc249e82926178EaC7DEd78',
      signature: 'function swETHToETHRate() view returns (uint256)',
      label: 'swETH.swETHToETHRate()',
      ...accruing,
      confidence: 'third-party',
      source: SRC.swell,
    },
    market: [uniswap('swETH'), feed('chainlink-sweth-eth', 'Chainlink SWETH / ETH', '0xec21B3e882CE09928cb397DcfF31B15cBBD1e1C3')],
    exit: { kind: 'swell', exit: '0x48C11b86807627AF70a34662D4865cF854251663', restaked: false, confidence: 'third-party', source: SRC.swell },
  },
  {
    symbol: 'rswETH',
    name: 'rswETH',
    aliases: ['Swell Restaked ETH'],
    kind: 'LRT',
    protocol: 'Swell',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0466),
    deployments: [on(1, '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0', 'third-party', SRC.swell)],
    redemption: {
      kind: 'call',
      address: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0',
      signature: 'function rswETHToETHRate() view returns (uint256)',
      label: 'rswETH.rswETHToETHRate()',
      ...accruing,
      confidence: 'third-party',
      source: SRC.swell,
    },
    market: [uniswap('rswETH')],
    exit: { kind: 'swell', exit: '0x58749C46Ffe97e4d79508a2C781C440f4756f064', restaked: true, delegationManager: EIGEN_DELEGATION, confidence: 'third-party', source: `${SRC.swell}; ${SRC.eigen}` },
    // Searched (Dec 2026): Swell's repo (no deployment list), public code and pages. Only third-party,
    // generated contract inventories name the EigenLayerManager proxy (0xC94CfFD5249Df4008a043EE61e13f19AF16d0936)
    // and one "StakerProxy" (0xB68b…F17A0: a staker or the beacon's implementation, they do not say); no source lists the StakerProxies
    // (stakerProxyAddresses(1..stakeId)), and finding them on-chain first would take a third dependent read.
    restaking: {
      unread: 'Swell’s StakerProxy contracts (EigenLayerManager.stakerProxyAddresses(id)) have no address from a source we have',
      confidence: 'unverified',
      source: `${SRC.swell} (EigenLayerManager.sol stakerProxyAddresses, stakeId; StakerProxy.sol)`,
    },
  },
  {
    symbol: 'LsETH',
    name: 'Liquid Staked ETH',
    // A phrase as much as a name ("liquid staked ETH" is what every LST is).
    genericName: true,
    aliases: [],
    kind: 'LST',
    protocol: 'Liquid Collective',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0735),
    deployments: [on(1, '0x8c1BEd5b9a0928467c9B1341Da1D7BD5e10b6549', 'primary', SRC.lc)],
    redemption: {
      kind: 'call',
      address: '0x8c1BEd5b9a0928467c9B1341Da1D7BD5e10b6549',
      signature: 'function underlyingBalanceFromShares(uint256 _shares) view returns (uint256)',
      args: [e18],
      label: 'LsETH.underlyingBalanceFromShares(1e18)',
      ...accruing,
      confidence: 'primary',
      source: SRC.lc,
    },
    market: [uniswap('LsETH')],
    exit: { kind: 'liquid-collective', redeemManager: '0x080b3a41390b357Ad7e8097644d1DEDf57AD3375', confidence: 'primary', source: SRC.lc },
  },
  {
    symbol: 'ankrETH',
    name: 'Ankr Staked ETH',
    aliases: [],
    kind: 'LST',
    protocol: 'Ankr',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.1571),
    deployments: [on(1, '0xE95A203B1a91a908F9B9CE46459d101078c2c3cb', 'third-party', SRC.ankr)],
    redemption: {
      kind: 'call',
      address: '0xE95A203B1a91a908F9B9CE46459d101078c2c3cb',
      signature: 'function ratio() view returns (uint256)',
      inverse: true,
      label: 'ankrETH.ratio() (ankrETH per ETH, inverted)',
      ...accruing,
      confidence: 'third-party',
      source: SRC.ankr,
    },
    market: [uniswap('ankrETH', [100, 500, 3000])],
    exit: { kind: 'not-researched', why: "Ankr's unstaking path has not been researched yet", confidence: 'unverified', source: SRC.ankr },
  },
  {
    symbol: 'eETH',
    name: 'ether.fi ETH',
    aliases: [],
    kind: 'LRT',
    protocol: 'ether.fi',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: e18,
    deployments: [on(1, '0x35fA164735182de50811E8e2E824cFb9B6118ac2', 'primary', SRC.etherfi)],
    redemption: {
      kind: 'pegged',
      label: 'ether.fi redeems 1 eETH for 1 ETH',
      shareRate: { address: '0x308861A430be4cce5502d0A12724771Fc6DaF216', signature: 'function amountForShare(uint256 _share) view returns (uint256)', args: [e18], label: 'LiquidityPool.amountForShare(1e18)', ...accruing },
      confidence: 'primary',
      source: SRC.etherfi,
    },
    market: [
      {
        ...uniswap('weETH'),
        id: 'uniswap-v3-weeth-weth-as-eeth',
        label: 'Uniswap v3 weETH/WETH pool, per eETH',
        venueToken: WEETH,
        unit: 'wrapper',
        wrapper: { address: WEETH, signature: 'function getRate() view returns (uint256)', label: 'weETH.getRate()' },
      },
    ],
    exit: ETHERFI_EXIT,
    confirmers: [{ kind: 'contract', address: WEETH, signature: 'function getRate() view returns (uint256)', label: 'weETH.getRate()', confidence: 'primary', source: SRC.etherfi }],
    pauses: ETHERFI_PAUSES,
    restaking: ETHERFI_RESTAKING,
  },
  {
    symbol: 'weETH',
    name: 'Wrapped eETH',
    aliases: ['Wrapped eETH', 'ether.fi wrapped ETH'],
    kind: 'LRT',
    protocol: 'ether.fi',
    underlying: 'eETH',
    homeChainId: 1,
    rateHint: wad(1.0701),
    deployments: [
      on(1, WEETH, 'primary', SRC.etherfi),
      bridged('weETH', 42161, '0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe', 'secondary', SRC.aave, '0xE141425bc1594b8039De6390db1cDaf4397EA22b', etherfiOft('0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe', 'secondary')),
      bridged('weETH', 8453, '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A', 'primary', SRC.etherfiL2, '0xFC1415403EbB0c693f9a7844b92aD2Ff24775C65', etherfiOft('0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A', 'primary')),
      bridged('weETH', 10, '0x5A7fACB970D094B6C7FF1df0eA68D99E6e73CBFF', 'primary', SRC.etherfiL2, '0xb4479d436DDa5c1A79bD88D282725615202406E3', etherfiOft('0x5A7fACB970D094B6C7FF1df0eA68D99E6e73CBFF', 'primary')),
      // The OP-standard-bridge versions: separate, less liquid tokens with the same symbol.
      { ...on(8453, '0x4c94DE27c94962Dba6Ebb77924Ac54189db75EFA', 'secondary', SRC.opList), bridge: opStandard('Base') },
      { ...on(10, '0x346e03F8Cce9fE01dCB3d0Da3e9D00dC2c0E08f0', 'secondary', SRC.opList), bridge: opStandard('OP Mainnet') },
    ],
    redemption: {
      kind: 'call',
      address: WEETH,
      signature: 'function getRate() view returns (uint256)',
      label: 'weETH.getRate()',
      ...accruing,
      confidence: 'primary',
      source: SRC.etherfi,
    },
    market: [
      uniswap('weETH'),
      // Named like a market feed but unconfirmed: it may mirror getRate() (reference NOTES §3).
      feed('chainlink-weeth-eth', 'Chainlink weETH / ETH', '0x5c9C449BbC9a6075A2c061dF312a35fd1E05fF22', 'uncertain'),
    ],
    exit: ETHERFI_EXIT,
    confirmers: [
      { kind: 'contract', address: '0x308861A430be4cce5502d0A12724771Fc6DaF216', signature: 'function amountForShare(uint256 _share) view returns (uint256)', args: [e18], label: 'LiquidityPool.amountForShare(1e18)', confidence: 'primary', source: SRC.etherfi },
    ],
    pauses: [...ETHERFI_PAUSES, pauseRead(ETHERFI_OFT_ADAPTER, paused, "ether.fi weETH OFT adapter.paused()", 'transfers', 'secondary', 'L2BEAT discovery (pausable lock-box); integrator code')],
    restaking: ETHERFI_RESTAKING,
  },
  {
    symbol: 'ezETH',
    name: 'Renzo Restaked ETH',
    aliases: [],
    kind: 'LRT',
    protocol: 'Renzo',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.05),
    deployments: [
      on(1, '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110', 'primary', SRC.renzo),
      bridged('ezETH', 42161, '0x2416092f143378750bb29b79eD961ab195CcEea5', 'secondary', SRC.aave, '0x11E1836bFF2ce9d6A5bec9cA79dc998210f3886d', unreviewed("Renzo's xERC20 ezETH (lockbox on Ethereum; bridges not reviewed)", 'Renzo docs (xERC20); not reviewed')),
      bridged('ezETH', 8453, '0x2416092f143378750bb29b79eD961ab195CcEea5', 'secondary', SRC.aave, '0x960BDD1dFD20d7c98fa482D793C3dedD73A113a3', unreviewed("Renzo's xERC20 ezETH (lockbox on Ethereum; bridges not reviewed)", 'Renzo docs (xERC20); not reviewed')),
      bridged('ezETH', 10, '0x2416092f143378750bb29b79eD961ab195CcEea5', 'third-party', 'same xERC20 address pattern', undefined, unreviewed("Renzo's xERC20 ezETH (lockbox on Ethereum; bridges not reviewed)", 'Renzo docs (xERC20); not reviewed')),
    ],
    redemption: {
      kind: 'tvl-ratio',
      tvl: {
        address: '0x74a09653A083691711cF8215a6ab074BB4e99ef5',
        signature: 'function calculateTVLs() view returns (uint256[][], uint256[], uint256)',
        index: 2,
      },
      supply: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110',
      // Renzo's BalancerRateProvider does the same sum in one call; its address is only from third-party code.
      historyRate: {
        address: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C',
        signature: 'function getRate() view returns (uint256)',
        label: 'Renzo BalancerRateProvider.getRate()',
        confidence: 'third-party',
      },
      label: 'RestakeManager.calculateTVLs() / ezETH.totalSupply()',
      ...accruing,
      confidence: 'primary',
      source: SRC.renzo,
    },
    market: [uniswap('ezETH'), feed('chainlink-ezeth-eth', 'Chainlink ezETH / ETH', '0x636A000262F6aA9e1F094ABF0aD8f645C44f641C')],
    exit: { kind: 'renzo', withdrawQueue: '0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918', riskOracle: RENZO_INSTANT.riskOracle, delegationManager: EIGEN_DELEGATION, instant: RENZO_INSTANT, confidence: 'third-party', source: `${SRC.renzo}; ${SRC.eigen}` },
    confirmers: [
      { kind: 'contract', address: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C', signature: 'function getRate() view returns (uint256)', label: 'Renzo BalancerRateProvider.getRate()', confidence: 'third-party', source: `${SRC.renzo} (BalancerRateProvider.sol; address from integrator code)` },
    ],
    pauses: [
      pauseRead('0x74a09653A083691711cF8215a6ab074BB4e99ef5', paused, 'Renzo RestakeManager.paused()', 'deposits', 'secondary', SRC.renzo),
      pauseRead('0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918', paused, 'Renzo WithdrawQueue.paused()', 'withdrawals', 'third-party', `${SRC.renzo} (WithdrawQueue is PausableUpgradeable; address from integrator code)`),
    ],
    restaking: RENZO_RESTAKING,
  },
  {
    symbol: 'rsETH',
    name: 'rsETH',
    aliases: ['Kelp rsETH', 'KelpDao Restaked ETH', 'wrsETH'],
    kind: 'LRT',
    protocol: 'Kelp',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0512),
    deployments: [
      on(1, '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7', 'primary', SRC.kelp),
      bridged('rsETH', 42161, '0x4186BFC76E2E237523CBC30FD220FE055156b41F', 'primary', SRC.kelp, '0xb0EA543f9F8d4B818550365d13F66Da747e1476A', kelpOft('0x4186BFC76E2E237523CBC30FD220FE055156b41F')),
      bridged('rsETH', 8453, '0x1Bc71130A0e39942a7658878169764Bbd8A45993', 'primary', SRC.kelp, '0xd7221b10FBBC1e1ba95Fd0B4D031C15f7F365296', kelpOft('0x1Bc71130A0e39942a7658878169764Bbd8A45993')),
      bridged('rsETH', 10, '0x4186BFC76E2E237523CBC30FD220FE055156b41F', 'primary', SRC.kelp, '0x03fe94a215E3842deD931769F913d93FF33d0051', kelpOft('0x4186BFC76E2E237523CBC30FD220FE055156b41F')),
      // Kelp's wrsETH (RsETHTokenWrapper): 1:1 over the bridged rsETH it holds (the OFT above and CCIP
      // rsETH), so the OFT's route secures it; no escrow of its own (its rsETH is counted once, above).
      { ...on(8453, '0xEDfa23602D0EC14714057867A78d01e94176BEA0', 'primary', SRC.kelp), bridge: wrsEth('0x1Bc71130A0e39942a7658878169764Bbd8A45993') },
      { ...on(10, '0x87eEE96D50Fb761AD85B1c982d28A042169d61b1', 'primary', SRC.kelp), bridge: wrsEth('0x4186BFC76E2E237523CBC30FD220FE055156b41F') },
    ],
    redemption: {
      kind: 'call',
      address: '0x349A73444b1a310BAe67ef67973022020d70020d',
      signature: 'function rsETHPrice() view returns (uint256)',
      stored: true,
      label: 'LRTOracle.rsETHPrice() (stored)',
      ...accruing,
      confidence: 'primary',
      source: SRC.kelp,
    },
    market: [uniswap('rsETH'), feed('chainlink-rseth-eth', 'Chainlink RSETH / ETH', '0x03c68933f7a3F76875C0bc670a58e69294cDFD01')],
    exit: { kind: 'kelp', withdrawalManager: '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16', delegationManager: EIGEN_DELEGATION, instant: KELP_INSTANT, confidence: 'primary', source: `${SRC.kelp}; ${SRC.eigen}` },
    confirmers: [
      // Chainlink's mirror of Kelp's rate, pushed by its own oracles (reference NOTES §2: not a market price).
      { kind: 'feed', feed: '0x9d2F2f96B24C444ee32E57c04F7d944bcb8c8549', decimals: 18, heartbeatSeconds: DAY, label: 'Chainlink rsETH / ETH Exchange Rate', confidence: 'secondary', source: SRC.chainlink },
    ],
    pauses: [
      pauseRead('0x036676389e48133B63a802f8635AD39E752D375D', paused, 'Kelp LRTDepositPool.paused()', 'deposits', 'primary', `${SRC.kelp}, LRTDepositPool.sol (PausableUpgradeable)`),
      pauseRead('0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16', paused, 'Kelp LRTWithdrawalManager.paused()', 'withdrawals', 'primary', `${SRC.kelp} (PausableUpgradeable)`),
      pauseRead('0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7', paused, 'rsETH.paused()', 'transfers', 'primary', `${SRC.kelp}, RSETH.sol (PausableUpgradeable)`),
    ],
    restaking: KELP_RESTAKING,
  },
  {
    symbol: 'pufETH',
    name: 'pufETH',
    aliases: ['Puffer pufETH'],
    kind: 'LRT',
    protocol: 'Puffer',
    underlying: 'ETH',
    homeChainId: 1,
    rateHint: wad(1.0398),
    deployments: [
      on(1, '0xD9A442856C234a39a81a089C06451EBAa4306a72', 'primary', SRC.puffer),
      bridged('pufETH', 42161, '0x37D6382B6889cCeF8d6871A8b60E667115eDDBcF', 'primary', SRC.puffer, undefined, unreviewed("Puffer's pufETH bridge (not reviewed)", 'PufferFinance/Deployments-and-ACL docs/deployments')),
      bridged('pufETH', 8453, '0x30D91DF53cCCf07e3a5BF6862Db8CFBe1fCB21d3', 'primary', SRC.puffer, undefined, unreviewed("Puffer's pufETH bridge (not reviewed)", 'PufferFinance/Deployments-and-ACL docs/deployments')),
    ],
    redemption: {
      kind: 'call',
      address: '0xD9A442856C234a39a81a089C06451EBAa4306a72',
      signature: 'function convertToAssets(uint256 shares) view returns (uint256)',
      args: [e18],
      label: 'PufferVault.convertToAssets(1e18)',
      ...accruing,
      confidence: 'primary',
      source: SRC.puffer,
    },
    market: [uniswap('pufETH')],
    exit: {
      kind: 'puffer',
      vault: '0xD9A442856C234a39a81a089C06451EBAa4306a72',
      weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
      withdrawalManager: '0xDdA0483184E75a5579ef9635ED14BacCf9d50283',
      delegationManager: EIGEN_DELEGATION,
      instant: PUFFER_INSTANT,
      confidence: 'primary',
      source: `${SRC.puffer}; ${SRC.eigen}`,
    },
    // Puffer's contracts are AccessManaged: a pause closes the target in its AccessManager.
    pauses: [
      { ...pauseRead(PUFFER_ACCESS_MANAGER, 'function isTargetClosed(address target) view returns (bool)', 'Puffer AccessManager.isTargetClosed(PufferVault)', 'withdrawals', 'primary', `${SRC.puffer} (README contract addresses; PufferVaultV5 is AccessManagedUpgradeable)`), args: ['0xD9A442856C234a39a81a089C06451EBAa4306a72'] },
      { ...pauseRead(PUFFER_ACCESS_MANAGER, 'function isTargetClosed(address target) view returns (bool)', 'Puffer AccessManager.isTargetClosed(PufferWithdrawalManager)', 'withdrawals', 'primary', `${SRC.puffer} (PufferWithdrawalManager is AccessManagedUpgradeable)`), args: ['0xDdA0483184E75a5579ef9635ED14BacCf9d50283'] },
    ],
    restaking: PUFFER_RESTAKING,
  },
];

export { ETH_SENTINEL };
