import { parseAbi, type Address } from 'viem';
import type { ExitPlan } from '../tokens/schema';
import {
  eigenDelegationAbi,
  ETH_SENTINEL,
  etherfiWithdrawNftAbi,
  hashConsensusAbi,
  lidoQueueAbi,
  lidoStethAbi,
  multicall3Abi,
} from './abis';
import { readAll, valueOf, type CallBatch, type CallResult } from './calls';
import type { ExitPart, Figures } from './figures';
import { mulWad, wadToNumber, WAD } from './units';

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
  return { minSeconds: null, maxSeconds: null, parts: [], notes: [], reason, queue: null, bunker: false };
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

function fromParts(parts: ExitPart[], notes: string[], queue: RedeemFigures['queue'] = null): RedeemFigures {
  return { minSeconds: sum(parts, 'minSeconds'), maxSeconds: sum(parts, 'maxSeconds'), parts, notes, reason: null, queue, bunker: false };
}

/** Seconds from `now` until the start of Lido's next oracle frame (its reference slot). */
export function secondsToNextLidoFrame(now: number, initialEpoch: number, epochsPerFrame: number): number {
  const epochSeconds = BEACON.secondsPerSlot * BEACON.slotsPerEpoch;
  const epoch = Math.floor((now - BEACON.genesisTime) / epochSeconds);
  const framesDone = epoch < initialEpoch ? 0 : Math.floor((epoch - initialEpoch) / epochsPerFrame) + 1;
  const nextFrameEpoch = initialEpoch + framesDone * epochsPerFrame;
  return BEACON.genesisTime + nextFrameEpoch * epochSeconds - now;
}

/** What a planner's decoder is handed once the batch is back. */
export interface ExitContext {
  /** The block's time (unix seconds). */
  now: number;
  /** The token's redemption value, when it was read. */
  rate: bigint | null;
  /** The beacon chain's exit: read from a beacon node when one is configured, else the typical range. */
  beacon: ExitPart;
}

type Planner<K extends ExitPlan['kind']> = (exit: Extract<ExitPlan, { kind: K }>, batch: CallBatch) => (ctx: ExitContext) => RedeemFigures;

const eth = (wad: bigint) => `${Math.round(wadToNumber(wad)).toLocaleString('en-US')} ETH`;
/** An amount of the token itself, with its worth in ETH when the redemption value was read. */
const tokens = (wad: bigint, symbol: string, rate: bigint | null) =>
  `${Math.round(wadToNumber(wad)).toLocaleString('en-US')} ${symbol}${rate === null ? '' : ` (${eth(mulWad(wad, rate))})`}`;

function eigenDelayCall(batch: CallBatch, delegationManager: Address) {
  return batch.add({ address: delegationManager, abi: eigenDelegationAbi, functionName: 'minWithdrawalDelayBlocks' });
}

function eigenPart(blocks: number): ExitPart {
  return {
    label: `EigenLayer withdrawal delay (${blocks.toLocaleString('en-US')} blocks), when restaked ETH must be withdrawn`,
    minSeconds: 0,
    maxSeconds: blocks * BEACON.secondsPerSlot,
    measured: true,
    source: 'DelegationManager.minWithdrawalDelayBlocks()',
  };
}

/** Renzo's risk oracle cooldown, when the queue consults the oracle we know; else why it is not counted. */
function riskOracleCooldown(oracleOf: CallResult, cooldown: CallResult, known: Address): { seconds: number | null; note: string | null } {
  const named = valueOf<Address>(oracleOf, 'WithdrawQueue.riskOracleMiddleware()');
  if (!named.ok) return { seconds: null, note: `Renzo's risk oracle may set a longer cooldown (not read: ${named.reason}).` };
  if (named.value.toLowerCase() !== known.toLowerCase()) {
    return { seconds: null, note: `Renzo's queue consults a risk oracle other than the one known (${named.value}): a longer cooldown it sets is not read.` };
  }
  const got = valueOf<bigint>(cooldown, 'RiskOracleMiddleware.withdrawCooldownPeriod()');
  if (!got.ok) return { seconds: null, note: `Renzo's risk oracle may set a longer cooldown (not read: ${got.reason}).` };
  return { seconds: Number(got.value), note: null };
}

/** The beacon exit as a possible extra wait: only when the protocol's buffer can't pay. */
const maybe = (beacon: ExitPart): ExitPart => ({ ...beacon, minSeconds: 0 });

const fn = (signature: string) => parseAbi([signature]);

const PLANNERS: { [K in ExitPlan['kind']]: Planner<K> } = {
  'lido-queue': (exit, batch) => {
    const unfinalized = batch.add({ address: exit.queue, abi: lidoQueueAbi, functionName: 'unfinalizedStETH' });
    const bunker = batch.add({ address: exit.queue, abi: lidoQueueAbi, functionName: 'isBunkerModeActive' });
    const paused = batch.add({ address: exit.queue, abi: lidoQueueAbi, functionName: 'isPaused' });
    const buffered = batch.add({ address: exit.steth, abi: lidoStethAbi, functionName: 'getBufferedEther' });
    const balance = (address: Address) => batch.add({ address: MULTICALL3, abi: multicall3Abi, functionName: 'getEthBalance', args: [address] });
    const withdrawalVault = balance(exit.withdrawalVault);
    const rewardsVault = balance(exit.elRewardsVault);
    const frame = batch.add({ address: exit.hashConsensus, abi: hashConsensusAbi, functionName: 'getFrameConfig' });

    return ({ now, beacon }) => {
      const r = readAll({
        'WithdrawalQueue.unfinalizedStETH()': unfinalized,
        'WithdrawalQueue.isBunkerModeActive()': bunker,
        'WithdrawalQueue.isPaused()': paused,
        'stETH.getBufferedEther()': buffered,
        'WithdrawalVault balance': withdrawalVault,
        'ELRewardsVault balance': rewardsVault,
        'HashConsensus.getFrameConfig()': frame,
      });
      if ('failed' in r) return unavailable(r.failed);
      if (r['WithdrawalQueue.isPaused()']) return { ...unavailable('Lido withdrawals are paused (WithdrawalQueue.isPaused())'), paused: ['WithdrawalQueue.isPaused()'] };
      const [initialEpoch, epochsPerFrame] = r['HashConsensus.getFrameConfig()'] as readonly [bigint, bigint, bigint];
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
      const available = (r['stETH.getBufferedEther()'] as bigint) + (r['WithdrawalVault balance'] as bigint) + (r['ELRewardsVault balance'] as bigint);
      const queued = r['WithdrawalQueue.unfinalizedStETH()'] as bigint;
      const notes = [`Queue: ${eth(queued)} waiting; buffer and vaults hold ${eth(available)}.`];
      if (available < queued + REFERENCE_REDEMPTION_ETH) {
        notes.push(`The buffer is short by ${eth(queued + REFERENCE_REDEMPTION_ETH - available)}: validators must exit to pay the rest.`);
        parts.push(beacon);
      }
      const inBunker = r['WithdrawalQueue.isBunkerModeActive()'] === true;
      if (inBunker) {
        // Lido's withdrawals-api assumes up to 14 frames while bunker mode lasts.
        parts.push({ label: 'Bunker mode: finalization slowed', minSeconds: 0, maxSeconds: 14 * frameSeconds, measured: true, source: 'WithdrawalQueue.isBunkerModeActive()' });
        notes.push('Lido is in bunker mode: withdrawals finalize slowly and may be discounted.');
      }
      return { ...fromParts(parts, notes, { eth: queued.toString(), label: 'WithdrawalQueue.unfinalizedStETH()' }), bunker: inBunker };
    };
  },

  // The instant road (EtherFiRedemptionManager, with its fee) is lib/chain/instant.ts; this is the queue.
  etherfi: (exit, batch) => {
    const nextId = batch.add({ address: exit.withdrawRequestNft, abi: etherfiWithdrawNftAbi, functionName: 'nextRequestId' });
    const finalizedId = batch.add({ address: exit.withdrawRequestNft, abi: etherfiWithdrawNftAbi, functionName: 'lastFinalizedRequestId' });
    const eigenDelay = eigenDelayCall(batch, exit.delegationManager);

    return ({ beacon }) => {
      const delay = valueOf<number>(eigenDelay(), 'DelegationManager.minWithdrawalDelayBlocks()');
      if (!delay.ok) return unavailable(delay.reason);
      const notes: string[] = [];
      const next = valueOf<number>(nextId(), 'WithdrawRequestNFT.nextRequestId()');
      const last = valueOf<number>(finalizedId(), 'WithdrawRequestNFT.lastFinalizedRequestId()');
      if (next.ok && last.ok) notes.push(`Withdrawal queue: ${Math.max(0, next.value - 1 - last.value)} requests not yet finalized.`);
      return fromParts(
        [
          { label: 'ether.fi queue finalization (typical daily report, not read)', minSeconds: DAY, maxSeconds: 2 * DAY, measured: false, source: 'etherfi-protocol WithdrawRequestNFT: finalized by oracle reports' },
          // When liquidity runs out, restaked validators leave EigenLayer first: its delay sets the worst case.
          eigenPart(delay.value),
          maybe(beacon),
        ],
        notes,
      );
    };
  },

  'rocket-pool': (exit, batch) => {
    const collateral = batch.add({ address: exit.reth, abi: fn('function getTotalCollateral() view returns (uint256)'), functionName: 'getTotalCollateral' });
    return () => {
      const got = valueOf<bigint>(collateral(), 'rETH.getTotalCollateral()');
      if (!got.ok) return unavailable(got.reason);
      if (got.value < REFERENCE_REDEMPTION_ETH) {
        return unavailable(`rETH has no queue: burning pays only from its collateral (${eth(got.value)} now), too little for ${eth(REFERENCE_REDEMPTION_ETH)}; selling is the way out`);
      }
      return fromParts(
        [{ label: `rETH.burn() pays at once from ${eth(got.value)} of collateral`, minSeconds: 0, maxSeconds: 0, measured: true, source: 'rETH.getTotalCollateral()' }],
        ['Rocket Pool has no withdrawal queue: beyond the collateral, rETH can only be sold.'],
      );
    };
  },

  offchain: (exit) => () => unavailable(exit.why),

  'not-researched': (exit) => () => unavailable(exit.why),

  'frax-queue': (exit, batch) => {
    const state = batch.add({
      address: exit.queue,
      abi: fn('function redemptionQueueState() view returns (uint64 nextNftId, uint64 queueLengthSecs, uint64 redemptionFee, uint120 ttlEthRequested, uint120 ttlEthServed)'),
      functionName: 'redemptionQueueState',
    });
    return () => {
      const got = valueOf<readonly [bigint, bigint, bigint, bigint, bigint]>(state(), 'FraxEtherRedemptionQueueV2.redemptionQueueState()');
      if (!got.ok) return unavailable(got.reason);
      const [, queueLengthSecs, redemptionFee, requested, served] = got.value;
      const wait = Number(queueLengthSecs);
      return fromParts(
        [{ label: 'Frax redemption queue: the ticket matures after', minSeconds: wait, maxSeconds: wait, measured: true, source: 'FraxEtherRedemptionQueueV2.redemptionQueueState().queueLengthSecs' }],
        [`Redemption fee ${Number(redemptionFee) / 100} bps; ${eth(requested - served)} requested and not yet served.`],
        { eth: (requested > served ? requested - served : 0n).toString(), label: 'FraxEtherRedemptionQueueV2.redemptionQueueState() requested − served' },
      );
    };
  },

  stakewise: (exit, batch) => {
    const queued = batch.add({ address: exit.redeemer, abi: fn('function queuedShares() view returns (uint128)'), functionName: 'queuedShares' });
    const delay = batch.add({ address: exit.redeemer, abi: fn('function exitQueueUpdateDelay() view returns (uint256)'), functionName: 'exitQueueUpdateDelay' });
    return ({ beacon, rate }) => {
      const r = readAll({ 'OsTokenRedeemer.queuedShares()': queued, 'OsTokenRedeemer.exitQueueUpdateDelay()': delay });
      if ('failed' in r) return unavailable(r.failed);
      const updateDelay = Number(r['OsTokenRedeemer.exitQueueUpdateDelay()'] as bigint);
      return fromParts(
        [
          { label: 'StakeWise exit queue update', minSeconds: 0, maxSeconds: updateDelay, measured: true, source: 'OsTokenRedeemer.exitQueueUpdateDelay()' },
          maybe(beacon),
        ],
        // queuedShares counts osETH (stakewise/v3-core OsTokenRedeemer), not ETH.
        [`${tokens(r['OsTokenRedeemer.queuedShares()'] as bigint, 'osETH', rate)} queued for redemption.`],
      );
    };
  },

  stader: (exit, batch) => {
    const manager = fn('function nextRequestId() view returns (uint256)');
    const next = batch.add({ address: exit.withdrawalManager, abi: manager, functionName: 'nextRequestId' });
    const toFinalize = batch.add({ address: exit.withdrawalManager, abi: fn('function nextRequestIdToFinalize() view returns (uint256)'), functionName: 'nextRequestIdToFinalize' });
    const requested = batch.add({ address: exit.withdrawalManager, abi: fn('function ethRequestedForWithdraw() view returns (uint256)'), functionName: 'ethRequestedForWithdraw' });
    const minDelay = batch.add({ address: exit.config, abi: fn('function getMinBlockDelayToFinalizeWithdrawRequest() view returns (uint256)'), functionName: 'getMinBlockDelayToFinalizeWithdrawRequest' });
    return ({ beacon }) => {
      const r = readAll({ 'UserWithdrawalManager.nextRequestId()': next, 'UserWithdrawalManager.nextRequestIdToFinalize()': toFinalize, 'UserWithdrawalManager.ethRequestedForWithdraw()': requested, 'StaderConfig.getMinBlockDelayToFinalizeWithdrawRequest()': minDelay });
      if ('failed' in r) return unavailable(r.failed);
      const blocks = Number(r['StaderConfig.getMinBlockDelayToFinalizeWithdrawRequest()'] as bigint);
      const pending = (r['UserWithdrawalManager.nextRequestId()'] as bigint) - (r['UserWithdrawalManager.nextRequestIdToFinalize()'] as bigint);
      return fromParts(
        [
          { label: `Stader finalization delay (${blocks} blocks)`, minSeconds: blocks * BEACON.secondsPerSlot, maxSeconds: blocks * BEACON.secondsPerSlot, measured: true, source: 'StaderConfig.getMinBlockDelayToFinalizeWithdrawRequest()' },
          maybe(beacon),
        ],
        [`${pending} requests (${eth(r['UserWithdrawalManager.ethRequestedForWithdraw()'] as bigint)}) waiting to be finalized.`],
        { eth: (r['UserWithdrawalManager.ethRequestedForWithdraw()'] as bigint).toString(), label: 'UserWithdrawalManager.ethRequestedForWithdraw()' },
      );
    };
  },

  mantle: (exit, batch) => {
    const blocks = batch.add({ address: exit.unstakeManager, abi: fn('function numberOfBlocksToFinalize() view returns (uint256)'), functionName: 'numberOfBlocksToFinalize' });
    const deficit = batch.add({ address: exit.unstakeManager, abi: fn('function allocatedETHDeficit() view returns (uint256)'), functionName: 'allocatedETHDeficit' });
    return ({ beacon }) => {
      const r = readAll({ 'UnstakeRequestsManager.numberOfBlocksToFinalize()': blocks, 'UnstakeRequestsManager.allocatedETHDeficit()': deficit });
      if ('failed' in r) return unavailable(r.failed);
      const n = Number(r['UnstakeRequestsManager.numberOfBlocksToFinalize()'] as bigint);
      const short = r['UnstakeRequestsManager.allocatedETHDeficit()'] as bigint;
      const parts: ExitPart[] = [{ label: `Mantle finalization (${n} blocks)`, minSeconds: n * BEACON.secondsPerSlot, maxSeconds: n * BEACON.secondsPerSlot, measured: true, source: 'UnstakeRequestsManager.numberOfBlocksToFinalize()' }];
      if (short > 0n) parts.push(beacon);
      return fromParts(parts, [short > 0n ? `Requests are short of ${eth(short)}: validators must exit first.` : 'Requests are fully funded.']);
    };
  },

  swell: (exit, batch) => {
    const created = batch.add({ address: exit.exit, abi: fn('function getLastTokenIdCreated() view returns (uint256)'), functionName: 'getLastTokenIdCreated' });
    const processed = batch.add({ address: exit.exit, abi: fn('function getLastTokenIdProcessed() view returns (uint256)'), functionName: 'getLastTokenIdProcessed' });
    const exiting = batch.add({ address: exit.exit, abi: fn('function exitingETH() view returns (uint256)'), functionName: 'exitingETH' });
    const eigen = exit.restaked && exit.delegationManager ? eigenDelayCall(batch, exit.delegationManager) : null;
    return ({ beacon }) => {
      const r = readAll({ 'swEXIT.getLastTokenIdCreated()': created, 'swEXIT.getLastTokenIdProcessed()': processed, 'swEXIT.exitingETH()': exiting });
      if ('failed' in r) return unavailable(r.failed);
      const parts: ExitPart[] = [];
      if (eigen) {
        const delay = valueOf<number>(eigen(), 'DelegationManager.minWithdrawalDelayBlocks()');
        if (!delay.ok) return unavailable(delay.reason);
        parts.push(eigenPart(delay.value));
      }
      // Swell's operators process requests in order as validators exit: the wait is the exit's.
      parts.push({ ...beacon, label: 'Swell processes requests as validators exit (typical range, not read)' });
      const pending = (r['swEXIT.getLastTokenIdCreated()'] as bigint) - (r['swEXIT.getLastTokenIdProcessed()'] as bigint);
      return fromParts(parts, [`${pending} requests ahead; ${eth(r['swEXIT.exitingETH()'] as bigint)} exiting.`], { eth: (r['swEXIT.exitingETH()'] as bigint).toString(), label: 'swEXIT.exitingETH()' });
    };
  },

  'liquid-collective': (exit, batch) => {
    const demand = batch.add({ address: exit.redeemManager, abi: fn('function getRedeemDemand() view returns (uint256)'), functionName: 'getRedeemDemand' });
    const buffered = batch.add({ address: exit.redeemManager, abi: fn('function getBufferedExceedingEth() view returns (uint256)'), functionName: 'getBufferedExceedingEth' });
    return ({ beacon, rate }) => {
      const r = readAll({ 'RedeemManager.getRedeemDemand()': demand, 'RedeemManager.getBufferedExceedingEth()': buffered });
      if ('failed' in r) return unavailable(r.failed);
      // The demand is counted in LsETH (liquid-collective-protocol RedeemManager.1.sol), the buffer in ETH.
      const demandLseth = r['RedeemManager.getRedeemDemand()'] as bigint;
      return fromParts(
        [beacon],
        [
          'Only allowlisted accounts can redeem LsETH; everyone else sells.',
          `Redeem demand ${tokens(demandLseth, 'LsETH', rate)}; buffer ${eth(r['RedeemManager.getBufferedExceedingEth()'] as bigint)}.`,
        ],
        rate === null ? null : { eth: mulWad(demandLseth, rate).toString(), label: 'RedeemManager.getRedeemDemand() × the LsETH rate' },
      );
    };
  },

  renzo: (exit, batch) => {
    const cooldown = batch.add({ address: exit.withdrawQueue, abi: fn('function coolDownPeriod() view returns (uint256)'), functionName: 'coolDownPeriod' });
    const available = batch.add({ address: exit.withdrawQueue, abi: fn('function getAvailableToWithdraw(address _asset) view returns (uint256)'), functionName: 'getAvailableToWithdraw', args: [ETH_SENTINEL] });
    const eigen = eigenDelayCall(batch, exit.delegationManager);
    // A claim waits max(the risk oracle's cooldown, the queue's own) (Renzo-Protocol/contracts-public WithdrawQueue.sol).
    const oracleOf = batch.add({ address: exit.withdrawQueue, abi: fn('function riskOracleMiddleware() view returns (address)'), functionName: 'riskOracleMiddleware' });
    const oracleCooldown = batch.add({ address: exit.riskOracle, abi: fn('function withdrawCooldownPeriod() view returns (uint256)'), functionName: 'withdrawCooldownPeriod' });
    return ({ beacon }) => {
      const r = readAll({ 'WithdrawQueue.coolDownPeriod()': cooldown, 'WithdrawQueue.getAvailableToWithdraw(ETH)': available, 'DelegationManager.minWithdrawalDelayBlocks()': eigen });
      if ('failed' in r) return unavailable(r.failed);
      const own = Number(r['WithdrawQueue.coolDownPeriod()'] as bigint);
      const oracle = riskOracleCooldown(oracleOf(), oracleCooldown(), exit.riskOracle);
      const longer = oracle.seconds !== null && oracle.seconds > own;
      const wait = longer ? oracle.seconds! : own;
      const buffer = r['WithdrawQueue.getAvailableToWithdraw(ETH)'] as bigint;
      const source = longer ? 'RiskOracleMiddleware.withdrawCooldownPeriod() (longer than WithdrawQueue.coolDownPeriod())' : 'WithdrawQueue.coolDownPeriod()';
      const parts: ExitPart[] = [{ label: 'Renzo withdrawal cooldown', minSeconds: wait, maxSeconds: wait, measured: true, source }];
      if (buffer < REFERENCE_REDEMPTION_ETH) parts.push(eigenPart(r['DelegationManager.minWithdrawalDelayBlocks()'] as number), maybe(beacon));
      return fromParts(parts, [`Withdrawal buffer: ${eth(buffer)}.`, ...(oracle.note ? [oracle.note] : [])]);
    };
  },

  kelp: (exit, batch) => {
    const args = [ETH_SENTINEL] as const;
    const delay = batch.add({ address: exit.withdrawalManager, abi: fn('function withdrawalDelayBlocks() view returns (uint256)'), functionName: 'withdrawalDelayBlocks' });
    const available = batch.add({ address: exit.withdrawalManager, abi: fn('function getAvailableAssetAmount(address asset) view returns (uint256)'), functionName: 'getAvailableAssetAmount', args });
    const unused = batch.add({ address: exit.withdrawalManager, abi: fn('function nextUnusedNonce(address asset) view returns (uint256)'), functionName: 'nextUnusedNonce', args });
    const locked = batch.add({ address: exit.withdrawalManager, abi: fn('function nextLockedNonce(address asset) view returns (uint256)'), functionName: 'nextLockedNonce', args });
    const eigen = eigenDelayCall(batch, exit.delegationManager);
    return ({ beacon }) => {
      const r = readAll({ 'LRTWithdrawalManager.withdrawalDelayBlocks()': delay, 'LRTWithdrawalManager.getAvailableAssetAmount(ETH)': available, 'LRTWithdrawalManager.nextUnusedNonce(ETH)': unused, 'LRTWithdrawalManager.nextLockedNonce(ETH)': locked, 'DelegationManager.minWithdrawalDelayBlocks()': eigen });
      if ('failed' in r) return unavailable(r.failed);
      const blocks = Number(r['LRTWithdrawalManager.withdrawalDelayBlocks()'] as bigint);
      const buffer = r['LRTWithdrawalManager.getAvailableAssetAmount(ETH)'] as bigint;
      const parts: ExitPart[] = [{ label: `Kelp withdrawal delay (${blocks.toLocaleString('en-US')} blocks)`, minSeconds: blocks * BEACON.secondsPerSlot, maxSeconds: blocks * BEACON.secondsPerSlot, measured: true, source: 'LRTWithdrawalManager.withdrawalDelayBlocks()' }];
      if (buffer < REFERENCE_REDEMPTION_ETH) parts.push(eigenPart(r['DelegationManager.minWithdrawalDelayBlocks()'] as number), maybe(beacon));
      const waiting = (r['LRTWithdrawalManager.nextUnusedNonce(ETH)'] as bigint) - (r['LRTWithdrawalManager.nextLockedNonce(ETH)'] as bigint);
      return fromParts(parts, [`${waiting} requests not yet locked; ${eth(buffer)} available to pay them.`]);
    };
  },

  // The vault's instant withdrawal (with its exit fee) is lib/chain/instant.ts; this is the 2-step queue.
  puffer: (exit, batch) => {
    const length = batch.add({ address: exit.withdrawalManager, abi: fn('function getWithdrawalsLength() view returns (uint256)'), functionName: 'getWithdrawalsLength' });
    const finalized = batch.add({ address: exit.withdrawalManager, abi: fn('function getFinalizedWithdrawalBatch() view returns (uint256)'), functionName: 'getFinalizedWithdrawalBatch' });
    const batchSize = batch.add({ address: exit.withdrawalManager, abi: fn('function BATCH_SIZE() view returns (uint256)'), functionName: 'BATCH_SIZE' });
    const eigen = eigenDelayCall(batch, exit.delegationManager);
    return ({ beacon }) => {
      const r = readAll({ 'PufferWithdrawalManager.getWithdrawalsLength()': length, 'PufferWithdrawalManager.getFinalizedWithdrawalBatch()': finalized, 'PufferWithdrawalManager.BATCH_SIZE()': batchSize, 'DelegationManager.minWithdrawalDelayBlocks()': eigen });
      if ('failed' in r) return unavailable(r.failed);
      const size = (r['PufferWithdrawalManager.BATCH_SIZE()'] as bigint) || 1n;
      const batches = (r['PufferWithdrawalManager.getWithdrawalsLength()'] as bigint) / size;
      const pending = batches - (r['PufferWithdrawalManager.getFinalizedWithdrawalBatch()'] as bigint);
      return fromParts(
        [
          { label: 'Puffer 2-step withdrawal: batch finalization (typical, not read)', minSeconds: DAY, maxSeconds: 3 * DAY, measured: false, source: 'PufferWithdrawalManager batches' },
          eigenPart(r['DelegationManager.minWithdrawalDelayBlocks()'] as number),
          maybe(beacon),
        ],
        [`${pending} withdrawal batches waiting to be finalized.`],
      );
    };
  },
};

export function planExit(exit: ExitPlan, batch: CallBatch): (ctx: ExitContext) => RedeemFigures {
  return (PLANNERS[exit.kind] as Planner<typeof exit.kind>)(exit as never, batch);
}
