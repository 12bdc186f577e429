import { describe, expect, it } from 'vitest';
import { CallBatch } from '../../lib/chain/calls';
import { BEACON, planExit, REFERENCE_REDEMPTION_ETH, secondsToNextLidoFrame, TYPICAL_BEACON_EXIT } from '../../lib/chain/exit';
import { WAD } from '../../lib/chain/units';
import { registry, tokenBySymbol } from '../../lib/tokens/registry';
import type { ExitPlan } from '../../lib/tokens/schema';
import { settleBy } from './helpers';

const INITIAL = 201_600;
const PER_FRAME = 225;
const EPOCH = 32 * 12;
const FRAME = PER_FRAME * EPOCH; // 86 400 s
const GENESIS = 1_606_824_023;
const DAY = 86_400;
const epochStart = (epoch: number) => GENESIS + epoch * EPOCH;

describe('secondsToNextLidoFrame', () => {
  it('uses the mainnet beacon constants', () => {
    expect(BEACON.genesisTime).toBe(GENESIS);
    expect(FRAME).toBe(86_400);
  });

  it('gives a full frame exactly at a frame start', () => {
    expect(secondsToNextLidoFrame(epochStart(INITIAL), INITIAL, PER_FRAME)).toBe(FRAME);
    expect(secondsToNextLidoFrame(epochStart(INITIAL + 7 * PER_FRAME), INITIAL, PER_FRAME)).toBe(FRAME);
  });

  it('gives 1 second one second before a frame start', () => {
    expect(secondsToNextLidoFrame(epochStart(INITIAL + 7 * PER_FRAME) - 1, INITIAL, PER_FRAME)).toBe(1);
    expect(secondsToNextLidoFrame(epochStart(INITIAL + PER_FRAME) - 1, INITIAL, PER_FRAME)).toBe(1);
  });

  it('counts down within a frame', () => {
    const start = epochStart(INITIAL + 3 * PER_FRAME);
    expect(secondsToNextLidoFrame(start + 1, INITIAL, PER_FRAME)).toBe(FRAME - 1);
    expect(secondsToNextLidoFrame(start + 1000, INITIAL, PER_FRAME)).toBe(FRAME - 1000);
    expect(secondsToNextLidoFrame(start + EPOCH + 5, INITIAL, PER_FRAME)).toBe(FRAME - EPOCH - 5);
  });

  it('always lies in (0, frame]', () => {
    const from = epochStart(INITIAL + 100 * PER_FRAME);
    for (let t = from - 2 * FRAME; t < from + 2 * FRAME; t += 997) {
      const s = secondsToNextLidoFrame(t, INITIAL, PER_FRAME);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(FRAME);
      // lands on a frame boundary
      expect((t + s - epochStart(INITIAL)) % FRAME).toBe(0);
    }
  });

  it('before the initial epoch gives the time to the initial epoch', () => {
    expect(secondsToNextLidoFrame(epochStart(INITIAL) - 1, INITIAL, PER_FRAME)).toBe(1);
    expect(secondsToNextLidoFrame(epochStart(INITIAL) - 5 * FRAME - 17, INITIAL, PER_FRAME)).toBe(5 * FRAME + 17);
  });
});

const lidoPlan = tokenBySymbol('wstETH')!.exit as Extract<ExitPlan, { kind: 'lido-queue' }>;
const etherfiPlan = tokenBySymbol('weETH')!.exit as Extract<ExitPlan, { kind: 'etherfi' }>;

interface LidoState {
  unfinalized: bigint;
  bunker: boolean;
  paused: boolean;
  buffered: bigint;
  withdrawalVault: bigint;
  rewardsVault: bigint;
  frame: readonly [bigint, bigint, bigint];
  fail?: string;
}

function lido(state: Partial<LidoState>, now: number) {
  const s: LidoState = {
    unfinalized: 1_000n * WAD,
    bunker: false,
    paused: false,
    buffered: 2_000n * WAD,
    withdrawalVault: 50n * WAD,
    rewardsVault: 50n * WAD,
    frame: [BigInt(INITIAL), BigInt(PER_FRAME), 0n],
    ...state,
  };
  const batch = new CallBatch();
  const decode = planExit(lidoPlan, batch);
  settleBy(batch, (call) => {
    if (s.fail === call.functionName) return new Error('execution reverted');
    switch (call.functionName) {
      case 'unfinalizedStETH': return s.unfinalized;
      case 'isBunkerModeActive': return s.bunker;
      case 'isPaused': return s.paused;
      case 'getBufferedEther': return s.buffered;
      case 'getFrameConfig': return s.frame;
      case 'getEthBalance': {
        const [who] = call.args as [string];
        if (who === lidoPlan.withdrawalVault) return s.withdrawalVault;
        if (who === lidoPlan.elRewardsVault) return s.rewardsVault;
        throw new Error(`balance of unexpected ${who}`);
      }
    }
    throw new Error(`unexpected call ${call.functionName}`);
  });
  return decode({ now, rate: 1_216_600_000_000_000_000n, beacon: TYPICAL_BEACON_EXIT });
}

describe('planExit: lido-queue', () => {
  const now = epochStart(INITIAL + 900 * PER_FRAME) + 10_000;
  const toFrame = FRAME - 10_000;

  it('reads the queue, the buffer, both vault balances and the frame config', () => {
    const batch = new CallBatch();
    planExit(lidoPlan, batch);
    expect(batch.calls.map((c) => c.functionName).sort()).toEqual(
      ['getBufferedEther', 'getEthBalance', 'getEthBalance', 'getFrameConfig', 'isBunkerModeActive', 'isPaused', 'unfinalizedStETH'].sort(),
    );
    const balances = batch.calls.filter((c) => c.functionName === 'getEthBalance').map((c) => c.args![0]);
    expect(balances.sort()).toEqual([lidoPlan.elRewardsVault, lidoPlan.withdrawalVault].sort());
  });

  it('with a buffer covering the queue: one part, next frame to one frame later', () => {
    const r = lido({}, now);
    expect(r.reason).toBeNull();
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]!.measured).toBe(true);
    expect(r.minSeconds).toBe(toFrame);
    expect(r.maxSeconds).toBe(toFrame + FRAME);
    expect(r.notes[0]).toMatch(/1,000 ETH waiting; buffer and vaults hold 2,100 ETH/);
  });

  it('counts the vaults: exactly enough for the queue plus the reference size is enough', () => {
    const r = lido({ unfinalized: 1_000n * WAD, buffered: 1_000n * WAD, withdrawalVault: REFERENCE_REDEMPTION_ETH - WAD, rewardsVault: WAD }, now);
    expect(r.parts).toHaveLength(1);
    const short = lido({ unfinalized: 1_000n * WAD, buffered: 1_000n * WAD, withdrawalVault: REFERENCE_REDEMPTION_ETH - WAD, rewardsVault: WAD - 1n }, now);
    expect(short.parts).toHaveLength(2);
  });

  it('with a short buffer adds the typical beacon exit, not measured', () => {
    const r = lido({ unfinalized: 50_000n * WAD }, now);
    expect(r.parts).toHaveLength(2);
    expect(r.parts[1]).toEqual(TYPICAL_BEACON_EXIT);
    expect(r.parts[1]!.measured).toBe(false);
    expect(r.minSeconds).toBe(toFrame + TYPICAL_BEACON_EXIT.minSeconds!);
    expect(r.maxSeconds).toBe(toFrame + FRAME + TYPICAL_BEACON_EXIT.maxSeconds!);
    expect(r.notes.join(' ')).toMatch(/short by 48,000 ETH/);
  });

  it('when paused: no range, a reason', () => {
    const r = lido({ paused: true }, now);
    expect(r.minSeconds).toBeNull();
    expect(r.maxSeconds).toBeNull();
    expect(r.parts).toEqual([]);
    expect(r.reason).toMatch(/paused/);
  });

  it('in bunker mode adds a part of up to 14 frames', () => {
    const r = lido({ bunker: true }, now);
    expect(r.parts).toHaveLength(2);
    expect(r.parts[1]!.label).toMatch(/Bunker/);
    expect(r.minSeconds).toBe(toFrame);
    expect(r.maxSeconds).toBe(toFrame + FRAME + 14 * FRAME);
    expect(r.notes.join(' ')).toMatch(/bunker mode/);
  });

  it('a failed read is the reason', () => {
    const r = lido({ fail: 'getFrameConfig' }, now);
    expect(r.minSeconds).toBeNull();
    expect(r.reason).toBe('HashConsensus.getFrameConfig() failed: execution reverted');
  });

  it('an empty frame is refused', () => {
    const r = lido({ frame: [BigInt(INITIAL), 0n, 0n] }, now);
    expect(r.minSeconds).toBeNull();
    expect(r.reason).toMatch(/empty oracle frame/);
  });
});

interface EtherfiState {
  nextId: number;
  finalizedId: number;
  delayBlocks: number | Error;
}

function etherfi(state: Partial<EtherfiState>) {
  const s: EtherfiState = { nextId: 101, finalizedId: 90, delayBlocks: 100_800, ...state };
  const batch = new CallBatch();
  const decode = planExit(etherfiPlan, batch);
  settleBy(batch, (call) => {
    switch (call.functionName) {
      case 'nextRequestId': return s.nextId;
      case 'lastFinalizedRequestId': return s.finalizedId;
      case 'minWithdrawalDelayBlocks': return s.delayBlocks;
    }
    throw new Error(`unexpected call ${call.functionName}`);
  });
  return decode({ now: 1_750_000_000, rate: WAD, beacon: TYPICAL_BEACON_EXIT });
}

// ether.fi's instant redemption (with its fee) is its own road: tests/unit/instant.test.ts.
describe('planExit: etherfi (the WithdrawRequestNFT queue)', () => {
  const eigen = 100_800 * 12;

  it('waits for the queue finalization, then at worst the EigenLayer delay and the beacon exit', () => {
    const r = etherfi({});
    expect(r.reason).toBeNull();
    expect(r.minSeconds).toBe(DAY);
    expect(r.maxSeconds).toBe(2 * DAY + eigen + TYPICAL_BEACON_EXIT.maxSeconds!);
    expect(r.parts[0]!.measured).toBe(false);
    const eigenPart = r.parts.find((p) => /EigenLayer/.test(p.label))!;
    expect(eigenPart.maxSeconds).toBe(eigen);
    expect(eigenPart.label).toMatch(/100,800 blocks/);
  });

  it('says nothing of the instant road', () => {
    expect(etherfi({}).notes.join(' ')).not.toMatch(/instant/i);
  });

  it('counts unfinalized withdrawal requests', () => {
    expect(etherfi({ nextId: 101, finalizedId: 90 }).notes).toContain('Withdrawal queue: 10 requests not yet finalized.');
  });

  it('cannot give a range without the EigenLayer delay', () => {
    const r = etherfi({ delayBlocks: new Error('execution reverted') });
    expect(r.minSeconds).toBeNull();
    expect(r.reason).toMatch(/DelegationManager\.minWithdrawalDelayBlocks\(\) failed/);
  });
});

/* ---------------------------------------------------------------------------------------------
 * The other exit kinds, each decoded from a batch settled by hand.
 * ------------------------------------------------------------------------------------------- */

const ETH = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
const EIGEN_BLOCKS = 100_800;
const EIGEN_SECONDS = EIGEN_BLOCKS * 12;
const NOW = 1_750_000_000;

function exitOf<K extends ExitPlan['kind']>(symbol: string, kind: K) {
  const exit = tokenBySymbol(symbol)!.exit;
  expect(exit.kind).toBe(kind);
  return exit as Extract<ExitPlan, { kind: K }>;
}

/** Plans an exit, answers each call by its function name (failing `fail`), and decodes. */
function decodeExit(exit: ExitPlan, answers: Record<string, unknown>, fail?: string, rate: bigint | null = WAD) {
  const batch = new CallBatch();
  const decode = planExit(exit, batch);
  settleBy(batch, (call) => {
    if (call.functionName === fail) return new Error('execution reverted');
    if (!(call.functionName in answers)) throw new Error(`unexpected call ${call.functionName}`);
    return answers[call.functionName];
  });
  return { batch, r: decode({ now: NOW, rate, beacon: TYPICAL_BEACON_EXIT }) };
}

function expectUnavailable(r: ReturnType<typeof decodeExit>['r'], reason: string | RegExp) {
  expect(r.minSeconds).toBeNull();
  expect(r.maxSeconds).toBeNull();
  expect(r.parts).toEqual([]);
  if (typeof reason === 'string') expect(r.reason).toBe(reason);
  else expect(r.reason).toMatch(reason);
}

const eigenPartOf = (r: ReturnType<typeof decodeExit>['r']) => r.parts.find((p) => /EigenLayer/.test(p.label));

describe('planExit: rocket-pool', () => {
  const exit = exitOf('rETH', 'rocket-pool');

  it('reads the collateral from rETH', () => {
    const { batch } = decodeExit(exit, { getTotalCollateral: 0n });
    expect(batch.calls.map((c) => [c.address, c.functionName])).toEqual([[exit.reth, 'getTotalCollateral']]);
  });

  it('with collateral of at least 100 ETH: instant, 0 to 0', () => {
    const { r } = decodeExit(exit, { getTotalCollateral: REFERENCE_REDEMPTION_ETH });
    expect(r.reason).toBeNull();
    expect([r.minSeconds, r.maxSeconds]).toEqual([0, 0]);
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]!.measured).toBe(true);
    expect(r.parts[0]!.label).toMatch(/100 ETH of collateral/);
  });

  it('with less: unavailable, and the reason says selling is the way out', () => {
    const { r } = decodeExit(exit, { getTotalCollateral: REFERENCE_REDEMPTION_ETH - 1n });
    expectUnavailable(r, /selling/);
    expect(r.reason).toMatch(/no queue/);
  });
});

describe('planExit: offchain and not-researched', () => {
  it.each([
    ['cbETH', 'offchain'],
    ['ankrETH', 'not-researched'],
  ] as const)('%s (%s): unavailable, the registry’s why as the reason, no calls', (symbol, kind) => {
    const exit = exitOf(symbol, kind);
    const { batch, r } = decodeExit(exit, {});
    expect(batch.calls).toHaveLength(0);
    expectUnavailable(r, exit.why);
    expect(r.notes).toEqual([]);
  });
});

describe('planExit: frax-queue', () => {
  const exit = exitOf('frxETH', 'frax-queue');
  const QUEUE = 15n * BigInt(DAY);
  const state = (fee: bigint) => [42n, QUEUE, fee, 5_000n * WAD, 3_800n * WAD] as const;

  it('is shared by frxETH and sfrxETH', () => {
    expect(exitOf('sfrxETH', 'frax-queue')).toEqual(exit);
  });

  it('min = max = queueLengthSecs, read from the queue', () => {
    const { batch, r } = decodeExit(exit, { redemptionQueueState: state(2_000n) });
    expect(batch.calls.map((c) => [c.address, c.functionName])).toEqual([[exit.queue, 'redemptionQueueState']]);
    expect(r.reason).toBeNull();
    expect(r.minSeconds).toBe(Number(QUEUE));
    expect(r.maxSeconds).toBe(Number(QUEUE));
    expect(r.parts[0]!.measured).toBe(true);
  });

  it('gives the fee in bps from its 1e6 precision (2000 → 20 bps) and what is not yet served', () => {
    const { r } = decodeExit(exit, { redemptionQueueState: state(2_000n) });
    expect(r.notes).toEqual(['Redemption fee 20 bps; 1,200 ETH requested and not yet served.']);
    expect(decodeExit(exit, { redemptionQueueState: state(10_000n) }).r.notes[0]).toMatch(/^Redemption fee 100 bps;/);
    expect(decodeExit(exit, { redemptionQueueState: state(0n) }).r.notes[0]).toMatch(/^Redemption fee 0 bps;/);
  });
});

describe('planExit: stakewise', () => {
  const exit = exitOf('osETH', 'stakewise');

  it('waits up to the exit queue update delay, then maybe the beacon exit', () => {
    const { batch, r } = decodeExit(exit, { queuedShares: 2_500n * WAD, exitQueueUpdateDelay: 43_200n });
    expect(new Set(batch.calls.map((c) => c.address))).toEqual(new Set([exit.redeemer]));
    expect(r.reason).toBeNull();
    expect(r.parts).toHaveLength(2);
    expect(r.parts[0]).toMatchObject({ minSeconds: 0, maxSeconds: 43_200, measured: true });
    expect(r.parts[1]).toMatchObject({ minSeconds: 0, maxSeconds: TYPICAL_BEACON_EXIT.maxSeconds, measured: false });
    expect(r.minSeconds).toBe(0);
    expect(r.maxSeconds).toBe(43_200 + TYPICAL_BEACON_EXIT.maxSeconds!);
    expect(r.notes[0]).toBe('2,500 osETH (2,500 ETH) queued for redemption.');
  });

  it('counts the queue in osETH shares, worth the osETH rate each (stakewise/v3-core OsTokenRedeemer)', () => {
    const { r } = decodeExit(exit, { queuedShares: 2_000n * WAD, exitQueueUpdateDelay: 43_200n }, undefined, (WAD * 105n) / 100n);
    expect(r.notes[0]).toBe('2,000 osETH (2,100 ETH) queued for redemption.');
    expect(decodeExit(exit, { queuedShares: 2_000n * WAD, exitQueueUpdateDelay: 43_200n }, undefined, null).r.notes[0]).toBe('2,000 osETH queued for redemption.');
  });
});

describe('planExit: stader', () => {
  const exit = exitOf('ETHx', 'stader');
  const answers = { nextRequestId: 120n, nextRequestIdToFinalize: 100n, ethRequestedForWithdraw: 3_000n * WAD, getMinBlockDelayToFinalizeWithdrawRequest: 600n };

  it('reads the manager and the config', () => {
    const { batch } = decodeExit(exit, answers);
    const at = Object.fromEntries(batch.calls.map((c) => [c.functionName, c.address]));
    expect(at).toEqual({
      nextRequestId: exit.withdrawalManager,
      nextRequestIdToFinalize: exit.withdrawalManager,
      ethRequestedForWithdraw: exit.withdrawalManager,
      getMinBlockDelayToFinalizeWithdrawRequest: exit.config,
    });
  });

  it('turns the finalization delay in blocks into blocks × 12 s, then maybe the beacon exit', () => {
    const { r } = decodeExit(exit, answers);
    expect(r.reason).toBeNull();
    expect(r.parts[0]).toMatchObject({ minSeconds: 600 * 12, maxSeconds: 600 * 12, measured: true });
    expect(r.parts[0]!.label).toMatch(/600 blocks/);
    expect(r.minSeconds).toBe(7_200);
    expect(r.maxSeconds).toBe(7_200 + TYPICAL_BEACON_EXIT.maxSeconds!);
    expect(r.notes).toEqual(['20 requests (3,000 ETH) waiting to be finalized.']);
  });
});

describe('planExit: mantle', () => {
  const exit = exitOf('mETH', 'mantle');
  const BLOCKS = 256n;

  it('fully funded: only the finalization blocks × 12 s', () => {
    const { batch, r } = decodeExit(exit, { numberOfBlocksToFinalize: BLOCKS, allocatedETHDeficit: 0n });
    expect(new Set(batch.calls.map((c) => c.address))).toEqual(new Set([exit.unstakeManager]));
    expect(r.reason).toBeNull();
    expect(r.parts).toHaveLength(1);
    expect(r.minSeconds).toBe(256 * 12);
    expect(r.maxSeconds).toBe(256 * 12);
    expect(r.notes).toEqual(['Requests are fully funded.']);
  });

  it('with a deficit: adds the beacon exit', () => {
    const { r } = decodeExit(exit, { numberOfBlocksToFinalize: BLOCKS, allocatedETHDeficit: 1n });
    expect(r.parts).toHaveLength(2);
    expect(r.parts[1]).toEqual(TYPICAL_BEACON_EXIT);
    expect(r.minSeconds).toBe(256 * 12 + TYPICAL_BEACON_EXIT.minSeconds!);
    expect(r.maxSeconds).toBe(256 * 12 + TYPICAL_BEACON_EXIT.maxSeconds!);
    const big = decodeExit(exit, { numberOfBlocksToFinalize: BLOCKS, allocatedETHDeficit: 4_200n * WAD }).r;
    expect(big.notes[0]).toMatch(/short of 4,200 ETH/);
  });
});

describe('planExit: swell', () => {
  const queue = { getLastTokenIdCreated: 530n, getLastTokenIdProcessed: 500n, exitingETH: 900n * WAD, minWithdrawalDelayBlocks: EIGEN_BLOCKS };

  it('swETH (not restaked): the beacon exit only, no EigenLayer read', () => {
    const exit = exitOf('swETH', 'swell');
    expect(exit.restaked).toBe(false);
    const { batch, r } = decodeExit(exit, queue);
    expect(batch.calls.map((c) => c.functionName)).not.toContain('minWithdrawalDelayBlocks');
    expect(r.reason).toBeNull();
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]!.label).toMatch(/Swell/);
    expect(r.minSeconds).toBe(TYPICAL_BEACON_EXIT.minSeconds);
    expect(r.maxSeconds).toBe(TYPICAL_BEACON_EXIT.maxSeconds);
    expect(r.notes).toEqual(['30 requests ahead; 900 ETH exiting.']);
  });

  it('rswETH (restaked): adds the EigenLayer delay, max blocks × 12 s', () => {
    const exit = exitOf('rswETH', 'swell');
    expect(exit.restaked).toBe(true);
    const { batch, r } = decodeExit(exit, queue);
    const eigen = batch.calls.find((c) => c.functionName === 'minWithdrawalDelayBlocks')!;
    expect(eigen.address).toBe(exit.delegationManager);
    expect(r.reason).toBeNull();
    expect(r.parts).toHaveLength(2);
    expect(eigenPartOf(r)).toMatchObject({ minSeconds: 0, maxSeconds: EIGEN_SECONDS, measured: true });
    expect(r.minSeconds).toBe(TYPICAL_BEACON_EXIT.minSeconds);
    expect(r.maxSeconds).toBe(EIGEN_SECONDS + TYPICAL_BEACON_EXIT.maxSeconds!);
  });
});

describe('planExit: liquid-collective', () => {
  const exit = exitOf('LsETH', 'liquid-collective');

  it('says only allowlisted accounts redeem, with the demand and buffer', () => {
    const { batch, r } = decodeExit(exit, { getRedeemDemand: 1_500n * WAD, getBufferedExceedingEth: 250n * WAD });
    expect(new Set(batch.calls.map((c) => c.address))).toEqual(new Set([exit.redeemManager]));
    expect(r.reason).toBeNull();
    expect(r.parts).toEqual([TYPICAL_BEACON_EXIT]);
    expect(r.notes[0]).toMatch(/allowlisted/);
    expect(r.notes[1]).toBe('Redeem demand 1,500 LsETH (1,500 ETH); buffer 250 ETH.');
  });

  it('counts the demand in LsETH (liquid-collective RedeemManager) and the queue in ETH at the LsETH rate', () => {
    const answers = { getRedeemDemand: 1_000n * WAD, getBufferedExceedingEth: 250n * WAD };
    const { r } = decodeExit(exit, answers, undefined, (WAD * 107n) / 100n);
    expect(r.notes[1]).toBe('Redeem demand 1,000 LsETH (1,070 ETH); buffer 250 ETH.');
    expect(r.queue).toEqual({ eth: (1_070n * WAD).toString(), label: 'RedeemManager.getRedeemDemand() × the LsETH rate' });
    // Without the rate the demand cannot be put in ETH: no queue figure rather than a wrong one.
    expect(decodeExit(exit, answers, undefined, null).r.queue).toBeNull();
  });
});

describe('planExit: renzo', () => {
  const exit = exitOf('ezETH', 'renzo');
  const COOLDOWN = 7n * BigInt(DAY);
  const answers = (buffer: bigint, oracle: Partial<{ riskOracleMiddleware: unknown; withdrawCooldownPeriod: unknown }> = {}) => ({
    coolDownPeriod: COOLDOWN,
    getAvailableToWithdraw: buffer,
    minWithdrawalDelayBlocks: EIGEN_BLOCKS,
    riskOracleMiddleware: exit.riskOracle,
    withdrawCooldownPeriod: 0n,
    ...oracle,
  });

  it('waits the risk oracle’s cooldown when it is longer than the queue’s own (WithdrawQueue applies the max)', () => {
    const { batch, r } = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH, { withdrawCooldownPeriod: 10n * BigInt(DAY) }));
    expect(batch.calls.find((c) => c.functionName === 'withdrawCooldownPeriod')!.address).toBe(exit.riskOracle);
    expect(r.minSeconds).toBe(10 * DAY);
    expect(r.parts[0]!.source).toMatch(/^RiskOracleMiddleware\.withdrawCooldownPeriod\(\)/);
    // A shorter oracle cooldown changes nothing.
    expect(decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH, { withdrawCooldownPeriod: 1n })).r.minSeconds).toBe(7 * DAY);
  });

  it('says so when the oracle’s cooldown cannot be counted: another oracle, or a failed read', () => {
    const other = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH, { riskOracleMiddleware: '0x000000000000000000000000000000000000dEaD' })).r;
    expect(other.minSeconds).toBe(7 * DAY);
    expect(other.notes[1]).toMatch(/other than the one known \(0x000000000000000000000000000000000000dEaD\)/);
    const failed = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH), 'withdrawCooldownPeriod').r;
    expect(failed.reason).toBeNull();
    expect(failed.notes[1]).toMatch(/^Renzo's risk oracle may set a longer cooldown \(not read: RiskOracleMiddleware\.withdrawCooldownPeriod\(\) failed/);
  });

  it('asks the withdraw queue for ETH (the sentinel) and EigenLayer for its delay', () => {
    const { batch } = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH));
    const available = batch.calls.find((c) => c.functionName === 'getAvailableToWithdraw')!;
    expect(available.address).toBe(exit.withdrawQueue);
    expect(available.args).toEqual([ETH]);
    expect(batch.calls.find((c) => c.functionName === 'minWithdrawalDelayBlocks')!.address).toBe(exit.delegationManager);
  });

  it('with a buffer of at least 100 ETH: the cooldown only', () => {
    const { r } = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH));
    expect(r.reason).toBeNull();
    expect(r.parts).toHaveLength(1);
    expect(r.minSeconds).toBe(7 * DAY);
    expect(r.maxSeconds).toBe(7 * DAY);
    expect(r.notes[0]).toBe('Withdrawal buffer: 100 ETH.');
  });

  it('with a buffer under 100 ETH: adds the EigenLayer delay and maybe the beacon exit', () => {
    const { r } = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH - 1n));
    expect(r.parts).toHaveLength(3);
    expect(eigenPartOf(r)).toMatchObject({ minSeconds: 0, maxSeconds: EIGEN_SECONDS });
    expect(r.parts[2]).toMatchObject({ minSeconds: 0, maxSeconds: TYPICAL_BEACON_EXIT.maxSeconds, measured: false });
    expect(r.minSeconds).toBe(7 * DAY);
    expect(r.maxSeconds).toBe(7 * DAY + EIGEN_SECONDS + TYPICAL_BEACON_EXIT.maxSeconds!);
  });
});

describe('planExit: kelp', () => {
  const exit = exitOf('rsETH', 'kelp');
  const DELAY_BLOCKS = 50_400n;
  const answers = (buffer: bigint) => ({
    withdrawalDelayBlocks: DELAY_BLOCKS,
    getAvailableAssetAmount: buffer,
    nextUnusedNonce: 1_234n,
    nextLockedNonce: 1_200n,
    minWithdrawalDelayBlocks: EIGEN_BLOCKS,
  });

  it('reads the withdrawal manager for ETH (the sentinel)', () => {
    const { batch } = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH));
    for (const fn of ['getAvailableAssetAmount', 'nextUnusedNonce', 'nextLockedNonce']) {
      const call = batch.calls.find((c) => c.functionName === fn)!;
      expect(call.address).toBe(exit.withdrawalManager);
      expect(call.args).toEqual([ETH]);
    }
  });

  it('with a buffer of at least 100 ETH: withdrawalDelayBlocks × 12 s', () => {
    const { r } = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH));
    expect(r.reason).toBeNull();
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]!.label).toMatch(/50,400 blocks/);
    expect(r.minSeconds).toBe(50_400 * 12);
    expect(r.maxSeconds).toBe(50_400 * 12);
    expect(r.notes).toEqual(['34 requests not yet locked; 100 ETH available to pay them.']);
  });

  it('with a buffer short of 100 ETH: adds the EigenLayer delay and maybe the beacon exit', () => {
    const { r } = decodeExit(exit, answers(REFERENCE_REDEMPTION_ETH - 1n));
    expect(r.parts).toHaveLength(3);
    expect(eigenPartOf(r)).toMatchObject({ minSeconds: 0, maxSeconds: EIGEN_SECONDS });
    expect(r.minSeconds).toBe(50_400 * 12);
    expect(r.maxSeconds).toBe(50_400 * 12 + EIGEN_SECONDS + TYPICAL_BEACON_EXIT.maxSeconds!);
  });
});

// The vault's instant withdrawal (with its exit fee) is its own road: tests/unit/instant.test.ts.
describe('planExit: puffer (the 2-step withdrawal)', () => {
  const exit = exitOf('pufETH', 'puffer');
  const answers = { getWithdrawalsLength: 2_500n, getFinalizedWithdrawalBatch: 240n, BATCH_SIZE: 10n, minWithdrawalDelayBlocks: EIGEN_BLOCKS };

  it('batch finalization, then the EigenLayer delay and maybe the beacon exit', () => {
    const { r } = decodeExit(exit, answers);
    expect(r.parts).toHaveLength(3);
    expect(r.parts[0]).toMatchObject({ minSeconds: DAY, maxSeconds: 3 * DAY, measured: false });
    expect(eigenPartOf(r)).toMatchObject({ minSeconds: 0, maxSeconds: EIGEN_SECONDS });
    expect(r.minSeconds).toBe(DAY);
    expect(r.maxSeconds).toBe(3 * DAY + EIGEN_SECONDS + TYPICAL_BEACON_EXIT.maxSeconds!);
    expect(r.notes).toEqual(['10 withdrawal batches waiting to be finalized.']);
  });
});

describe('planExit: a failed call makes the road unavailable, naming the call', () => {
  // The fifth element: calls whose failure leaves the road standing (and says so in a note).
  const cases: [string, ExitPlan, Record<string, unknown>, Record<string, string>, string[]?][] = [
    ['rETH', exitOf('rETH', 'rocket-pool'), { getTotalCollateral: 1_000n * WAD }, { getTotalCollateral: 'rETH.getTotalCollateral()' }],
    [
      'frxETH',
      exitOf('frxETH', 'frax-queue'),
      { redemptionQueueState: [1n, 100n, 2_000n, 0n, 0n] },
      { redemptionQueueState: 'FraxEtherRedemptionQueueV2.redemptionQueueState()' },
    ],
    [
      'osETH',
      exitOf('osETH', 'stakewise'),
      { queuedShares: 0n, exitQueueUpdateDelay: 1n },
      { queuedShares: 'OsTokenRedeemer.queuedShares()', exitQueueUpdateDelay: 'OsTokenRedeemer.exitQueueUpdateDelay()' },
    ],
    [
      'ETHx',
      exitOf('ETHx', 'stader'),
      { nextRequestId: 1n, nextRequestIdToFinalize: 1n, ethRequestedForWithdraw: 0n, getMinBlockDelayToFinalizeWithdrawRequest: 1n },
      {
        nextRequestId: 'UserWithdrawalManager.nextRequestId()',
        nextRequestIdToFinalize: 'UserWithdrawalManager.nextRequestIdToFinalize()',
        ethRequestedForWithdraw: 'UserWithdrawalManager.ethRequestedForWithdraw()',
        getMinBlockDelayToFinalizeWithdrawRequest: 'StaderConfig.getMinBlockDelayToFinalizeWithdrawRequest()',
      },
    ],
    [
      'mETH',
      exitOf('mETH', 'mantle'),
      { numberOfBlocksToFinalize: 1n, allocatedETHDeficit: 0n },
      { numberOfBlocksToFinalize: 'UnstakeRequestsManager.numberOfBlocksToFinalize()', allocatedETHDeficit: 'UnstakeRequestsManager.allocatedETHDeficit()' },
    ],
    [
      'rswETH',
      exitOf('rswETH', 'swell'),
      { getLastTokenIdCreated: 1n, getLastTokenIdProcessed: 1n, exitingETH: 0n, minWithdrawalDelayBlocks: EIGEN_BLOCKS },
      {
        getLastTokenIdCreated: 'swEXIT.getLastTokenIdCreated()',
        getLastTokenIdProcessed: 'swEXIT.getLastTokenIdProcessed()',
        exitingETH: 'swEXIT.exitingETH()',
        minWithdrawalDelayBlocks: 'DelegationManager.minWithdrawalDelayBlocks()',
      },
    ],
    [
      'LsETH',
      exitOf('LsETH', 'liquid-collective'),
      { getRedeemDemand: 0n, getBufferedExceedingEth: 0n },
      { getRedeemDemand: 'RedeemManager.getRedeemDemand()', getBufferedExceedingEth: 'RedeemManager.getBufferedExceedingEth()' },
    ],
    [
      'ezETH',
      exitOf('ezETH', 'renzo'),
      { coolDownPeriod: 1n, getAvailableToWithdraw: 0n, minWithdrawalDelayBlocks: EIGEN_BLOCKS, riskOracleMiddleware: exitOf('ezETH', 'renzo').riskOracle, withdrawCooldownPeriod: 0n },
      {
        coolDownPeriod: 'WithdrawQueue.coolDownPeriod()',
        getAvailableToWithdraw: 'WithdrawQueue.getAvailableToWithdraw(ETH)',
        minWithdrawalDelayBlocks: 'DelegationManager.minWithdrawalDelayBlocks()',
      },
      ['riskOracleMiddleware', 'withdrawCooldownPeriod'],
    ],
    [
      'rsETH',
      exitOf('rsETH', 'kelp'),
      { withdrawalDelayBlocks: 1n, getAvailableAssetAmount: 0n, nextUnusedNonce: 0n, nextLockedNonce: 0n, minWithdrawalDelayBlocks: EIGEN_BLOCKS },
      {
        withdrawalDelayBlocks: 'LRTWithdrawalManager.withdrawalDelayBlocks()',
        getAvailableAssetAmount: 'LRTWithdrawalManager.getAvailableAssetAmount(ETH)',
        nextUnusedNonce: 'LRTWithdrawalManager.nextUnusedNonce(ETH)',
        nextLockedNonce: 'LRTWithdrawalManager.nextLockedNonce(ETH)',
        minWithdrawalDelayBlocks: 'DelegationManager.minWithdrawalDelayBlocks()',
      },
    ],
    [
      'pufETH',
      exitOf('pufETH', 'puffer'),
      { getWithdrawalsLength: 0n, getFinalizedWithdrawalBatch: 0n, BATCH_SIZE: 10n, minWithdrawalDelayBlocks: EIGEN_BLOCKS },
      {
        getWithdrawalsLength: 'PufferWithdrawalManager.getWithdrawalsLength()',
        getFinalizedWithdrawalBatch: 'PufferWithdrawalManager.getFinalizedWithdrawalBatch()',
        BATCH_SIZE: 'PufferWithdrawalManager.BATCH_SIZE()',
        minWithdrawalDelayBlocks: 'DelegationManager.minWithdrawalDelayBlocks()',
      },
    ],
  ];

  it.each(cases)('%s: every call, failing, is the reason', (_symbol, exit, answers, names, optional = []) => {
    const { batch, r } = decodeExit(exit, answers);
    expect(r.reason).toBeNull();
    // the table covers every call the planner makes
    expect(batch.calls.map((c) => c.functionName).sort()).toEqual([...Object.keys(names), ...optional].sort());
    for (const [fn, name] of Object.entries(names)) {
      expectUnavailable(decodeExit(exit, answers, fn).r, `${name} failed: execution reverted`);
    }
    for (const fn of optional) expect(decodeExit(exit, answers, fn).r.reason).toBeNull();
  });

  it('covers every exit kind in the registry', () => {
    const tested = new Set(['lido-queue', 'etherfi', 'offchain', 'not-researched', ...cases.map(([, exit]) => exit.kind)]);
    for (const token of registry) expect(tested, token.symbol).toContain(token.exit.kind);
  });
});
