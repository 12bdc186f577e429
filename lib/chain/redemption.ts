import { parseAbiItem, type Abi, type AbiFunction } from 'viem';
import type { Confirmer, Redemption, TokenEntry } from '../tokens/schema';
import { chainlinkAbi, erc20Abi } from './abis';
import { valueOf, type CallBatch } from './calls';
import { feedAnswer } from './feeds';
import type { Evidence, RateBounds } from './rate-trust';
import { WAD } from './units';

/** A signature from the registry as a one-function ABI (parsed once). */
const parsed = new Map<string, AbiFunction>();
export function functionFrom(signature: string): { abi: Abi; functionName: string } {
  let item = parsed.get(signature);
  if (!item) {
    item = parseAbiItem(signature) as AbiFunction;
    parsed.set(signature, item);
  }
  return { abi: [item], functionName: item.name };
}

export type RawRate = { value: bigint; reason: null } | { value: null; reason: string };

/** Adds the redemption read to the batch; the returned function gives ETH per token (wad). */
export function planRedemption(redemption: Redemption, batch: CallBatch): () => RawRate {
  switch (redemption.kind) {
    case 'pegged':
      return () => ({ value: WAD, reason: null });
    case 'call': {
      const call = batch.add({ address: redemption.address, ...functionFrom(redemption.signature), args: redemption.args });
      return () => {
        const got = valueOf<bigint>(call(), redemption.label);
        if (!got.ok) return { value: null, reason: got.reason };
        if (!redemption.inverse) return { value: got.value, reason: null };
        if (got.value === 0n) return { value: null, reason: `${redemption.label} returned 0` };
        return { value: (WAD * WAD) / got.value, reason: null };
      };
    }
    case 'tvl-ratio': {
      const tvl = batch.add({ address: redemption.tvl.address, ...functionFrom(redemption.tvl.signature) });
      const supply = batch.add({ address: redemption.supply, abi: erc20Abi, functionName: 'totalSupply' });
      return () => {
        const total = valueOf<readonly unknown[]>(tvl(), redemption.label.split(' / ')[0]!);
        if (!total.ok) return { value: null, reason: total.reason };
        const issued = valueOf<bigint>(supply(), 'totalSupply()');
        if (!issued.ok) return { value: null, reason: issued.reason };
        if (issued.value === 0n) return { value: null, reason: 'totalSupply() is 0' };
        return { value: ((total.value[redemption.tvl.index] as bigint) * WAD) / issued.value, reason: null };
      };
    }
  }
}

/**
 * The read the trust rule judges (lib/chain/rate-trust.ts): the redemption value, or for a rebasing
 * token the share rate behind it (its 1:1 claim is the design, a falling share rate is the loss).
 * Null for a 1:1 token with no share rate.
 */
export function judgedRead(token: TokenEntry): { label: string; bounds: RateBounds; plan: (batch: CallBatch) => () => RawRate } | null {
  const r = token.redemption;
  if (r.kind !== 'pegged') return { label: r.label, bounds: r, plan: (batch) => planRedemption(r, batch) };
  const share = r.shareRate;
  if (!share) return null;
  return {
    label: share.label,
    bounds: share,
    plan: (batch) => {
      const call = batch.add({ address: share.address, ...functionFrom(share.signature), args: share.args });
      return () => {
        const got = valueOf<bigint>(call(), share.label);
        return got.ok ? { value: got.value, reason: null } : { value: null, reason: got.reason };
      };
    },
  };
}

/** Adds the token's second reads of its value to the batch; the returned function gives their answers. */
export function planConfirmers(confirmers: readonly Confirmer[], batch: CallBatch): (blockTimestamp: number) => Evidence[] {
  const reads = confirmers.map((c) =>
    c.kind === 'feed'
      ? { c, call: batch.add({ address: c.feed, abi: chainlinkAbi, functionName: 'latestRoundData' }) }
      : { c, call: batch.add({ address: c.address, ...functionFrom(c.signature), args: c.args }) },
  );
  return (blockTimestamp) =>
    reads.map(({ c, call }): Evidence => {
      if (c.kind === 'feed') {
        const answer = feedAnswer(call(), { label: c.label, decimals: c.decimals, heartbeatSeconds: c.heartbeatSeconds }, blockTimestamp);
        return { label: c.label, kind: 'feed', value: answer.value, reason: answer.reason };
      }
      const got = valueOf<bigint>(call(), c.label);
      return { label: c.label, kind: 'contract', value: got.ok ? got.value : null, reason: got.ok ? null : got.reason };
    });
}
