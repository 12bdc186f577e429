import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEACON, secondsToNextLidoFrame } from '../../lib/chain/exit';
import { UNISWAP_V3_POOL_INIT_CODE_HASH } from '../../lib/chain/market';
import { registry } from '../../lib/tokens/registry';
import type { MarketSource, TokenEntry } from '../../lib/tokens/schema';

/*
 * The meaning of the reads that are easy to get wrong, checked against the protocols' own
 * artifacts (tests/fixtures/artifacts): which way a price points, how many decimals a feed has,
 * what a pool's coins are, what unit a delay is in.
 */

const ARTIFACTS = join(import.meta.dirname, '../fixtures/artifacts');
const artifact = <T>(path: string) => JSON.parse(readFileSync(join(ARTIFACTS, path), 'utf8')) as T;

describe('Uniswap v3 (npm @uniswap/v3-core)', () => {
  const pool = artifact<{ initCodeHash: string; facts: { claim: string; file: string; line: number }[] }>('npm/uniswap-v3-pool.json');

  it('computes pool addresses with the init code hash of the published UniswapV3Pool bytecode', () => {
    expect(UNISWAP_V3_POOL_INIT_CODE_HASH).toBe(pool.initCodeHash);
  });

  it('reads slot0 as sqrt(token1/token0) with token0 the lower address, as the interface states', () => {
    // lib/chain/market.ts inverts the pool price when the token is token1 (tested in market.test.ts);
    // these are the lines of the package's own source that say why.
    expect(pool.facts.map((f) => f.claim)).toEqual(['slot0().sqrtPriceX96 is sqrt(token1/token0) as a Q64.96 number', 'token0 is the lower address of the pair']);
    for (const fact of pool.facts) expect(fact.line).toBeGreaterThan(0);
  });
});

interface DirectoryFeed {
  proxy: string;
  name: string;
  decimals: number;
}

describe('Chainlink feeds (Chainlink’s directory, npm @bgd-labs/toolbox)', () => {
  const directory = artifact<{ feeds: Record<string, DirectoryFeed[]> }>('chainlink-directory.json');
  const listed = (chainId: number, address: string) => directory.feeds[String(chainId)]?.find((f) => f.proxy.toLowerCase() === address.toLowerCase());

  type FeedRead = { token: TokenEntry; chainId: number; feed: string; decimals: number; base: string; role: 'market' | 'uncertain' | 'confirmer' };
  const reads: FeedRead[] = registry.flatMap((token) => {
    const market = (chainId: number, s: MarketSource): FeedRead[] =>
      s.kind === 'chainlink' ? [{ token, chainId, feed: s.feed, decimals: s.decimals, base: s.unit === 'underlying' ? token.underlying! : token.symbol, role: s.category }] : [];
    return [
      ...token.market.flatMap((s) => market(token.homeChainId, s)),
      ...token.deployments.flatMap((d) => d.market.flatMap((s) => market(d.chainId, s))),
      ...token.confirmers.flatMap((c): FeedRead[] => (c.kind === 'feed' ? [{ token, chainId: token.homeChainId, feed: c.feed, decimals: c.decimals, base: token.symbol, role: 'confirmer' }] : [])),
    ];
  });

  it('covers every feed the registry reads', () => {
    expect(reads.length).toBeGreaterThan(20);
  });

  it.each(reads.map((r) => [`${r.token.symbol} on ${r.chainId}: ${r.feed}`, r] as const))('%s is the directory’s feed, with its decimals and direction', (_, read) => {
    const feed = listed(read.chainId, read.feed);
    expect(feed, 'the directory has no feed at this proxy on this chain').toBeDefined();
    expect(read.decimals).toBe(feed!.decimals);
    // "BASE / ETH": the price of one BASE in ETH, the direction every decode here assumes.
    const [base, quote] = feed!.name.split(' / ');
    expect(quote).toMatch(/^ETH( Exchange Rate)?$/);
    expect(base!.toLowerCase()).toBe(read.base.toLowerCase());
    // An exchange-rate feed copies the protocol's rate: it may confirm a rate, never price the market.
    if (feed!.name.endsWith('Exchange Rate')) expect(read.role).not.toBe('market');
  });
});

interface SourceFacts {
  contracts: { contract: string; addresses: string[]; coins?: { order: string[]; from: string }; facts?: { fact: string; line: number; path?: string }[] }[];
}
const sourceOf = (protocol: string) => artifact<SourceFacts>(`source/${protocol}.json`);
const factsOf = (protocol: string, contract: RegExp) => sourceOf(protocol).contracts.find((c) => contract.test(c.contract))?.facts ?? [];
const ETH = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

describe('Curve pools (curvefi/curve-contract; Frax for the frxETH pool)', () => {
  const pools = sourceOf('curve').contracts;
  const reads = registry.flatMap((token) =>
    token.market.flatMap((source) => (source.kind === 'curve' ? [{ token, source }] : [])),
  );

  it.each(reads.map((r) => [`${r.token.symbol}: ${r.source.id}`, r] as const))('%s sells coin i for coin j = ETH, in the pool’s own coin order', (_, { token, source }) => {
    const pool = pools.find((p) => p.addresses.some((a) => a.toLowerCase() === `1:${source.pool.toLowerCase()}`));
    expect(pool?.coins, `no recorded coin order for ${source.pool}`).toBeDefined();
    const order = pool!.coins!.order.map((a) => a.toLowerCase());
    // get_dy(i, j, dx): dx of coin i in, coin j out (StableSwapSTETH.vy get_dy): i is what we sell, j is ETH.
    const sold = source.unit === 'underlying' ? registry.find((t) => t.symbol === token.underlying)! : token;
    expect(order[source.i]).toBe(sold.deployments.find((d) => d.chainId === 1)!.address.toLowerCase());
    expect(order[source.j]).toBe(ETH.toLowerCase());
  });
});

describe('units the decoders assume, as the sources state them', () => {
  it('ankrETH.ratio() is ankrETH per ETH, so ETH per ankrETH is 1e36 / ratio', () => {
    expect(factsOf('ankr', /ankrETH/).some((f) => /10 \*\* 36 \/ .*ratio\(\)/.test(f.fact))).toBe(true);
    const redemption = registry.find((t) => t.symbol === 'ankrETH')!.redemption;
    expect(redemption).toMatchObject({ kind: 'call', signature: 'function ratio() view returns (uint256)', inverse: true });
  });

  it('EigenLayer’s minWithdrawalDelayBlocks is in blocks (100,800 on mainnet: 14 days of 12 s slots)', () => {
    const fact = factsOf('eigenlayer', /^DelegationManager$/).find((f) => /MIN_WITHDRAWAL_DELAY_BLOCKS = (\d+)/.test(f.fact));
    const blocks = Number(/MIN_WITHDRAWAL_DELAY_BLOCKS = (\d+)/.exec(fact!.fact)![1]);
    expect(blocks * BEACON.secondsPerSlot).toBe(14 * 86_400);
  });

  it('Lido’s accounting oracle frame is 225 epochs, one day, and the next report is within one frame', () => {
    const fact = factsOf('lido', /HashConsensus/).find((f) => /epochsPerFrame (\d+)/.test(f.fact));
    const epochsPerFrame = Number(/epochsPerFrame (\d+)/.exec(fact!.fact)![1]);
    expect(epochsPerFrame * BEACON.slotsPerEpoch * BEACON.secondsPerSlot).toBe(86_400);
    const now = 1_765_000_000;
    const wait = secondsToNextLidoFrame(now, 0, epochsPerFrame);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(86_400);
  });

  it('rsETH’s price is a stored value that anyone may update, with no timestamp: the registry marks it stored', () => {
    expect(factsOf('kelp', /LRTOracle/).some((f) => /state variable/.test(f.fact) && /updateRSETHPrice/.test(f.fact))).toBe(true);
    expect(registry.find((t) => t.symbol === 'rsETH')!.redemption).toMatchObject({ stored: true });
  });
});
