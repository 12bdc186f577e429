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
]);

export const etherfiWithdrawRequestNftAbi = parseAbi([
  'function nextRequestId() view returns (uint32)',
  'function lastFinalizedRequestId() view returns (uint32)',
  'function setRequestIds(uint32 next, uint32 lastFinalized)',
]);

export const eigenDelegationManagerAbi = parseAbi([
  'function minWithdrawalDelayBlocks() view returns (uint32)',
  'function setMinWithdrawalDelayBlocks(uint32 blocks)',
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
  'function computePoolAddress(address tokenA, address tokenB, uint24 fee) pure returns (address)',
]);
