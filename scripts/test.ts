// `pnpm test`: every test in one vitest run, then what CI reads at the end: each failed test by name with the first
// line of its error, and the closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const run = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

const firstLine = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean) ?? '(no message)';

let summary: VitestReport = { numPassedTests: 0, numFailedTests: 0, testResults: [] };
try {
  summary = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
} catch {
  console.error('vitest wrote no report');
}
const failures: string[] = [];
for (const file of summary.testResults) {
  const path = relative(process.cwd(), file.name);
  const failed = file.assertionResults.filter((a) => a.status === 'failed');
  for (const test of failed) failures.push(`FAILED ${path} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
  // A file that failed as a whole (an import error, a failing beforeAll) has no failed test of its own to name.
  if (file.status === 'failed' && failed.length === 0) failures.push(`FAILED ${path}: ${firstLine(file.message)}`);
}
// Files that failed as a whole count once, so that the closing line never says 0 failed for a red run.
const failed = Math.max(summary.numFailedTests, failures.length) + (run.status !== 0 && failures.length === 0 ? 1 : 0);
if (failures.length) console.log(`\n${failures.join('\n')}`);
console.log(`${summary.numPassedTests} passed, ${failed} failed`);
process.exit(run.status ?? 1);
