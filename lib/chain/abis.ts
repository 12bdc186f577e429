import { parseAbi } from 'viem';

/** Only the functions Stakelens reads, with the mainnet contracts' real signatures. */
export const erc20Abi = parseAbi(['function totalSupply() view returns (uint256)', 'function balanceOf(address) view returns (uint256)']);

export const curvePoolAbi = parseAbi(['function get_dy(int128 i, int128 j, uint256 dx) view returns (uint256)', 'function balances(uint256 i) view returns (uint256)']);

export const chainlinkAbi = parseAbi([
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
]);

export const uniswapV3PoolAbi = parseAbi([
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function liquidity() view returns (uint128)',
]);

export const uniswapQuoterAbi = parseAbi([
  'function quoteExactInputSingle((address tokenIn, address tokenOut, uint256 amountIn, uint24 fee, uint160 sqrtPriceLimitX96) params) view returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);

export const multicall3Abi = parseAbi([
  'function getCurrentBlockTimestamp() view returns (uint256)',
  'function getBlockNumber() view returns (uint256)',
  'function getEthBalance(address) view returns (uint256)',
]);

export const lidoQueueAbi = parseAbi([
  'function unfinalizedStETH() view returns (uint256)',
  'function isBunkerModeActive() view returns (bool)',
  'function isPaused() view returns (bool)',
]);

export const lidoStethAbi = parseAbi(['function getBufferedEther() view returns (uint256)']);

export const hashConsensusAbi = parseAbi([
  'function getFrameConfig() view returns (uint256 initialEpoch, uint256 epochsPerFrame, uint256 fastLaneLengthSlots)',
]);

export const etherfiRedemptionAbi = parseAbi([
  'function totalRedeemableAmount(address token) view returns (uint256)',
  'function previewRedeem(uint256 shares, address token) view returns (uint256)',
  'function paused() view returns (bool)',
]);

export const etherfiWithdrawNftAbi = parseAbi([
  'function nextRequestId() view returns (uint32)',
  'function lastFinalizedRequestId() view returns (uint32)',
]);

export const eigenDelegationAbi = parseAbi(['function minWithdrawalDelayBlocks() view returns (uint32)']);

/** ether.fi's redemption manager names ETH output by this sentinel token address. */
export const ETH_SENTINEL = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE' as const;
