// Uniswap v3 helpers for the test chain: deterministic pool addresses and price encoding.
import { type Address, type Hex, encodeAbiParameters, getAddress, getCreate2Address, keccak256 } from 'viem';

export const UNISWAP_V3_FACTORY: Address = '0x1F98431c8aD98523631AE4a59f267346ea31F984';
export const UNISWAP_V3_POOL_INIT_CODE_HASH: Hex =
  '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

/** WETH9 on mainnet: the quote token of every pool the rig stands up. */
export const WETH_ADDRESS: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';

const Q96 = 1n << 96n;
const Q192 = 1n << 192n;
const E18 = 10n ** 18n;

/** Uniswap orders pool tokens by address: token0 is the lower one. */
export function sortTokens(tokenA: Address, tokenB: Address): [Address, Address] {
  const [a, b] = [getAddress(tokenA), getAddress(tokenB)];
  return BigInt(a) < BigInt(b) ? [a, b] : [b, a];
}

/**
 * The pool address the v3 factory deploys for (tokenA, tokenB, fee) via CREATE2. `factory` is
 * mainnet's by default (also Arbitrum's and Optimism's; Base has its own).
 */
export function uniswapV3PoolAddress(tokenA: Address, tokenB: Address, fee: number, factory: Address = UNISWAP_V3_FACTORY): Address {
  const [token0, token1] = sortTokens(tokenA, tokenB);
  const salt = keccak256(
    encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, fee]),
  );
  return getCreate2Address({ from: factory, salt, bytecodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH });
}

/** Integer square root (floor), Newton's method on bigints. */
export function sqrtBigInt(value: bigint): bigint {
  if (value < 0n) throw new Error('sqrt of negative number');
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) >> 1n;
  while (y < x) {
    x = y;
    y = (x + value / x) >> 1n;
  }
  return x;
}

/** sqrtPriceX96 for a pool where `amount1` of token1 trades for `amount0` of token0. */
export function encodeSqrtRatioX96(amount1: bigint, amount0: bigint): bigint {
  if (amount0 <= 0n || amount1 <= 0n) throw new Error('amounts must be positive');
  return sqrtBigInt((amount1 * Q192) / amount0);
}

/**
 * sqrtPriceX96 of the WETH(token0)/weETH(token1) pool for a target ETH per weETH (1e18 scale).
 * Pool price = token1 per token0 = weETH per WETH = 1 / ethPerWeeth.
 */
export function ethPerWeethToSqrtPriceX96(ethPerWeeth: bigint): bigint {
  return encodeSqrtRatioX96(E18, ethPerWeeth);
}

/** Inverse of ethPerWeethToSqrtPriceX96 (1e18 scale, floor). */
export function sqrtPriceX96ToEthPerWeeth(sqrtPriceX96: bigint): bigint {
  return (E18 * Q192) / (sqrtPriceX96 * sqrtPriceX96);
}

/** Whether `token` is token0 of its pool against `quote` (Uniswap sorts by address). */
export function isToken0(token: Address, quote: Address = WETH_ADDRESS): boolean {
  return BigInt(getAddress(token)) < BigInt(getAddress(quote));
}

/**
 * sqrtPriceX96 of the `token`/WETH pool for a target price in WETH per token (1e18 scale), for
 * either token order; both tokens have 18 decimals. Pool price = token1 per token0, so:
 * token is token0 -> price = ethPerToken; token is token1 -> price = 1 / ethPerToken.
 */
export function ethPerTokenToSqrtPriceX96(token: Address, ethPerToken: bigint, quote: Address = WETH_ADDRESS): bigint {
  return isToken0(token, quote) ? encodeSqrtRatioX96(ethPerToken, E18) : encodeSqrtRatioX96(E18, ethPerToken);
}

/** Inverse of ethPerTokenToSqrtPriceX96 (1e18 scale, floor). */
export function sqrtPriceX96ToEthPerToken(token: Address, sqrtPriceX96: bigint, quote: Address = WETH_ADDRESS): bigint {
  const squared = sqrtPriceX96 * sqrtPriceX96;
  return isToken0(token, quote) ? (squared * E18) / Q192 : (E18 * Q192) / squared;
}

/** Approximate tick (floor of log base 1.0001 of the price); float precision is plenty for a stub. */
export function approximateTick(sqrtPriceX96: bigint): number {
  const sqrtPrice = Number(sqrtPriceX96) / Number(Q96);
  return Math.floor((2 * Math.log(sqrtPrice)) / Math.log(1.0001));
}
