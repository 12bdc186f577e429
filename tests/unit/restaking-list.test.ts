import { getAddress, zeroAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { CallBatch, type ContractCall } from '../../lib/chain/calls';
import { figuresSchema } from '../../lib/chain/figures';
import { planRestaking, planStakerList } from '../../lib/chain/restaking';
import { restakingSchema, stakerListSchema, type RestakingPlan } from '../../lib/tokens/schema';
import { tokenBySymbol } from '../../lib/tokens/registry';
import { settleBy } from './helpers';

/*
 * The registry's list of stakers checked against the protocol's own, when that list is a length and an
 * indexed getter (Renzo's RestakeManager.getOperatorDelegatorsLength() and operatorDelegators(i)): read
 * in round 1 beside the stakers, index by index, with no round of its own. The chain itself answers in
 * tests/chain/restaking.test.ts.
 */

const E18 = 10n ** 18n;
const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const LIST = addr(0x1157);
const OP = addr(0x01);
const STAKERS = [addr(0x51), addr(0x52), addr(0x53)];

const indexed = (over: Partial<Record<'first' | 'margin', number>> = {}) => ({
  kind: 'indexed' as const,
  address: LIST,
  length: 'function getOperatorDelegatorsLength() view returns (uint256)',
  item: 'function operatorDelegators(uint256) view returns (address)',
  label: 'Manager',
  ...over,
});

const plan = (list: ReturnType<typeof indexed>): RestakingPlan =>
  restakingSchema.parse({
    allocationManager: addr(0xa11),
    delegationManager: addr(0xde1),
    strategy: { address: addr(0x5), label: 'test strategy' },
    holders: { kind: 'stakers', stakers: STAKERS.map((address, i) => ({ address, label: `staker ${i}` })), list },
    covers: 'the test stake',
    confidence: 'third-party',
    source: 'test',
  });

/** The chain's list: `length` as the length getter says, `at` what each index holds (an index past the end reverts, as Solidity's getter does). */
function chain(list: { length: bigint | Error; at: Address[]; failAt?: number[] }) {
  return (call: ContractCall): unknown => {
    switch (call.functionName) {
      case 'getOperatorDelegatorsLength':
        return list.length;
      case 'operatorDelegators': {
        const i = Number(call.args![0] as bigint);
        if (list.failAt?.includes(i)) return new Error('execution reverted: out of gas');
        return list.at[i] ?? new Error('execution reverted: panic: array out-of-bounds access (0x32)');
      }
      case 'delegatedTo':
        return OP;
      case 'getWithdrawableShares':
        return [[100n * E18], [100n * E18]];
      case 'getStrategyAllocations':
        return [[], []];
      case 'getMaxMagnitude':
        return E18;
      case 'getRegisteredSets':
        return [];
      default:
        throw new Error(`unexpected call ${call.functionName}`);
    }
  };
}

function run(p: RestakingPlan, answer: (call: ContractCall) => unknown) {
  const first = new CallBatch();
  const read = planRestaking(p, first)!;
  settleBy(first, answer);
  const second = new CallBatch();
  read.secondRound.plan(second);
  settleBy(second, answer);
  return { reading: read.decode(1_000), first: first.calls, second: second.calls };
}

describe('an indexed list of stakers, checked in round 1', () => {
  it('reads the length and the registry’s count plus a margin of indices, all in the first multicall', () => {
    const { first, second, reading } = run(plan(indexed()), chain({ length: 3n, at: STAKERS }));
    const listCalls = first.filter((c) => c.address === LIST);
    // 3 named + a margin of 4: indices 0-6, and the length.
    expect(listCalls.map((c) => [c.functionName, c.args?.[0] ?? null])).toEqual([
      ['getOperatorDelegatorsLength', null],
      ...[0n, 1n, 2n, 3n, 4n, 5n, 6n].map((i) => ['operatorDelegators', i]),
    ]);
    // Round 2 reads only the operator: the list adds nothing to it.
    expect(second.map((c) => c.functionName)).toEqual(['getStrategyAllocations', 'getMaxMagnitude', 'getRegisteredSets']);
    // The reverting indices past the end are expected, and are no reason to doubt the read.
    expect(reading).toMatchObject({ unlisted: [], reason: null, slashableBps: 0 });
    expect(figuresSchema.shape.restaking.parse(reading)).toEqual(reading);
  });

  it('names a staker the chain lists that the registry does not, and keeps the sum of what it read', () => {
    const extra = addr(0x99);
    const { reading } = run(plan(indexed()), chain({ length: 4n, at: [STAKERS[0]!, extra, STAKERS[1]!, STAKERS[2]!] }));
    expect(reading.unlisted).toEqual([extra]);
    expect(reading.reason).toBeNull();
    expect(reading.slashableBps).toBe(0);
  });

  it('says a length past what was read is not covered, with the indices it did not check', () => {
    const more = Array.from({ length: 10 }, (_, i) => addr(0x900 + i));
    const { reading } = run(plan(indexed()), chain({ length: 10n, at: [...STAKERS, ...more.slice(3)] }));
    // Indices 3-6 were read and are not the registry's; 7-9 were not read at all.
    expect(reading.unlisted).toEqual(more.slice(3, 7));
    expect(reading.reason).toBe(
      'Manager.getOperatorDelegatorsLength() is 10 and only 7 were read: indices 7 to 9 were not checked, and a staker there the registry does not name is not covered',
    );
    expect(reading.slashableBps).toBe(0);
  });

  it('says so when the list cannot be read, or one index within it fails', () => {
    const noLength = run(plan(indexed()), chain({ length: new Error('execution reverted'), at: STAKERS })).reading;
    expect(noLength.reason).toBe('could not check the list of stakers: Manager.getOperatorDelegatorsLength() failed: execution reverted');
    expect(noLength.unlisted).toEqual([]);
    const oneFails = run(plan(indexed()), chain({ length: 3n, at: STAKERS, failAt: [1] })).reading;
    expect(oneFails.reason).toBe('could not check index 1 of the list of stakers: Manager.operatorDelegators(1) failed: execution reverted: out of gas');
  });

  it('counts from the first index it is given, and never reads more than 16', () => {
    const batch = new CallBatch();
    const big = { ...indexed({ first: 1, margin: 16 }), length: 'function stakeId() view returns (uint256)', item: 'function stakerProxyAddresses(uint256) view returns (address)' };
    const list = planStakerList(stakerListSchema.parse(big), 3, batch);
    expect(batch.calls.slice(1).map((c) => c.args![0])).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(i + 1)));
    settleBy(batch, (c) => (c.functionName === 'stakeId' ? 2n : [zeroAddress, STAKERS[0], STAKERS[1]][Number(c.args![0] as bigint)] ?? new Error('invalid id')));
    expect(list()).toEqual({ stakers: [STAKERS[0], STAKERS[1]], reason: null });
  });

  it('still reads an address[] list in one call (Kelp)', () => {
    const batch = new CallBatch();
    const list = planStakerList({ address: LIST, signature: 'function getNodeDelegatorQueue() view returns (address[])', label: 'Pool.getNodeDelegatorQueue()' }, 3, batch);
    expect(batch.calls).toHaveLength(1);
    settleBy(batch, () => [STAKERS[0]!.toLowerCase()]);
    expect(list()).toEqual({ stakers: [STAKERS[0]], reason: null });
  });

  it('refuses an indexed list whose getters do not take an index and return an address', () => {
    expect(() => plan({ ...indexed(), item: 'function operatorDelegators() view returns (address)' })).toThrow(/index/);
    expect(() => plan({ ...indexed(), length: 'function getOperatorDelegatorsLength() view returns (address)' })).toThrow(/length/);
  });
});

describe('ezETH in the registry', () => {
  it('names Renzo’s five OperatorDelegators in the beacon chain ETH strategy, checked against the RestakeManager’s own list', () => {
    const r = tokenBySymbol('ezETH')!.restaking!;
    expect('holders' in r).toBe(true);
    const p = r as RestakingPlan;
    expect(p.strategy.address).toBe('0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0');
    expect(p.holders.kind === 'stakers' && p.holders.stakers.map((s) => s.address)).toEqual([
      '0xbAf5f3A05BD7Af6f3a0BBA207803bf77e2657c8F',
      '0x0B1981a9Fcc24A445dE15141390d3E46DA0e425c',
      '0x125B367C16C5858f11e12948404F7a1371a0FDa3',
      '0x78524bEeAc12368e600457478738c233f436e9f6',
      '0x38cDB1A8207264C1A07c42c43A4c3ED4bfab7CEA',
    ]);
    expect(p.holders.kind === 'stakers' && p.holders.list).toMatchObject({ kind: 'indexed', address: '0x74a09653A083691711cF8215a6ab074BB4e99ef5', first: 0, margin: 4 });
    expect(p.covers).toMatch(/native restaked ETH.*LST strategy shares .* not read/);
    expect(p.confidence).toBe('third-party');
  });
});
