import type { PublicClient } from 'viem';
import { arbitrum, mainnet } from 'viem/chains';
import { WAD } from '../../lib/chain/units';

const HOUR = 3_600;

/*
 * A chain in memory: a block every `spacing` seconds, with answers for the reads of wstETH (its
 * rate, the Curve stETH pool, the Chainlink feed, stETH's share rate). Counts what it is asked.
 */
export function fakeChain(options: { chainId?: number; start: number; end: number; spacing?: number; archive?: boolean; dip?: [number, number]; /** multicalls after this many never answer (a worker stopped midway) */ hangAfter?: number }) {
  const spacing = options.spacing ?? HOUR;
  const base = 20_000_000n;
  const chain = {
    end: options.end,
    multicalls: [] as bigint[],
    headers: 0,
    timestampOf: (n: bigint) => options.start + Number(n - base) * spacing,
    numberAt: (t: number) => base + BigInt(Math.floor((t - options.start) / spacing)),
  };
  const latestNumber = () => chain.numberAt(chain.end);
  const price = (ts: number) => (options.dip && ts >= options.dip[0] && ts < options.dip[1] ? 950_000_000_000_000_000n : 999_000_000_000_000_000n);
  const rate = (n: bigint) => 1_200_000_000_000_000_000n + (n - base) * 10n ** 10n;
  const client = {
    chain: options.chainId === 42161 ? arbitrum : mainnet,
    async getBlock(args: { blockNumber?: bigint; blockTag?: string }) {
      chain.headers++;
      const number = args.blockTag === 'latest' ? latestNumber() : args.blockTag === 'earliest' ? base : args.blockNumber!;
      if (number > latestNumber()) throw new Error('block not found');
      return { number, timestamp: BigInt(chain.timestampOf(number)) };
    },
    async multicall(args: { contracts: { functionName: string; args?: readonly unknown[] }[]; blockNumber: bigint }) {
      if (options.hangAfter !== undefined && chain.multicalls.length >= options.hangAfter) return new Promise(() => {});
      chain.multicalls.push(args.blockNumber);
      if (options.archive === false && args.blockNumber < latestNumber() - 128n) {
        throw Object.assign(new Error('missing trie node 5a3f (path ) state 0x5a3f is not available'), { details: 'missing trie node' });
      }
      const ts = chain.timestampOf(args.blockNumber);
      return args.contracts.map((c) => {
        switch (c.functionName) {
          case 'stEthPerToken':
            return { status: 'success', result: rate(args.blockNumber) };
          case 'getPooledEthByShares':
            return { status: 'success', result: 1_170_000_000_000_000_000n };
          case 'get_dy':
            return { status: 'success', result: ((c.args![2] as bigint) * price(ts)) / WAD };
          case 'balances':
            return { status: 'success', result: 10_000n * WAD };
          case 'latestRoundData':
            return { status: 'success', result: [1n, options.chainId === 42161 ? 1_190_000_000_000_000_000n : 999_000_000_000_000_000n, BigInt(ts), BigInt(ts), 1n] };
          default:
            return { status: 'failure', error: new Error('execution reverted') };
        }
      });
    },
  };
  return { chain, client: client as unknown as PublicClient, rate, price };
}

