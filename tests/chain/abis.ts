// Typed ABIs of the test doubles: the real mainnet read functions the extension calls,
// plus the unrestricted setters the seeder uses. rig.test.ts checks these against the
// compiled contracts so the two cannot drift apart.
import { parseAbi } from 'viem';

export const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getChainId() view returns (uint256 chainid)',
  'function getBasefee() view returns (uint256 basefee)',
]);

export const wstethAbi = parseAbi([
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function stEthPerToken() view returns (uint256)',
  'function tokensPerStEth() view returns (uint256)',
  'function getStETHByWstETH(uint256 wstETHAmount) view returns (uint256)',
  'function getWstETHByStETH(uint256 stETHAmount) view returns (uint256)',
  'function setStEthPerToken(uint256 newRate)',
]);

export const stethAbi = parseAbi([
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function getBufferedEther() view returns (uint256)',
  'function getPooledEthByShares(uint256 sharesAmount) view returns (uint256)',
  'function getSharesByPooledEth(uint256 ethAmount) view returns (uint256)',
  'function setBufferedEther(uint256 amount)',
]);

export const curvePoolAbi = parseAbi([
  'function coins(uint256 i) view returns (address)',
  'function get_dy(int128 i, int128 j, uint256 dx) view returns (uint256)',
  'function setMarket(uint256 newPrice, uint256 newDepth, uint256 newFeeBps)',
]);

export const chainlinkAggregatorAbi = parseAbi([
  'function decimals() view returns (uint8)',
  'function description() view returns (string)',
  'function version() view returns (uint256)',
  'function latestAnswer() view returns (int256)',
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function setAnswer(int256 newAnswer)',
  'function setUpdatedAt(uint256 updatedAt)',
  'function setDescription(string newDescription)',
]);

export const lidoWithdrawalQueueAbi = parseAbi([
  'function unfinalizedStETH() view returns (uint256)',
  'function unfinalizedRequestNumber() view returns (uint256)',
  'function getLastRequestId() view returns (uint256)',
  'function getLastFinalizedRequestId() view returns (uint256)',
  'function isBunkerModeActive() view returns (bool)',
  'function isPaused() view returns (bool)',
  'function setUnfinalizedStETH(uint256 amount)',
  'function setRequestIds(uint256 last, uint256 lastFinalized)',
  'function setBunkerMode(bool active)',
  'function setPaused(bool isPaused_)',
]);

export const lidoHashConsensusAbi = parseAbi([
  'function getFrameConfig() view returns (uint256 initialEpoch, uint256 epochsPerFrame, uint256 fastLaneLengthSlots)',
  'function getChainConfig() view returns (uint256 slotsPerEpoch, uint256 secondsPerSlot, uint256 genesisTime)',
  'function getCurrentFrame() view returns (uint256 refSlot, uint256 reportProcessingDeadlineSlot)',
  'function setFrameConfig(uint256 initialEpoch_, uint256 epochsPerFrame_, uint256 fastLaneLengthSlots_)',
  'function setChainConfig(uint256 slotsPerEpoch_, uint256 secondsPerSlot_, uint256 genesisTime_)',
]);

export const weethAbi = parseAbi([
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function getRate() view returns (uint256)',
  'function getEETHByWeETH(uint256 weETHAmount) view returns (uint256)',
  'function getWeETHByeETH(uint256 eETHAmount) view returns (uint256)',
  'function setRate(uint256 newRate)',
]);

export const etherfiRedemptionManagerAbi = parseAbi([
  'function totalRedeemableAmount(address token) view returns (uint256)',
  'function previewRedeem(uint256 shares, address token) view returns (uint256)',
  'function canRedeem(uint256 amount, address token) view returns (bool)',
  'function paused() view returns (bool)',
  'function setRedeemable(uint256 amount)',
  'function setExitFeeBps(uint16 bps)',
  'function setPaused(bool paused_)',
  'function tokenToRedemptionInfo(address token) view returns ((uint64 capacity, uint64 remaining, uint64 lastRefill, uint64 refillRate) limit, uint16 exitFeeSplitToTreasuryInBps, uint16 exitFeeInBps, uint16 lowWatermarkInBpsOfTvl)',
  'function pausedUntil() view returns (uint256)',
  'function setPausedUntil(uint256 timestamp)',
]);

export const etherfiWithdrawRequestNftAbi = parseAbi([
  'function nextRequestId() view returns (uint32)',
  'function lastFinalizedRequestId() view returns (uint32)',
  'function setRequestIds(uint32 next, uint32 lastFinalized)',
]);

export const eigenDelegationManagerAbi = parseAbi([
  'function minWithdrawalDelayBlocks() view returns (uint32)',
  'function setMinWithdrawalDelayBlocks(uint32 blocks)',
  'function delegatedTo(address staker) view returns (address)',
  'function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)',
  'function getOperatorShares(address operator, address[] strategies) view returns (uint256[] shares)',
  'function setDelegation(address staker, address operator)',
  'function setStakerShares(address staker, address strategy, uint256 shares)',
  'function setOperatorShares(address operator, address strategy, uint256 shares)',
]);

export const eigenAllocationManagerAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getStrategyAllocations(address operator, address strategy) view returns (OperatorSet[] sets, Allocation[] allocs)',
  'function getMaxMagnitude(address operator, address strategy) view returns (uint64)',
  'function getRegisteredSets(address operator) view returns (OperatorSet[] operatorSets)',
  'function setAllocation(address operator, address avs, uint32 id, address strategy, uint64 currentMagnitude, int128 pendingDiff, uint32 effectBlock)',
  'function setMaxMagnitude(address operator, address strategy, uint64 magnitude)',
  'function setRegistered(address operator, address avs, uint32 id, bool registered)',
]);

export const kelpDepositPoolAbi = parseAbi([
  'function paused() view returns (bool)',
  'function isStakingPaused() view returns (bool)',
  'function isStopped() view returns (bool)',
  'function setPauseFlag(bytes4 view_, bool on)',
  'function getNodeDelegatorQueue() view returns (address[])',
  'function setNodeDelegatorQueue(address[] queue)',
]);

export const uniswapV3PoolAbi = parseAbi([
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function liquidity() view returns (uint128)',
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function fee() view returns (uint24)',
  'function tickSpacing() view returns (int24)',
  'function setTokens(address token0_, address token1_, uint24 fee_)',
  'function setSlot0(uint160 sqrtPriceX96_, int24 tick_)',
  'function setLiquidity(uint128 liquidity_)',
]);

export const uniswapViewQuoterAbi = parseAbi([
  'struct QuoteExactInputSingleParams { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactInputSingle(QuoteExactInputSingleParams params) view returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
  'function computePoolAddress(address tokenA, address tokenB, uint24 fee) view returns (address)',
  'function factory() view returns (address)',
  'function setFactory(address factory)',
]);

// --- Liquid staking / restaking tokens beyond Lido and ether.fi ---------------------------

/** ERC-20 metadata every token double serves (TokenBase / PlainToken). */
export const erc20MetadataAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function setTotalSupply(uint256 supply)',
]);

export const plainTokenAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function setTotalSupply(uint256 supply)',
  'function setSymbol(string newSymbol)',
]);

export const rethAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function getExchangeRate() view returns (uint256)',
  'function getEthValue(uint256 rethAmount) view returns (uint256)',
  'function getRethValue(uint256 ethAmount) view returns (uint256)',
  'function getTotalCollateral() view returns (uint256)',
  'function setExchangeRate(uint256 newRate)',
  'function setTotalCollateral(uint256 amount)',
]);

export const cbethAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function exchangeRate() view returns (uint256)',
  'function setExchangeRate(uint256 newRate)',
]);

export const sfrxethAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function pricePerShare() view returns (uint256)',
  'function convertToAssets(uint256 shares) view returns (uint256)',
  'function convertToShares(uint256 assets) view returns (uint256)',
  'function setPricePerShare(uint256 newPrice)',
]);

export const fraxRedemptionQueueAbi = parseAbi([
  'function redemptionQueueState() view returns (uint64 nextNftId, uint64 queueLengthSecs, uint64 redemptionFee, uint120 ttlEthRequested, uint120 ttlEthServed)',
  'function setRedemptionQueueState(uint64 nextNftId, uint64 queueLengthSecs, uint64 redemptionFee, uint120 ttlEthRequested, uint120 ttlEthServed)',
]);

export const osTokenVaultControllerAbi = parseAbi([
  'function convertToAssets(uint256 shares) view returns (uint256 assets)',
  'function convertToShares(uint256 assets) view returns (uint256 shares)',
  'function setRate(uint256 newRate)',
]);

export const osTokenRedeemerAbi = parseAbi([
  'function queuedShares() view returns (uint128)',
  'function exitQueueUpdateDelay() view returns (uint256)',
  'function setQueue(uint128 queuedShares_, uint256 exitQueueUpdateDelay_)',
]);

export const staderStakePoolsManagerAbi = parseAbi([
  'function getExchangeRate() view returns (uint256)',
  'function setExchangeRate(uint256 newRate)',
]);

export const staderUserWithdrawalManagerAbi = parseAbi([
  'function nextRequestId() view returns (uint256)',
  'function nextRequestIdToFinalize() view returns (uint256)',
  'function ethRequestedForWithdraw() view returns (uint256)',
  'function setQueue(uint256 next, uint256 nextToFinalize, uint256 ethRequested)',
]);

export const staderConfigAbi = parseAbi([
  'function getMinBlockDelayToFinalizeWithdrawRequest() view returns (uint256)',
  'function setMinBlockDelayToFinalizeWithdrawRequest(uint256 blocks)',
]);

export const mantleStakingAbi = parseAbi([
  'function mETHToETH(uint256 mETHAmount) view returns (uint256)',
  'function ethToMETH(uint256 ethAmount) view returns (uint256)',
  'function setRate(uint256 newRate)',
]);

export const mantleUnstakeRequestsManagerAbi = parseAbi([
  'function numberOfBlocksToFinalize() view returns (uint256)',
  'function allocatedETHDeficit() view returns (uint256)',
  'function setState(uint256 blocksToFinalize, uint256 deficit)',
]);

export const swethAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function swETHToETHRate() view returns (uint256)',
  'function ethToSwETHRate() view returns (uint256)',
  'function setRate(uint256 newRate)',
]);

export const rswethAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function rswETHToETHRate() view returns (uint256)',
  'function ethToRswETHRate() view returns (uint256)',
  'function setRate(uint256 newRate)',
]);

/** swEXIT and rswEXIT share this interface. */
export const swellExitAbi = parseAbi([
  'function getLastTokenIdCreated() view returns (uint256)',
  'function getLastTokenIdProcessed() view returns (uint256)',
  'function exitingETH() view returns (uint256)',
  'function setExitState(uint256 created, uint256 processed, uint256 exiting)',
]);

export const lsethAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function underlyingBalanceFromShares(uint256 shares) view returns (uint256)',
  'function sharesFromUnderlyingBalance(uint256 underlyingBalance) view returns (uint256)',
  'function setRate(uint256 newRate)',
]);

export const riverRedeemManagerAbi = parseAbi([
  'function getRedeemDemand() view returns (uint256)',
  'function getBufferedExceedingEth() view returns (uint256)',
  'function setRedeemState(uint256 demand, uint256 bufferedExceeding)',
]);

export const ankrethAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function ratio() view returns (uint256)',
  'function setRatio(uint256 newRatio)',
]);

export const renzoRestakeManagerAbi = parseAbi([
  'function calculateTVLs() view returns (uint256[][] operatorDelegatorTokenTVLs, uint256[] operatorDelegatorTVLs, uint256 totalTVL)',
  'function setTotalTVL(uint256 tvl)',
  'function setTvlReverts(bool reverts)',
  'error OraclePriceExpired()',
]);

export const renzoBalancerRateProviderAbi = parseAbi(['function getRate() view returns (uint256)']);

export const renzoWithdrawQueueAbi = parseAbi([
  'function coolDownPeriod() view returns (uint256)',
  'function getAvailableToWithdraw(address asset) view returns (uint256)',
  'function setCoolDownPeriod(uint256 period)',
  'function setAvailableToWithdraw(address asset, uint256 amount)',
  'function riskOracleMiddleware() view returns (address)',
  'function withdrawalBufferTarget(address asset) view returns (uint256)',
  'function whitelisted(address account) view returns (bool)',
  'function setWithdrawalBufferTarget(address asset, uint256 target)',
  'function setWhitelisted(address account, bool on)',
]);

export const renzoRiskOracleMiddlewareAbi = parseAbi([
  'function instantWithdrawPaused() view returns (bool)',
  'function withdrawRequestPaused() view returns (bool)',
  'function withdrawClaimPaused() view returns (bool)',
  'function setWithdrawPauses(bool instant, bool request, bool claim)',
  'function withdrawCooldownPeriod() view returns (uint256)',
  'function setWithdrawCooldownPeriod(uint256 seconds_)',
]);

export const renzoInstantWithdrawerAbi = parseAbi([
  'function withdrawalQueue() view returns (address)',
  'function ezETH() view returns (address)',
  'function getBufferDetails(address redeemToken) view returns (uint256 bufferCapacity, uint256 bufferAvailable, uint256 drawDownLimit)',
  'function allowedBufferDrawdownBps() view returns (uint256)',
  'function minFeeBps() view returns (uint256)',
  'function maxFeeBps() view returns (uint256)',
  'function setFeeInfo(uint256 allowedDrawdownBps, uint256 minBps, uint256 maxBps)',
]);

export const kelpLrtOracleAbi = parseAbi([
  'function rsETHPrice() view returns (uint256)',
  'function setRsETHPrice(uint256 price)',
]);

export const kelpWithdrawalManagerAbi = parseAbi([
  'function withdrawalDelayBlocks() view returns (uint256)',
  'function nextUnusedNonce(address asset) view returns (uint256)',
  'function nextLockedNonce(address asset) view returns (uint256)',
  'function getAvailableAssetAmount(address asset) view returns (uint256)',
  'function setWithdrawalDelayBlocks(uint256 blocks)',
  'function setAssetState(address asset, uint256 unusedNonce, uint256 lockedNonce, uint256 availableAmount)',
  'function isInstantWithdrawalEnabled(address asset) view returns (bool)',
  'function instantWithdrawalFee() view returns (uint256)',
  'function setInstantWithdrawal(address asset, bool enabled, uint256 feeBps)',
]);

export const kelpUnstakingVaultAbi = parseAbi([
  'function getAssetsAvailableForInstantWithdrawal(address asset) view returns (uint256)',
  'function queuedWithdrawalsBuffer(address asset) view returns (uint256)',
  'function setQueuedWithdrawalsBuffer(address asset, uint256 buffer)',
]);

export const pufferVaultAbi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function convertToAssets(uint256 shares) view returns (uint256)',
  'function convertToShares(uint256 assets) view returns (uint256)',
  'function totalAssets() view returns (uint256)',
  'function getTotalExitFeeBasisPoints() view returns (uint256)',
  'function getRemainingAssetsDailyWithdrawalLimit() view returns (uint256)',
  'function setRate(uint256 newRate)',
  'function setExitFeeBasisPoints(uint256 bps)',
  'function setRemainingAssetsDailyWithdrawalLimit(uint256 amount)',
]);

export const pufferWithdrawalManagerAbi = parseAbi([
  'function getWithdrawalsLength() view returns (uint256)',
  'function getFinalizedWithdrawalBatch() view returns (uint256)',
  'function BATCH_SIZE() view returns (uint256)',
  'function setQueue(uint256 length, uint256 finalized, uint256 batchSize_)',
]);

export const etherfiLiquidityPoolAbi = parseAbi([
  'function amountForShare(uint256 share) view returns (uint256)',
  'function sharesForAmount(uint256 amount) view returns (uint256)',
]);

export const weth9Abi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function balanceOf(address) view returns (uint256)',
  'function setBalance(address owner, uint256 amount)',
]);

/** PauseFlags mixin (PauseFlags.sol): the pause views, and the switch a test flips. */
export const pauseFlagsAbi = parseAbi([
  'function paused() view returns (bool)',
  'function isStakingPaused() view returns (bool)',
  'function isStopped() view returns (bool)',
  'function setPauseFlag(bytes4 view_, bool on)',
]);

/** What a bridge escrow holds: the token doubles' settable balances (TokenBase, WstETH, WeETH). */
export const tokenBalanceAbi = parseAbi(['function balanceOf(address owner) view returns (uint256)', 'function setBalance(address owner, uint256 amount)']);

export const lzEndpointAbi = parseAbi([
  'function getReceiveLibrary(address receiver, uint32 srcEid) view returns (address lib, bool isDefault)',
  'function setDefaultReceiveLibrary(address lib)',
  'function setReceiveLibrary(address receiver, uint32 srcEid, address lib)',
]);

export const lzReceiveUlnAbi = parseAbi([
  'struct UlnConfig { uint64 confirmations; uint8 requiredDVNCount; uint8 optionalDVNCount; uint8 optionalDVNThreshold; address[] requiredDVNs; address[] optionalDVNs; }',
  'function getUlnConfig(address oapp, uint32 remoteEid) view returns (UlnConfig)',
  'function setUlnConfig(address oapp, uint32 remoteEid, uint64 confirmations, address[] requiredDVNs, address[] optionalDVNs, uint8 optionalThreshold)',
]);

/** OpenZeppelin AccessManager (Puffer's): whether a target is closed, i.e. paused. */
export const accessManagerAbi = parseAbi(['function isTargetClosed(address target) view returns (bool)', 'function setTargetClosed(address target, bool isClosed)']);
