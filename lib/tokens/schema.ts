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

export const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  address: checksummedAddress,
  decimals: z.number().int().min(0).max(36),
  ...sourced,
});

/** The protocol's own rate: how much of the underlying (ETH or stETH) one token redeems for. */
export const redemptionSchema = z.object({
  address: checksummedAddress,
  /** A view function with no arguments returning a uint256 scaled by 1e18. */
  functionName: z.string(),
  label: z.string(),
  /** Sanity bounds: outside them the rate is shown as unavailable, never as a number. */
  min: z.bigint(),
  max: z.bigint(),
  /** Fastest rise per day the protocol's own oracle limits allow, plus slack (bps). */
  maxRiseBpsPerDay: z.number().positive(),
  /** Largest fall between two reads we accept before calling the read suspect (bps). */
  maxFallBps: z.number().positive(),
  ...sourced,
});

/** Market prices are quoted either per token or per underlying (stETH); the latter are scaled by the rate. */
const quotedIn = z.enum(['token', 'underlying']);

export const marketSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('curve'),
    id: z.string(),
    label: z.string(),
    pool: checksummedAddress,
    /** get_dy(i, j, dx): i is the coin sold, j the ETH side. */
    i: z.number().int(),
    j: z.number().int(),
    quotedIn,
    ...sourced,
  }),
  z.object({
    kind: z.literal('uniswap-v3'),
    id: z.string(),
    label: z.string(),
    factory: checksummedAddress,
    quoter: checksummedAddress,
    weth: checksummedAddress,
    /** Fee tiers to look at; the pool with the most in-range liquidity wins. */
    fees: z.array(z.number().int()).min(1),
    quotedIn,
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
    quotedIn,
    ...sourced,
  }),
]);

export const exitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('lido-queue'),
    queue: checksummedAddress,
    steth: checksummedAddress,
    withdrawalVault: checksummedAddress,
    elRewardsVault: checksummedAddress,
    hashConsensus: checksummedAddress,
    ...sourced,
  }),
  z.object({
    kind: z.literal('etherfi'),
    redemptionManager: checksummedAddress,
    withdrawRequestNft: checksummedAddress,
    delegationManager: checksummedAddress,
    ...sourced,
  }),
]);

export const tokenSchema = z.object({
  symbol: z.string().regex(/^[A-Za-z0-9]+$/),
  name: z.string(),
  /** Other names the apps show for it (Aave shows wstETH as "Wrapped liquid staked Ether 2.0"). */
  aliases: z.array(z.string()),
  kind: z.enum(['LST', 'LRT']),
  protocol: z.string(),
  underlying: z.string(),
  deployments: z.array(deploymentSchema).min(1),
  /** Reads live on this chain (mainnet); bridged deployments take their fair value from here. */
  homeChainId: z.number().int(),
  /** Rough rate used only to size DEX quotes before the first read. */
  rateHint: z.bigint(),
  redemption: redemptionSchema,
  market: z.array(marketSourceSchema).min(1),
  exit: exitSchema,
});

export type TokenEntry = z.infer<typeof tokenSchema>;
export type MarketSource = z.infer<typeof marketSourceSchema>;
export type ExitPlan = z.infer<typeof exitSchema>;
