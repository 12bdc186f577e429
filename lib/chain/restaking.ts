import { getAddress, parseAbi, zeroAddress, type Address } from 'viem';
import type { RestakingPlan, StakerList } from '../tokens/schema';
import { valueOf, type CallBatch, type CallResult } from './calls';
import type { RestakingOperator, RestakingReading } from './figures';
import { functionFrom } from './redemption';

/*
 * An LRT's restaking layer, read live from EigenLayer in two dependent rounds:
 *   round 1 (the refresh's own multicall): who holds the stake and to whom it is delegated —
 *     DelegationManager.delegatedTo(staker) and getWithdrawableShares(staker, [strategy]) per staker
 *     in the registry (or getOperatorShares for a protocol's own operators), and the protocol's own
 *     list of stakers where it has one (one address[] view, or a length and an indexed getter read
 *     index by index in the same multicall), to see whether the registry's list is whole;
 *   round 2 (one more multicall, of the newest block): per distinct operator,
 *     AllocationManager.getStrategyAllocations(operator, strategy) — every operator set it allocates
 *     to with its Allocation {currentMagnitude, pendingDiff, effectBlock} — getMaxMagnitude(operator,
 *     strategy) and getRegisteredSets(operator).
 * getStrategyAllocations gives getAllocatedSets and getAllocation in one call, which keeps this at two
 * rounds. Magnitudes are fractions of the operator's max magnitude, which starts at WAD (1e18) and
 * falls with each slashing (IAllocationManager.getMaxMagnitude; SlashingLib: `WAD = 1e18`).
 * An allocation is counted as slashable when the operator is registered for its set: AllocationManager
 * slashes only registered operators (and, for DEALLOCATION_DELAY blocks, ones that just left).
 */

/** Signatures from Layr-Labs/eigenlayer-contracts src/contracts/interfaces/IAllocationManager.sol and IDelegationManager.sol. */
export const allocationManagerAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getStrategyAllocations(address operator, address strategy) view returns (OperatorSet[], Allocation[])',
  'function getMaxMagnitude(address operator, address strategy) view returns (uint64)',
  'function getRegisteredSets(address operator) view returns (OperatorSet[] operatorSets)',
]);

export const delegationManagerAbi = parseAbi([
  'function delegatedTo(address staker) view returns (address)',
  'function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)',
  'function getOperatorShares(address operator, address[] strategies) view returns (uint256[])',
]);

const BPS = 10_000n;

type OperatorSetTuple = { avs: Address; id: number };
type AllocationTuple = { currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number };

/** A holder of the token's stake after round 1: to whom it is delegated (null: unread) and how much. */
interface Holding {
  label: string;
  operator: Address | null;
  operatorLabel: string | null;
  shares: bigint | null;
  reason: string | null;
}

/** The second round of a token's read: planned from the first round's results, or failed as a whole. */
export interface SecondRound {
  plan(batch: CallBatch): void;
  failed(reason: string): void;
  /**
   * Takes the allocations from an earlier reading instead of reading them (they move only after an
   * allocation delay of days); true when it holds every operator round 1 found, read.
   */
  carry(earlier: RestakingReading): boolean;
}

export interface RestakingRead {
  secondRound: SecondRound;
  /** `readAt`: when round 2 was read (the refresh's clock), kept as the allocations' age. */
  decode(readAt: number): RestakingReading;
}

interface OperatorCalls {
  allocations: () => CallResult;
  maxMagnitude: () => CallResult;
  registered: () => CallResult;
}

/** Adds round 1 of a token's restaking read to the batch; null for a token without one. */
export function planRestaking(plan: RestakingPlan | { unread: string } | undefined, batch: CallBatch): RestakingRead | null {
  if (!plan || 'unread' in plan) return null;
  const strategies = [plan.strategy.address];
  const dm = { address: plan.delegationManager, abi: delegationManagerAbi } as const;
  const holders =
    plan.holders.kind === 'stakers'
      ? plan.holders.stakers.map((s) => ({
          ...s,
          delegatedTo: batch.add({ ...dm, functionName: 'delegatedTo', args: [s.address] }) as (() => CallResult) | null,
          shares: batch.add({ ...dm, functionName: 'getWithdrawableShares', args: [s.address, strategies] }),
        }))
      : plan.holders.operators.map((o) => ({ ...o, delegatedTo: null, shares: batch.add({ ...dm, functionName: 'getOperatorShares', args: [o.address, strategies] }) }));
  const listRead = plan.holders.kind === 'stakers' ? plan.holders.list : undefined;
  const list = listRead ? planStakerList(listRead, holders.length, batch) : null;

  let holdings: Holding[] | null = null;
  const operatorCalls = new Map<Address, OperatorCalls>();
  let secondFailure: string | null = null;
  /** Set when round 2 was not read: the earlier reading whose allocations stand in. */
  let carried: RestakingReading | null = null;

  /** Round 1's results, read once: each holder's operator and shares. */
  const readHoldings = (): Holding[] => {
    if (holdings) return holdings;
    holdings = holders.map((h) => {
      const sharesLabel = h.delegatedTo ? `DelegationManager.getWithdrawableShares(${h.label})` : `DelegationManager.getOperatorShares(${h.label})`;
      const shares = valueOf<unknown>(h.shares(), sharesLabel);
      const amount = shares.ok ? firstShare(shares.value, h.delegatedTo !== null) : null;
      const sharesReason = !shares.ok ? shares.reason : amount === null ? `${sharesLabel} returned no share for ${plan.strategy.label}` : null;
      if (!h.delegatedTo) return { label: h.label, operator: h.address, operatorLabel: h.label, shares: amount, reason: sharesReason };
      const to = valueOf<Address>(h.delegatedTo(), `DelegationManager.delegatedTo(${h.label})`);
      return { label: h.label, operator: to.ok ? getAddress(to.value) : null, operatorLabel: null, shares: amount, reason: to.ok ? sharesReason : to.reason };
    });
    return holdings;
  };

  const secondRound: SecondRound = {
    plan(second) {
      const am = { address: plan.allocationManager, abi: allocationManagerAbi } as const;
      for (const h of readHoldings()) {
        if (!h.operator || h.operator === zeroAddress || h.reason || operatorCalls.has(h.operator)) continue;
        operatorCalls.set(h.operator, {
          allocations: second.add({ ...am, functionName: 'getStrategyAllocations', args: [h.operator, plan.strategy.address] }),
          maxMagnitude: second.add({ ...am, functionName: 'getMaxMagnitude', args: [h.operator, plan.strategy.address] }),
          registered: second.add({ ...am, functionName: 'getRegisteredSets', args: [h.operator] }),
        });
      }
    },
    failed(reason) {
      secondFailure = reason;
    },
    carry(earlier) {
      if (earlier.allocationsReadAt === null) return false;
      const read = new Map(earlier.operators.filter((o) => o.maxMagnitude !== null).map((o) => [o.address, o]));
      const wanted = readHoldings().filter((h) => h.operator && h.operator !== zeroAddress && !h.reason);
      if (!wanted.every((h) => read.has(h.operator!))) return false;
      carried = earlier;
      return true;
    },
  };

  const decode = (readAt: number): RestakingReading => {
    const read = readHoldings();
    const unlisted = list ? unlistedStakers(list(), plan) : { stakers: [], reason: null };
    const missing = read.filter((h) => h.reason).map((h) => `${h.label}: ${h.reason}`);
    const counted = read.filter((h) => !h.reason && h.operator && h.shares !== null);
    const undelegated = counted.filter((h) => h.operator === zeroAddress).reduce((sum, h) => sum + h.shares!, 0n);
    const byOperator = new Map<Address, { label: string | null; shares: bigint }>();
    for (const h of counted) {
      if (h.operator === zeroAddress) continue;
      const entry = byOperator.get(h.operator!) ?? { label: h.operatorLabel, shares: 0n };
      entry.shares += h.shares!;
      byOperator.set(h.operator!, entry);
    }
    const operators = [...byOperator].map(([address, { label, shares }]) => {
      const earlier = carried?.operators.find((o) => o.address === address);
      // Carried: the earlier allocations with this read's shares (a slashing shows in the shares at once).
      return earlier ? { ...earlier, label, shares: shares.toString() } : decodeOperator(address, label, shares, operatorCalls.get(address), secondFailure);
    });
    const allocationsReadAt = carried ? carried.allocationsReadAt : secondFailure || !operatorCalls.size ? null : readAt;
    const base = { strategy: plan.strategy.label, covers: plan.covers, undelegatedShares: undelegated.toString(), operators, unlisted: unlisted.stakers, missing, allocationsReadAt };
    const total = operators.reduce((sum, o) => sum + BigInt(o.shares), undelegated);
    if (!counted.length) return { ...base, slashableBps: null, setCount: 0, reason: missing.length ? `no holder could be read (${missing.join('; ')})` : 'no holder to read' };
    if (total === 0n) return { ...base, slashableBps: null, setCount: 0, reason: `the read holders have no stake in ${plan.strategy.label}` };
    const unread = operators.filter((o) => o.slashableBps === null && BigInt(o.shares) > 0n);
    if (unread.length) {
      return { ...base, slashableBps: null, setCount: 0, reason: unread.map((o) => `operator ${o.address}: ${o.reason}`).join('; ') };
    }
    // Stake-weighted: each operator's slashable fraction of the shares delegated to it, over all read shares.
    const slashable = operators.reduce((sum, o) => sum + (BigInt(o.shares) * BigInt(o.slashableBps!)), 0n);
    const sets = new Set(operators.filter((o) => BigInt(o.shares) > 0n).flatMap((o) => o.sets.filter((s) => s.registered && BigInt(s.magnitude) > 0n).map((s) => `${s.avs}:${s.id}`)));
    return { ...base, slashableBps: Number(slashable / total), setCount: sets.size, reason: unlisted.reason };
  };

  return { secondRound, decode };
}

/** getWithdrawableShares returns two arrays (withdrawable, deposit); getOperatorShares one. */
function firstShare(value: unknown, withdrawable: boolean): bigint | null {
  const list = withdrawable ? (value as readonly [readonly bigint[], readonly bigint[]])?.[0] : (value as readonly bigint[]);
  const first = Array.isArray(list) ? list[0] : undefined;
  return typeof first === 'bigint' ? first : null;
}

/** The protocol's own list of stakers as round 1 read it: every address it holds, or why not all could be read. */
type ListedStakers = { stakers: Address[]; reason: string | null };

/** The most entries of a list read in round 1 (lib/tokens/schema.ts MAX_LISTED_STAKERS: the registry names at most as many). */
const MAX_LIST_READS = 16;

/**
 * Round 1's reads of the protocol's own list of stakers. An indexed list is read as its length and
 * indices first..first+N-1 (N = min(16, the registry's count + margin)); an index past the end reverts
 * (Solidity's array getter), which is why each is its own call and failures are expected there.
 */
export function planStakerList(list: StakerList, named: number, batch: CallBatch): () => ListedStakers {
  if (list.kind !== 'indexed') {
    const call = batch.add({ address: list.address, ...functionFrom(list.signature) });
    return () => {
      const got = valueOf<readonly Address[]>(call(), list.label);
      return got.ok ? { stakers: got.value.map((a) => getAddress(a)), reason: null } : { stakers: [], reason: `could not check the list of stakers: ${got.reason}` };
    };
  }
  const length = { ...functionFrom(list.length), address: list.address };
  const item = { ...functionFrom(list.item), address: list.address };
  const count = Math.min(MAX_LIST_READS, named + list.margin);
  const lengthCall = batch.add(length);
  const items = Array.from({ length: count }, (_, k) => list.first + k).map((index) => ({ index, call: batch.add({ ...item, args: [BigInt(index)] }) }));
  return () => {
    const lengthLabel = `${list.label}.${length.functionName}()`;
    const got = valueOf<bigint>(lengthCall(), lengthLabel);
    if (!got.ok) return { stakers: [], reason: `could not check the list of stakers: ${got.reason}` };
    const total = got.value;
    const stakers: Address[] = [];
    const notes: string[] = [];
    for (const { index, call } of items) {
      if (BigInt(index - list.first) >= total) break;
      const at = valueOf<Address>(call(), `${list.label}.${item.functionName}(${index})`);
      if (at.ok) stakers.push(getAddress(at.value));
      else notes.push(`could not check index ${index} of the list of stakers: ${at.reason}`);
    }
    if (total > BigInt(count)) {
      const from = list.first + count;
      const last = BigInt(list.first) + total - 1n;
      const unread = last === BigInt(from) ? `index ${from} was` : `indices ${from} to ${last} were`;
      notes.push(`${lengthLabel} is ${total} and only ${count} were read: ${unread} not checked, and a staker there the registry does not name is not covered`);
    }
    return { stakers, reason: notes.length ? notes.join('; ') : null };
  };
}

/** Stakers the protocol lists on-chain that the registry does not name. */
function unlistedStakers(listed: ListedStakers, plan: RestakingPlan): { stakers: string[]; reason: string | null } {
  const known = new Set(plan.holders.kind === 'stakers' ? plan.holders.stakers.map((s) => s.address) : []);
  return { stakers: listed.stakers.filter((a) => !known.has(a)), reason: listed.reason };
}

/** One operator's allocations from round 2, with its slashable fraction checked against its max magnitude. */
export function decodeOperator(address: Address, label: string | null, shares: bigint, calls: OperatorCalls | undefined, secondFailure: string | null): RestakingOperator {
  const base = { address, label, shares: shares.toString(), maxMagnitude: null, sets: [], slashableBps: null };
  if (secondFailure) return { ...base, reason: secondFailure };
  if (!calls) return { ...base, reason: 'its allocations were not read' };
  const allocations = valueOf<readonly [readonly OperatorSetTuple[], readonly AllocationTuple[]]>(calls.allocations(), `AllocationManager.getStrategyAllocations(${address})`);
  const max = valueOf<bigint>(calls.maxMagnitude(), `AllocationManager.getMaxMagnitude(${address})`);
  const registered = valueOf<readonly OperatorSetTuple[]>(calls.registered(), `AllocationManager.getRegisteredSets(${address})`);
  const failed = [allocations, max, registered].find((r) => !r.ok);
  if (failed && !failed.ok) return { ...base, reason: failed.reason };
  if (!allocations.ok || !max.ok || !registered.ok) return { ...base, reason: 'unread' };
  const [sets, allocs] = allocations.value;
  if (sets.length !== allocs.length) return { ...base, reason: `getStrategyAllocations returned ${sets.length} sets and ${allocs.length} allocations` };
  const maxMagnitude = max.value;
  const registeredKeys = new Set(registered.value.map((s) => `${getAddress(s.avs)}:${s.id}`));
  const readSets = sets
    .map((set, i) => ({ set, allocation: allocs[i]! }))
    // getStrategyAllocations lists every set the operator allocates to in any strategy: some are zero here.
    .filter(({ allocation }) => allocation.currentMagnitude > 0n || allocation.pendingDiff !== 0n)
    .map(({ set, allocation }) => ({
      avs: getAddress(set.avs),
      id: Number(set.id),
      magnitude: allocation.currentMagnitude.toString(),
      registered: registeredKeys.has(`${getAddress(set.avs)}:${set.id}`),
      pendingDiff: allocation.pendingDiff === 0n ? null : allocation.pendingDiff.toString(),
      effectBlock: allocation.pendingDiff === 0n ? null : Number(allocation.effectBlock),
    }));
  const withSets = { ...base, maxMagnitude: maxMagnitude.toString(), sets: readSets };
  const allocated = readSets.reduce((sum, s) => sum + BigInt(s.magnitude), 0n);
  // EigenLayer never lets the allocated magnitude pass the max magnitude: a read that does is wrong.
  if (allocated > maxMagnitude) return { ...withSets, reason: `allocations (${allocated}) exceed the max magnitude (${maxMagnitude}): read inconsistent` };
  if (maxMagnitude === 0n) return { ...withSets, slashableBps: 0, reason: 'max magnitude 0: this operator was slashed in full' };
  const slashable = readSets.filter((s) => s.registered).reduce((sum, s) => sum + BigInt(s.magnitude), 0n);
  return { ...withSets, slashableBps: Number((slashable * BPS) / maxMagnitude), reason: null };
}
