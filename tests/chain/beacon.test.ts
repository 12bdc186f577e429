// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBeaconExit } from '../../lib/chain/beacon';
import { BEACON } from '../../lib/chain/exit';
import { startBeaconServer, type BeaconServer } from './beacon-server';

let beacon: BeaconServer;
beforeAll(async () => {
  beacon = await startBeaconServer();
});
afterAll(async () => beacon?.stop());

describe('readBeaconExit', () => {
  it('turns the exiting validators into the wait of a new exit', async () => {
    const epoch = Math.floor(beacon.state.headSlot / 32);
    const part = await readBeaconExit(beacon.url);
    const queueEpochs = Math.max(...beacon.state.exitingEpochs) - epoch;
    expect(queueEpochs).toBe(600);
    expect(part.measured).toBe(true);
    expect(part.minSeconds).toBe(queueEpochs * 384 + BEACON.withdrawabilityDelaySeconds);
    expect(part.maxSeconds! - part.minSeconds!).toBe(9 * 86_400);
    expect(part.label).toContain('2,000 validators exiting');
  });

  it('an empty queue still waits the spec minimum of 5 epochs', async () => {
    const saved = beacon.state.exitingEpochs;
    beacon.state.exitingEpochs = [];
    try {
      const part = await readBeaconExit(beacon.url);
      expect(part.minSeconds).toBe(5 * 384 + BEACON.withdrawabilityDelaySeconds);
    } finally {
      beacon.state.exitingEpochs = saved;
    }
  });

  it('refuses a node of another network, and says why a dead node failed', async () => {
    beacon.state.genesisTime = 1_695_902_400; // Holesky
    await expect(readBeaconExit(beacon.url)).rejects.toThrow(/not Ethereum mainnet/);
    beacon.state.genesisTime = 1_606_824_023;
    beacon.state.down = true;
    await expect(readBeaconExit(beacon.url, 2_000)).rejects.toThrow();
    beacon.state.down = false;
  });
});
