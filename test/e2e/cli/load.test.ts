import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadReportSchema, type LoadReport } from '../../../src/load/index.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';

const run = promisify(execFile);
const validateReport = compileSchema<LoadReport>(loadReportSchema);

describe('dmct load (CLI)', () => {
  it('prints the figures as JSON and exits 0 against the embedded reference server', async () => {
    const { stdout } = await run(process.execPath, ['bin/dmct.js', 'load', '--duration', '0.3', '--devices', '3', '--concurrency', '2', '--json']);
    const report = JSON.parse(stdout) as unknown;
    const checked = validateReport(report);
    assert.ok(checked.ok);
    assert.ok(checked.value.completed > 0);
    assert.deepEqual(checked.value.violations, {});
  });

  it('exits 1 with the item when the embedded server has a fault', async () => {
    const failed = await run(process.execPath, ['bin/dmct.js', 'load', '--duration', '0.3', '--devices', '2', '--fault', 'package2-non-string-param', '--json']).then(
      () => assert.fail('expected exit 1'),
      (error: { code: number; stdout: string }) => error,
    );
    assert.equal(failed.code, 1);
    assert.ok(((JSON.parse(failed.stdout) as LoadReport).violations['DM-PACK-012-S-M'] ?? 0) > 0);
  });

  for (const [args, message] of [
    [['--target', 'http://192.0.2.1/dm'], '--target: 192.0.2.1 is not a loopback address; load is only sent elsewhere with --allow-remote'],
    [['--devices', '0'], '--devices: expected a whole number from 1 to 100000, got 0'],
    [['--target', 'ftp://127.0.0.1/'], '--target: expected an http(s) URL, got ftp:'],
  ] as const) {
    it(`refuses ${args.join(' ')} with exit 2 and one line`, async () => {
      const failed = await run(process.execPath, ['bin/dmct.js', 'load', ...args]).then(
        () => assert.fail('expected exit 2'),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(failed.code, 2);
      assert.equal(failed.stderr, `dmct: ${message}\n`);
    });
  }
});
