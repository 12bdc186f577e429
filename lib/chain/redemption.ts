import { parseAbiItem, type Abi, type AbiFunction } from 'viem';
import type { Redemption } from '../tokens/schema';
import { erc20Abi } from './abis';
import { valueOf, type CallBatch } from './calls';
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
