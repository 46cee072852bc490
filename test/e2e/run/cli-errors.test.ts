/**
 * Every user mistake on the command line is one `dmct: ` line and exit 2, never a stack trace;
 * help and version answer everywhere; `--out` never empties another run's Playwright artifacts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertUsageError, DATA_CONFIG, dmct, ROOT } from './dmct-process.js';

describe('dmct: usage errors are one line and exit 2', () => {
  let dir = '';
  let file = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dmct-cli-errors-'));
    file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('run --out <an existing file>', async () => {
    assertUsageError(
      await dmct(['run', '--role', 'server', '--only', 'DM-PACK-001-S-M', '--out', file]),
      /^dmct: --out .*a-file: is a file, not a folder$/,
    );
  });

  it('run --out <file>/sub', async () => {
    assertUsageError(
      await dmct(['run', '--role', 'server', '--only', 'DM-PACK-001-S-M', '--out', join(file, 'sub')]),
      /^dmct: --out .*a-file\/sub: .*a-file is a file, not a folder$/,
    );
  });

  it('report merge … --out <file>', async () => {
    assertUsageError(
      await dmct(['report', 'merge', join(ROOT, 'test/unit/report/data'), '--out', file]),
      /^dmct: --out .*a-file: is a file, not a folder$/,
    );
  });

  it('claims init --out <missing folder>/x.json', async () => {
    assertUsageError(
      await dmct(['claims', 'init', '--role', 'server', '--out', join(dir, 'missing', 'x.json')]),
      /^dmct: --out .*missing\/x\.json: the folder .*missing does not exist$/,
    );
  });

  it('--timeout abc names the option and the value', async () => {
    assertUsageError(await dmct(['run', '--list', '--timeout', 'abc']), /^dmct: --timeout "abc": expected a number$/);
    assertUsageError(await dmct(['run', '--list', '--workers=two']), /^dmct: --workers "two": expected a number$/);
  });

  it('an option with no value', async () => {
    assertUsageError(await dmct(['run', '--list', '--only']), /^dmct: --only needs a value$/);
    assertUsageError(await dmct(['run', '--list', '--timeout']), /^dmct: Not enough arguments following: timeout$/);
  });

  it('notify decode: an odd number of hex digits is a hex error, not base64', async () => {
    assertUsageError(await dmct(['notify', 'decode', '200']), /^dmct: input: not hex: odd number of digits \(3\)$/);
  });
});

describe('dmct: help and version', () => {
  for (const args of [
    ['-h'],
    ['--help'],
    ['run', '-h'],
    ['scr', 'check', '-h'],
    ['report', 'merge', '-h'],
    ['sim', 'admin', '--help'],
    ['sim', 'admin', '-h'],
  ]) {
    it(`${args.join(' ')} prints usage and exits 0`, async () => {
      const outcome = await dmct(args);
      assert.equal(outcome.code, 0, outcome.stderr);
      assert.match(outcome.stdout, /^dmct /);
      assert.equal(outcome.stderr, '');
    });
  }

  for (const flag of ['--version', '-v']) {
    it(`${flag} prints the version`, async () => {
      const outcome = await dmct([flag]);
      assert.equal(outcome.code, 0, outcome.stderr);
      assert.match(outcome.stdout, /^\d+\.\d+\.\d+\n$/);
    });
  }
});

describe("dmct run --out: another run's Playwright artifacts are kept", () => {
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'dmct-out-reuse-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("puts Playwright's artifacts in a fresh playwright-2/ and says so", async () => {
    const out = join(dir, 'out');
    mkdirSync(join(out, 'playwright'), { recursive: true });
    writeFileSync(join(out, 'playwright', 'earlier-run-trace.zip'), 'kept');
    const run = await dmct(['run', '--config', DATA_CONFIG, '--only', 'DM-PACK-001-S-M', '--out', out, '--progress', 'off']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(join(out, 'playwright')), ['earlier-run-trace.zip']);
    assert.match(run.stderr, /playwright holds another run's files: Playwright's artifacts go to .*playwright-2/);
    assert.ok(readdirSync(out).includes('report.json'));
  });
});
