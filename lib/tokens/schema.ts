import { getAddress, isAddress } from 'viem';
import { z } from 'zod';

/** An address exactly as EIP-55 spells it: a typo in a hand-written address fails here. */
export const checksummedAddress = z
  .string()
  .refine((a) => isAddress(a, { strict: false }) && getAddress(a) === a, {
    message: 'address must be EIP-55 checksummed',
  }) as unknown as z.ZodType<`0x${string}`>;

/** How sure we are of a fact, as ../shared/reference/NOTES.md grades its sources. */
export const confidence = z.enum(['primary', 'secondary', 'third-party', 'unverified']);
export type Confidence = z.infer<typeof confidence>;

const sourced = { confidence, source: z.string().min(1) };

/** A view function in human-readable ABI form, e.g. `function getRate() view returns (uint256)`. */
const signature = z.string().regex(/^function \w+\(.*\) view returns \(.+\)$/, 'a view function signature');

const bounds = {
  /** Sanity bounds: outside them the rate is shown as unavailable, never as a number. */
  min: z.bigint(),
  max: z.bigint(),
  /** Fastest rise per day the protocol's own oracle limits allow, plus slack (bps). */
  maxRiseBpsPerDay: z.number().positive(),
  /** Largest fall between two reads we accept before calling the read suspect (bps). */
  maxFallBps: z.number().positive(),
};

/** The protocol's own rate: how much ETH one token redeems for. */
export const redemptionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('call'),
    address: checksummedAddress,
    signature,
    /** Arguments, e.g. 1e18 for `convertToAssets(uint256)`. */
    args: z.array(z.union([z.bigint(), checksummedAddress])).default([]),
    /** The call returns tokens per ETH (ankrETH's `ratio()`): ETH per token is 1e36 / value. */
    inverse: z.boolean().default(false),
    /** The value is stored and moves only when someone updates it (rsETH): its age matters. */
    stored: z.boolean().default(false),
    label: z.string(),
    ...bounds,
    ...sourced,
  }),
  z.object({
    /** Total value over supply, read in the same batch (Renzo: RestakeManager.calculateTVLs() / ezETH.totalSupply()). */
    kind: z.literal('tvl-ratio'),
    tvl: z.object({ address: checksummedAddress, signature, /** index of the total in the returned tuple */ index: z.number().int() }),
    supply: checksummedAddress,
    /** The same ratio in one call, for reading it at past blocks (realized yield). */
    historyRate: z.object({ address: checksummedAddress, signature, label: z.string(), confidence }).optional(),
    label: z.string(),
    ...bounds,
    ...sourced,
  }),
  z.object({
    /** Rebasing or 1:1 tokens (stETH, eETH, frxETH): the protocol redeems one for one ETH. */
    kind: z.literal('pegged'),
    label: z.string(),
    /** The share rate behind a rebasing token: its growth is the realized yield. */
    shareRate: z
      .object({ address: checksummedAddress, signature, args: z.array(z.bigint()).default([]), label: z.string(), ...bounds })
      .optional(),
    ...sourced,
  }),
]);

/**
 * What a venue's price is a price of: the token itself; its underlying (Curve prices stETH, so
 * wstETH = stETH price × rate); or a wrapper of it (eETH trades as weETH: eETH = weETH price / weETH rate).
 */
const unit = z.enum(['token', 'underlying', 'wrapper']);
const wrapperRate = z.object({ address: checksummedAddress, signature, label: z.string() });

export const marketSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('curve'),
    id: z.string(),
    label: z.string(),
    pool: checksummedAddress,
    /** get_dy(i, j, dx): i is the coin sold, j the ETH side. */
    i: z.number().int(),
    j: z.number().int(),
    unit,
    wrapper: wrapperRate.optional(),
    ...sourced,
  }),
  z.object({
    kind: z.literal('uniswap-v3'),
    id: z.string(),
    label: z.string(),
    /** The token the pools trade, when it is not this one (eETH trades as weETH). */
    venueToken: checksummedAddress.optional(),
    /** Fee tiers to look at; the pool with the most in-range liquidity wins. */
    fees: z.array(z.number().int()).min(1),
    unit,
    wrapper: wrapperRate.optional(),
    ...sourced,
  }),
  z.object({
    kind: z.literal('chainlink'),
    id: z.string(),
    label: z.string(),
    feed: checksummedAddress,
    decimals: z.number().int(),
    heartbeatSeconds: z.number().int().positive(),
    /** 'uncertain' feeds may mirror the protocol rate; they are shown, never used alone for the peg. */
    category: z.enum(['market', 'uncertain']),
    unit,
    wrapper: wrapperRate.optional(),
    ...sourced,
  }),
]);

/**
 * The bridge that carries a deployment from the home chain: what kind, who secures it, and what it
 * holds on the home chain against this chain's supply (for the unbacked alert).
 */
export const bridgeSchema = z.object({
  kind: z.enum(['layerzero', 'canonical', 'ccip', 'other']),
  /** In words, e.g. "LayerZero OFT (Kelp)", "Arbitrum canonical gateway (Lido's custom bridge)". */
  name: z.string(),
  /** On the home chain: the contract whose balance of the home token backs this chain's supply. */
  escrow: checksummedAddress.optional(),
  /** LayerZero: the OApp on this chain (the OFT) and on the home chain (the adapter holding the escrow). */
  layerzero: z.object({ oapp: checksummedAddress, homeOapp: checksummedAddress }).optional(),
  ...sourced,
});
export type Bridge = z.infer<typeof bridgeSchema>;

/** Where a token stands on one chain; bridged deployments carry that chain's own market sources. */
export const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  address: checksummedAddress,
  decimals: z.number().int().min(0).max(36),
  /** Market sources on this chain (L2s); the home chain's are the token's `market`. */
  market: z.array(marketSourceSchema).default([]),
  /** How it got here from the home chain; none on the home chain itself. */
  bridge: bridgeSchema.optional(),
  ...sourced,
});

/**
 * A second read of the redemption value, from another contract or an oracle: asked when the
 * protocol's own read moves past its bounds (see lib/chain/rate-trust.ts). ETH per token.
 */
export const confirmerSchema = z.discriminatedUnion('kind', [
  z.object({
    /** A Chainlink exchange-rate feed: it mirrors the protocol's rate, pushed by Chainlink's oracles. */
    kind: z.literal('feed'),
    feed: checksummedAddress,
    decimals: z.number().int(),
    heartbeatSeconds: z.number().int().positive(),
    label: z.string(),
    ...sourced,
  }),
  z.object({
    /** Another contract computing the same value (a rate provider, the pool the rate comes from). */
    kind: z.literal('contract'),
    address: checksummedAddress,
    signature,
    args: z.array(z.bigint()).default([]),
    label: z.string(),
    ...sourced,
  }),
]);
export type Confirmer = z.infer<typeof confirmerSchema>;

/** A view that says whether part of the protocol is paused now (true = paused). */
export const pauseReadSchema = z.object({
  address: checksummedAddress,
  signature: z.string().regex(/^function \w+\(.*\) view returns \(bool\)$/, 'a view returning bool'),
  args: z.array(checksummedAddress).default([]),
  label: z.string(),
  affects: z.enum(['withdrawals', 'deposits', 'transfers']),
  ...sourced,
});
export type PauseRead = z.infer<typeof pauseReadSchema>;


/**
 * Who holds a token's restaked stake in EigenLayer, and which of its operators' allocations to read
 * live (lib/chain/restaking.ts). `stakers`: contracts whose delegation is read (delegatedTo), with an
 * optional on-chain list to check the registry's list against; `operators`: the protocol's own operator
 * contracts (Puffer's RestakingOperators), whose delegated shares are read directly.
 */
const restakingHolder = z.object({ address: checksummedAddress, label: z.string() });
/** The most list entries read in round 1 (the registry names at most 16 stakers too). */
export const MAX_LISTED_STAKERS = 16;
/**
 * The protocol's own list of stakers, read in round 1 beside the stakers themselves, to see whether
 * the registry's list is whole. `array`: one view returning address[] (Kelp's getNodeDelegatorQueue());
 * `indexed`: a length and an indexed getter (Renzo's getOperatorDelegatorsLength() and
 * operatorDelegators(i)); indices first..first+N-1 are read, N = min(16, the registry's count + margin),
 * and a length past them is reported as not covered (reading more would take another round).
 */
export const stakerListSchema = z.union([
  z.object({
    kind: z.literal('indexed'),
    address: checksummedAddress,
    length: z.string().regex(/^function \w+\(\) view returns \(uint256\)$/, 'a view returning the list’s length (uint256)'),
    item: z.string().regex(/^function \w+\(uint256( \w+)?\) view returns \(address\)$/, 'a view taking an index (uint256) and returning an address'),
    /** The first index (Swell's EigenLayerManager counts staker ids from 1). */
    first: z.number().int().min(0).default(0),
    /** Indices read past the registry's count, to catch stakers added since (bounded by 16 in all). */
    margin: z.number().int().min(0).max(MAX_LISTED_STAKERS).default(4),
    /** The contract, e.g. "Renzo RestakeManager": reasons name its functions after it. */
    label: z.string(),
  }),
  z.object({ kind: z.literal('array').optional(), address: checksummedAddress, signature, label: z.string() }),
]);
export type StakerList = z.infer<typeof stakerListSchema>;
export const restakingSchema = z.object({
  allocationManager: checksummedAddress,
  delegationManager: checksummedAddress,
  /** The EigenLayer strategy read (beacon chain ETH for native restaking, or an LST strategy). */
  strategy: z.object({ address: checksummedAddress, label: z.string() }),
  holders: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('stakers'),
      stakers: z.array(restakingHolder).min(1).max(MAX_LISTED_STAKERS),
      /** The protocol's own list of stakers, to check the registry's against (see stakerListSchema). */
      list: stakerListSchema.optional(),
    }),
    z.object({ kind: z.literal('operators'), operators: z.array(restakingHolder).min(1).max(16) }),
  ]),
  /** What part of the token's restaked stake the read covers, in words. */
  covers: z.string(),
  ...sourced,
});
export type RestakingPlan = z.infer<typeof restakingSchema>;

const a = checksummedAddress;

/**
 * The instant-withdrawal road of a protocol (lib/chain/instant.ts): the contracts read, and the highest
 * fee its code allows (a read above it is not believed). `none`: looked at, and there is none.
 */
const feeCeiling = { maxFeeBps: z.number().int().min(0).max(10_000) };
export const instantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('etherfi'), redemptionManager: a, ...feeCeiling, ...sourced }),
  z.object({ kind: z.literal('kelp'), withdrawalManager: a, unstakingVault: a, ...feeCeiling, ...sourced }),
  z.object({ kind: z.literal('renzo'), instantWithdrawer: a, withdrawQueue: a, riskOracle: a, ezeth: a, ...feeCeiling, ...sourced }),
  z.object({ kind: z.literal('puffer'), vault: a, weth: a, accessManager: a, ...feeCeiling, ...sourced }),
  z.object({ kind: z.literal('none'), why: z.string(), ...sourced }),
]);
export type InstantPlan = z.infer<typeof instantSchema>;
const instant = { instant: instantSchema.optional() };

export const exitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lido-queue'), queue: a, steth: a, withdrawalVault: a, elRewardsVault: a, hashConsensus: a, ...sourced }),
  z.object({ kind: z.literal('etherfi'), redemptionManager: a, withdrawRequestNft: a, delegationManager: a, ...instant, ...sourced }),
  z.object({ kind: z.literal('rocket-pool'), reth: a, ...sourced }),
  z.object({ kind: z.literal('offchain'), why: z.string(), ...sourced }),
  z.object({ kind: z.literal('frax-queue'), queue: a, ...sourced }),
  z.object({ kind: z.literal('stakewise'), redeemer: a, ...sourced }),
  z.object({ kind: z.literal('stader'), withdrawalManager: a, config: a, ...sourced }),
  z.object({ kind: z.literal('mantle'), unstakeManager: a, ...sourced }),
  z.object({ kind: z.literal('swell'), exit: a, restaked: z.boolean(), delegationManager: a.optional(), ...sourced }),
  z.object({ kind: z.literal('liquid-collective'), redeemManager: a, ...sourced }),
  // riskOracle: the RiskOracleMiddleware whose cooldown can be longer than the queue's own (read only when the queue names it).
  z.object({ kind: z.literal('renzo'), withdrawQueue: a, riskOracle: a, delegationManager: a, ...instant, ...sourced }),
  z.object({ kind: z.literal('kelp'), withdrawalManager: a, delegationManager: a, ...instant, ...sourced }),
  z.object({ kind: z.literal('puffer'), vault: a, weth: a, withdrawalManager: a, delegationManager: a, ...instant, ...sourced }),
  z.object({ kind: z.literal('not-researched'), why: z.string(), ...sourced }),
]);

export const tokenSchema = z.object({
  symbol: z.string().regex(/^[A-Za-z0-9]+$/),
  name: z.string(),
  /** Other names the apps show for it (Aave shows wstETH as "Wrapped liquid staked Ether 2.0"). */
  aliases: z.array(z.string()),
  /** The name alone cannot identify the token (osETH is "Staked ETH"): pages are not searched for it. */
  genericName: z.boolean().optional(),
  kind: z.enum(['LST', 'LRT']),
  protocol: z.string(),
  underlying: z.string(),
  deployments: z.array(deploymentSchema).min(1),
  /** Reads of the protocol live on this chain (mainnet); bridged deployments take their fair value from here. */
  homeChainId: z.number().int(),
  /** Rough rate used only to size DEX quotes before the first read. */
  rateHint: z.bigint(),
  redemption: redemptionSchema,
  market: z.array(marketSourceSchema),
  exit: exitSchema,
  /** Second reads of the redemption value (or, for a rebasing token, of its share rate). */
  confirmers: z.array(confirmerSchema).default([]),
  /** Every pause read the protocol exposes. */
  pauses: z.array(pauseReadSchema).default([]),
  /** An LRT's EigenLayer stake, read live: operators, their operator sets and allocations; or why it is not read. */
  restaking: z.union([restakingSchema, z.object({ unread: z.string(), ...sourced })]).optional(),
});

export type TokenEntry = z.infer<typeof tokenSchema>;
/** A registry entry as written (defaults not yet applied). */
export type TokenInput = z.input<typeof tokenSchema>;
export type Redemption = z.infer<typeof redemptionSchema>;
export type MarketSource = z.infer<typeof marketSourceSchema>;
export type ExitPlan = z.infer<typeof exitSchema>;
