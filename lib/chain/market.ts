import { encodeAbiParameters, getCreate2Address, keccak256, type Address } from 'viem';
import type { MarketSource, TokenEntry } from '../tokens/schema';
import { chainlinkAbi, curvePoolAbi, uniswapQuoterAbi, uniswapV3PoolAbi } from './abis';
import { valueOf, type CallBatch, type CallResult } from './calls';
import type { MarketReading, SellQuote } from './figures';
import { divWad, mulWad, toWad, WAD } from './units';

/** Uniswap v3 pools stand at a CREATE2 address fixed by the factory, the pair and the fee. */
const UNISWAP_V3_POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

export function uniswapV3PoolAddress(factory: Address, tokenA: Address, tokenB: Address, fee: number): Address {
  const [token0, token1] = tokenA.toLowerCase() < tokenB.toLowerCase() ? [tokenA, tokenB] : [tokenB, tokenA];
  const salt = keccak256(
    encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, fee]),
  );
  return getCreate2Address({ from: factory, salt, bytecodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH });
}

/** A feed older than its heartbeat plus this grace counts as stale. */
const FEED_GRACE_SECONDS = 3_600;

export interface MarketDecodeInput {
  rate: bigint | null;
  blockTimestamp: number;
}

export interface MarketPlan {
  source: MarketSource;
  reading(input: MarketDecodeInput): MarketReading;
  /** DEX sources also quote sales at the requested sizes. */
  sells?(input: MarketDecodeInput): SellQuote[];
}

/**
 * Amount of what the venue trades (token or underlying) worth `sizeEth` at the redemption rate.
 * Sized from a hint because the quote and the rate are read in the same batch.
 */
function amountForSize(source: MarketSource, sizeEth: bigint, rateHint: bigint): bigint {
  return source.quotedIn === 'underlying' ? sizeEth : divWad(sizeEth, rateHint);
}

/** ETH the sold amount redeems for through the protocol, now that the rate is known. */
function redemptionValue(source: MarketSource, amountIn: bigint, rate: bigint): bigint {
  return source.quotedIn === 'underlying' ? amountIn : mulWad(amountIn, rate);
}

function perToken(source: MarketSource, pricePerUnit: bigint, rate: bigint | null): bigint | null {
  if (source.quotedIn === 'token') return pricePerUnit;
  return rate === null ? null : mulWad(pricePerUnit, rate);
}

function sellQuotes(
  source: MarketSource,
  amounts: bigint[],
  results: (() => CallResult)[],
  pick: (value: unknown) => bigint,
  rate: bigint | null,
): SellQuote[] {
  return amounts.map((amountIn, k) => {
    if (rate === null) {
      return { valueEth: '0', outEth: null, costBps: null, reason: 'needs the redemption value, which is unavailable' };
    }
    const valueEth = redemptionValue(source, amountIn, rate);
    const got = valueOf<unknown>(results[k]!(), `${source.label} quote`);
    if (!got.ok) return { valueEth: valueEth.toString(), outEth: null, costBps: null, reason: got.reason };
    const out = pick(got.value);
    const costBps = Number(((valueEth - out) * 10_000n) / valueEth);
    return { valueEth: valueEth.toString(), outEth: out.toString(), costBps, reason: null };
  });
}

function failed(source: MarketSource, kind: MarketReading['kind'], reason: string): MarketReading {
  return { id: source.id, label: source.label, kind, price: null, updatedAt: null, usable: false, reason };
}

export function planMarket(
  token: TokenEntry,
  source: MarketSource,
  batch: CallBatch,
  sizesEth: readonly bigint[],
  rateHint: bigint,
): MarketPlan {
  const tokenAddress = token.deployments.find((d) => d.chainId === token.homeChainId)!.address;
  const amounts = sizesEth.map((size) => amountForSize(source, size, rateHint));

  switch (source.kind) {
    case 'curve': {
      const args = (dx: bigint) => [BigInt(source.i), BigInt(source.j), dx] as const;
      const unit = batch.add({ address: source.pool, abi: curvePoolAbi, functionName: 'get_dy', args: args(WAD) });
      const sells = amounts.map((dx) =>
        batch.add({ address: source.pool, abi: curvePoolAbi, functionName: 'get_dy', args: args(dx) }),
      );
      return {
        source,
        reading({ rate }) {
          const got = valueOf<bigint>(unit(), `${source.label}`);
          if (!got.ok) return failed(source, 'dex', got.reason);
          const price = perToken(source, got.value, rate);
          if (price === null) return failed(source, 'dex', 'needs the redemption value, which is unavailable');
          return { id: source.id, label: `${source.label} (1 ${token.underlying}, fee included)`, kind: 'dex', price: price.toString(), updatedAt: null, usable: true, reason: null };
        },
        sells: ({ rate }) => sellQuotes(source, amounts, sells, (v) => v as bigint, rate),
      };
    }
    case 'uniswap-v3': {
      const pools = source.fees.map((fee) => {
        const pool = uniswapV3PoolAddress(source.factory, tokenAddress, source.weth, fee);
        return {
          fee,
          tokenIsToken0: tokenAddress.toLowerCase() < source.weth.toLowerCase(),
          slot0: batch.add({ address: pool, abi: uniswapV3PoolAbi, functionName: 'slot0' }),
          liquidity: batch.add({ address: pool, abi: uniswapV3PoolAbi, functionName: 'liquidity' }),
          quotes: amounts.map((amountIn) =>
            batch.add({
              address: source.quoter,
              abi: uniswapQuoterAbi,
              functionName: 'quoteExactInputSingle',
              args: [{ tokenIn: tokenAddress, tokenOut: source.weth, amountIn, fee, sqrtPriceLimitX96: 0n }],
            }),
          ),
        };
      });
      // The deepest pool is the market; pools that don't exist simply fail their calls.
      const deepest = () => {
        let best: { pool: (typeof pools)[number]; sqrtPriceX96: bigint; liquidity: bigint } | null = null;
        for (const pool of pools) {
          const slot0 = valueOf<readonly [bigint]>(pool.slot0(), 'slot0');
          const liquidity = valueOf<bigint>(pool.liquidity(), 'liquidity');
          if (!slot0.ok || !liquidity.ok || liquidity.value === 0n || slot0.value[0] === 0n) continue;
          if (!best || liquidity.value > best.liquidity) {
            best = { pool, sqrtPriceX96: slot0.value[0], liquidity: liquidity.value };
          }
        }
        return best;
      };
      return {
        source,
        reading() {
          const best = deepest();
          if (!best) return failed(source, 'dex', `${source.label}: no pool with liquidity in fee tiers ${source.fees.join(', ')}`);
          // price of token0 in token1 = (sqrtPriceX96 / 2^96)^2; both sides have 18 decimals here.
          const squared = best.sqrtPriceX96 * best.sqrtPriceX96;
          const q192 = 1n << 192n;
          const price = best.pool.tokenIsToken0 ? (squared * WAD) / q192 : (q192 * WAD) / squared;
          const feePct = best.pool.fee / 10_000;
          return { id: source.id, label: `${source.label} ${feePct}% (pool price)`, kind: 'dex', price: price.toString(), updatedAt: null, usable: true, reason: null };
        },
        sells({ rate }) {
          const best = deepest();
          if (!best) return amounts.map(() => ({ valueEth: '0', outEth: null, costBps: null, reason: 'no pool with liquidity' }));
          return sellQuotes(source, amounts, best.pool.quotes, (v) => (v as readonly [bigint])[0], rate);
        },
      };
    }
    case 'chainlink': {
      const round = batch.add({ address: source.feed, abi: chainlinkAbi, functionName: 'latestRoundData' });
      return {
        source,
        reading({ rate, blockTimestamp }) {
          const got = valueOf<readonly [bigint, bigint, bigint, bigint, bigint]>(round(), source.label);
          if (!got.ok) return failed(source, 'chainlink', got.reason);
          const [, answer, , updatedAtRaw] = got.value;
          const updatedAt = Number(updatedAtRaw);
          const base = { id: source.id, label: source.label, kind: 'chainlink' as const, updatedAt };
          if (answer <= 0n) return { ...base, price: null, usable: false, reason: `${source.label} answered ${answer}, not a price` };
          const age = blockTimestamp - updatedAt;
          if (age > source.heartbeatSeconds + FEED_GRACE_SECONDS) {
            const hours = Math.floor(age / 3600);
            return { ...base, price: null, usable: false, reason: `${source.label} is stale: last updated ${hours} h ago, past its ${source.heartbeatSeconds / 3600} h heartbeat` };
          }
          if (age < -300) return { ...base, price: null, usable: false, reason: `${source.label} claims an update in the future` };
          const price = perToken(source, toWad(answer, source.decimals), rate);
          if (price === null) return { ...base, price: null, usable: false, reason: 'needs the redemption value, which is unavailable' };
          const uncertain = source.category === 'uncertain';
          return {
            ...base,
            price: price.toString(),
            usable: !uncertain,
            reason: uncertain ? 'may mirror the protocol rate, so it is shown but not used for the peg' : null,
          };
        },
      };
    }
  }
}
