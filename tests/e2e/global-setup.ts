import { resetTally } from './fault-tally';

/** Each run counts its own fault cases. */
export default function globalSetup(): void {
  resetTally();
}
