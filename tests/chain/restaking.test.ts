// @vitest-environment node
import { getAddress, zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import type { FigureReplyMessage } from '../../lib/messaging';
import { riskRows } from '../../lib/risk/layers';
import { tokenBySymbol } from '../../lib/tokens/registry';
import { readFigures } from './read-figures';
import { useMainnetFigureRig } from './figure-rig';
import { ADDRESSES as A, EIGEN_STRATEGIES as S, ETHERFI_RESTAKER, KELP_NODE_DELEGATORS, PUFFER_RESTAKING_OPERATORS, RENZO_OPERATOR_DELEGATORS, RIG_EIGEN as E } from './mainnet';

/*
 * The restaking layer read live, through the background's own figure service: EigenLayer's
 * DelegationManager and AllocationManager doubles stand at their mainnet addresses with the
 * delegations and allocations the rig seeds (DEFAULT_RESTAKING); a test changes them and refreshes.
 */

const E18 = 10n ** 18n;
const pct = (p: number) => (BigInt(p) * E18) / 100n;
const rig = useMainnetFigureRig();

async function ask(symbol: string): Promise<FigureReplyMessage> {
  const [reply] = await rig.service.figuresFor([{ symbol, chainId: 1 }], { force: true });
  return reply!;
}

describe('the restaking layer on a calm day', () => {
  it('reads Kelp’s node delegators, their operators and allocations in two eth_calls', async () => {
    const r = await ask('rsETH');
    expect(r.error).toBeNull();
    // One multicall for the figures (with delegatedTo and shares), one more for the allocations, pinned
    // to the first one's block (so the proxy files it under a block number).
    expect(r.figures!.restaking).not.toBeNull();
    const live = r.figures!.restaking!;
    expect(live.reason).toBeNull();
    expect(live.strategy).toBe('beacon chain ETH (native restaking)');
    // 6 × 10,000 at 40% and 6 × 10,000 at 0%: 20% of the read stake, by AVS A set 0 and AVS B set 1.
    expect(live.slashableBps).toBe(2_000);
    expect(live.setCount).toBe(2);
    expect(live.unlisted).toEqual([]);
    expect(live.missing).toEqual([]);
    const a = live.operators.find((o) => o.address === E.kelpOperatorA)!;
    expect(a).toMatchObject({ shares: (60_000n * E18).toString(), maxMagnitude: E18.toString(), slashableBps: 4_000, reason: null });
    expect(a.sets).toEqual([
      { avs: E.avsA, id: 0, magnitude: pct(30).toString(), registered: true, pendingDiff: null, effectBlock: null },
      { avs: E.avsB, id: 1, magnitude: pct(10).toString(), registered: true, pendingDiff: null, effectBlock: null },
    ]);
    expect(live.operators.find((o) => o.address === E.kelpOperatorB)).toMatchObject({ slashableBps: 0, sets: [] });

    // The restaking row keeps its reviewed level and carries the live reading with its block.
    const row = riskRows('rsETH', r.figures, { siteId: null, chainId: 1 }).find((x) => x.layer === 'restaking')!;
    expect(row.level).toBe('medium');
    expect(row.restaking).toMatchObject({ unread: null, blockNumber: r.figures!.blockNumber, reading: { slashableBps: 2_000 } });
  });

  it('reads Puffer’s seven RestakingOperators directly, weighting each by its delegated shares', async () => {
    const live = (await ask('pufETH')).figures!.restaking!;
    expect(live.operators.map((o) => o.address)).toEqual(PUFFER_RESTAKING_OPERATORS);
    expect(live.operators[0]).toMatchObject({ slashableBps: 5_000, label: 'Puffer RestakingOperator (PUFFER_MODULE_0, every 7th)' });
    // 50% of one operator's 20,000 among seven equal ones: 714 bps (rounded down).
    expect(live.slashableBps).toBe(Math.floor((5_000 * 20_000) / 140_000));
    expect(live.setCount).toBe(1);
  });

  it('counts ether.fi’s restaker in the stETH strategy, leaving out a set its operator is not registered for', async () => {
    for (const symbol of ['weETH', 'eETH']) {
      const live = (await ask(symbol)).figures!.restaking!;
      expect(live.strategy, symbol).toBe('EigenLayer stETH strategy');
      expect(live.slashableBps, symbol).toBe(2_500);
      expect(live.setCount, symbol).toBe(1);
      const op = live.operators[0]!;
      expect(op.sets.find((s) => s.avs === E.avsA)).toMatchObject({ registered: false, magnitude: pct(20).toString() });
    }
  });

  it('reads Renzo’s OperatorDelegators, checked against the RestakeManager’s own list, and their operators’ allocations', async () => {
    const r = await ask('ezETH');
    expect(r.error).toBeNull();
    const live = r.figures!.restaking!;
    expect(live.strategy).toBe('beacon chain ETH (native restaking)');
    // The RestakeManager lists the five the registry names; indices 5-8 of the nine read revert, as past the end they do.
    expect(live).toMatchObject({ unlisted: [], missing: [], reason: null, undelegatedShares: '0' });
    // (24,000 × 25% + 16,000 × 60%) / 40,000 = 39%, by AVS B set 1 and AVS A set 0; AVS C set 2 is not registered.
    expect(live.slashableBps).toBe(3_900);
    expect(live.setCount).toBe(2);
    expect(live.operators.map((o) => [o.address, o.shares, o.slashableBps])).toEqual([
      [E.renzoOperatorA, (24_000n * E18).toString(), 2_500],
      [E.renzoOperatorB, (16_000n * E18).toString(), 6_000],
    ]);
    expect(live.operators[1]!.sets).toEqual([
      { avs: E.avsA, id: 0, magnitude: pct(60).toString(), registered: true, pendingDiff: null, effectBlock: null },
      { avs: E.avsC, id: 2, magnitude: pct(10).toString(), registered: false, pendingDiff: null, effectBlock: null },
    ]);
    expect(live.covers).toMatch(/five OperatorDelegators/);
    const row = riskRows('ezETH', r.figures, { siteId: null, chainId: 1 }).find((x) => x.layer === 'restaking')!;
    expect(row.restaking).toMatchObject({ unread: null, blockNumber: r.figures!.blockNumber, reading: { slashableBps: 3_900 } });
  });

  it('reads the registry’s LRTs in one multicall for the figures and one more for the allocations, neither at a past block', async () => {
    const tokens = ['rsETH', 'pufETH', 'weETH', 'eETH', 'ezETH', 'rswETH'].map((s) => tokenBySymbol(s)!);
    const figures = await readFigures(1, [rig.proxy.url], { tokens, contexts: {} });
    // The second round reads the newest block: a call pinned by number would look like (and on a
    // lagging node, fail like) a historical read.
    expect(rig.proxy.methods.filter((m) => m.startsWith('eth_call'))).toEqual(['eth_call', 'eth_call']);
    expect(figures.map((f) => [f.symbol, f.restaking?.slashableBps ?? null])).toEqual([
      ['rsETH', 2_000],
      ['pufETH', 714],
      ['weETH', 2_500],
      ['eETH', 2_500],
      ['ezETH', 3_900],
      ['rswETH', null],
    ]);
  });

  it('reads no second round for tokens without operators to look up', async () => {
    await readFigures(1, [rig.proxy.url], { tokens: [tokenBySymbol('rswETH')!, tokenBySymbol('wstETH')!], contexts: {} });
    expect(rig.proxy.methods.filter((m) => m.startsWith('eth_call'))).toEqual(['eth_call']);
  });

  it('leaves rswETH on reviewed text, saying why', async () => {
    for (const symbol of ['rswETH']) {
      const r = await ask(symbol);
      expect(r.figures!.restaking, symbol).toBeNull();
      const row = riskRows(symbol, r.figures, { siteId: null, chainId: 1 }).find((x) => x.layer === 'restaking')!;
      expect(row.restaking?.unread, symbol).toMatch(/address/);
    }
  });
});

describe('a change of allocation shows up on refresh', () => {
  it('follows a new allocation, a pending deallocation, a slashing of max magnitude and a redelegation', async () => {
    expect((await ask('rsETH')).figures!.restaking!.slashableBps).toBe(2_000);

    // Operator B allocates 60% to a third AVS's set and registers: (40% + 60%) / 2 = 50%, three sets.
    await rig.chain.setEigenAllocation({ operator: E.kelpOperatorB, avs: E.avsC, id: 7, strategy: S.beaconEth, magnitude: pct(60) });
    await rig.chain.setEigenRegistered(E.kelpOperatorB, { avs: E.avsC, id: 7 }, true);
    let live = (await ask('rsETH')).figures!.restaking!;
    expect(live.slashableBps).toBe(5_000);
    expect(live.setCount).toBe(3);

    // Operator A starts deallocating its AVS A set: still slashable until the effect block, shown as pending.
    await rig.chain.setEigenAllocation({ operator: E.kelpOperatorA, avs: E.avsA, id: 0, strategy: S.beaconEth, magnitude: pct(30), pendingDiff: -pct(30), effectBlock: 99_999 });
    live = (await ask('rsETH')).figures!.restaking!;
    expect(live.slashableBps).toBe(5_000);
    expect(live.operators.find((o) => o.address === E.kelpOperatorA)!.sets[0]).toMatchObject({ pendingDiff: (-pct(30)).toString(), effectBlock: 99_999 });

    // Operator B is slashed: its max magnitude falls to 0.8; its 60% allocation is now 75% of what it has left.
    await rig.chain.setEigenMaxMagnitude(E.kelpOperatorB, S.beaconEth, pct(80));
    live = (await ask('rsETH')).figures!.restaking!;
    expect(live.operators.find((o) => o.address === E.kelpOperatorB)!.slashableBps).toBe(7_500);
    expect(live.slashableBps).toBe((4_000 + 7_500) / 2);

    // Node delegator 0 undelegates: its stake is counted, not slashable.
    await rig.chain.setEigenDelegation(KELP_NODE_DELEGATORS[0]!, zeroAddress);
    live = (await ask('rsETH')).figures!.restaking!;
    expect(live.undelegatedShares).toBe((10_000n * E18).toString());
    expect(live.slashableBps).toBe(Math.floor((50_000 * 4_000 + 60_000 * 7_500) / 120_000));
  });
});

describe('when part of it cannot be read', () => {
  it('names a node delegator in Kelp’s own list that the registry does not', async () => {
    const extra = getAddress('0x00000000000000000000000000000000000ee001');
    await rig.chain.setKelpNodeDelegators([...KELP_NODE_DELEGATORS, extra]);
    const live = (await ask('rsETH')).figures!.restaking!;
    expect(live.unlisted).toEqual([extra]);
    expect(live.slashableBps).toBe(2_000);
  });

  it('names an OperatorDelegator in Renzo’s RestakeManager that the registry does not, and says what a longer list leaves unchecked', async () => {
    const extra = getAddress('0x00000000000000000000000000000000000ee002');
    await rig.chain.setRenzoOperatorDelegators([...RENZO_OPERATOR_DELEGATORS.slice(0, 2), extra, ...RENZO_OPERATOR_DELEGATORS.slice(2)]);
    let live = (await ask('ezETH')).figures!.restaking!;
    expect(live.unlisted).toEqual([extra]);
    expect(live.reason).toBeNull();
    // Its stake is not read (it is not named), and the sum of what is read stands.
    expect(live.slashableBps).toBe(3_900);

    // Ten in the list: the nine read (five named + a margin of four) name four unknown ones; the tenth is not checked.
    const more = Array.from({ length: 5 }, (_, i) => getAddress(`0x00000000000000000000000000000000000ee1${i.toString(16).padStart(2, '0')}`));
    await rig.chain.setRenzoOperatorDelegators([...RENZO_OPERATOR_DELEGATORS, ...more]);
    live = (await ask('ezETH')).figures!.restaking!;
    expect(live.unlisted).toEqual(more.slice(0, 4));
    expect(live.reason).toBe(
      'Renzo RestakeManager.getOperatorDelegatorsLength() is 10 and only 9 were read: index 9 was not checked, and a staker there the registry does not name is not covered',
    );
    expect(live.slashableBps).toBe(3_900);
  });

  it('shows the allocations unavailable when the AllocationManager reverts, and keeps every other figure', async () => {
    await rig.chain.breakContract(A.eigenAllocationManager);
    const r = await ask('rsETH');
    expect(r.error).toBeNull();
    expect(r.figures!.redemption.value).not.toBeNull();
    const live = r.figures!.restaking!;
    expect(live.slashableBps).toBeNull();
    expect(live.reason).toMatch(/getStrategyAllocations/);
  });

  it('leaves out a staker whose delegation read fails, and says so', async () => {
    await rig.chain.breakContract(A.eigenDelegationManager);
    const live = (await ask('weETH')).figures!.restaking!;
    expect(live.slashableBps).toBeNull();
    expect(live.missing).toHaveLength(1);
    expect(live.missing[0]).toMatch(/EtherFiRestaker/);
    expect(live.reason).toMatch(/no holder could be read/);
  });

  it('refuses allocations that exceed the max magnitude', async () => {
    await rig.chain.setEigenMaxMagnitude(E.etherfiOperator, S.stEth, pct(30));
    const live = (await ask('weETH')).figures!.restaking!;
    expect(live.slashableBps).toBeNull();
    expect(live.operators[0]!.reason).toMatch(/exceed the max magnitude/);
    expect(live.operators[0]!.shares).toBe((5_000n * E18).toString());
    expect(ETHERFI_RESTAKER).toBe('0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf');
  });
});
