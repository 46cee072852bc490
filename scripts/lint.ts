/**
 * `npm run lint`: every check of the lint, side by side on every core (scripts/side-by-side.ts),
 * longest first; each check's output comes out whole, and the lint fails when any check fails.
 * tsc, typed eslint and Prettier each keep one core busy for most of the lint, and the checks do
 * not depend on one another.
 */
import { availableParallelism } from 'node:os';
import { type Job, runSideBySide } from './side-by-side.js';

const script = (file: string, ...args: string[]): Job => ({
  name: `${file} ${args.join(' ')}`.trim(),
  command: process.execPath,
  args: ['--import', 'tsx', `scripts/${file}`, ...args],
});
// npm run puts node_modules/.bin on the PATH.
const bin = (command: string, ...args: string[]): Job => ({ name: [command, ...args].join(' '), command, args });

const CHECKS: Job[] = [
  bin('eslint', '.'),
  bin('tsc', '-p', 'tsconfig.json', '--noEmit'),
  bin('prettier', '--check', '**/*.{ts,js,mjs}', '--log-level', 'warn'),
  // Lists both target projects as `dmct run` does, filling the listing cache the e2e tier reuses.
  script('list-scenarios.ts'),
  script('interpretations-doc.ts', '--check'),
  script('gen-schema-modules.ts', '--check'),
  script('bundle-report-schema.ts', '--check'),
  script('check-outside-pointers.ts'),
  script('check-doc-paths.ts'),
  script('check-unit-in-process.ts'),
];

const results = await runSideBySide(CHECKS, availableParallelism());
const failed = results.filter((result) => result.code !== 0);
for (const result of failed) process.stderr.write(`lint: ${result.name} failed (exit ${result.code})\n`);
process.exit(failed.length === 0 ? 0 : 1);
