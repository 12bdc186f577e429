import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFigureService } from '../../lib/cache/figure-service';
import { rpcSettings } from '../../lib/settings';
import { rpc, startAnvil, type AnvilNode } from './anvil';
import { seedMainnet, type MainnetScenario } from './mainnet';
import { startRpcProxy, type RpcProxy } from './rpc-proxy';

export interface MainnetFigureRig {
  node: AnvilNode;
  chain: MainnetScenario;
  /** Counts the requests; the extension's only endpoint for chain 1. */
  proxy: RpcProxy;
  /** The background's own figure service, new for each test. */
  service: ReturnType<typeof createFigureService>;
}

/**
 * A seeded local mainnet behind an RPC proxy, read through the background's figure service, for a
 * test file. Each test starts from the seeded chain (an anvil snapshot), an empty browser storage
 * and a proxy that forwards; the fields are set once the file's hooks have run.
 */
export function useMainnetFigureRig(): MainnetFigureRig {
  const rig = {} as MainnetFigureRig;
  let snapshot: `0x${string}`;

  beforeAll(async () => {
    rig.node = await startAnvil();
    rig.chain = await seedMainnet(rig.node.rpcUrl);
    rig.proxy = await startRpcProxy(rig.node.rpcUrl);
    snapshot = await rpc(rig.node.rpcUrl, 'evm_snapshot');
  }, 120_000);

  afterAll(async () => {
    await rig.proxy?.stop();
    await rig.node?.stop();
  });

  beforeEach(async () => {
    await rpc(rig.node.rpcUrl, 'evm_revert', [snapshot]);
    snapshot = await rpc(rig.node.rpcUrl, 'evm_snapshot');
    fakeBrowser.reset();
    rig.proxy.mode = 'forward';
    rig.proxy.methods.length = 0;
    await rpcSettings.setValue({ '1': [rig.proxy.url] });
    rig.service = createFigureService();
  });

  return rig;
}
