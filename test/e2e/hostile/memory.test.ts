/**
 * Bounded memory and reports against hostile targets, end to end: each case runs in a child
 * process (hostile-case.ts) so its peak resident memory is measured alone, from the target's first
 * byte to the report folder written. Each must end as `fail` with a finding naming the limit or the
 * rule, a report.json under 10 MB, a bounded index.html, and a peak RSS under 300 MB.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { MAX_REPORT_BYTES } from '../../../src/report/report-bounds.js';
import { MAX_HTML_BYTES } from '../../../src/report/writers/html.js';

const run = promisify(execFile);
const MAX_RSS_MIB = 300;
/**
 * The V8 old space each case runs in. What dmct keeps must fit in it (a case that kept more would die
 * of heap exhaustion and fail); without it V8 leaves collectable garbage in place up to a limit set
 * by the machine's memory, and the peak resident size measured the collector's laziness, not dmct.
 */
const MAX_OLD_SPACE_MIB = 128;

interface CaseOutcome {
  judged: string;
  verdict: string;
  findings: string[];
  summaries: string[];
  reportBytes: number;
  htmlBytes: number;
  peakRssMiB: number;
}

/** Each case, what its finding must name, and the summary of repeats its report must carry (if any). */
const CASES: readonly [name: string, what: string, finding: RegExp, summary?: RegExp][] = [
  ['deep-nesting', 'a Package#2 nested 100,000 deep', /nests deeper than 64 levels \(limit limits\.maxJsonDepth\)/],
  ['command-flood', '~175k command entries in 1 MiB', /174001 commands, over the 100000 dmct reads \(claims limits\.maxCommands\)/],
  [
    'unknown-commands',
    'one 1 MiB answer with 74k unknown commands (limits.maxCommands at its largest)',
    /command-unknown: unknown command "FROB"/,
    /^… and 73980 more of the same$/,
  ],
  [
    'package1-flood',
    'a client sending 300 Package#1s of ~1 MB',
    /mos-ddf-syntax: DDF "no uri x+/,
    /^… and 280 more of the same: Package#1 \(target → dmct\)$/,
  ],
];

describe('dmct against hostile targets: bounded memory and reports (each case in its own process)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-hostile-memory-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const [name, what, finding, summary] of CASES) {
    it(
      `${what}: fail with a finding naming it, report.json ≤ 10 MB, index.html bounded, peak RSS < ${MAX_RSS_MIB} MB`,
      { timeout: 240_000 },
      async () => {
        const out = join(dir, name);
        const { stdout } = await run(
          process.execPath,
          [`--max-old-space-size=${MAX_OLD_SPACE_MIB}`, '--import', 'tsx', 'test/e2e/hostile/hostile-case.ts', name, out],
          {
            maxBuffer: 1024 * 1024,
          },
        );
        const outcome = JSON.parse(stdout) as CaseOutcome;
        const shown = JSON.stringify({ ...outcome, findings: outcome.findings.map((f) => f.slice(0, 200)) });
        assert.equal(outcome.judged, 'fail', shown);
        assert.equal(outcome.verdict, 'fail', shown);
        assert.ok(
          outcome.findings.some((text) => finding.test(text)),
          shown,
        );
        if (summary !== undefined)
          assert.ok(
            outcome.summaries.some((text) => summary.test(text)),
            shown,
          );
        assert.ok(outcome.reportBytes <= MAX_REPORT_BYTES, shown);
        assert.ok(outcome.htmlBytes <= MAX_HTML_BYTES, shown);
        assert.ok(outcome.peakRssMiB < MAX_RSS_MIB, shown);
      },
    );
  }
});
