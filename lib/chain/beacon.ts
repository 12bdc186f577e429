import { BEACON, TYPICAL_BEACON_EXIT } from './exit';
import type { ExitPart } from './figures';

/*
 * The beacon chain's exit queue, from a beacon node's standard REST API (optional setting). The
 * execution layer cannot see it: validators already exiting set where a new exit lands, and after
 * its exit epoch a validator waits the withdrawability delay, then the withdrawal sweep.
 */

/** Post-Electra: a new exit lands at least 1 + MAX_SEED_LOOKAHEAD (4) epochs ahead (consensus-specs). */
const MIN_EXIT_EPOCHS = 5;
const EPOCH_SECONDS = BEACON.slotsPerEpoch * BEACON.secondsPerSlot;
/**
 * The sweep visits every validator at 16 withdrawals a block: about n / 16 slots for a full cycle,
 * some 9 days with a million validators (consensus-specs). We do not count validators (a huge
 * response), so the sweep is this estimate and labelled so.
 */
const SWEEP_MAX_SECONDS = 9 * 86_400;

interface ValidatorsResponse {
  data: { validator: { exit_epoch: string; withdrawable_epoch: string } }[];
}

async function getJson<T>(url: string, timeoutMs: number): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The beacon exit for a validator that starts exiting now, read from the node at `baseUrl`. */
export async function readBeaconExit(baseUrl: string, timeoutMs = 8_000): Promise<ExitPart> {
  const base = baseUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  const genesis = await getJson<{ data: { genesis_time: string } }>(`${base}/eth/v1/beacon/genesis`, timeoutMs);
  // A node of another network gives well-formed, wrong numbers: refuse it.
  if (Number(genesis.data.genesis_time) !== BEACON.genesisTime) {
    throw new Error(`${host} serves a network with genesis ${genesis.data.genesis_time}, not Ethereum mainnet`);
  }
  const head = await getJson<{ data: { header: { message: { slot: string } } } }>(`${base}/eth/v1/beacon/headers/head`, timeoutMs);
  const epoch = Math.floor(Number(head.data.header.message.slot) / BEACON.slotsPerEpoch);
  const exiting = await getJson<ValidatorsResponse>(`${base}/eth/v1/beacon/states/head/validators?status=active_exiting`, timeoutMs);
  const lastExit = exiting.data.reduce((max, v) => Math.max(max, Number(v.validator.exit_epoch)), 0);
  const queueEpochs = Math.max(MIN_EXIT_EPOCHS, lastExit - epoch);
  if (!Number.isFinite(queueEpochs) || queueEpochs > 100_000) throw new Error(`${host} reported an implausible exit queue`);
  const toWithdrawable = queueEpochs * EPOCH_SECONDS + BEACON.withdrawabilityDelaySeconds;
  return {
    label: `Beacon chain exit queue (read from ${host}: ${exiting.data.length.toLocaleString('en-US')} validators exiting, ${queueEpochs} epochs), withdrawability delay and sweep`,
    minSeconds: toWithdrawable,
    maxSeconds: toWithdrawable + SWEEP_MAX_SECONDS,
    measured: true,
    source: `beacon node ${host}: /eth/v1/beacon/states/head/validators?status=active_exiting; sweep estimated`,
  };
}

/** The typical range, saying why the configured node was not used. */
export function beaconFallback(reason: string): ExitPart {
  return { ...TYPICAL_BEACON_EXIT, label: `Beacon chain exit and sweep (typical range, not read: ${reason})` };
}
