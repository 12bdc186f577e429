// Writes weeks of sparse history onto a fresh anvil for the realized-yield tests. anvil's genesis
// is the wall-clock "now" and time only moves forward, so every time here is relative to genesis
// and the chain's "present" lies 40 days in the future.
import { type Abi, type Address, type Hex, createTestClient, getAddress, http, publicActions, walletActions } from 'viem';
import { mainnet } from 'viem/chains';
import { weethAbi, wstethAbi } from './abis';
import { ADDRESSES } from './mainnet';

export const HOUR = 3_600;
export const DAY = 86_400;
export const YEAR = 365 * DAY;
/** Irregular gaps between blocks, in hours, cycled; picked so the 7 d and 30 d targets fall mid-gap. */
export const STEP_HOURS = [7, 11, 48, 7, 29, 19, 4, 54, 13, 13, 36, 6] as const;
export const HISTORY_DAYS = 40;
export const WSTETH_APR_BPS = 310n;
export const WEETH_APR_BPS = 260n;
export const WSTETH_NOW = 1_216_600_000_000_000_000n;
export const WEETH_NOW = 1_070_100_000_000_000_000n;
/** Holds no ETH until 5 days before the present: a rate that was 0 in both windows. */
export const LATE_FUNDED: Address = getAddress('0x00000000000000000000000000000000000b0b01');
/** 1 ETH from the start, 2 ETH from 5 days before the present: +100% in days, an implausible APR. */
export const DOUBLED: Address = getAddress('0x00000000000000000000000000000000000b0b02');

/**
 * The rate at time t, built so that (rate(present) / rate(t) − 1) × year / (present − t) is exactly
 * `aprBps` for every t: any window, measured over its actual elapsed time, shows the same APR.
 */
export function rateAt(t: number, present: number, now: bigint, aprBps: bigint): bigint {
  const scale = BigInt(YEAR) * 10_000n;
  return (now * scale) / (scale + aprBps * BigInt(present - t));
}

export interface History {
  genesis: { number: bigint; timestamp: number };
  start: number;
  present: number;
  /** Every block of the chain, genesis first: what a search must find. */
  blocks: { number: bigint; timestamp: number }[];
}

/** A write queued into a history step's block (the peg history writes its market there). */
export interface StepWrite {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
}

/**
 * `options.extra(t, present)`: more writes for the block stamped `t` (e.g. a market price that
 * dipped for a few days), in the same block as the rates.
 */
export async function writeHistory(rpcUrl: string, options: { extra?: (t: number, present: number) => StepWrite[] } = {}): Promise<History> {
  const base = createTestClient({ mode: 'anvil', chain: mainnet, transport: http(rpcUrl), pollingInterval: 50 })
    .extend(publicActions)
    .extend(walletActions);
  const [from] = await base.getAddresses();
  if (!from) throw new Error('anvil exposes no unlocked accounts');
  const client = createTestClient({ mode: 'anvil', chain: mainnet, transport: http(rpcUrl), account: from, pollingInterval: 50 })
    .extend(publicActions)
    .extend(walletActions);

  const genesisBlock = await client.getBlock({ blockTag: 'earliest' });
  const genesis = { number: genesisBlock.number, timestamp: Number(genesisBlock.timestamp) };
  const latestBefore = Number((await client.getBlock({ blockTag: 'latest' })).timestamp);
  // After the seeding blocks, which anvil stamped with the wall clock.
  const start = Math.max(genesis.timestamp, latestBefore) + 600;
  const present = start + HISTORY_DAYS * DAY;

  const times = [start];
  for (let t = start, i = 0; t < present; i++) {
    t = Math.min(present, t + STEP_HOURS[i % STEP_HOURS.length]! * HOUR);
    times.push(t);
  }

  // Both rates (and any transfer) must change in the same block, stamped with that step's time;
  // so stop automining, queue the transactions, then mine one block at the chosen timestamp.
  await client.setAutomine(false);
  let funded = false;
  try {
    for (const t of times) {
      const hashes: Hex[] = [];
      hashes.push(
        await client.writeContract({
          address: ADDRESSES.wsteth,
          abi: wstethAbi,
          functionName: 'setStEthPerToken',
          args: [rateAt(t, present, WSTETH_NOW, WSTETH_APR_BPS)],
        }),
      );
      hashes.push(
        await client.writeContract({
          address: ADDRESSES.weeth,
          abi: weethAbi,
          functionName: 'setRate',
          args: [rateAt(t, present, WEETH_NOW, WEETH_APR_BPS)],
        }),
      );
      for (const write of options.extra?.(t, present) ?? []) hashes.push(await client.writeContract(write as never));
      const late = !funded && t > present - 5 * DAY;
      if (late) funded = true;
      if (t === start || late) hashes.push(await client.sendTransaction({ to: DOUBLED, value: 10n ** 18n }));
      if (late) hashes.push(await client.sendTransaction({ to: LATE_FUNDED, value: 10n ** 18n }));
      await client.setNextBlockTimestamp({ timestamp: BigInt(t) });
      await client.mine({ blocks: 1 });
      for (const hash of hashes) {
        const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
        if (receipt.status !== 'success') throw new Error(`history transaction ${hash} reverted`);
      }
    }
  } finally {
    await client.setAutomine(true);
  }

  const latest = await client.getBlock({ blockTag: 'latest' });
  if (Number(latest.timestamp) !== present) throw new Error(`latest block is at ${latest.timestamp}, not the present ${present}`);
  const blocks: History['blocks'] = [];
  for (let n = genesis.number; n <= latest.number; n++) {
    const block = await client.getBlock({ blockNumber: n });
    blocks.push({ number: n, timestamp: Number(block.timestamp) });
  }
  return { genesis, start, present, blocks };
}

/** The answer a search must give: the last block with timestamp ≤ t. */
export function lastAtOrBefore(history: History, t: number): { number: bigint; timestamp: number } | undefined {
  return history.blocks.filter((b) => b.timestamp <= t).pop();
}
