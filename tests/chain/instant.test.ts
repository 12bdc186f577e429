// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Figures } from '../../lib/chain/figures';
import { afterFee, renzoFeeBps } from '../../lib/chain/instant';
import { useMainnetFigureRig } from './figure-rig';
import { ADDRESSES as A, DEFAULT_MAINNET_VALUES as D } from './mainnet';

/*
 * The instant-withdrawal roads on a local mainnet, through the background's own figure service:
 * capacity, fee and pauses are set on the doubles at the protocols' addresses, and the road the
 * user is shown (usable, capacity, fee, what 10 / 100 / 1,000 ETH get) is checked against them.
 */

const E18 = 10n ** 18n;
const SIZES = [10n * E18, 100n * E18, 1_000n * E18];
const rig = useMainnetFigureRig();

async function instantOf(symbol: string): Promise<NonNullable<Figures['instant']>> {
  const [reply] = await rig.service.figuresFor([{ symbol, chainId: 1 }], { force: true });
  expect(reply!.error, symbol).toBeNull();
  expect(reply!.figures!.instant, symbol).not.toBeNull();
  return reply!.figures!.instant!;
}

const outs = (road: NonNullable<Figures['instant']>) => road.quotes.map((q) => (q.outEth === null ? null : BigInt(q.outEth)));

describe('a calm day: every instant road, as the chain holds it', () => {
  it('ether.fi (weETH and eETH): 3,000 ETH redeemable, 30 bps, every size goes', async () => {
    for (const symbol of ['weETH', 'eETH']) {
      const road = await instantOf(symbol);
      expect(road, symbol).toMatchObject({ exists: true, usable: true, paused: [], feeBps: D.etherfiExitFeeBps, waitSeconds: 0, capacityEth: D.etherfiRedeemable.toString(), reason: null });
      expect(outs(road)).toEqual(SIZES.map((s) => afterFee(s, BigInt(D.etherfiExitFeeBps), 'up')));
      expect(road.label).toMatch(/EtherFiRedemptionManager/);
    }
  });

  it('Kelp (rsETH): the unstaking vault less its queued buffer caps it at 300 ETH: 1,000 ETH is not available', async () => {
    const road = await instantOf('rsETH');
    expect(road).toMatchObject({ usable: true, feeBps: Number(D.kelpInstantFeeBps), capacityEth: (D.kelpUnstakingVaultEth - D.kelpQueuedWithdrawalsBuffer).toString() });
    expect(outs(road)).toEqual([afterFee(SIZES[0]!, D.kelpInstantFeeBps, 'down'), afterFee(SIZES[1]!, D.kelpInstantFeeBps, 'down'), null]);
    expect(road.quotes[2]!.reason).toBe('not available for this size: the road can pay 300 ETH now');
  });

  it('Renzo (ezETH): the buffer above its draw-down limit, the fee rising with the size', async () => {
    const road = await instantOf('ezETH');
    const floor = (D.renzoBufferTarget * D.renzoDrawdownBps) / 10_000n;
    const fee = (size: bigint) => renzoFeeBps(D.renzoBufferTarget, floor, D.renzoAvailableToWithdraw - size, D.renzoInstantMinFeeBps, D.renzoInstantMaxFeeBps);
    expect(road).toMatchObject({ usable: true, capacityEth: (D.renzoAvailableToWithdraw - floor).toString(), feeMaxBps: Number(D.renzoInstantMaxFeeBps), paused: [] });
    expect(road.quotes.map((q) => q.feeBps)).toEqual(SIZES.map((s) => Number(fee(s))));
    expect(road.quotes[2]!.feeBps).toBeGreaterThan(road.quotes[0]!.feeBps!);
    expect(outs(road)).toEqual(SIZES.map((s) => afterFee(s, fee(s), 'down')));
  });

  it('Puffer (pufETH): the vault’s 940 ETH of ETH and WETH, 100 bps', async () => {
    const road = await instantOf('pufETH');
    expect(road).toMatchObject({ usable: true, feeBps: Number(D.pufferExitFeeBps), capacityEth: (D.pufferVaultEth + D.pufferVaultWeth).toString() });
    expect(outs(road)).toEqual([afterFee(SIZES[0]!, D.pufferExitFeeBps, 'up'), afterFee(SIZES[1]!, D.pufferExitFeeBps, 'up'), null]);
  });

  it('a token whose protocol was not looked at for one has no instant road', async () => {
    const [reply] = await rig.service.figuresFor([{ symbol: 'wstETH', chainId: 1 }], { force: true });
    expect(reply!.figures!.instant).toBeNull();
  });
});

describe('capacity and fee set on the chain', () => {
  it('ether.fi: a drained manager pays only what is left, a new fee is what is charged', async () => {
    await rig.chain.setEtherfiRedemption({ redeemable: 50n * E18, exitFeeBps: 75 });
    const road = await instantOf('weETH');
    expect(road.capacityEth).toBe((50n * E18).toString());
    expect(road.feeBps).toBe(75);
    expect(outs(road)).toEqual([afterFee(SIZES[0]!, 75n, 'up'), null, null]);
  });

  it('Kelp: more ETH in the vault lifts the cap; a fee change is read', async () => {
    await rig.chain.setInstantRoads({ kelpUnstakingVaultEth: 2_000n * E18, kelpInstantFeeBps: 40n });
    const road = await instantOf('rsETH');
    expect(road.capacityEth).toBe((1_900n * E18).toString());
    expect(outs(road)).toEqual(SIZES.map((s) => afterFee(s, 40n, 'down')));
  });

  it('Renzo: a buffer near its limit leaves only the small size', async () => {
    await rig.chain.setRenzo({ availableToWithdraw: 550n * E18 });
    const road = await instantOf('ezETH');
    expect(road.capacityEth).toBe((50n * E18).toString());
    expect(outs(road).map((o) => o !== null)).toEqual([true, false, false]);
    // Drawn close to its limit, the fee is near its top.
    expect(road.quotes[0]!.feeBps).toBeGreaterThan(90);
  });

  it('Puffer: the exit fee is read from the vault', async () => {
    await rig.chain.setPuffer({ exitFeeBps: 20n });
    expect((await instantOf('pufETH')).feeBps).toBe(20);
  });

  it('a fee past what the contract allows is not believed', async () => {
    await rig.chain.setPuffer({ exitFeeBps: 600n });
    const road = await instantOf('pufETH');
    expect(road).toMatchObject({ usable: null, capacityEth: null, quotes: [] });
    expect(road.reason).toMatch(/above the 500 bps the contract allows/);
  });
});

describe('paused or switched off: no amounts, the reason', () => {
  const shut = (road: NonNullable<Figures['instant']>) => {
    expect(road.usable).toBe(false);
    expect(outs(road)).toEqual([null, null, null]);
    expect(road.reason).not.toBeNull();
  };

  it('ether.fi paused(), and its timed pause', async () => {
    await rig.chain.setEtherfiRedemption({ paused: true });
    let road = await instantOf('weETH');
    shut(road);
    expect(road.paused).toEqual(['EtherFiRedemptionManager.paused()']);
    await rig.chain.setEtherfiRedemption({ paused: false });
    await rig.chain.setInstantRoads({ etherfiPausedUntil: BigInt(Math.floor(Date.now() / 1000) + 30 * 86_400) });
    road = await instantOf('weETH');
    shut(road);
    expect(road.paused[0]).toMatch(/^EtherFiRedemptionManager\.pausedUntil\(\)/);
  });

  it('Kelp switched off for ETH, or its withdrawal manager paused', async () => {
    await rig.chain.setInstantRoads({ kelpInstantEnabled: false });
    let road = await instantOf('rsETH');
    shut(road);
    expect(road.reason).toMatch(/switched off for ETH/);
    await rig.chain.setInstantRoads({ kelpInstantEnabled: true });
    await rig.chain.setPause(A.kelpWithdrawalManager, 'paused', true);
    road = await instantOf('rsETH');
    shut(road);
    expect(road.paused).toEqual(['LRTWithdrawalManager.paused()']);
  });

  it('Renzo: the risk oracle’s instant pause, or the queue no longer whitelisting the withdrawer', async () => {
    await rig.chain.setInstantRoads({ renzoInstantPaused: true });
    let road = await instantOf('ezETH');
    shut(road);
    expect(road.paused).toEqual(['RiskOracleMiddleware.instantWithdrawPaused()']);
    await rig.chain.setInstantRoads({ renzoInstantPaused: false, renzoInstantWhitelisted: false });
    road = await instantOf('ezETH');
    shut(road);
    expect(road.reason).toMatch(/does not whitelist/);
  });

  it('Puffer: the vault closed in its AccessManager', async () => {
    await rig.chain.setTargetClosed(A.pufeth, true);
    const road = await instantOf('pufETH');
    shut(road);
    expect(road.paused).toEqual(['AccessManager.isTargetClosed(PufferVault)']);
  });
});

describe('a failed read', () => {
  it('leaves every figure empty and says which read failed, while the rest of the token reads on', async () => {
    await rig.chain.breakContract(A.kelpUnstakingVault);
    const [reply] = await rig.service.figuresFor([{ symbol: 'rsETH', chainId: 1 }], { force: true });
    const road = reply!.figures!.instant!;
    expect(road).toMatchObject({ exists: true, usable: null, capacityEth: null, feeBps: null, waitSeconds: null, quotes: [] });
    expect(road.reason).toMatch(/LRTUnstakingVault\.getAssetsAvailableForInstantWithdrawal\(ETH\) failed/);
    expect(reply!.figures!.redeem.reason).toBeNull();
    expect(reply!.figures!.redemption.value).not.toBeNull();
  });
});
