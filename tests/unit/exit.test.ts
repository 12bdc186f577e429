import { describe, expect, it } from 'vitest';
import { CallBatch } from '../../lib/chain/calls';
import { BEACON, planExit, REFERENCE_REDEMPTION_ETH, secondsToNextLidoFrame, TYPICAL_BEACON_EXIT } from '../../lib/chain/exit';
import { WAD } from '../../lib/chain/units';
import { tokenBySymbol } from '../../lib/tokens/registry';
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
  return decode(now, 1_216_600_000_000_000_000n);
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
  redeemable: bigint | Error;
  preview: bigint | Error;
  paused: boolean;
  nextId: number;
  finalizedId: number;
  delayBlocks: number | Error;
}

const WEETH_RATE = 1_070_000_000_000_000_000n;

function etherfi(state: Partial<EtherfiState>, rate: bigint | null = WEETH_RATE) {
  const s: EtherfiState = {
    redeemable: 500n * WAD,
    preview: (WEETH_RATE * 9_970n) / 10_000n, // 30 bps fee
    paused: false,
    nextId: 101,
    finalizedId: 90,
    delayBlocks: 100_800,
    ...state,
  };
  const batch = new CallBatch();
  const decode = planExit(etherfiPlan, batch);
  settleBy(batch, (call) => {
    switch (call.functionName) {
      case 'totalRedeemableAmount': return s.redeemable;
      case 'previewRedeem':
        expect(call.args![0]).toBe(WAD);
        return s.preview;
      case 'paused': return s.paused;
      case 'nextRequestId': return s.nextId;
      case 'lastFinalizedRequestId': return s.finalizedId;
      case 'minWithdrawalDelayBlocks': return s.delayBlocks;
    }
    throw new Error(`unexpected call ${call.functionName}`);
  });
  return decode(1_750_000_000, rate);
}

describe('planExit: etherfi', () => {
  const eigen = 100_800 * 12;

  it('with instant capacity of at least 100 ETH: min 0, max includes the EigenLayer delay', () => {
    const r = etherfi({ redeemable: REFERENCE_REDEMPTION_ETH });
    expect(r.reason).toBeNull();
    expect(r.minSeconds).toBe(0);
    expect(r.maxSeconds).toBe(eigen + TYPICAL_BEACON_EXIT.maxSeconds!);
    expect(r.parts[0]!.minSeconds).toBe(0);
    expect(r.parts[0]!.maxSeconds).toBe(0);
    const eigenPart = r.parts.find((p) => /EigenLayer/.test(p.label))!;
    expect(eigenPart.maxSeconds).toBe(eigen);
    expect(eigenPart.label).toMatch(/100,800 blocks/);
  });

  it('with instant capacity short of 100 ETH: min one day', () => {
    const r = etherfi({ redeemable: REFERENCE_REDEMPTION_ETH - 1n });
    expect(r.minSeconds).toBe(DAY);
    expect(r.maxSeconds).toBe(2 * DAY + eigen + TYPICAL_BEACON_EXIT.maxSeconds!);
    expect(r.parts[0]!.measured).toBe(false);
  });

  it('treats paused instant redemption as no capacity', () => {
    const r = etherfi({ paused: true });
    expect(r.minSeconds).toBe(DAY);
    expect(r.notes).toContain('Instant redemption is paused.');
  });

  it('computes the exit fee from previewRedeem against the rate', () => {
    const r = etherfi({});
    expect(r.notes[0]).toBe('Instant redemption: up to 500 ETH now, exit fee 30 bps.');
    const free = etherfi({ preview: WEETH_RATE });
    expect(free.notes[0]).toMatch(/exit fee 0 bps/);
  });

  it('leaves the fee out without a rate or a preview', () => {
    expect(etherfi({}, null).notes[0]).toBe('Instant redemption: up to 500 ETH now.');
    expect(etherfi({ preview: new Error('reverted') }).notes[0]).toBe('Instant redemption: up to 500 ETH now.');
  });

  it('counts unfinalized withdrawal requests', () => {
    expect(etherfi({ nextId: 101, finalizedId: 90 }).notes).toContain('Withdrawal queue: 10 requests not yet finalized.');
  });

  it('cannot give a range without the EigenLayer delay', () => {
    const r = etherfi({ delayBlocks: new Error('execution reverted') });
    expect(r.minSeconds).toBeNull();
    expect(r.reason).toMatch(/DelegationManager\.minWithdrawalDelayBlocks\(\) failed/);
  });

  it('says why instant redemption is unreadable', () => {
    const r = etherfi({ redeemable: new Error('execution reverted') });
    expect(r.minSeconds).toBe(DAY);
    expect(r.notes[0]).toMatch(/Instant redemption unreadable: .*totalRedeemableAmount.*failed/);
  });
});
