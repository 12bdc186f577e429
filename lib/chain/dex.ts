import type { Address } from 'viem';

/**
 * Uniswap v3 on each chain: the factory (pools stand at CREATE2 addresses from it), Uniswap's view
 * quoter (read-only quotes with no revert trick), and WETH, the other side of every pool we read.
 * Source: docs.uniswap.org v3 deployments, Uniswap/view-quoter-v3 README, Aave address book (WETH).
 */
export const UNISWAP_V3: Record<number, { factory: Address; quoter: Address; weth: Address }> = {
  1: {
    factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
    quoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',
    weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  },
  42161: {
    factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
    quoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',
    weth: '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1',
  },
  10: {
    factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
    quoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',
    weth: '0x4200000000000000000000000000000000000006',
  },
  8453: {
    factory: '0x33128a8fC17869897dcE68Ed026d694621f6FDfD',
    quoter: '0x222cA98F00eD15B1faE10B61c277703a194cf5d2',
    weth: '0x4200000000000000000000000000000000000006',
  },
};
