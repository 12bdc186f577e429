import { storage } from 'wxt/utils/storage';
import { beaconFallback, readBeaconExit } from '../chain/beacon';
import { shortError } from '../chain/calls';
import type { ExitPart } from '../chain/figures';

/** The exit queue moves by the epoch: ten minutes is fresh enough, and a dead node is asked again after that. */
export const BEACON_TTL_MS = 10 * 60_000;

interface StoredBeacon {
  url: string;
  readAt: number;
  part: ExitPart;
}

const beaconItem = storage.defineItem<StoredBeacon | null>('session:beacon', { fallback: null });
let inflight: Promise<ExitPart> | null = null;

/**
 * The beacon exit part for the configured node: read at most every ten minutes, kept across worker
 * restarts; a node that fails gives the typical range with the reason. Undefined when none is set.
 */
export async function beaconExitFor(url: string | null, read = readBeaconExit, now = Date.now): Promise<ExitPart | undefined> {
  if (!url) return undefined;
  const stored = await beaconItem.getValue();
  if (stored && stored.url === url && now() - stored.readAt < BEACON_TTL_MS) return stored.part;
  inflight ??= read(url)
    .catch((error: unknown) => beaconFallback(`beacon node ${safeHost(url)} did not answer: ${shortError(error)}`))
    .then(async (part) => {
      await beaconItem.setValue({ url, readAt: now(), part });
      return part;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
