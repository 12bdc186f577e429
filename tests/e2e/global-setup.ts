import { rmSync } from 'node:fs';
import { resetTally, TALLY_FILE } from './fault-tally';

/** Each run counts its own fault cases. */
export default function globalSetup(): void {
  resetTally();
  rmSync(TALLY_FILE.replace(/\.jsonl$/, '.txt'), { force: true });
}
