import { readChain } from '../../lib/chain/read';

/** readChain's figures alone, for the tests that look at figures and not at the trust state kept. */
export async function readFigures(...args: Parameters<typeof readChain>) {
  return (await readChain(...args)).map((r) => r.figures);
}
