import type { PauseRead } from '../tokens/schema';
import { valueOf, type CallBatch } from './calls';
import type { PauseReading } from './figures';
import { functionFrom } from './redemption';

/** Adds every pause read of a token to the batch; the returned function says what each one answered. */
export function planPauses(pauses: readonly PauseRead[], batch: CallBatch): () => PauseReading[] {
  const calls = pauses.map((p) => ({ p, call: batch.add({ address: p.address, ...functionFrom(p.signature), args: p.args }) }));
  return () =>
    calls.map(({ p, call }) => {
      const got = valueOf<boolean>(call(), p.label);
      if (!got.ok) return { label: p.label, affects: p.affects, paused: null, reason: got.reason };
      if (typeof got.value !== 'boolean') return { label: p.label, affects: p.affects, paused: null, reason: `${p.label} returned ${typeof got.value}, not a bool` };
      return { label: p.label, affects: p.affects, paused: got.value, reason: null };
    });
}
