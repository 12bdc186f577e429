import type { ExitPlan } from '../tokens/schema';
import {
  eigenDelegationAbi,
  ETH_SENTINEL,
  etherfiRedemptionAbi,
  etherfiWithdrawNftAbi,
  hashConsensusAbi,
  lidoQueueAbi,
  lidoStethAbi,
  multicall3Abi,
} from './abis';
import { valueOf, type CallBatch } from './calls';
import type { ExitPart, Figures } from './figures';
import { wadToNumber, WAD } from './units';

/*
 * Redeeming through the protocol: live queue state turned into a range of seconds, with its parts.
 * Parts we cannot read from the execution layer are typical ranges, marked `measured: false`.
 */

const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';
const HOUR = 3_600;
const DAY = 86_400;

/** Beacon chain facts from ethereum/consensus-specs (mainnet config). */
export const BEACON = {
  genesisTime: 1_606_824_023,
  secondsPerSlot: 12,
  slotsPerEpoch: 32,
  /** MIN_VALIDATOR_WITHDRAWABILITY_DELAY: 256 epochs between exit and withdrawability (~27.3 h). */
  withdrawabilityDelaySeconds: 256 * 32 * 12,
} as const;

/**
 * The beacon chain's exit queue and withdrawal sweep are not readable over JSON-RPC. Without a beacon
 * node we show this typical range: the spec's 27 h floor, up to two weeks of queue and sweep.
 */
export const TYPICAL_BEACON_EXIT: ExitPart = {
  label: 'Beacon chain exit and sweep (typical range, not read: no beacon node configured)',
  minSeconds: BEACON.withdrawabilityDelaySeconds,
  maxSeconds: BEACON.withdrawabilityDelaySeconds + 14 * DAY,
  measured: false,
  source: 'ethereum/consensus-specs (withdrawability delay); queue length not readable on the execution layer',
};

/** Redemptions are judged for this size: big enough to matter, small enough to be common. */
export const REFERENCE_REDEMPTION_ETH = 100n * WAD;

export type RedeemFigures = Figures['redeem'];

function unavailable(reason: string): RedeemFigures {
  return { minSeconds: null, maxSeconds: null, parts: [], notes: [], reason };
}

function sum(parts: ExitPart[], key: 'minSeconds' | 'maxSeconds'): number | null {
  let total = 0;
  for (const part of parts) {
    const value = part[key];
    if (value === null) return null;
    total += value;
  }
  return total;
}

function fromParts(parts: ExitPart[], notes: string[]): RedeemFigures {
  return { minSeconds: sum(parts, 'minSeconds'), maxSeconds: sum(parts, 'maxSeconds'), parts, notes, reason: null };
}

const eth = (wad: bigint) => `${Math.round(wadToNumber(wad)).toLocaleString('en-US')} ETH`;

/** Seconds from `now` until the start of Lido's next oracle frame (its reference slot). */
export function secondsToNextLidoFrame(now: number, initialEpoch: number, epochsPerFrame: number): number {
  const epochSeconds = BEACON.secondsPerSlot * BEACON.slotsPerEpoch;
  const epoch = Math.floor((now - BEACON.genesisTime) / epochSeconds);
  const framesDone = epoch < initialEpoch ? 0 : Math.floor((epoch - initialEpoch) / epochsPerFrame) + 1;
  const nextFrameEpoch = initialEpoch + framesDone * epochsPerFrame;
  return BEACON.genesisTime + nextFrameEpoch * epochSeconds - now;
}

export function planExit(exit: ExitPlan, batch: CallBatch): (blockTimestamp: number, rate: bigint | null) => RedeemFigures {
  switch (exit.kind) {
    case 'lido-queue': {
      const unfinalized = batch.add({ address: exit.queue, abi: lidoQueueAbi, functionName: 'unfinalizedStETH' });
      const bunker = batch.add({ address: exit.queue, abi: lidoQueueAbi, functionName: 'isBunkerModeActive' });
      const paused = batch.add({ address: exit.queue, abi: lidoQueueAbi, functionName: 'isPaused' });
      const buffered = batch.add({ address: exit.steth, abi: lidoStethAbi, functionName: 'getBufferedEther' });
      const balance = (address: `0x${string}`) =>
        batch.add({ address: MULTICALL3, abi: multicall3Abi, functionName: 'getEthBalance', args: [address] });
      const withdrawalVault = balance(exit.withdrawalVault);
      const rewardsVault = balance(exit.elRewardsVault);
      const frame = batch.add({ address: exit.hashConsensus, abi: hashConsensusAbi, functionName: 'getFrameConfig' });

      return (now) => {
        const reads = {
          unfinalized: valueOf<bigint>(unfinalized(), 'WithdrawalQueue.unfinalizedStETH()'),
          bunker: valueOf<boolean>(bunker(), 'WithdrawalQueue.isBunkerModeActive()'),
          paused: valueOf<boolean>(paused(), 'WithdrawalQueue.isPaused()'),
          buffered: valueOf<bigint>(buffered(), 'stETH.getBufferedEther()'),
          withdrawalVault: valueOf<bigint>(withdrawalVault(), 'WithdrawalVault balance'),
          rewardsVault: valueOf<bigint>(rewardsVault(), 'ELRewardsVault balance'),
          frame: valueOf<readonly [bigint, bigint, bigint]>(frame(), 'HashConsensus.getFrameConfig()'),
        };
        for (const read of Object.values(reads)) if (!read.ok) return unavailable(read.reason);
        const r = reads as { [K in keyof typeof reads]: Extract<(typeof reads)[K], { ok: true }> };
        if (r.paused.value) return unavailable('Lido withdrawals are paused (WithdrawalQueue.isPaused())');

        const [initialEpoch, epochsPerFrame] = r.frame.value;
        const frameSeconds = Number(epochsPerFrame) * BEACON.slotsPerEpoch * BEACON.secondsPerSlot;
        if (frameSeconds <= 0) return unavailable('HashConsensus reported an empty oracle frame');
        const toReport = secondsToNextLidoFrame(now, Number(initialEpoch), Number(epochsPerFrame));
        const parts: ExitPart[] = [
          {
            // A request too close to the reference slot waits for the report after, hence one frame of range.
            label: `Next Lido oracle report (frames of ${Math.round(frameSeconds / HOUR)} h)`,
            minSeconds: toReport,
            maxSeconds: toReport + frameSeconds,
            measured: true,
            source: 'HashConsensus.getFrameConfig() and the block time',
          },
        ];
        const available = r.buffered.value + r.withdrawalVault.value + r.rewardsVault.value;
        const waiting = r.unfinalized.value + REFERENCE_REDEMPTION_ETH;
        const notes = [`Queue: ${eth(r.unfinalized.value)} waiting; buffer and vaults hold ${eth(available)}.`];
        if (available < waiting) {
          notes.push(`The buffer is short by ${eth(waiting - available)}: validators must exit to pay the rest.`);
          parts.push(TYPICAL_BEACON_EXIT);
        }
        if (r.bunker.value) {
          // Lido's withdrawals-api assumes up to 14 frames while bunker mode lasts.
          parts.push({ label: 'Bunker mode: finalization slowed', minSeconds: 0, maxSeconds: 14 * frameSeconds, measured: true, source: 'WithdrawalQueue.isBunkerModeActive()' });
          notes.push('Lido is in bunker mode: withdrawals finalize slowly and may be discounted.');
        }
        return fromParts(parts, notes);
      };
    }
    case 'etherfi': {
      const redeemable = batch.add({ address: exit.redemptionManager, abi: etherfiRedemptionAbi, functionName: 'totalRedeemableAmount', args: [ETH_SENTINEL] });
      const preview = batch.add({ address: exit.redemptionManager, abi: etherfiRedemptionAbi, functionName: 'previewRedeem', args: [WAD, ETH_SENTINEL] });
      const paused = batch.add({ address: exit.redemptionManager, abi: etherfiRedemptionAbi, functionName: 'paused' });
      const nextId = batch.add({ address: exit.withdrawRequestNft, abi: etherfiWithdrawNftAbi, functionName: 'nextRequestId' });
      const finalizedId = batch.add({ address: exit.withdrawRequestNft, abi: etherfiWithdrawNftAbi, functionName: 'lastFinalizedRequestId' });
      const eigenDelay = batch.add({ address: exit.delegationManager, abi: eigenDelegationAbi, functionName: 'minWithdrawalDelayBlocks' });

      return (_now, rate) => {
        const delay = valueOf<number>(eigenDelay(), 'DelegationManager.minWithdrawalDelayBlocks()');
        if (!delay.ok) return unavailable(delay.reason);
        const eigenSeconds = delay.value * BEACON.secondsPerSlot;
        const notes: string[] = [];
        const instant = valueOf<bigint>(redeemable(), 'EtherFiRedemptionManager.totalRedeemableAmount(ETH)');
        const instantPaused = valueOf<boolean>(paused(), 'EtherFiRedemptionManager.paused()');
        const previewed = valueOf<bigint>(preview(), 'EtherFiRedemptionManager.previewRedeem()');
        let instantCovers = false;
        if (instant.ok && instantPaused.ok && !instantPaused.value) {
          instantCovers = instant.value >= REFERENCE_REDEMPTION_ETH;
          let fee = '';
          if (previewed.ok && rate) {
            const feeBps = Number(((rate - previewed.value) * 10_000n) / rate);
            fee = `, exit fee ${feeBps} bps`;
          }
          notes.push(`Instant redemption: up to ${eth(instant.value)} now${fee}.`);
        } else {
          notes.push(instantPaused.ok && instantPaused.value ? 'Instant redemption is paused.' : `Instant redemption unreadable: ${instant.ok ? '' : instant.reason}`);
        }
        const next = valueOf<number>(nextId(), 'WithdrawRequestNFT.nextRequestId()');
        const last = valueOf<number>(finalizedId(), 'WithdrawRequestNFT.lastFinalizedRequestId()');
        if (next.ok && last.ok) notes.push(`Withdrawal queue: ${Math.max(0, next.value - 1 - last.value)} requests not yet finalized.`);

        const parts: ExitPart[] = [];
        if (instantCovers) {
          parts.push({ label: `Instant redemption (covers ${eth(REFERENCE_REDEMPTION_ETH)})`, minSeconds: 0, maxSeconds: 0, measured: true, source: 'EtherFiRedemptionManager.totalRedeemableAmount(ETH)' });
        } else {
          parts.push({ label: 'ether.fi queue finalization (typical daily report, not read)', minSeconds: DAY, maxSeconds: 2 * DAY, measured: false, source: 'etherfi-protocol WithdrawRequestNFT: finalized by oracle reports' });
        }
        // When liquidity runs out, restaked validators leave EigenLayer first: its delay sets the worst case.
        parts.push({ label: `EigenLayer withdrawal delay (${delay.value.toLocaleString('en-US')} blocks), when restaked ETH must be withdrawn`, minSeconds: 0, maxSeconds: eigenSeconds, measured: true, source: 'DelegationManager.minWithdrawalDelayBlocks()' });
        parts.push({ ...TYPICAL_BEACON_EXIT, minSeconds: 0 });
        return fromParts(parts, notes);
      };
    }
  }
}

