import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = 'fixtures/packages';

function dmct(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/dmct.js', 'packages', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('dmct packages (spawned)', () => {
  it('exits 0 on a valid body and says so', () => {
    const run = dmct('validate', `${FIXTURES}/valid/package2.all-commands.json`, '--package', '2');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${FIXTURES}/valid/package2.all-commands.json: valid Package#2\n`);
  });
  it('exits 1 and prints pointer, rule and section for each violation', () => {
    const run = dmct('validate', `${FIXTURES}/broken/package2.command-unknown.json`, '--package', '2');
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /^error {3}\S+ \/CMD\/1\/0: unknown command "FETCH"; a client answers 501 or 400 \[command-unknown, §5\.3\]$/m,
    );
  });
  it('reads a multipart Package#3 and checks it --against its Package#2, with --json', () => {
    const dir = `${FIXTURES}/exchanges/valid.get-results`;
    const run = dmct('validate', `${dir}/package3.multipart`, '--package', '3', '--against', `${dir}/package2.json`, '--json');
    assert.equal(run.status, 0, run.stdout);
    const report = JSON.parse(run.stdout) as { valid: boolean; multipart: boolean; parts: { index: number }[] };
    assert.deepEqual([report.valid, report.multipart, report.parts.map((p) => p.index)], [true, true, [0, 2]]);
  });
  it('--lenient turns the erratum into a warning (exit 0)', () => {
    assert.equal(dmct('validate', `${FIXTURES}/lenient/package3.status-bare-number.json`, '--package', '3').status, 1);
    assert.equal(dmct('validate', `${FIXTURES}/lenient/package3.status-bare-number.json`, '--package', '3', '--lenient').status, 0);
  });
  it('exits 2 with one line for a missing file', () => {
    const run = dmct('validate', 'no-such-file.json', '--package', '1');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'dmct: no-such-file.json: cannot read the Package#1 (ENOENT)\n');
  });
  it('lists the command table as JSON', () => {
    const run = dmct('commands', '--json');
    assert.equal(run.status, 0);
    const table = JSON.parse(run.stdout) as { name: string; getsStatus: boolean }[];
    assert.equal(table.length, 12);
    assert.deepEqual(
      table.filter((c) => !c.getsStatus).map((c) => c.name),
      ['END'],
    );
  });
});
