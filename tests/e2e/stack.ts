import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startAnvil, type AnvilNode } from '../chain/anvil';
import { seedMainnet, type MainnetScenario } from '../chain/mainnet';
import { DAY, writeRateHistory } from '../chain/past';
import { L2_BLOCK_NUMBERS, seedL2, type L2ChainId, type L2Scenario } from '../chain/l2';

const HISTORY_DAYS = 35;
import { startRpcProxy, type RpcProxy } from '../chain/rpc-proxy';
import { startBeaconServer, type BeaconServer } from '../chain/beacon-server';
import { startFixtureServer } from './harness/server';

/*
 * Everything the e2e suite and the demo stand up: a local mainnet (anvil + test contracts at the
 * real addresses), an RPC proxy in front of it (so a test can take the RPC down), the fixture
 * pages under the apps' real host names, and the extension built to read from that proxy.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface Stack {
  node: AnvilNode;
  chain: MainnetScenario;
  /** A stand-in beacon node (standard REST API) for the optional beacon setting. */
  beacon: BeaconServer;
  /** Arbitrum, Base and Optimism, each on its own anvil with the bridged tokens' pools and feeds. */
  l2: Record<L2ChainId, L2Scenario>;
  proxy: RpcProxy;
  /** An RPC proxy in front of each L2 too: the bench counts what each chain is asked. */
  l2Proxies: Record<L2ChainId, RpcProxy>;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  extensionPath: string;
  stop(): Promise<void>;
}

/** Builds the Chrome MV3 extension into `.output/<name>/chrome-mv3` with its RPC pointed at `rpcUrl`. */
export async function buildExtension(name: string, rpcUrls: Record<number, string>, extraEnv: Record<string, string> = {}): Promise<string> {
  const outDir = resolve(ROOT, '.output', name);
  const rpcEnv = Object.fromEntries(Object.entries(rpcUrls).map(([chainId, url]) => [`STAKELENS_RPC_${chainId}`, url]));
  await run(process.execPath, [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, STAKELENS_OUT_DIR: outDir, ...rpcEnv, ...extraEnv },
    maxBuffer: 16 * 1024 * 1024,
  });
  return resolve(outDir, 'chrome-mv3');
}

export async function startStack(name: string, buildEnv: Record<string, string> = {}): Promise<Stack> {
  const stoppers: (() => Promise<void>)[] = [];
  try {
    // Genesis five weeks back, then rates written forward to now: realized yield has history to read.
    const now = Math.floor(Date.now() / 1000);
    const node = await startAnvil({ timestamp: now - HISTORY_DAYS * DAY });
    stoppers.push(() => node.stop());
    const chain = await seedMainnet(node.rpcUrl);
    await writeRateHistory(chain, now - (HISTORY_DAYS - 1) * DAY, now);
    const proxy = await startRpcProxy(node.rpcUrl);
    stoppers.push(() => proxy.stop());
    const l2 = {} as Record<L2ChainId, L2Scenario>;
    const l2Proxies = {} as Record<L2ChainId, RpcProxy>;
    for (const chainId of [42161, 8453, 10] as const) {
      const l2Node = await startAnvil({ chainId, blockNumber: L2_BLOCK_NUMBERS[chainId] });
      stoppers.push(() => l2Node.stop());
      l2[chainId] = await seedL2(l2Node.rpcUrl, chainId);
      l2Proxies[chainId] = await startRpcProxy(l2Node.rpcUrl);
      stoppers.push(() => l2Proxies[chainId].stop());
    }
    const server = await startFixtureServer();
    stoppers.push(() => server.stop());
    const beacon = await startBeaconServer();
    stoppers.push(() => beacon.stop());
    const extensionPath = await buildExtension(name, {
      1: proxy.url,
      ...Object.fromEntries(Object.entries(l2Proxies).map(([chainId, p]) => [chainId, p.url])),
    }, buildEnv);
    const stop = async () => {
      for (const stopOne of stoppers.reverse()) await stopOne().catch(() => {});
    };
    return { node, chain, l2, l2Proxies, beacon, proxy, server, extensionPath, stop };
  } catch (error) {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => {});
    throw error;
  }
}
