// Seeds a fresh anvil node as Arbitrum, Base or Optimism: the same test doubles as the mainnet
// rig (Multicall3, token metadata, Uniswap v3 pools and view quoter, Chainlink aggregators)
// stand at the real L2 addresses with realistic values, so multicall reads work unchanged.
// Start the node with `startAnvil({ chainId, blockNumber: L2_BLOCK_NUMBERS[chainId] })`.
import {
  type Abi,
  type Address,
  type EIP1193RequestFn,
  type Hex,
  type PublicRpcSchema,
  type WalletRpcSchema,
  createTestClient,
  defineChain,
  encodeFunctionData,
  getAddress,
  http,
} from 'viem';
import { arbitrum, base, optimism } from 'viem/chains';
import { chainlinkAggregatorAbi, lzEndpointAbi, lzReceiveUlnAbi, plainTokenAbi, uniswapV3PoolAbi, uniswapViewQuoterAbi } from './abis';
import { LZ_EID, LZ_ENDPOINT, LZ_OFTS, LZ_RECEIVE_ULN_302, TWO_DVNS, type UlnRoute } from './layerzero-rig';
import { compileContracts } from './compile';
import { approximateTick, ethPerTokenToSqrtPriceX96, sortTokens, uniswapV3PoolAddress } from './uniswap';

export type L2ChainId = 42161 | 8453 | 10;

const E18 = 10n ** 18n;
const eth = (n: number) => BigInt(n) * E18;
/** A 4-decimal price (e.g. 1.2150) as 1e18 fixed point, exactly. */
const price4 = (x: number) => BigInt(Math.round(x * 10_000)) * 10n ** 14n;

/** Checksums at load time: a mistyped address fails loudly instead of standing nowhere. */
function checked<T extends Record<string, string>>(table: T): { readonly [K in keyof T]: Address } {
  for (const [key, address] of Object.entries(table)) {
    if (getAddress(address) !== address) throw new Error(`l2 rig: ${key} ${address} is not checksummed`);
  }
  return table as { readonly [K in keyof T]: Address };
}

/** Genesis block numbers: realistic, and above viem's Multicall3 `blockCreated` on each chain. */
export const L2_BLOCK_NUMBERS = Object.freeze({
  42161: 400_000_000n,
  8453: 38_000_000n,
  10: 143_000_000n,
} as const satisfies Record<L2ChainId, bigint>);

/** viem's chain object of each L2 (Multicall3 address and blockCreated included). */
export const L2_VIEM_CHAINS = { 42161: arbitrum, 8453: base, 10: optimism } as const;

export const MULTICALL3: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** Uniswap v3 per chain: factory (pools at CREATE2 addresses from it), view quoter, WETH. */
export const L2_UNISWAP_V3 = Object.freeze({
  42161: checked({
    factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
    quoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',
    weth: '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1',
  }),
  8453: checked({
    factory: '0x33128a8fC17869897dcE68Ed026d694621f6FDfD',
    quoter: '0x222cA98F00eD15B1faE10B61c277703a194cf5d2',
    weth: '0x4200000000000000000000000000000000000006',
  }),
  10: checked({
    factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
    quoter: '0x5e55C9e631FAE526cd4B0526C4818D6e0a9eF0e3',
    weth: '0x4200000000000000000000000000000000000006',
  }),
} satisfies Record<L2ChainId, { factory: Address; quoter: Address; weth: Address }>);

/** Fee tier (hundredths of a bip) of every L2 token/WETH pool the rig stands up. */
export const L2_POOL_FEE = 100;

/** Token addresses per chain (each gets an ERC-20 stub and a pool against the chain's WETH). */
export const L2_TOKENS = Object.freeze({
  42161: checked({
    wstETH: '0x5979D7b546E38E414F7E9822514be443A4800529',
    rETH: '0xEC70Dcb4A1EFa46b8F2D97C310C9c4790ba5ffA8',
    cbETH: '0x1DEBd73E752bEaF79865Fd6446b0c970EaE7732f',
    sfrxETH: '0x95aB45875cFFdba1E5f451B950bC2E42c0053f39',
    osETH: '0xf7d4e7273E5015C96728A6b02f31C505eE184603',
    ETHx: '0xED65C5085a18Fa160Af0313E60dcc7905E944Dc7',
    weETH: '0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe',
    ezETH: '0x2416092f143378750bb29b79eD961ab195CcEea5',
    rsETH: '0x4186BFC76E2E237523CBC30FD220FE055156b41F',
    pufETH: '0x37D6382B6889cCeF8d6871A8b60E667115eDDBcF',
  }),
  8453: checked({
    wstETH: '0xc1CBa3fCea344f92D9239c08C0568f6F2F0ee452',
    rETH: '0xB6fe221Fe9EeF5aBa221c348bA20A1Bf5e73624c',
    cbETH: '0x2Ae3F1Ec7F1F5012CFEab0185bfc7aa3cf0DEc22',
    weETH: '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A',
    ezETH: '0x2416092f143378750bb29b79eD961ab195CcEea5',
    rsETH: '0x1Bc71130A0e39942a7658878169764Bbd8A45993',
    pufETH: '0x30D91DF53cCCf07e3a5BF6862Db8CFBe1fCB21d3',
  }),
  10: checked({
    stETH: '0x76A50b8c7349cCDDb7578c6627e79b5d99D24138',
    wstETH: '0x1F32b1c2345538c0c6f582fCB022739c4A194Ebb',
    rETH: '0x9Bcef72be871e61ED4fBbc7630889beE758eb81D',
    cbETH: '0xadDb6A0412DE1BA0F936DCaeb8Aaa24578dcF3B2',
    sfrxETH: '0x484c2D6e3cDd945a8B2DF735e079178C1036578c',
    frxETH: '0x6806411765Af15Bddd26f8f544A34cC40cb9838B',
    ETHx: '0xc54B43eaF921A5194c7973A4d65E055E5a1453c2',
    weETH: '0x5A7fACB970D094B6C7FF1df0eA68D99E6e73CBFF',
    ezETH: '0x2416092f143378750bb29b79eD961ab195CcEea5',
    rsETH: '0x4186BFC76E2E237523CBC30FD220FE055156b41F',
  }),
});

/** Any token symbol on any of the L2s (each chain has a subset: see L2_TOKENS). */
export type L2TokenSymbol = { [C in L2ChainId]: keyof (typeof L2_TOKENS)[C] }[L2ChainId];

/**
 * Chainlink <token>/ETH market feeds per chain, keyed by the token they price (the feed's label
 * is in L2_FEED_DESCRIPTIONS). All stand as the ChainlinkAggregator stub (18 decimals).
 */
export const L2_FEEDS = Object.freeze({
  42161: checked({
    stETH: '0xded2c52b75B24732e9107377B7Ba93eC1fFa4BAf',
    wstETH: '0xb523AE262D20A936BC152e6023996e46FDC2A95D',
    rETH: '0xD6aB2298946840262FcC278fF31516D39fF611eF',
    cbETH: '0xa668682974E3f121185a3cD94f00322beC674275',
    weETH: '0xE141425bc1594b8039De6390db1cDaf4397EA22b',
    ezETH: '0x11E1836bFF2ce9d6A5bec9cA79dc998210f3886d',
    rsETH: '0xb0EA543f9F8d4B818550365d13F66Da747e1476A',
  }),
  8453: checked({
    stETH: '0xf586d0728a47229e747d824a939000Cf21dEF5A0',
    wstETH: '0x43a5C292A453A3bF3606fa856197f09D7B74251a',
    rETH: '0xf397bF97280B488cA19ee3093E81C0a77F02e9a5',
    cbETH: '0x806b4Ac04501c29769051e42783cF04dCE41440b',
    weETH: '0xFC1415403EbB0c693f9a7844b92aD2Ff24775C65',
    ezETH: '0x960BDD1dFD20d7c98fa482D793C3dedD73A113a3',
    rsETH: '0xd7221b10FBBC1e1ba95Fd0B4D031C15f7F365296',
  }),
  10: checked({
    stETH: '0x14d2d3a82AeD4019FddDfe07E8bdc485fb0d2249',
    wstETH: '0x524299Ab0987a7c4B3c8022a35669DdcdC715a10',
    rETH: '0xb429DE60943a8e6DeD356dca2F93Cd31201D9ed0',
    cbETH: '0x138b809B8472fF09Cd3E075E6EcbB2e42D41d870',
    weETH: '0xb4479d436DDa5c1A79bD88D282725615202406E3',
    rsETH: '0x03fe94a215E3842deD931769F913d93FF33d0051',
  }),
});

export type L2FeedSymbol = { [C in L2ChainId]: keyof (typeof L2_FEEDS)[C] }[L2ChainId];

/** Each feed's label, served by the stub's description(). */
export const L2_FEED_DESCRIPTIONS: Readonly<Record<L2FeedSymbol, string>> = Object.freeze({
  stETH: 'STETH / ETH',
  wstETH: 'WSTETH / ETH',
  rETH: 'RETH / ETH',
  cbETH: 'CBETH / ETH',
  weETH: 'weETH / ETH',
  ezETH: 'ezETH / ETH',
  rsETH: 'RSETH / ETH',
});

/**
 * Everything the L2 rig seeds, by symbol (1e18 fixed point). Partial overrides merge per
 * symbol: `{ poolPrices: { wstETH: x } }` changes that one price and keeps every other default.
 */
export type L2Values = {
  /** Uniswap v3 <token>/WETH pool: ETH per token. */
  poolPrices: Record<string, bigint>;
  /** The pools' in-range liquidity (L). */
  poolLiquidity: Record<string, bigint>;
  /** Chainlink answers (18 decimals), by the symbol the feed prices. */
  feedAnswers: Record<string, bigint>;
  /** Pinned feed updatedAt (seconds); 0n = always the current block time (fresh). */
  feedUpdatedAt: Record<string, bigint>;
};

const POOL_PRICES: Record<L2ChainId, Record<string, number>> = {
  42161: { wstETH: 1.215, rETH: 1.139, cbETH: 1.108, sfrxETH: 1.146, osETH: 1.049, ETHx: 1.06, weETH: 1.068, ezETH: 1.044, rsETH: 1.048, pufETH: 1.036 },
  8453: { wstETH: 1.2155, rETH: 1.1395, cbETH: 1.109, weETH: 1.0685, ezETH: 1.0445, rsETH: 1.0485, pufETH: 1.0365 },
  10: { stETH: 0.999, wstETH: 1.2148, rETH: 1.1385, cbETH: 1.1075, sfrxETH: 1.1455, frxETH: 0.9975, ETHx: 1.0595, weETH: 1.0675, ezETH: 1.0435, rsETH: 1.0475 },
};

/** stETH feeds price stETH, which has no token on Arbitrum or Base: their own defaults. */
const STETH_FEED_ANSWERS: Record<L2ChainId, number> = { 42161: 0.9992, 8453: 0.9993, 10: 0.999 };

/**
 * Pool liquidity (L, both sides 18 decimals). Selling 100 ETH worth of a token at price p moves
 * the price by about 100 / (sqrt(p) * L), plus the 1 bp fee: 30k -> ~30 bps, 60k -> ~15 bps.
 */
const POOL_LIQUIDITY: Record<L2TokenSymbol, bigint> = {
  stETH: eth(50_000),
  wstETH: eth(60_000),
  rETH: eth(40_000),
  cbETH: eth(40_000),
  sfrxETH: eth(30_000),
  frxETH: eth(30_000),
  osETH: eth(30_000),
  ETHx: eth(30_000),
  weETH: eth(50_000),
  ezETH: eth(45_000),
  rsETH: eth(45_000),
  pufETH: eth(30_000),
};

function defaultValues(chainId: L2ChainId): L2Values {
  const tokens = Object.keys(L2_TOKENS[chainId]) as L2TokenSymbol[];
  const poolPrices = Object.fromEntries(tokens.map((s) => [s, price4(POOL_PRICES[chainId][s]!)]));
  const feeds = Object.keys(L2_FEEDS[chainId]);
  return {
    poolPrices,
    poolLiquidity: Object.fromEntries(tokens.map((s) => [s, POOL_LIQUIDITY[s]])),
    // A feed's answer defaults to its token's pool price on that chain.
    feedAnswers: Object.fromEntries(
      feeds.map((s) => [s, s === 'stETH' ? price4(STETH_FEED_ANSWERS[chainId]) : poolPrices[s]!]),
    ),
    feedUpdatedAt: Object.fromEntries(feeds.map((s) => [s, 0n])),
  };
}

const freezeValues = (v: L2Values): Readonly<L2Values> =>
  Object.freeze({
    poolPrices: Object.freeze(v.poolPrices),
    poolLiquidity: Object.freeze(v.poolLiquidity),
    feedAnswers: Object.freeze(v.feedAnswers),
    feedUpdatedAt: Object.freeze(v.feedUpdatedAt),
  }) as Readonly<L2Values>;

/** The values seedL2 uses where none are given. */
export const L2_DEFAULT_VALUES: Readonly<Record<L2ChainId, Readonly<L2Values>>> = Object.freeze({
  42161: freezeValues(defaultValues(42161)),
  8453: freezeValues(defaultValues(8453)),
  10: freezeValues(defaultValues(10)),
});

const copyValues = (v: L2Values): L2Values => ({
  poolPrices: { ...v.poolPrices },
  poolLiquidity: { ...v.poolLiquidity },
  feedAnswers: { ...v.feedAnswers },
  feedUpdatedAt: { ...v.feedUpdatedAt },
});

/** The Uniswap v3 pool of `symbol` against the chain's WETH (CREATE2 from the chain's factory). */
export function l2PoolAddress(chainId: L2ChainId, symbol: string): Address {
  const token = tokenAddress(chainId, symbol);
  const uni = L2_UNISWAP_V3[chainId];
  return uniswapV3PoolAddress(token, uni.weth, L2_POOL_FEE, uni.factory);
}

function tokenAddress(chainId: L2ChainId, symbol: string): Address {
  const address = (L2_TOKENS[chainId] as Record<string, Address>)[symbol];
  if (!address) throw new Error(`l2 rig: no token ${symbol} on chain ${chainId}`);
  return address;
}

/** What a test can expect for one token (ETH per token, 1e18 scale). */
export type L2TokenExpectation = {
  address: Address;
  /** Uniswap v3 <token>/WETH pool: ETH per token, address, fee tier and liquidity. */
  poolPrice: bigint;
  pool: Address;
  poolFee: number;
  poolLiquidity: bigint;
  /** Chainlink <token>/ETH answer (18 decimals) and feed address, where the chain has one. */
  feedAnswer?: bigint;
  feed?: Address;
};

/** Per-token expectations on `chainId` for a set of values (a scenario's values() after setters). */
export function l2TokenExpectations(chainId: L2ChainId, v: L2Values): Record<string, L2TokenExpectation> {
  const out: Record<string, L2TokenExpectation> = {};
  const feeds = L2_FEEDS[chainId] as Record<string, Address>;
  for (const [symbol, address] of Object.entries(L2_TOKENS[chainId]) as [string, Address][]) {
    out[symbol] = {
      address,
      poolPrice: v.poolPrices[symbol]!,
      pool: l2PoolAddress(chainId, symbol),
      poolFee: L2_POOL_FEE,
      poolLiquidity: v.poolLiquidity[symbol]!,
    };
    // The stETH feed prices stETH: it belongs to a token only where stETH itself is one (Optimism).
    if (feeds[symbol]) Object.assign(out[symbol], { feedAnswer: v.feedAnswers[symbol], feed: feeds[symbol] });
  }
  return out;
}

export type L2Scenario = {
  rpcUrl: string;
  chainId: L2ChainId;
  /** A token's pool against the chain's WETH: price in ETH per token (either token order), optional liquidity L. */
  setPoolPrice(symbol: string, price: bigint, liquidity?: bigint): Promise<void>;
  /**
   * A Chainlink feed's answer (by the symbol it prices, its address or its label, e.g.
   * 'WSTETH / ETH'), and optionally its pinned updatedAt (0n = always fresh).
   */
  setFeed(symbolOrAddress: string, answer: bigint, updatedAt?: bigint): Promise<void>;
  /** A token's total supply on this chain (what its bridge must back on Ethereum). */
  setTotalSupply(symbol: string, supply: bigint): Promise<void>;
  /** The verifiers `oapp` on this chain needs for messages from Ethereum (ReceiveUln302). */
  setLayerZeroRoute(oapp: Address, route: UlnRoute): Promise<void>;
  /** Replace the code at `address` with code that always reverts (empty revert data). */
  breakContract(address: Address): Promise<void>;
  /** Put back the code that stood before breakContract. */
  restoreContract(address: Address): Promise<void>;
  /** Current values (a copy). */
  values(): L2Values;
  expectations(): Record<string, L2TokenExpectation>;
};

/** PUSH1 0 PUSH1 0 REVERT: every call reverts with empty data. */
const ALWAYS_REVERT_CODE: Hex = '0x60006000fd';
/** Ample for every stub setter (string stores included); set so no transaction is estimated. */
const SETTER_GAS = 200_000n;

function mergeValues(chainId: L2ChainId, overrides: Partial<L2Values>): L2Values {
  const v = copyValues(L2_DEFAULT_VALUES[chainId]);
  for (const key of Object.keys(overrides) as (keyof L2Values)[]) {
    const known = v[key];
    if (!known) throw new Error(`seedL2: unknown value group ${String(key)}`);
    for (const [symbol, value] of Object.entries(overrides[key] ?? {})) {
      if (!(symbol in known)) {
        const what = key.startsWith('pool') ? 'token' : 'feed';
        throw new Error(`seedL2: ${key}.${symbol}: no ${what} ${symbol} on chain ${chainId}`);
      }
      known[symbol] = value;
    }
  }
  return v;
}

/**
 * Puts the stubs at `chainId`'s real addresses on the anvil node at `rpcUrl` (which must run with
 * that chain id) and seeds `values` (defaults where not given). The seeding transactions are sent
 * with automine off and mined together in one block; automine is back on afterwards, so later
 * setters mine one block per transaction.
 */
export async function seedL2(rpcUrl: string, chainId: L2ChainId, values: Partial<L2Values> = {}): Promise<L2Scenario> {
  if (!(chainId in L2_TOKENS)) throw new Error(`seedL2: unsupported chain ${chainId}`);
  const current = mergeValues(chainId, values);
  // JSON-RPC batching: the concurrent seeding requests travel in a few HTTP requests.
  const transport = http(rpcUrl, { batch: { batchSize: 500, wait: 0 } });
  // A bare chain (no L2 formatters): the scenario only sends plain eth_sendTransaction.
  const chain = defineChain({
    id: chainId,
    name: L2_VIEM_CHAINS[chainId].name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const client = createTestClient({ mode: 'anvil', chain, transport });
  /** Plain JSON-RPC (eth_*), typed: the test client's own `request` only knows anvil methods. */
  const rpc = client.request as unknown as EIP1193RequestFn<[...PublicRpcSchema, ...WalletRpcSchema]>;
  const [nodeChainId, accounts] = await Promise.all([
    rpc({ method: 'eth_chainId' }),
    rpc({ method: 'eth_accounts' }),
  ]);
  if (Number(nodeChainId) !== chainId) {
    throw new Error(`seedL2: the node at ${rpcUrl} runs chain ${Number(nodeChainId)}, not ${chainId} (start anvil with chainId ${chainId})`);
  }
  const from = accounts[0];
  if (!from) throw new Error('anvil exposes no unlocked accounts');

  const uni = L2_UNISWAP_V3[chainId];
  const tokens = L2_TOKENS[chainId] as Record<string, Address>;
  const feeds = L2_FEEDS[chainId] as Record<string, Address>;
  const pools = Object.fromEntries(Object.keys(tokens).map((s) => [s, l2PoolAddress(chainId, s)])) as Record<string, Address>;

  const compiled = await compileContracts();
  const code = (name: string) => {
    const artifact = compiled[name];
    if (!artifact) throw new Error(`contract ${name} missing from compile output`);
    return artifact.deployedBytecode;
  };
  const placements: [Address, Hex][] = [
    [MULTICALL3, code('Multicall3')],
    [uni.quoter, code('ViewQuoter')],
    ...Object.values(tokens).map((a): [Address, Hex] => [a, code('PlainToken')]),
    ...Object.values(pools).map((a): [Address, Hex] => [a, code('UniswapV3Pool')]),
    ...Object.values(feeds).map((a): [Address, Hex] => [a, code('ChainlinkAggregator')]),
    [LZ_ENDPOINT, code('EndpointV2')],
    [LZ_RECEIVE_ULN_302[chainId], code('ReceiveUln302')],
  ];
  await Promise.all(placements.map(([address, bytecode]) => client.setCode({ address, bytecode })));

  // While seeding, transactions are collected (explicit nonces, sent concurrently) and mined in
  // one block; afterwards each setter transaction is auto-mined and its receipt checked.
  let batch: { nonce: number; hashes: Promise<Hex>[] } | null = null;
  const sendRaw = (to: Address, data: Hex, nonce?: number) =>
    rpc({
      method: 'eth_sendTransaction',
      params: [{ from, to, data, gas: `0x${SETTER_GAS.toString(16)}`, ...(nonce === undefined ? {} : { nonce: `0x${nonce.toString(16)}` }) }],
    });
  const send = async (to: Address, abi: Abi, functionName: string, args: readonly unknown[]) => {
    const data = encodeFunctionData({ abi, functionName, args } as never);
    if (batch) {
      const hash = sendRaw(to, data, batch.nonce++);
      hash.catch(() => {}); // surfaces from the Promise.all below
      batch.hashes.push(hash);
      return;
    }
    const hash = await sendRaw(to, data);
    // Automine mines right away, but the receipt can trail the hash by a moment.
    for (let tries = 0; ; tries++) {
      const receipt = await rpc({ method: 'eth_getTransactionReceipt', params: [hash] });
      if (receipt) {
        if (receipt.status !== '0x1') throw new Error(`setter ${functionName} on ${to} (transaction ${hash}) reverted`);
        return;
      }
      if (tries === 500) throw new Error(`setter ${functionName} on ${to} (transaction ${hash}) was not mined (is automine off?)`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  const feedSymbol = (feed: string): string | undefined => {
    if (feed in feeds) return feed;
    if (feed.startsWith('0x')) {
      const address = getAddress(feed);
      return Object.keys(feeds).find((s) => feeds[s] === address);
    }
    return Object.keys(feeds).find((s) => L2_FEED_DESCRIPTIONS[s as L2FeedSymbol] === feed);
  };

  const originalCode = new Map<Address, Hex>();

  const scenario: L2Scenario = {
    rpcUrl,
    chainId,

    async setPoolPrice(symbol, price, liquidity) {
      const token = tokens[symbol];
      if (!token) throw new Error(`setPoolPrice: no token ${symbol} on chain ${chainId}`);
      const sqrtPriceX96 = ethPerTokenToSqrtPriceX96(token, price, uni.weth);
      await send(pools[symbol]!, uniswapV3PoolAbi, 'setSlot0', [sqrtPriceX96, approximateTick(sqrtPriceX96)]);
      current.poolPrices[symbol] = price;
      if (liquidity !== undefined) {
        await send(pools[symbol]!, uniswapV3PoolAbi, 'setLiquidity', [liquidity]);
        current.poolLiquidity[symbol] = liquidity;
      }
    },

    async setFeed(symbolOrAddress, answer, updatedAt) {
      const symbol = feedSymbol(symbolOrAddress);
      if (!symbol) throw new Error(`setFeed: no Chainlink feed ${symbolOrAddress} on chain ${chainId}`);
      await send(feeds[symbol]!, chainlinkAggregatorAbi, 'setAnswer', [answer]);
      current.feedAnswers[symbol] = answer;
      if (updatedAt !== undefined) {
        await send(feeds[symbol]!, chainlinkAggregatorAbi, 'setUpdatedAt', [updatedAt]);
        current.feedUpdatedAt[symbol] = updatedAt;
      }
    },

    async setTotalSupply(symbol, supply) {
      const token = tokens[symbol];
      if (!token) throw new Error(`setTotalSupply: no token ${symbol} on chain ${chainId}`);
      await send(token, plainTokenAbi, 'setTotalSupply', [supply]);
    },

    async setLayerZeroRoute(oapp, r) {
      await send(LZ_RECEIVE_ULN_302[chainId], lzReceiveUlnAbi, 'setUlnConfig', [oapp, LZ_EID[1], r.confirmations ?? 15n, r.required, r.optional ?? [], r.threshold ?? 0]);
    },

    async breakContract(address) {
      const key = getAddress(address);
      if (!originalCode.has(key)) originalCode.set(key, await rpc({ method: 'eth_getCode', params: [key, 'latest'] }));
      await client.setCode({ address: key, bytecode: ALWAYS_REVERT_CODE });
    },

    async restoreContract(address) {
      const key = getAddress(address);
      if (!originalCode.has(key)) return;
      await client.setCode({ address: key, bytecode: originalCode.get(key) || '0x' });
      originalCode.delete(key);
    },

    values: () => copyValues(current),
    expectations: () => l2TokenExpectations(chainId, current),
  };

  await client.setAutomine(false);
  try {
    const pending = await rpc({ method: 'eth_getTransactionCount', params: [from, 'pending'] });
    batch = { nonce: Number(pending), hashes: [] };
    await send(uni.quoter, uniswapViewQuoterAbi, 'setFactory', [uni.factory]);
    for (const [symbol, token] of Object.entries(tokens)) {
      await send(token, plainTokenAbi, 'setSymbol', [symbol]);
      await send(pools[symbol]!, uniswapV3PoolAbi, 'setTokens', [...sortTokens(token, uni.weth), L2_POOL_FEE]);
      await scenario.setPoolPrice(symbol, current.poolPrices[symbol]!, current.poolLiquidity[symbol]!);
    }
    for (const symbol of Object.keys(feeds)) {
      await send(feeds[symbol]!, chainlinkAggregatorAbi, 'setDescription', [L2_FEED_DESCRIPTIONS[symbol as L2FeedSymbol]]);
      const updatedAt = current.feedUpdatedAt[symbol]!;
      // A fresh stub already follows the block time: only pin a non-zero updatedAt.
      await scenario.setFeed(symbol, current.feedAnswers[symbol]!, updatedAt === 0n ? undefined : updatedAt);
    }
    // A calm day's LayerZero routes: two verifiers for each OFT standing on this chain.
    await send(LZ_ENDPOINT, lzEndpointAbi, 'setDefaultReceiveLibrary', [LZ_RECEIVE_ULN_302[chainId]]);
    for (const { oft } of Object.values(LZ_OFTS)) await scenario.setLayerZeroRoute(oft[chainId], TWO_DVNS);
    const hashes = await Promise.all(batch.hashes);
    batch = null;
    const done = new Set<Hex>();
    // One block holds them all at the default gas limit; keep mining if a node is configured smaller.
    for (let blocks = 0; done.size < hashes.length; blocks++) {
      if (blocks === 20) throw new Error(`seedL2: ${hashes.length - done.size} transactions never mined`);
      await client.mine({ blocks: 1 });
      const receipts = await Promise.all(
        hashes.filter((h) => !done.has(h)).map((h) => rpc({ method: 'eth_getTransactionReceipt', params: [h] })),
      );
      const failed: Hex[] = [];
      for (const r of receipts) {
        if (!r) continue;
        done.add(r.transactionHash);
        if (r.status !== '0x1') failed.push(r.transactionHash);
      }
      if (failed.length > 0) throw new Error(`seedL2: setter transactions reverted: ${failed.join(', ')}`);
    }
  } finally {
    batch = null;
    await client.setAutomine(true);
  }

  return scenario;
}
