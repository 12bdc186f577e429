import { startAnvil, type AnvilNode } from './anvil';

/**
 * A full (non-archive) anvil for the history tests: `--prune-history` keeps only the newest
 * `states` block states, so a historical eth_call gets the node's real "no state" error.
 */
export function startPrunedAnvil(states = 4, blockNumber = 26_400_000n): Promise<AnvilNode> {
  return startAnvil({ blockNumber, extraArgs: ['--prune-history', String(states)] });
}
