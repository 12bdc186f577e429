import { writeFileSync } from 'node:fs';
import { REPORT_FILE, tallyReport } from './fault-tally';

/** The fault suite's line of figures, after every test of the run (and in a file for scripts/test.mjs). */
export default function globalTeardown(): void {
  const report = tallyReport();
  if (!report) return;
  console.log(`\n${report}`);
  writeFileSync(REPORT_FILE, `${report}\n`);
}
