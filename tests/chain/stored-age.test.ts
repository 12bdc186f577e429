// @vitest-environment node
import { createPublicClient, http, parseAbi, type PublicClient } from 'viem';
import { mainnet } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLastChange, type RateCall } from '../../lib/chain/history';
import { readYields } from '../../lib/chain/read';
import { tokenBySymbol } from '../../lib/tokens/registry';
import { startAnvil, type AnvilNode } from './anvil';
import { ADDRESSES, seedMainnet, type MainnetScenario } from './mainnet';
import { DAY } from './past';

/*
 * rsETH's rate is a stored value: it moves only when someone updates it. Its age is the time of
 * its last change, found at past blocks on a chain whose history this test writes.
 */

const now = Math.floor(Date.now() / 1000);
let node: AnvilNode;
let chain: MainnetScenario;
let client: PublicClient;
const RATE = 1_051_200_000_000_000_000n;
const rsethPrice: RateCall = {
  symbol: 'rsETH',
  address: ADDRESSES.kelpLrtOracle,
  abi: parseAbi(['function rsETHPrice() view returns (uint256)']),
  functionName: 'rsETHPrice',
};

beforeAll(async () => {
  node = await startAnvil({ timestamp: now - 40 * DAY });
  chain = await seedMainnet(node.rpcUrl);
  client = createPublicClient({ chain: mainnet, transport: http(node.rpcUrl) }) as PublicClient;
  // Blocks every ~9 h; the rate moves 35 d, 20 d and 4 d ago, and holds since.
  const changes = new Map([[now - 35 * DAY, RATE - 3n * 10n ** 15n], [now - 20 * DAY, RATE - 10n ** 15n], [now - 4 * DAY, RATE]]);
  for (let t = now - 38 * DAY; t <= now; t += 9 * 3600) {
    const change = [...changes.entries()].find(([at]) => at > t - 9 * 3600 && at <= t);
    if (change) await chain.inOneBlockAt(t, () => chain.setKelp({ rsETHPrice: change[1] }));
    else await mineAt(t);
  }
}, 120_000);

afterAll(async () => node?.stop());

/** An empty block stamped `timestamp` (anvil's evm_mine takes one). */
async function mineAt(timestamp: number) {
  const res = await fetch(node.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_mine', params: [timestamp] }),
  }).then((r) => r.json());
  if (res.error) throw new Error(res.error.message);
}

describe('findLastChange', () => {
  it('finds the block where the stored rate took its current value', async () => {
    const latest = await client.getBlock();
    const from = await client.getBlock({ blockNumber: latest.number - 60n });
    const change = await findLastChange(client, rsethPrice, { number: from.number, timestamp: Number(from.timestamp) }, { number: latest.number, timestamp: Number(latest.timestamp) });
    expect('reason' in change).toBe(false);
    if ('reason' in change) return;
    expect(change.atLeast).toBe(false);
    // The change was written in the first block at or after 4 days ago.
    expect(now - change.timestamp).toBeGreaterThan(4 * DAY - 9 * 3600);
    expect(now - change.timestamp).toBeLessThanOrEqual(4 * DAY);
    const before = await client.readContract({ ...rsethPrice, blockNumber: change.number - 1n } as never);
    expect(before).not.toBe(RATE);
  });

  it('says "at least" when the value already held at the start of the search', async () => {
    const latest = await client.getBlock();
    const from = await client.getBlock({ blockNumber: latest.number - 3n });
    const change = await findLastChange(client, rsethPrice, { number: from.number, timestamp: Number(from.timestamp) }, { number: latest.number, timestamp: Number(latest.timestamp) });
    expect(change).toMatchObject({ number: from.number, atLeast: true });
  });

  it('comes with rsETH’s realized yield, and only with stored rates', async () => {
    const yields = await readYields(1, [node.rpcUrl], [tokenBySymbol('rsETH')!, tokenBySymbol('wstETH')!]);
    const rseth = yields.find((y) => y.symbol === 'rsETH')!;
    expect(rseth.storedSince && 'timestamp' in rseth.storedSince && now - rseth.storedSince.timestamp).toBeLessThanOrEqual(4 * DAY);
    expect(yields.find((y) => y.symbol === 'wstETH')!.storedSince).toBeNull();
  });
});
