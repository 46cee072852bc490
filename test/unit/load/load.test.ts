import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { findFault } from '../../../src/reference/faults/index.js';
import { createReferenceServer } from '../../../src/reference/server/index.js';
import { brokenItems } from '../reference/faults/broken-items.js';
import {
  END_ITEM,
  PACKAGE2_ITEM,
  isLoopbackUrl,
  itemOfPackage2Violation,
  latencyPercentiles,
  loadReportSchema,
  queueWorkload,
  EMBEDDED_WORKLOAD,
  runLoad,
  startEmbeddedLoadTarget,
  type LoadReport,
  type LoadRunOptions,
} from '../../../src/load/index.js';

const validateReport = compileSchema<LoadReport>(loadReportSchema);
const PREFIX = 'IMEI:load-test-';

async function loadAgainstReference(faults: string[], bounds: Partial<LoadRunOptions> = {}, queueWork = true): Promise<LoadReport> {
  const target = await startEmbeddedLoadTarget({ devices: 4, devIdPrefix: PREFIX, faults });
  try {
    return await runLoad({
      targetUrl: target.server.dmUrl,
      devices: 4,
      concurrency: 2,
      durationMs: 30_000,
      maxSessions: 20,
      devIdPrefix: PREFIX,
      timeoutMs: 5000,
      maxBodyBytes: 1024 * 1024,
      maxPackage2s: 4,
      ...(queueWork ? { beforeSession: target.beforeSession } : {}),
      ...bounds,
    });
  } finally {
    await target.server.stop();
  }
}

describe('latencyPercentiles', () => {
  it('takes the nearest rank of 1..100', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.deepEqual(latencyPercentiles(samples), { p50: 50, p90: 90, p99: 99, max: 100 });
  });
  it('gives zeros for no samples and the one value for one', () => {
    assert.deepEqual(latencyPercentiles([]), { p50: 0, p90: 0, p99: 0, max: 0 });
    assert.deepEqual(latencyPercentiles([2.5]), { p50: 2.5, p90: 2.5, p99: 2.5, max: 2.5 });
  });
});

describe('isLoopbackUrl', () => {
  for (const url of [
    'http://127.0.0.1:8080/dm',
    'http://127.9.9.9/',
    'http://localhost/dm',
    'http://[::1]:80/',
    'http://[::ffff:7f00:1]/',
    'http://[::ffff:127.1.2.3]/',
  ]) {
    it(`accepts ${url}`, () => assert.equal(isLoopbackUrl(new URL(url)), true));
  }
  for (const url of [
    'http://example.com/dm',
    'http://10.0.0.1/',
    'http://128.0.0.1/',
    'http://localhost.example.com/',
    'http://[::2]/',
    'http://0.0.0.0/',
    'http://[::ffff:a00:1]/',
  ]) {
    it(`refuses ${url}`, () => assert.equal(isLoopbackUrl(new URL(url)), false));
  }
});

describe('itemOfPackage2Violation', () => {
  const package2 = { CMD: [['GET'], ['HGET', 'x'], ['toString'], ['END']] };
  const violation = (rule: string, pointer?: string) => ({
    rule,
    section: '5.3',
    severity: 'error' as const,
    message: 'm',
    ...(pointer === undefined ? {} : { pointer }),
  });
  it('attributes a command parameter rule to the command item', () => {
    assert.equal(itemOfPackage2Violation(violation('command-param-count', '/CMD/0'), package2), 'DM-PACK-019-S-M');
    assert.equal(itemOfPackage2Violation(violation('server-uri-syntax', '/CMD/1/1'), package2), 'DM-PACK-014-S-M');
  });
  it('attributes END rules to the END item and form rules to the Package#2 item', () => {
    assert.equal(itemOfPackage2Violation(violation('package2-cmd-empty', '/CMD'), package2), END_ITEM);
    assert.equal(itemOfPackage2Violation(violation('command-param-not-string', '/CMD/1/1'), package2), PACKAGE2_ITEM);
    assert.equal(itemOfPackage2Violation(violation('http-content-type'), undefined), PACKAGE2_ITEM);
  });
  it('does not take an inherited property for an item', () => {
    assert.equal(itemOfPackage2Violation(violation('command-param-count', '/CMD/2'), package2), PACKAGE2_ITEM);
    assert.equal(itemOfPackage2Violation(violation('command-param-count', '/CMD/9'), package2), PACKAGE2_ITEM);
  });
});

describe('queueWorkload (in-process, as the admin API queues)', () => {
  it("queues the workload's commands, expanded and recorded, for the device", () => {
    const { state } = createReferenceServer({ devices: [{ devId: 'IMEI:q-1' }], print: () => undefined });
    assert.equal(queueWorkload(state, 'IMEI:q-1'), undefined);
    const device = state.devices.get('IMEI:q-1');
    assert.equal(device?.queue.length, EMBEDDED_WORKLOAD.length);
    assert.deepEqual(
      [...(device?.commands.values() ?? [])].map((record) => [record.command, record.state]),
      EMBEDDED_WORKLOAD.map((command) => [command, 'queued']),
    );
  });

  it('names an unknown device instead of queueing', () => {
    const { state } = createReferenceServer({ print: () => undefined });
    assert.match(queueWorkload(state, 'IMEI:nobody') ?? '', /no device IMEI:nobody/);
  });
});

describe('runLoad against the reference server', () => {
  it('runs complete sessions with no violation and no error', async () => {
    const report = await loadAgainstReference([]);
    assert.equal(validateReport(report).ok, true, JSON.stringify(report));
    assert.equal(report.sessions, 20);
    assert.equal(report.completed, 20);
    assert.equal(report.exchanges, 40, 'Package#1 → GET, Package#3 → END');
    assert.equal(report.errors, 0, JSON.stringify(report.errorKinds));
    assert.deepEqual(report.violations, {});
    assert.ok(report.sessionsPerSecond > 0);
    assert.ok(report.latencyMs.p50 > 0 && report.latencyMs.max >= report.latencyMs.p99);
  });

  it('stops at the duration when the session bound is far away', async () => {
    const report = await loadAgainstReference([], { durationMs: 300, maxSessions: 1_000_000 });
    assert.ok(report.sessions > 0 && report.sessions < 1_000_000);
    assert.equal(report.errors, 0);
  });

  for (const name of ['package2-non-string-param', 'get-no-client-uri', 'session-never-ended', 'package2-wrong-content-type']) {
    const fault = findFault(name);
    it(`attributes the violations of ${name} to ${fault?.breaks ?? '?'} only`, async () => {
      assert.ok(fault !== undefined, `${name} is a registered fault`);
      const report = await loadAgainstReference([name], { maxSessions: 6 });
      assert.equal(validateReport(report).ok, true);
      const [item = ''] = brokenItems(fault);
      assert.deepEqual(Object.keys(report.violations), [item], JSON.stringify(report.rules));
      assert.ok((report.violations[item] ?? 0) >= 6);
    });
  }

  it('counts refused sessions as errors by kind, not as Package#2 violations', async () => {
    // Nothing queued: END answers the Package#1, after which this mutant refuses the device's next Package#1.
    const report = await loadAgainstReference(['expects-package3-after-end'], { maxSessions: 8 }, false);
    assert.equal(report.completed, 4, 'the first session of each of the 4 devices ends with END');
    assert.equal(report.errors, 4);
    assert.deepEqual(report.errorKinds, { 'refused: HTTP 409': 4 });
    assert.deepEqual(report.violations, {});
  });
});
