import { describe, expect, it } from 'vitest';
import { CallBatch } from '../../lib/chain/calls';
import { afterFee, planInstant, renzoFeeBps } from '../../lib/chain/instant';
import { SELL_SIZES_ETH } from '../../lib/chain/plan';
import { WAD } from '../../lib/chain/units';
import { registry, tokenBySymbol } from '../../lib/tokens/registry';
import type { InstantPlan } from '../../lib/tokens/schema';
import { settleBy } from './helpers';

const NOW = 1_750_000_000;
const E = (n: number) => BigInt(n) * WAD;

function planOf<K extends InstantPlan['kind']>(symbol: string, kind: K) {
  const exit = tokenBySymbol(symbol)!.exit;
  const plan = 'instant' in exit ? exit.instant : undefined;
  expect(plan?.kind).toBe(kind);
  return plan as Extract<InstantPlan, { kind: K }>;
}

/** Plans the road, answers each call by its function name (an Error fails it), and decodes. */
function decode(plan: InstantPlan, answers: Record<string, unknown>, now = NOW) {
  const batch = new CallBatch();
  const read = planInstant(plan, batch, SELL_SIZES_ETH);
  settleBy(batch, (call) => {
    if (!(call.functionName in answers)) throw new Error(`unexpected call ${call.functionName}`);
    return answers[call.functionName];
  });
  return { batch, r: read({ now })! };
}

const outs = (r: ReturnType<typeof decode>['r']) => r.quotes.map((q) => (q.outEth === null ? null : BigInt(q.outEth)));

describe('afterFee', () => {
  it('rounds the fee up or down as the contract does', () => {
    expect(afterFee(10_001n, 30n, 'up')).toBe(10_001n - 31n); // 30.003 → 31
    expect(afterFee(10_001n, 30n, 'down')).toBe(10_001n - 30n);
    expect(afterFee(E(100), 0n, 'up')).toBe(E(100));
  });
});

describe('instant road: ether.fi', () => {
  const plan = planOf('weETH', 'etherfi');
  const info = (fee: number) => [[0n, 0n, 0n, 0n], 0, fee, 0] as const;
  const calm = { totalRedeemableAmount: E(500), tokenToRedemptionInfo: info(30), paused: false, pausedUntil: 0n };

  it('is the same road for eETH and weETH', () => {
    expect(planOf('eETH', 'etherfi')).toEqual(plan);
  });

  it('reads ETH out of the redemption manager', () => {
    const { batch } = decode(plan, calm);
    for (const c of batch.calls) expect(c.address).toBe(plan.redemptionManager);
    expect(batch.calls.find((c) => c.functionName === 'totalRedeemableAmount')!.args).toEqual(['0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE']);
  });

  it('applies the exit fee and caps at what it can pay now', () => {
    const { r } = decode(plan, calm);
    expect(r).toMatchObject({ exists: true, usable: true, reason: null, feeBps: 30, waitSeconds: 0, capacityEth: E(500).toString(), paused: [] });
    expect(outs(r)).toEqual([E(10) - E(10) * 30n / 10_000n, E(100) - E(100) * 30n / 10_000n, null]);
    expect(r.quotes[2]!.reason).toBe('not available for this size: the road can pay 500 ETH now');
    expect(r.quotes.map((q) => q.valueEth)).toEqual(SELL_SIZES_ETH.map(String));
    expect(r.feeLabel).toBe('EtherFiRedemptionManager.tokenToRedemptionInfo(ETH).exitFeeInBps');
  });

  it('takes exactly the capacity, not a wei more', () => {
    const { r } = decode(plan, { ...calm, totalRedeemableAmount: E(100) });
    expect(outs(r)[1]).not.toBeNull();
    const { r: short } = decode(plan, { ...calm, totalRedeemableAmount: E(100) - 1n });
    expect(outs(short)[1]).toBeNull();
  });

  it('paused: no amounts, the pause named', () => {
    const { r } = decode(plan, { ...calm, paused: true });
    expect(r.usable).toBe(false);
    expect(r.paused).toEqual(['EtherFiRedemptionManager.paused()']);
    expect(outs(r)).toEqual([null, null, null]);
    expect(r.reason).toMatch(/^paused/);
    // The capacity and fee are still what the chain says: shown, not used.
    expect(r.capacityEth).toBe(E(500).toString());
  });

  it('a timed pause runs until its timestamp', () => {
    expect(decode(plan, { ...calm, pausedUntil: BigInt(NOW + 3_600) }).r.paused[0]).toMatch(/pausedUntil\(\) \(until /);
    expect(decode(plan, { ...calm, pausedUntil: BigInt(NOW - 1) }).r.usable).toBe(true);
  });

  it('an unreadable timed pause is said, not assumed open or shut', () => {
    const { r } = decode(plan, { ...calm, pausedUntil: new Error('execution reverted') });
    expect(r.usable).toBe(true);
    expect(r.notes.join(' ')).toMatch(/Timed pause not read \(EtherFiRedemptionManager\.pausedUntil\(\) failed/);
  });

  it('with the fee unreadable, gives no amount and says so', () => {
    const { r } = decode(plan, { ...calm, tokenToRedemptionInfo: new Error('execution reverted') });
    expect(r.feeBps).toBeNull();
    expect(r.feeLabel).toMatch(/^not readable: EtherFiRedemptionManager\.tokenToRedemptionInfo\(ETH\) failed/);
    expect(outs(r)).toEqual([null, null, null]);
    expect(r.quotes[0]!.reason).toMatch(/the fee is not readable/);
  });

  it('a failed capacity or pause read makes the road unreadable, with empty figures', () => {
    for (const fail of ['totalRedeemableAmount', 'paused']) {
      const { r } = decode(plan, { ...calm, [fail]: new Error('execution reverted') });
      expect(r).toMatchObject({ exists: true, usable: null, capacityEth: null, feeBps: null, waitSeconds: null, quotes: [] });
      expect(r.reason).toMatch(new RegExp(`${fail}.*failed: execution reverted`));
    }
  });

  it('does not believe a fee above what the contract allows', () => {
    const { r } = decode(plan, { ...calm, tokenToRedemptionInfo: info(10_001) });
    expect(r.usable).toBeNull();
    expect(r.reason).toMatch(/above the 10000 bps/);
  });

  it('no liquidity left: not usable', () => {
    const { r } = decode(plan, { ...calm, totalRedeemableAmount: 0n });
    expect(r.usable).toBe(false);
    expect(r.reason).toBe('no instant liquidity left');
  });
});

describe('instant road: Kelp', () => {
  const plan = planOf('rsETH', 'kelp');
  const calm = { isInstantWithdrawalEnabled: true, instantWithdrawalFee: 25n, paused: false, getAssetsAvailableForInstantWithdrawal: E(300) };

  it('floors the fee and caps at the unstaking vault’s available ETH', () => {
    const { r, batch } = decode(plan, calm);
    expect(batch.calls.find((c) => c.functionName === 'getAssetsAvailableForInstantWithdrawal')!.address).toBe(plan.unstakingVault);
    expect(r).toMatchObject({ usable: true, feeBps: 25, capacityEth: E(300).toString() });
    expect(outs(r)).toEqual([E(10) - E(10) / 400n, E(100) - E(100) / 400n, null]);
  });

  it('switched off for ETH: a shown answer, no amounts', () => {
    const { r } = decode(plan, { ...calm, isInstantWithdrawalEnabled: false });
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/switched off for ETH/);
    expect(outs(r)).toEqual([null, null, null]);
  });

  it('paused through LRTWithdrawalManager.paused()', () => {
    expect(decode(plan, { ...calm, paused: true }).r.paused).toEqual(['LRTWithdrawalManager.paused()']);
  });

  it('a contract without the instant functions: unreadable, and says why it may be', () => {
    const { r } = decode(plan, { ...calm, isInstantWithdrawalEnabled: new Error('execution reverted') });
    expect(r.usable).toBeNull();
    expect(r.reason).toMatch(/isInstantWithdrawalEnabled\(ETH\) failed.*may predate/);
  });

  it('a fee above Kelp’s 10% cap is not believed', () => {
    expect(decode(plan, { ...calm, instantWithdrawalFee: 1_001n }).r.reason).toMatch(/above the 1000 bps/);
  });
});

describe('instant road: Renzo', () => {
  const plan = planOf('ezETH', 'renzo');
  const calm = {
    // target 2 500 ETH, 2 000 ETH available, the buffer kept above 500 ETH
    getBufferDetails: [E(2_500), E(2_000), E(500)],
    minFeeBps: 10n,
    maxFeeBps: 100n,
    withdrawalQueue: plan.withdrawQueue,
    ezETH: plan.ezeth,
    whitelisted: true,
    paused: false,
    riskOracleMiddleware: plan.riskOracle,
    instantWithdrawPaused: false,
    withdrawRequestPaused: false,
    withdrawClaimPaused: false,
  };

  it('follows getFeeBasisPoints: min with the buffer full, up to max at the draw-down limit', () => {
    expect(renzoFeeBps(E(2_500), E(500), E(2_500), 10n, 100n)).toBe(10n);
    expect(renzoFeeBps(E(2_500), E(500), E(3_000), 10n, 100n)).toBe(10n); // overfilled
    expect(renzoFeeBps(E(2_500), E(500), E(500), 10n, 100n)).toBe(100n);
    // half way between: remaining 5 000 bps → 10 + 90 × 0.5
    expect(renzoFeeBps(E(2_500), E(500), E(1_500), 10n, 100n)).toBe(55n);
  });

  it('can draw the buffer down to its limit, the fee growing with the size', () => {
    const { r } = decode(plan, calm);
    expect(r).toMatchObject({ usable: true, capacityEth: E(1_500).toString(), feeMaxBps: 100, paused: [] });
    const fees = [E(1_990), E(1_900), E(1_000)].map((after) => renzoFeeBps(E(2_500), E(500), after, 10n, 100n));
    expect(r.quotes.map((q) => q.feeBps)).toEqual(fees.map(Number));
    expect(outs(r)).toEqual([E(10), E(100), E(1_000)].map((v, i) => v - (v * fees[i]!) / 10_000n));
    expect(r.feeBps).toBe(Number(renzoFeeBps(E(2_500), E(500), E(2_000), 10n, 100n)));
  });

  it('beyond the draw-down limit: not available for this size', () => {
    const { r } = decode(plan, { ...calm, getBufferDetails: [E(2_500), E(599), E(500)] });
    expect(outs(r)).toEqual([outs(r)[0], null, null]);
    expect(r.quotes[1]!.reason).toMatch(/not available for this size: the road can pay 99 ETH now/);
  });

  it('a contract not wired to Renzo’s queue and ezETH does not count', () => {
    const { r } = decode(plan, { ...calm, withdrawalQueue: '0x0000000000000000000000000000000000000001' });
    expect(r.usable).toBeNull();
    expect(r.reason).toMatch(/not tied to Renzo's WithdrawQueue/);
  });

  it('not whitelisted on the queue: claims would wait for the cooldown', () => {
    const { r } = decode(plan, { ...calm, whitelisted: false });
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/does not whitelist/);
  });

  it('the risk oracle and the queue can pause it', () => {
    expect(decode(plan, { ...calm, instantWithdrawPaused: true }).r.paused).toEqual(['RiskOracleMiddleware.instantWithdrawPaused()']);
    expect(decode(plan, { ...calm, paused: true, withdrawClaimPaused: true }).r.paused).toEqual(['WithdrawQueue.paused()', 'RiskOracleMiddleware.withdrawClaimPaused()']);
  });

  it('a risk oracle other than the one read: its pauses are said unread', () => {
    const { r } = decode(plan, { ...calm, riskOracleMiddleware: '0x0000000000000000000000000000000000000002', instantWithdrawPaused: true });
    expect(r.paused).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/risk oracle other than the one read/);
  });

  it('with the fee range unreadable, no amounts', () => {
    const { r } = decode(plan, { ...calm, maxFeeBps: new Error('execution reverted') });
    expect(r.feeBps).toBeNull();
    expect(outs(r)).toEqual([null, null, null]);
  });
});

describe('instant road: Puffer', () => {
  const plan = planOf('pufETH', 'puffer');
  const calm = { getEthBalance: E(40), balanceOf: E(900), getTotalExitFeeBasisPoints: 100n, isTargetClosed: false };

  it('pays from the vault’s ETH and WETH, less the exit fee rounded up', () => {
    const { r, batch } = decode(plan, calm);
    expect(batch.calls.find((c) => c.functionName === 'isTargetClosed')!.args).toEqual([plan.vault]);
    expect(r).toMatchObject({ usable: true, feeBps: 100, capacityEth: E(940).toString() });
    expect(outs(r)).toEqual([E(10) - E(10) / 100n, E(100) - E(100) / 100n, null]);
  });

  it('a closed target in the AccessManager is a pause', () => {
    const { r } = decode(plan, { ...calm, isTargetClosed: true });
    expect(r.paused).toEqual(['AccessManager.isTargetClosed(PufferVault)']);
    expect(outs(r)).toEqual([null, null, null]);
  });

  it('a fee above the two 250 bps caps is not believed', () => {
    expect(decode(plan, { ...calm, getTotalExitFeeBasisPoints: 501n }).r.reason).toMatch(/above the 500 bps/);
  });
});

describe('instant road: shape and registry', () => {
  it('a protocol known to have none says so', () => {
    const batch = new CallBatch();
    const r = planInstant({ kind: 'none', why: 'no instant withdrawal: the queue only', confidence: 'primary', source: 'x' }, batch, SELL_SIZES_ETH)({ now: NOW })!;
    expect(batch.calls).toHaveLength(0);
    expect(r).toMatchObject({ exists: false, usable: null, reason: 'no instant withdrawal: the queue only', quotes: [] });
  });

  it('a token whose protocol was not looked at for one has no road (null), and no reads', () => {
    const batch = new CallBatch();
    expect(planInstant(undefined, batch, SELL_SIZES_ETH)({ now: NOW })).toBeNull();
    expect(batch.calls).toHaveLength(0);
  });

  it('the registry names an instant road for ether.fi, Kelp, Renzo and Puffer', () => {
    const withRoad = registry.filter((t) => 'instant' in t.exit && t.exit.instant).map((t) => t.symbol).sort();
    expect(withRoad).toEqual(['eETH', 'ezETH', 'pufETH', 'rsETH', 'weETH']);
  });
});
