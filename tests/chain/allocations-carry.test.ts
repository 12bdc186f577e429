// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '../../lib/cache/figure-cache';
import { ALLOCATIONS_TTL_MS } from '../../lib/chain/figures';
import { getAddress } from 'viem';
import { useMainnetFigureRig } from './figure-rig';
import { KELP_NODE_DELEGATORS } from './mainnet';

/*
 * What an LRT's restaking read costs on the minute's unseen refresh, on a real node: its EigenLayer
 * allocations (the second multicall) are carried from the last read, so the alarm costs one eth_call
 * per chain; whoever looks at the token once they are older than their TTL has them read again.
 * Time is moved by aging the cached entry, as the minutes would.
 */

const rig = useMainnetFigureRig();
const RSETH = [{ symbol: 'rsETH', chainId: 1 }];
const KEY = 'figures:1:rsETH';
const NEW_OPERATOR = getAddress('0x00000000000000000000000000000000000e1a99');

const ethCalls = () => rig.proxy.methods.filter((m) => m === 'eth_call').length;

/** Moves the cached entry `ms` into the past: its read and its allocations' read. */
async function age(ms: number): Promise<void> {
  const entry = (await fakeBrowser.storage.session.get(KEY))[KEY] as CacheEntry;
  const f = entry.figures!;
  const restaking = f.restaking && { ...f.restaking, allocationsReadAt: f.restaking.allocationsReadAt === null ? null : f.restaking.allocationsReadAt - ms };
  await fakeBrowser.storage.session.set({ [KEY]: { ...entry, figures: { ...f, readAt: f.readAt - ms, restaking } } });
}

async function refresh(mode: Parameters<typeof rig.service.figuresFor>[1]) {
  rig.proxy.methods.length = 0;
  const [reply] = await rig.service.figuresFor(RSETH, mode);
  return { calls: ethCalls(), restaking: reply!.figures!.restaking! };
}

describe('allocations carried between reads', () => {
  it('reads them with the figures first, then carries them on unseen refreshes: one eth_call a minute', async () => {
    const first = await refresh({ unseen: true, maxAgeMs: 50_000 });
    expect(first.calls).toBe(2);
    expect(first.restaking.slashableBps).toBe(2_000);
    const readAt = first.restaking.allocationsReadAt!;
    expect(Date.now() - readAt).toBeLessThan(30_000);

    // Twelve unseen minutes: the figures are read every time, the allocations never.
    let carriedAt = readAt;
    for (let minute = 0; minute < 12; minute++) {
      await age(60_000);
      carriedAt -= 60_000;
      const tick = await refresh({ unseen: true, maxAgeMs: 50_000 });
      expect(tick.calls).toBe(1);
      expect(tick.restaking.allocationsReadAt).toBe(carriedAt);
      expect(tick.restaking.slashableBps).toBe(2_000);
    }
    expect(Date.now() - carriedAt).toBeGreaterThan(ALLOCATIONS_TTL_MS);

    // Someone looks: the figures are fresh, the allocations too old, so both rounds are read.
    const seen = await refresh({});
    expect(seen.calls).toBe(2);
    expect(Date.now() - seen.restaking.allocationsReadAt!).toBeLessThan(30_000);

    // A read a few minutes on, while the allocations are young, carries them again.
    await age(3 * 60_000);
    const later = await refresh({});
    expect(later.calls).toBe(1);
    expect(later.restaking.allocationsReadAt).toBe(seen.restaking.allocationsReadAt! - 3 * 60_000);
  });

  it('reads them again when an operator appears that the carried reading does not hold', async () => {
    await refresh({ unseen: true });
    await age(60_000);
    // A node delegator moves to an operator the last reading never saw.
    await rig.chain.setEigenDelegation(KELP_NODE_DELEGATORS[0]!, NEW_OPERATOR);
    const tick = await refresh({ unseen: true, maxAgeMs: 50_000 });
    expect(tick.calls).toBe(2);
    expect(tick.restaking.operators.map((o) => o.address)).toContain(NEW_OPERATOR);
  });
});
