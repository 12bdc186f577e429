import { storage } from 'wxt/utils/storage';
import type { Figures } from '../chain/figures';

/*
 * What each protocol's withdrawal queue held, sampled at most hourly and kept two days (local
 * storage): the exit-slow alert compares the queue now with a day ago to see a run on the exit.
 */

interface Sample {
  /** Block time (unix seconds). */
  at: number;
  eth: string;
}

const HOUR = 3_600;
const KEEP_SECONDS = 48 * HOUR;
/** Compared with the oldest sample of the last day that is at least this old. */
const MIN_AGE_SECONDS = HOUR;

const sampleKey = (symbol: string) => `local:queue:${symbol}` as const;

/** Keeps a sample of each home-chain queue read, one an hour at most. */
export async function recordQueue(figures: Figures[]): Promise<void> {
  const withQueue = figures.filter((f) => f.redeem.queue);
  if (!withQueue.length) return;
  const stored = await storage.getItems(withQueue.map((f) => sampleKey(f.symbol)));
  const updates = withQueue.flatMap((f, i) => {
    const samples = Array.isArray(stored[i]!.value) ? (stored[i]!.value as Sample[]) : [];
    const last = samples[samples.length - 1];
    if (last && f.blockTimestamp - last.at < HOUR) return [];
    const kept = [...samples, { at: f.blockTimestamp, eth: f.redeem.queue!.eth }].filter((s) => f.blockTimestamp - s.at <= KEEP_SECONDS);
    return [{ key: sampleKey(f.symbol), value: kept }];
  });
  if (updates.length) await storage.setItems(updates);
}

/** The queue about a day before `at`: the oldest sample of the last 24 h that is at least an hour old. */
export async function queueBefore(symbol: string, at: number): Promise<Sample | null> {
  const samples = await storage.getItem<Sample[]>(sampleKey(symbol));
  if (!Array.isArray(samples)) return null;
  return samples.find((s) => at - s.at <= 24 * HOUR && at - s.at >= MIN_AGE_SECONDS) ?? null;
}
