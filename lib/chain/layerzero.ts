import { parseAbi, type Address } from 'viem';
import { valueOf, type CallBatch } from './calls';
import type { BridgeRoute } from './figures';

/*
 * LayerZero V2, read on-chain: who must verify a message before an OFT mints (or an OFT adapter
 * releases) tokens. Each OApp's receive library holds a ULN config per source chain: the DVNs that
 * must all sign, optional DVNs with a threshold, and block confirmations. The effective config
 * (the OApp's own, else the endpoint's default) is what `getUlnConfig` returns.
 * Source: LayerZero-Labs/LayerZero-v2 packages/layerzero-v2/evm (protocol MessageLibManager.sol,
 * messagelib uln/UlnBase.sol); deployments from LayerZero's deployment lists (see README).
 */

/** EndpointV2 and ReceiveUln302 per chain, and the chain's endpoint id. */
export const LAYERZERO: Record<number, { eid: number; endpoint: Address; receiveUln302: Address }> = {
  1: { eid: 30101, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', receiveUln302: '0xc02Ab410f0734EFa3F14628780e6e695156024C2' },
  42161: { eid: 30110, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', receiveUln302: '0x7B9E184e07a6EE1aC23eAe0fe8D6Be2f663f05e6' },
  10: { eid: 30111, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', receiveUln302: '0x3c4962Ff6258dcfCafD23a814237B7d6Eb712063' },
  8453: { eid: 30184, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', receiveUln302: '0xc70AB6f32772f59fBfc23889Caf4Ba3376C84bAf' },
};

export const endpointAbi = parseAbi(['function getReceiveLibrary(address _receiver, uint32 _srcEid) view returns (address lib, bool isDefault)']);

export const ulnAbi = parseAbi([
  'struct UlnConfig { uint64 confirmations; uint8 requiredDVNCount; uint8 optionalDVNCount; uint8 optionalDVNThreshold; address[] requiredDVNs; address[] optionalDVNs; }',
  'function getUlnConfig(address _oapp, uint32 _remoteEid) view returns (UlnConfig rtnConfig)',
]);

interface UlnConfig {
  confirmations: bigint;
  requiredDVNCount: number;
  optionalDVNCount: number;
  optionalDVNThreshold: number;
  requiredDVNs: readonly Address[];
  optionalDVNs: readonly Address[];
}

/** type(uint8).max in a stored config: "no required DVNs" (an explicit zero). */
const NIL_DVN_COUNT = 255;

/** Reads, on `chainId`, the verifier set `oapp` needs for messages from `remoteChainId`. */
export function planRoute(batch: CallBatch, chainId: number, oapp: Address, remoteChainId: number): () => BridgeRoute {
  const here = LAYERZERO[chainId];
  const remote = LAYERZERO[remoteChainId];
  const base = { oapp, remoteEid: remote?.eid ?? 0, remoteChainId };
  const empty = { requiredDvns: null, optionalDvns: null, optionalThreshold: null, confirmations: null, library: null, defaultLibrary: null };
  if (!here || !remote) return () => ({ ...base, ...empty, reason: `LayerZero is not known on chain ${here ? remoteChainId : chainId}` });
  const library = batch.add({ address: here.endpoint, abi: endpointAbi, functionName: 'getReceiveLibrary', args: [oapp, remote.eid] });
  const config = batch.add({ address: here.receiveUln302, abi: ulnAbi, functionName: 'getUlnConfig', args: [oapp, remote.eid] });
  return () => {
    const lib = valueOf<readonly [Address, boolean]>(library(), 'EndpointV2.getReceiveLibrary()');
    if (!lib.ok) return { ...base, ...empty, reason: lib.reason };
    const [address, isDefault] = lib.value;
    const known = { ...empty, library: address, defaultLibrary: isDefault };
    if (address.toLowerCase() !== here.receiveUln302.toLowerCase()) {
      return { ...base, ...known, reason: `receives through library ${address}, not LayerZero's ReceiveUln302: its verifiers are not read` };
    }
    const got = valueOf<UlnConfig>(config(), 'ReceiveUln302.getUlnConfig()');
    if (!got.ok) return { ...base, ...known, reason: got.reason };
    const c = got.value;
    const required = c.requiredDVNCount === NIL_DVN_COUNT ? [] : [...c.requiredDVNs];
    return {
      ...base,
      ...known,
      requiredDvns: required,
      optionalDvns: [...c.optionalDVNs],
      optionalThreshold: c.optionalDVNThreshold,
      confirmations: Number(c.confirmations),
      reason: null,
    };
  };
}

/** How many verifiers must sign before a message is accepted on a route; null when unread. */
export function signersNeeded(route: BridgeRoute): number | null {
  if (route.requiredDvns === null || route.optionalThreshold === null) return null;
  return route.requiredDvns.length + route.optionalThreshold;
}
