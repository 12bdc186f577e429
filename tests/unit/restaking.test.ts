import { getAddress, zeroAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { CallBatch, type ContractCall } from '../../lib/chain/calls';
import { figuresSchema, type RestakingReading } from '../../lib/chain/figures';
import { planRestaking } from '../../lib/chain/restaking';
import { riskRows } from '../../lib/risk/layers';
import { restakingSchema, type RestakingPlan } from '../../lib/tokens/schema';
import { tokenBySymbol } from '../../lib/tokens/registry';
import { makeFigures, settleBy } from './helpers';

/*
 * Decoding the restaking read alone: both rounds settled with made-up answers, no chain. What the
 * chain itself answers is tested in tests/chain/restaking.test.ts.
 */

const E18 = 10n ** 18n;
/** The refresh clock the allocations are stamped with. */
const READ_AT = 1_700_000_000_000;
const pct = (p: number) => (BigInt(p) * E18) / 100n;
const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const AM = addr(0xa11);
const DM = addr(0xde1);
const STRATEGY = addr(0x5);
const [S1, S2, S3] = [addr(0x51), addr(0x52), addr(0x53)];
const [OP1, OP2] = [addr(0x01), addr(0x02)];
const [AVS_A, AVS_B] = [addr(0xaa), addr(0xbb)];

const stakersPlan = (list?: boolean): RestakingPlan =>
  restakingSchema.parse({
    allocationManager: AM,
    delegationManager: DM,
    strategy: { address: STRATEGY, label: 'test strategy' },
    holders: {
      kind: 'stakers',
      stakers: [
        { address: S1, label: 'staker 1' },
        { address: S2, label: 'staker 2' },
        { address: S3, label: 'staker 3' },
      ],
      ...(list ? { list: { address: addr(0x1157), signature: 'function getNodeDelegatorQueue() view returns (address[])', label: 'list()' } } : {}),
    },
    covers: 'the test stake',
    confidence: 'primary',
    source: 'test',
  });

interface World {
  delegatedTo: Record<Address, Address | Error>;
  shares: Record<Address, bigint | Error>;
  list?: Address[] | Error;
  allocations: Record<Address, [{ avs: Address; id: number }[], { currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }[]] | Error>;
  max: Record<Address, bigint | Error>;
  registered: Record<Address, { avs: Address; id: number }[] | Error>;
}

function answer(world: World) {
  return (call: ContractCall): unknown => {
    const who = call.args?.[0] as Address;
    switch (call.functionName) {
      case 'delegatedTo':
        return world.delegatedTo[who] ?? zeroAddress;
      case 'getWithdrawableShares': {
        const s = world.shares[who] ?? 0n;
        return s instanceof Error ? s : [[s], [s]];
      }
      case 'getOperatorShares': {
        const s = world.shares[who] ?? 0n;
        return s instanceof Error ? s : [s];
      }
      case 'getNodeDelegatorQueue':
        return world.list ?? [];
      case 'getStrategyAllocations':
        return world.allocations[who] ?? [[], []];
      case 'getMaxMagnitude':
        return world.max[who] ?? E18;
      case 'getRegisteredSets':
        return world.registered[who] ?? [];
      default:
        throw new Error(`unexpected call ${call.functionName}`);
    }
  };
}

/** Both rounds, as lib/chain/read.ts runs them; `secondFails` plays the second multicall failing whole. */
function run(plan: RestakingPlan, world: World, secondFails?: string, earlier?: RestakingReading, readAt = READ_AT) {
  const first = new CallBatch();
  const read = planRestaking(plan, first)!;
  settleBy(first, answer(world));
  const second = new CallBatch();
  const carried = earlier ? read.secondRound.carry(earlier) : false;
  if (!carried) read.secondRound.plan(second);
  if (secondFails) read.secondRound.failed(secondFails);
  else if (second.calls.length) settleBy(second, answer(world));
  return { reading: read.decode(readAt), firstCalls: first.calls.length, secondCalls: second.calls.length, carried };
}

const alloc = (currentMagnitude: bigint, pendingDiff = 0n, effectBlock = 0) => ({ currentMagnitude, pendingDiff, effectBlock });

const calm: World = {
  delegatedTo: { [S1]: OP1, [S2]: OP1, [S3]: OP2 },
  shares: { [S1]: 100n * E18, [S2]: 100n * E18, [S3]: 200n * E18 },
  allocations: {
    [OP1]: [[{ avs: AVS_A, id: 0 }, { avs: AVS_B, id: 3 }], [alloc(pct(30)), alloc(pct(20))]],
    [OP2]: [[{ avs: AVS_A, id: 0 }], [alloc(pct(10))]],
  },
  max: {},
  registered: { [OP1]: [{ avs: AVS_A, id: 0 }, { avs: AVS_B, id: 3 }], [OP2]: [{ avs: AVS_A, id: 0 }] },
};

describe('the restaking read, decoded', () => {
  it('turns magnitudes into fractions of the max magnitude and weights operators by the stake delegated to them', () => {
    const { reading, firstCalls, secondCalls } = run(stakersPlan(), calm);
    // Round 1: delegatedTo + shares per staker; round 2: three reads per distinct operator.
    expect([firstCalls, secondCalls]).toEqual([6, 6]);
    expect(reading.operators.map((o) => [o.address, o.shares, o.slashableBps])).toEqual([
      [OP1, (200n * E18).toString(), 5_000],
      [OP2, (200n * E18).toString(), 1_000],
    ]);
    // (200 × 50% + 200 × 10%) / 400 = 30%, by two distinct sets (AVS A set 0 counts once).
    expect(reading.slashableBps).toBe(3_000);
    expect(reading.setCount).toBe(2);
    expect(reading.reason).toBeNull();
    expect(figuresSchema.shape.restaking.parse(reading)).toEqual(reading);
  });

  it('scales by a max magnitude below WAD (a slashed operator)', () => {
    const { reading } = run(stakersPlan(), { ...calm, max: { [OP1]: pct(50) } });
    // 50% of WAD allocated out of a max of 50%: all that is left is slashable.
    expect(reading.operators[0]!.slashableBps).toBe(10_000);
    expect(reading.slashableBps).toBe((10_000 + 1_000) / 2);
  });

  it('reads zero allocations as 0%, and keeps sets at zero in this strategy out of the list', () => {
    const { reading } = run(stakersPlan(), {
      ...calm,
      allocations: { [OP1]: [[{ avs: AVS_A, id: 0 }], [alloc(0n)]], [OP2]: [[], []] },
    });
    expect(reading.slashableBps).toBe(0);
    expect(reading.setCount).toBe(0);
    expect(reading.operators.every((o) => o.sets.length === 0)).toBe(true);
  });

  it('counts undelegated stake as not slashable', () => {
    const { reading, secondCalls } = run(stakersPlan(), { ...calm, delegatedTo: { [S1]: OP1, [S2]: zeroAddress, [S3]: zeroAddress } });
    expect(secondCalls).toBe(3);
    expect(reading.undelegatedShares).toBe((300n * E18).toString());
    expect(reading.slashableBps).toBe(Math.floor((100 * 5_000) / 400));
  });

  it('counts only sets the operator is registered for, and shows pending changes', () => {
    const { reading } = run(stakersPlan(), {
      ...calm,
      allocations: { ...calm.allocations, [OP1]: [[{ avs: AVS_A, id: 0 }, { avs: AVS_B, id: 3 }], [alloc(pct(30), -pct(30), 123), alloc(pct(20))]] },
      registered: { [OP1]: [{ avs: AVS_A, id: 0 }], [OP2]: [{ avs: AVS_A, id: 0 }] },
    });
    const op1 = reading.operators[0]!;
    expect(op1.slashableBps).toBe(3_000);
    expect(op1.sets).toEqual([
      { avs: AVS_A, id: 0, magnitude: pct(30).toString(), registered: true, pendingDiff: (-pct(30)).toString(), effectBlock: 123 },
      { avs: AVS_B, id: 3, magnitude: pct(20).toString(), registered: false, pendingDiff: null, effectBlock: null },
    ]);
    expect(reading.setCount).toBe(1);
  });

  it('refuses allocations above the max magnitude, and then gives no sum', () => {
    const { reading } = run(stakersPlan(), { ...calm, max: { [OP1]: pct(40) } });
    expect(reading.operators[0]).toMatchObject({ slashableBps: null, reason: expect.stringMatching(/exceed the max magnitude/) });
    expect(reading.slashableBps).toBeNull();
    expect(reading.reason).toMatch(/exceed the max magnitude/);
  });

  it('leaves out a staker whose reads failed, naming it, and sums the rest', () => {
    const { reading } = run(stakersPlan(), { ...calm, delegatedTo: { ...calm.delegatedTo, [S3]: new Error('execution reverted') } });
    expect(reading.missing).toEqual(['staker 3: DelegationManager.delegatedTo(staker 3) failed: execution reverted']);
    expect(reading.operators.map((o) => o.address)).toEqual([OP1]);
    expect(reading.slashableBps).toBe(5_000);
  });

  it('gives no sum when an operator’s allocation read fails, or the second multicall fails whole', () => {
    const failedRead = run(stakersPlan(), { ...calm, registered: { ...calm.registered, [OP2]: new Error('execution reverted') } }).reading;
    expect(failedRead.slashableBps).toBeNull();
    expect(failedRead.reason).toMatch(/getRegisteredSets.*failed/);
    const failedRound = run(stakersPlan(), calm, 'the allocation read failed: timeout').reading;
    expect(failedRound.slashableBps).toBeNull();
    expect(failedRound.operators.every((o) => o.reason === 'the allocation read failed: timeout')).toBe(true);
  });

  it('says when there is nothing to weigh', () => {
    expect(run(stakersPlan(), { ...calm, shares: {} }).reading).toMatchObject({ slashableBps: null, reason: 'the read holders have no stake in test strategy' });
    const none = run(stakersPlan(), { ...calm, delegatedTo: { [S1]: new Error('x'), [S2]: new Error('x'), [S3]: new Error('x') } });
    expect(none.secondCalls).toBe(0);
    expect(none.reading.reason).toMatch(/^no holder could be read/);
  });

  it('names stakers in the protocol’s own list that the registry does not', () => {
    const extra = addr(0x99);
    expect(run(stakersPlan(true), { ...calm, list: [S1, S2, S3, extra] }).reading.unlisted).toEqual([extra]);
    expect(run(stakersPlan(true), { ...calm, list: new Error('execution reverted') }).reading.reason).toMatch(/could not check the list of stakers/);
  });

  it('reads a protocol’s own operators directly, by their delegated shares', () => {
    const plan = restakingSchema.parse({ ...stakersPlan(), holders: { kind: 'operators', operators: [{ address: OP1, label: 'op 1' }, { address: OP2, label: 'op 2' }] } });
    const { reading, firstCalls } = run(plan, { ...calm, shares: { [OP1]: 300n * E18, [OP2]: 100n * E18 } });
    expect(firstCalls).toBe(2);
    expect(reading.operators.map((o) => [o.label, o.slashableBps])).toEqual([
      ['op 1', 5_000],
      ['op 2', 1_000],
    ]);
    expect(reading.slashableBps).toBe((300 * 5_000 + 100 * 1_000) / 400);
  });
});

describe('allocations carried between reads', () => {
  const earlier = run(stakersPlan(), calm).reading;
  const later = READ_AT + 5 * 60_000;

  it('stamps the allocations with the refresh that read them, and not when round 2 failed', () => {
    expect(earlier.allocationsReadAt).toBe(READ_AT);
    expect(run(stakersPlan(), calm, 'timeout').reading.allocationsReadAt).toBeNull();
  });

  it('takes the earlier allocations with this read’s shares, without a second round', () => {
    // A slashing shows in round 1 at once: the shares fall, and are this read's.
    const { reading, secondCalls, carried } = run(stakersPlan(), { ...calm, shares: { ...calm.shares, [S3]: 100n * E18 } }, undefined, earlier, later);
    expect([carried, secondCalls]).toEqual([true, 0]);
    expect(reading.allocationsReadAt).toBe(READ_AT);
    expect(reading.operators.map((o) => [o.address, o.shares, o.slashableBps])).toEqual([
      [OP1, (200n * E18).toString(), 5_000],
      [OP2, (100n * E18).toString(), 1_000],
    ]);
    // (200 × 50% + 100 × 10%) / 300
    expect(reading.slashableBps).toBe(Math.floor((200 * 5_000 + 100 * 1_000) / 300));
  });

  it('reads round 2 again when round 1 finds an operator the earlier reading lacks, or it had none read', () => {
    const moved = run(stakersPlan(), { ...calm, delegatedTo: { ...calm.delegatedTo, [S3]: addr(0x03) } }, undefined, earlier, later);
    expect([moved.carried, moved.secondCalls]).toEqual([false, 6]);
    expect(moved.reading.allocationsReadAt).toBe(later);
    const failed = run(stakersPlan(), calm, 'timeout').reading;
    expect(run(stakersPlan(), calm, undefined, failed, later).carried).toBe(false);
  });
});

describe('the registry and the restaking row', () => {
  it('reads the LRTs it can, and says why for the others', () => {
    const plans = Object.fromEntries(['weETH', 'eETH', 'ezETH', 'rsETH', 'pufETH', 'rswETH'].map((s) => [s, tokenBySymbol(s)!.restaking]));
    expect(Object.entries(plans).filter(([, p]) => p && 'holders' in p).map(([s]) => s)).toEqual(['weETH', 'eETH', 'ezETH', 'rsETH', 'pufETH']);
    expect(plans.rswETH).toMatchObject({ unread: expect.stringMatching(/StakerProxy/) });
    expect(tokenBySymbol('wstETH')!.restaking).toBeUndefined();
  });

  it('keeps the reviewed level and adds the live reading, with its block', () => {
    const reading = run(stakersPlan(), calm).reading;
    const figures = makeFigures({ symbol: 'rsETH', readAt: 1_000, restaking: reading });
    const row = riskRows('rsETH', figures, { siteId: null, chainId: 1 }).find((r) => r.layer === 'restaking')!;
    expect(row.level).toBe('medium');
    expect(row.restaking).toEqual({ reading, unread: null, blockNumber: figures.blockNumber, readAt: 1_000 });
    const unread = riskRows('rswETH', null, { siteId: null, chainId: 1 }).find((r) => r.layer === 'restaking')!;
    expect(unread.restaking).toMatchObject({ reading: null, unread: expect.stringMatching(/StakerProxy/) });
    expect(riskRows('wstETH', null, { siteId: null }).find((r) => r.layer === 'restaking')!.restaking).toBeUndefined();
  });
});
