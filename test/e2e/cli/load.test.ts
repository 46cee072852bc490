import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadReportSchema, type LoadReport } from '../../../src/load/index.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';

const run = promisify(execFile);
const validateReport = compileSchema<LoadReport>(loadReportSchema);

describe('dmct load (CLI)', () => {
  it('prints the figures as JSON and exits 0 against the embedded reference server', async () => {
    const { stdout } = await run(process.execPath, [
      'bin/dmct.js',
      'load',
      '--duration',
      '0.3',
      '--devices',
      '3',
      '--concurrency',
      '2',
      '--json',
    ]);
    const report = JSON.parse(stdout) as unknown;
    const checked = validateReport(report);
    assert.ok(checked.ok);
    assert.ok(checked.value.completed > 0);
    assert.deepEqual(checked.value.violations, {});
  });

  it('exits 1 with the item when the embedded server has a fault', async () => {
    const failed = await run(process.execPath, [
      'bin/dmct.js',
      'load',
      '--duration',
      '0.3',
      '--devices',
      '2',
      '--fault',
      'package2-non-string-param',
      '--json',
    ]).then(
      () => assert.fail('expected exit 1'),
      (error: { code: number; stdout: string }) => error,
    );
    assert.equal(failed.code, 1);
    assert.ok(((JSON.parse(failed.stdout) as LoadReport).violations['DM-PACK-012-S-M'] ?? 0) > 0);
  });

  it('stops on the first Ctrl-C while SHOWs hang, printing the figures so far', { timeout: 60_000 }, async () => {
    const held = new Set<ServerResponse>();
    let showsInFlight = 0;
    const shown = new EventTarget();
    const target = createServer((req, res) => {
      req.resume();
      if (req.url === '/slow') {
        held.add(res); // never answered
        showsInFlight += 1;
        shown.dispatchEvent(new Event('show'));
        return;
      }
      const { port } = target.address() as AddressInfo;
      req.on('end', () =>
        res
          .writeHead(200, { 'content-type': 'application/vnd.oma.dm.request+json' })
          .end(JSON.stringify({ CMD: [['SHOW', `http://127.0.0.1:${port}/slow`]] })),
      );
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const { port } = target.address() as AddressInfo;
    const child = spawn(
      process.execPath,
      ['bin/dmct.js', 'load', '--target', `http://127.0.0.1:${port}/dm`, '--devices', '2', '--duration', '600', '--timeout-ms', '600000'],
      {
        env: { ...process.env, FORCE_COLOR: '0' },
      },
    );
    try {
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const progressed = new Promise<void>((resolve) =>
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (/sessions \d+ {2}ended/.test(stderr)) resolve();
        }),
      );
      // Both sessions wait for their SHOW, and progress was printed: then Ctrl-C.
      while (showsInFlight < 2) await once(shown, 'show');
      await progressed;
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 1, stderr);
      assert.match(stderr, /dmct load: stopping \(Ctrl-C again quits without the figures\)/);
      assert.match(stdout, /stopped by Ctrl-C: the figures of the sessions so far/);
      assert.match(stdout, /sessions {8}2 started, 0 ended with END, 2 exchanges/);
      assert.match(stdout, /interrupted: 2/);
    } finally {
      child.kill('SIGKILL');
      for (const res of held) res.destroy();
      target.close();
    }
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
