import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in beacon node: the three standard REST endpoints Stakelens reads, answering from a
 * state the test sets. No beacon node runs offline; this serves the same shapes a real one does.
 */

export interface BeaconState {
  genesisTime: number;
  headSlot: number;
  /** exit epochs of the validators currently exiting */
  exitingEpochs: number[];
  down: boolean;
}

export interface BeaconServer {
  url: string;
  state: BeaconState;
  requests: string[];
  stop(): Promise<void>;
}

const MAINNET_GENESIS = 1_606_824_023;

/** The slot for a wall-clock time on mainnet's beacon chain. */
export function slotAt(unixSeconds: number): number {
  return Math.floor((unixSeconds - MAINNET_GENESIS) / 12);
}

export async function startBeaconServer(state: Partial<BeaconState> = {}): Promise<BeaconServer> {
  const headSlot = state.headSlot ?? slotAt(Math.floor(Date.now() / 1000));
  const epoch = Math.floor(headSlot / 32);
  const server: BeaconServer = {
    url: '',
    requests: [],
    // Default: 2,000 validators exiting, the last one 600 epochs (2.7 days) out.
    state: { genesisTime: MAINNET_GENESIS, headSlot, exitingEpochs: Array.from({ length: 2_000 }, (_, i) => epoch + 5 + Math.floor((i * 595) / 1_999)), down: false, ...state },
    stop: async () => {},
  };
  const http: Server = createServer((req, res) => {
    server.requests.push(req.url ?? '');
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-private-network', 'true');
    if (server.state.down) return req.socket.destroy();
    const url = new URL(req.url ?? '/', 'http://beacon');
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/eth/v1/beacon/genesis') {
      return json({ data: { genesis_time: String(server.state.genesisTime), genesis_validators_root: '0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95', genesis_fork_version: '0x00000000' } });
    }
    if (url.pathname === '/eth/v1/beacon/headers/head') {
      return json({ data: { root: '0x00', canonical: true, header: { message: { slot: String(server.state.headSlot), proposer_index: '1' } } } });
    }
    if (url.pathname === '/eth/v1/beacon/states/head/validators' && url.searchParams.get('status') === 'active_exiting') {
      return json({
        execution_optimistic: false,
        finalized: false,
        data: server.state.exitingEpochs.map((exit, i) => ({
          index: String(i),
          balance: '32000000000',
          status: 'active_exiting',
          validator: { exit_epoch: String(exit), withdrawable_epoch: String(exit + 256) },
        })),
      });
    }
    res.writeHead(404).end('{"code":404,"message":"not found"}');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  server.stop = () => new Promise((resolve) => http.close(() => resolve()));
  return server;
}
