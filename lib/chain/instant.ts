import { getAddress, parseAbi, type Address } from 'viem';
import type { InstantPlan } from '../tokens/schema';
import { erc20Abi, ETH_SENTINEL, multicall3Abi } from './abis';
import { readAll, valueOf, type CallBatch } from './calls';
import type { Figures, InstantQuote } from './figures';
import { wadToNumber } from './units';

/*
 * The instant-withdrawal road: a protocol contract that pays ETH (or WETH) for the token in the same
 * transaction, for a fee, out of the liquidity it holds. One shape for every protocol: usable now or
 * not (paused, switched off, empty), what it can pay now (capacity), its fee, and what each size gets.
 * A size beyond the capacity is "not available for this size"; a fee that cannot be read leaves every
 * amount empty. Nothing is estimated: each figure is a read, or the protocol's own formula applied to reads.
 */

export type InstantFigures = NonNullable<Figures['instant']>;

const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';
const BPS = 10_000n;
const fn = (signature: string) => parseAbi([signature]);

export interface InstantContext {
  /** The block's time (unix seconds): ether.fi's timed pause runs until a timestamp. */
  now: number;
}

type Decoder = (ctx: InstantContext) => InstantFigures;

const eth = (wad: bigint) => `${Math.round(wadToNumber(wad)).toLocaleString('en-US')} ETH`;

function unavailable(label: string, reason: string, extra: Partial<InstantFigures> = {}): InstantFigures {
  return { exists: true, usable: null, paused: [], capacityEth: null, feeBps: null, feeMaxBps: null, feeLabel: null, waitSeconds: null, label, quotes: [], notes: [], reason, ...extra };
}

/** The amount after a fee taken as `ceil(value × bps / 10 000)` (ether.fi's and Puffer's rounding) or floored (Kelp's, Renzo's). */
export function afterFee(value: bigint, feeBps: bigint, rounding: 'up' | 'down'): bigint {
  const raw = value * feeBps;
  const fee = rounding === 'up' ? (raw + BPS - 1n) / BPS : raw / BPS;
  return value - fee;
}

interface RoadReading {
  label: string;
  /** Reads that say the road is stopped now (labels); empty when none is. */
  paused: string[];
  /** Other reasons the road cannot be used now (switched off, not whitelisted), in words. */
  blocked: string[];
  capacity: bigint;
  /** The fee a size pays (bps), or why it cannot be read. */
  fee: { bps: (value: bigint) => bigint; now: bigint; max: bigint | null; label: string } | { reason: string };
  rounding: 'up' | 'down';
  /** Highest fee the protocol's code allows (bps): a read above it is not believed. */
  feeCeilingBps: number;
  notes: string[];
}

/** The road's figures from what was read: usable, capacity, fee and the amount out at each size. */
export function roadFigures(road: RoadReading, sizes: readonly bigint[]): InstantFigures {
  const fee = 'reason' in road.fee ? null : road.fee;
  const ceiling = BigInt(road.feeCeilingBps);
  if (fee && (fee.now > ceiling || (fee.max ?? 0n) > ceiling)) {
    return unavailable(road.label, `${fee.label} read ${fee.max ?? fee.now} bps, above the ${road.feeCeilingBps} bps the contract allows`, { paused: road.paused });
  }
  const closed =
    road.paused.length > 0 ? `paused (${road.paused.join(', ')})` : road.blocked.length > 0 ? road.blocked.join('; ') : road.capacity === 0n ? 'no instant liquidity left' : null;
  const quotes: InstantQuote[] = sizes.map((value) => {
    const valueEth = value.toString();
    if (closed) return { valueEth, outEth: null, feeBps: null, reason: closed };
    if (value > road.capacity) return { valueEth, outEth: null, feeBps: null, reason: `not available for this size: the road can pay ${eth(road.capacity)} now` };
    if (!fee) return { valueEth, outEth: null, feeBps: null, reason: `the fee is not readable (${(road.fee as { reason: string }).reason})` };
    const bps = fee.bps(value);
    return { valueEth, outEth: afterFee(value, bps, road.rounding).toString(), feeBps: Number(bps), reason: null };
  });
  return {
    exists: true,
    usable: closed === null,
    paused: road.paused,
    capacityEth: road.capacity.toString(),
    feeBps: fee ? Number(fee.now) : null,
    feeMaxBps: fee && fee.max !== null ? Number(fee.max) : null,
    feeLabel: fee ? fee.label : `not readable: ${(road.fee as { reason: string }).reason}`,
    waitSeconds: 0,
    label: road.label,
    quotes,
    notes: ['Paid in the same transaction.', ...road.notes],
    reason: closed,
  };
}

const same = (a: unknown, b: Address) => typeof a === 'string' && getAddress(a) === getAddress(b);

type Planner<K extends InstantPlan['kind']> = (plan: Extract<InstantPlan, { kind: K }>, batch: CallBatch, sizes: readonly bigint[]) => Decoder;

const PLANNERS: { [K in InstantPlan['kind']]: Planner<K> } = {
  none: (plan) => () => ({ ...unavailable('no instant withdrawal', plan.why), exists: false }),

  // etherfi-protocol/smart-contracts src/withdrawals/EtherFiRedemptionManager.sol: totalRedeemableAmount(ETH)
  // is min(liquidity above the low watermark, the rate limiter's bucket); the fee is
  // tokenToRedemptionInfo(ETH).exitFeeInBps, taken rounded up (previewRedeem / _fee).
  etherfi: (plan, batch, sizes) => {
    const m = plan.redemptionManager;
    const label = 'ether.fi EtherFiRedemptionManager.totalRedeemableAmount(ETH), tokenToRedemptionInfo(ETH).exitFeeInBps';
    const redeemable = batch.add({ address: m, abi: fn('function totalRedeemableAmount(address token) view returns (uint256)'), functionName: 'totalRedeemableAmount', args: [ETH_SENTINEL] });
    const info = batch.add({
      address: m,
      abi: fn('function tokenToRedemptionInfo(address token) view returns ((uint64 capacity, uint64 remaining, uint64 lastRefill, uint64 refillRate) limit, uint16 exitFeeSplitToTreasuryInBps, uint16 exitFeeInBps, uint16 lowWatermarkInBpsOfTvl)'),
      functionName: 'tokenToRedemptionInfo',
      args: [ETH_SENTINEL],
    });
    const paused = batch.add({ address: m, abi: fn('function paused() view returns (bool)'), functionName: 'paused' });
    const pausedUntil = batch.add({ address: m, abi: fn('function pausedUntil() view returns (uint256)'), functionName: 'pausedUntil' });
    return ({ now }) => {
      const r = readAll({ 'EtherFiRedemptionManager.totalRedeemableAmount(ETH)': redeemable, 'EtherFiRedemptionManager.paused()': paused });
      if ('failed' in r) return unavailable(label, r.failed);
      const notes: string[] = [];
      const stops: string[] = r['EtherFiRedemptionManager.paused()'] === true ? ['EtherFiRedemptionManager.paused()'] : [];
      // The timed pause (PausableUntil) came with a later version: unread, it is said, not assumed open.
      const until = valueOf<bigint>(pausedUntil(), 'EtherFiRedemptionManager.pausedUntil()');
      if (!until.ok) notes.push(`Timed pause not read (${until.reason}).`);
      else if (until.value >= BigInt(now)) stops.push(`EtherFiRedemptionManager.pausedUntil() (until ${new Date(Number(until.value) * 1000).toISOString()})`);
      const got = valueOf<readonly [unknown, number, number, number]>(info(), 'EtherFiRedemptionManager.tokenToRedemptionInfo(ETH)');
      const fee = got.ok ? BigInt(got.value[2]) : null;
      return roadFigures(
        {
          label,
          paused: stops,
          blocked: [],
          capacity: r['EtherFiRedemptionManager.totalRedeemableAmount(ETH)'] as bigint,
          fee: fee === null ? { reason: got.ok ? '' : got.reason } : { bps: () => fee, now: fee, max: null, label: 'EtherFiRedemptionManager.tokenToRedemptionInfo(ETH).exitFeeInBps' },
          rounding: 'up',
          feeCeilingBps: plan.maxFeeBps,
          notes: [...notes, 'Pays ETH; the capacity is the liquidity pool above its low watermark, within the rate limit.'],
        },
        sizes,
      );
    };
  },

  // Kelp-DAO/LRT-rsETH (2ecd900e) LRTWithdrawalManager.instantWithdrawal(asset, rsETH, referral): allowed per asset by
  // isInstantWithdrawalEnabled(asset), fee instantWithdrawalFee() bps (≤ 1 000, floored), paid from
  // LRTUnstakingVault up to getAssetsAvailableForInstantWithdrawal(asset).
  kelp: (plan, batch, sizes) => {
    const label = 'Kelp LRTWithdrawalManager.instantWithdrawal: isInstantWithdrawalEnabled(ETH), instantWithdrawalFee(), LRTUnstakingVault.getAssetsAvailableForInstantWithdrawal(ETH)';
    const enabled = batch.add({ address: plan.withdrawalManager, abi: fn('function isInstantWithdrawalEnabled(address asset) view returns (bool)'), functionName: 'isInstantWithdrawalEnabled', args: [ETH_SENTINEL] });
    const fee = batch.add({ address: plan.withdrawalManager, abi: fn('function instantWithdrawalFee() view returns (uint256)'), functionName: 'instantWithdrawalFee' });
    const paused = batch.add({ address: plan.withdrawalManager, abi: fn('function paused() view returns (bool)'), functionName: 'paused' });
    const available = batch.add({ address: plan.unstakingVault, abi: fn('function getAssetsAvailableForInstantWithdrawal(address asset) view returns (uint256)'), functionName: 'getAssetsAvailableForInstantWithdrawal', args: [ETH_SENTINEL] });
    return () => {
      const r = readAll({
        'LRTWithdrawalManager.isInstantWithdrawalEnabled(ETH)': enabled,
        'LRTWithdrawalManager.paused()': paused,
        'LRTUnstakingVault.getAssetsAvailableForInstantWithdrawal(ETH)': available,
      });
      if ('failed' in r) return unavailable(label, `${r.failed} (the deployed contract may predate Kelp's instant withdrawal)`);
      const got = valueOf<bigint>(fee(), 'LRTWithdrawalManager.instantWithdrawalFee()');
      return roadFigures(
        {
          label,
          paused: r['LRTWithdrawalManager.paused()'] === true ? ['LRTWithdrawalManager.paused()'] : [],
          blocked: r['LRTWithdrawalManager.isInstantWithdrawalEnabled(ETH)'] === true ? [] : ['Kelp has instant withdrawals switched off for ETH (isInstantWithdrawalEnabled(ETH) is false)'],
          capacity: r['LRTUnstakingVault.getAssetsAvailableForInstantWithdrawal(ETH)'] as bigint,
          fee: got.ok ? { bps: () => got.value, now: got.value, max: null, label: 'LRTWithdrawalManager.instantWithdrawalFee()' } : { reason: got.reason },
          rounding: 'down',
          feeCeilingBps: plan.maxFeeBps,
          notes: ['Pays ETH at the stored rsETH price (LRTOracle.rsETHPrice()), from the unstaking vault less the buffer kept for queued withdrawals.'],
        },
        sizes,
      );
    };
  },

  // Renzo-Protocol/contracts-public contracts/Withdraw/InstantWithdrawer.sol: requests and claims at once
  // through the WithdrawQueue (which waives the cooldown for whitelisted callers unless the risk oracle
  // pauses instant withdrawals); the buffer may not be drawn below drawDownLimit, and the fee scales
  // from minFeeBps to maxFeeBps as the buffer left after the withdrawal falls (getFeeBasisPoints).
  renzo: (plan, batch, sizes) => {
    const iw = plan.instantWithdrawer;
    const label = 'Renzo InstantWithdrawer.getBufferDetails(ETH), minFeeBps(), maxFeeBps()';
    const details = batch.add({ address: iw, abi: fn('function getBufferDetails(address _redeemToken) view returns (uint256 bufferCapacity, uint256 bufferAvailable, uint256 drawDownLimit)'), functionName: 'getBufferDetails', args: [ETH_SENTINEL] });
    const minFee = batch.add({ address: iw, abi: fn('function minFeeBps() view returns (uint256)'), functionName: 'minFeeBps' });
    const maxFee = batch.add({ address: iw, abi: fn('function maxFeeBps() view returns (uint256)'), functionName: 'maxFeeBps' });
    const queueOf = batch.add({ address: iw, abi: fn('function withdrawalQueue() view returns (address)'), functionName: 'withdrawalQueue' });
    const tokenOf = batch.add({ address: iw, abi: fn('function ezETH() view returns (address)'), functionName: 'ezETH' });
    const whitelisted = batch.add({ address: plan.withdrawQueue, abi: fn('function whitelisted(address) view returns (bool)'), functionName: 'whitelisted', args: [iw] });
    const queuePaused = batch.add({ address: plan.withdrawQueue, abi: fn('function paused() view returns (bool)'), functionName: 'paused' });
    const oracleOf = batch.add({ address: plan.withdrawQueue, abi: fn('function riskOracleMiddleware() view returns (address)'), functionName: 'riskOracleMiddleware' });
    const oracle = (name: string) => batch.add({ address: plan.riskOracle, abi: fn(`function ${name}() view returns (bool)`), functionName: name });
    const flags = { instantWithdrawPaused: oracle('instantWithdrawPaused'), withdrawRequestPaused: oracle('withdrawRequestPaused'), withdrawClaimPaused: oracle('withdrawClaimPaused') };
    return () => {
      const r = readAll({
        'InstantWithdrawer.getBufferDetails(ETH)': details,
        'InstantWithdrawer.withdrawalQueue()': queueOf,
        'InstantWithdrawer.ezETH()': tokenOf,
        'WithdrawQueue.whitelisted(InstantWithdrawer)': whitelisted,
        'WithdrawQueue.paused()': queuePaused,
        'WithdrawQueue.riskOracleMiddleware()': oracleOf,
      });
      if ('failed' in r) return unavailable(label, r.failed);
      // The instant withdrawer's address is not from Renzo's own sources: it counts only if it is wired to Renzo's queue and ezETH.
      if (!same(r['InstantWithdrawer.withdrawalQueue()'], plan.withdrawQueue) || !same(r['InstantWithdrawer.ezETH()'], plan.ezeth)) {
        return unavailable(label, `the contract at ${iw} is not tied to Renzo's WithdrawQueue and ezETH (withdrawalQueue() = ${String(r['InstantWithdrawer.withdrawalQueue()'])})`);
      }
      const stops = r['WithdrawQueue.paused()'] === true ? ['WithdrawQueue.paused()'] : [];
      const notes: string[] = [];
      if (same(r['WithdrawQueue.riskOracleMiddleware()'], plan.riskOracle)) {
        for (const [name, call] of Object.entries(flags)) {
          const got = valueOf<boolean>(call(), `RiskOracleMiddleware.${name}()`);
          if (!got.ok) notes.push(`${got.reason}: that pause is not read.`);
          else if (got.value) stops.push(`RiskOracleMiddleware.${name}()`);
        }
      } else {
        notes.push(`The WithdrawQueue consults a risk oracle other than the one read (${String(r['WithdrawQueue.riskOracleMiddleware()'])}): its pauses are not read.`);
      }
      const [capacity, available, drawDown] = r['InstantWithdrawer.getBufferDetails(ETH)'] as readonly [bigint, bigint, bigint];
      const blocked: string[] = [];
      if (r['WithdrawQueue.whitelisted(InstantWithdrawer)'] !== true) blocked.push('the WithdrawQueue does not whitelist the instant withdrawer, so its claims wait for the cooldown');
      if (capacity === 0n) blocked.push('no ETH buffer target is set (getBufferDetails(ETH).bufferCapacity = 0)');
      if (capacity > 0n && capacity <= drawDown) blocked.push('the buffer may not be drawn at all (drawDownLimit ≥ bufferCapacity)');
      const min = valueOf<bigint>(minFee(), 'InstantWithdrawer.minFeeBps()');
      const max = valueOf<bigint>(maxFee(), 'InstantWithdrawer.maxFeeBps()');
      const drawable = available > drawDown ? available - drawDown : 0n;
      const fee =
        min.ok && max.ok && max.value >= min.value && capacity > drawDown
          ? { bps: (value: bigint) => renzoFeeBps(capacity, drawDown, available - value, min.value, max.value), now: renzoFeeBps(capacity, drawDown, available, min.value, max.value), max: max.value, label: 'InstantWithdrawer.minFeeBps()/maxFeeBps() on the buffer left (getFeeBasisPoints)' }
          : { reason: !min.ok ? min.reason : !max.ok ? max.reason : 'InstantWithdrawer fee range unusable (maxFeeBps < minFeeBps, or no buffer to scale over)' };
      return roadFigures(
        {
          label,
          paused: stops,
          blocked,
          capacity: drawable,
          fee,
          rounding: 'down',
          feeCeilingBps: plan.maxFeeBps,
          notes: [...notes, `Pays ETH from the withdraw buffer (${eth(available)} now, kept above ${eth(drawDown)}); the fee grows as the buffer is drawn down.`],
        },
        sizes,
      );
    };
  },

  // PufferFinance/puffer-contracts mainnet-contracts/src/PufferVaultV5.sol: withdraw/redeem pay WETH from
  // the vault's ETH and WETH at once, less getTotalExitFeeBasisPoints() (rounded up, _feeOnRaw); the
  // vault is `restricted`: Puffer pauses it by closing it in its AccessManager.
  puffer: (plan, batch, sizes) => {
    const label = 'PufferVault ETH + WETH balance, getTotalExitFeeBasisPoints(); AccessManager.isTargetClosed(PufferVault)';
    const cash = batch.add({ address: MULTICALL3, abi: multicall3Abi, functionName: 'getEthBalance', args: [plan.vault] });
    const wrapped = batch.add({ address: plan.weth, abi: erc20Abi, functionName: 'balanceOf', args: [plan.vault] });
    const fee = batch.add({ address: plan.vault, abi: fn('function getTotalExitFeeBasisPoints() view returns (uint256)'), functionName: 'getTotalExitFeeBasisPoints' });
    const closed = batch.add({ address: plan.accessManager, abi: fn('function isTargetClosed(address target) view returns (bool)'), functionName: 'isTargetClosed', args: [plan.vault] });
    return () => {
      const r = readAll({ 'PufferVault ETH balance': cash, 'WETH.balanceOf(PufferVault)': wrapped, 'AccessManager.isTargetClosed(PufferVault)': closed });
      if ('failed' in r) return unavailable(label, r.failed);
      const got = valueOf<bigint>(fee(), 'PufferVault.getTotalExitFeeBasisPoints()');
      return roadFigures(
        {
          label,
          paused: r['AccessManager.isTargetClosed(PufferVault)'] === true ? ['AccessManager.isTargetClosed(PufferVault)'] : [],
          blocked: [],
          capacity: (r['PufferVault ETH balance'] as bigint) + (r['WETH.balanceOf(PufferVault)'] as bigint),
          fee: got.ok ? { bps: () => got.value, now: got.value, max: null, label: 'PufferVault.getTotalExitFeeBasisPoints()' } : { reason: got.reason },
          rounding: 'up',
          feeCeilingBps: plan.maxFeeBps,
          notes: ['Pays WETH; a size counts as available while it is within the ETH and WETH the vault holds.'],
        },
        sizes,
      );
    };
  },
};

/**
 * Renzo's InstantWithdrawer.getFeeBasisPoints: the fee rises from min to max as the buffer left after
 * the withdrawal falls from full (or above) to the draw-down limit.
 */
export function renzoFeeBps(capacity: bigint, drawDown: bigint, after: bigint, minBps: bigint, maxBps: bigint): bigint {
  if (after < drawDown) return maxBps;
  const remainingBps = (BPS * (after - drawDown)) / (capacity - drawDown);
  if (remainingBps > BPS) return minBps;
  return minBps + ((maxBps - minBps) * (BPS - remainingBps)) / BPS;
}

/** Adds the instant road's reads to the batch; null for a token whose protocol has not been looked at for one. */
export function planInstant(plan: InstantPlan | undefined, batch: CallBatch, sizes: readonly bigint[]): (ctx: InstantContext) => InstantFigures | null {
  if (!plan) return () => null;
  return (PLANNERS[plan.kind] as Planner<typeof plan.kind>)(plan as never, batch, sizes);
}
