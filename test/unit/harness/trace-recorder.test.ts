import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { captureBody } from '../../../src/transport/body-capture.js';
import { DROPPED_HEADERS_KEY, TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);
const FIXED = new Date('2026-01-02T03:04:05.000Z');
/** fast-check seed: fixed for reproducible runs, overridable to explore (`DMCT_FC_SEED=…`). */
const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20260102);

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function assertValid(evidence: unknown): void {
  const result = validateEvidence(evidence);
  assert.ok(result.ok, JSON.stringify(result.ok ? [] : result.violations));
}

describe('captureBody', () => {
  it('keeps textual media types as text', () => {
    const bytes = Buffer.from('{"CMD":[["END"]]}');
    assert.deepEqual(captureBody({ bytes, mediaType: 'application/vnd.oma.dm.request+json' }), {
      mediaType: 'application/vnd.oma.dm.request+json',
      size: 17,
      text: '{"CMD":[["END"]]}',
      sha256: sha256(bytes),
    });
    assert.equal(captureBody({ bytes, mediaType: 'text/plain; charset=utf-8' }).text, '{"CMD":[["END"]]}');
  });

  it('writes binary media types as lower-case hex', () => {
    const bytes = Uint8Array.of(0x22, 0x00, 0xab);
    assert.deepEqual(captureBody({ bytes, mediaType: 'application/vnd.syncml.dm.notification' }), {
      mediaType: 'application/vnd.syncml.dm.notification',
      size: 3,
      hex: '2200ab',
      sha256: sha256(bytes),
    });
  });

  it('falls back to hex when a textual body is not UTF-8', () => {
    assert.deepEqual(captureBody({ bytes: Uint8Array.of(0x7b, 0xff, 0x7d), mediaType: 'application/json' }), {
      mediaType: 'application/json',
      size: 3,
      hex: '7bff7d',
      sha256: sha256(Uint8Array.of(0x7b, 0xff, 0x7d)),
    });
  });

  it('guesses untyped bodies: text without control characters, hex otherwise', () => {
    assert.equal(captureBody({ bytes: Buffer.from('plain words\n') }).text, 'plain words\n');
    assert.equal(captureBody({ bytes: Uint8Array.of(0x41, 0x00, 0x42) }).hex, '410042');
  });

  it('truncates at the cap, keeps the full size, and never splits a character', () => {
    const bytes = Buffer.from('aé'.repeat(10));
    const captured = captureBody({ bytes, mediaType: 'text/plain' }, 3);
    assert.deepEqual(captured, { mediaType: 'text/plain', size: 30, text: 'aé', truncated: true, sha256: sha256(bytes) });
    const cut = captureBody({ bytes, mediaType: 'text/plain' }, 5);
    assert.equal(cut.text, 'aéa');
    assert.equal(captureBody({ bytes: Uint8Array.of(1, 2, 3, 4), mediaType: 'application/octet-stream' }, 2).hex, '0102');
  });

  it('marks a prefix as truncated even under the cap', () => {
    assert.deepEqual(captureBody({ bytes: Buffer.from('abc'), size: 900, mediaType: 'text/plain' }), {
      mediaType: 'text/plain',
      size: 900,
      text: 'abc',
      truncated: true,
    });
  });

  it('gives schema-valid evidence for any bytes and media type (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.string({ maxLength: 40 })), fc.nat(400), (bytes, mediaType, cap) => {
        const body = captureBody({ bytes, ...(mediaType === null ? {} : { mediaType }) }, cap);
        assertValid({
          messages: [{ seq: 1, time: FIXED.toISOString(), kind: 'note', from: 'a', to: 'b', label: 'l', body }],
          findings: [],
          checks: 0,
        });
        assert.equal(body.size, bytes.length);
        assert.equal(body.truncated === true, bytes.length > cap);
        if (body.hex !== undefined) assert.equal(body.hex, Buffer.from(bytes.subarray(0, cap)).toString('hex'));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('TraceRecorder', () => {
  it('numbers messages from 1 and stamps them', () => {
    const recorder = new TraceRecorder({ clock: () => FIXED });
    const request = recorder.httpRequest({
      from: 'dmct',
      to: 'target',
      label: 'Package#1',
      method: 'POST',
      url: 'http://127.0.0.1:1/dm',
      headers: { 'Content-Type': 'application/vnd.oma.dm.initiation+json', 'OMADM-DevID': 'IMEI:1', skipped: undefined },
      body: { bytes: Buffer.from('{}'), mediaType: 'application/vnd.oma.dm.initiation+json' },
    });
    const response = recorder.httpResponse({ from: 'target', to: 'dmct', label: '200', status: 200, headers: new Headers({ a: '1' }) });
    const datagram = recorder.datagram({ from: 'dmct', to: 'target', label: 'Package#0', bytes: { bytes: Uint8Array.of(0x20, 0x00) } });
    const note = recorder.note({ label: 'waiting for Package#1' });
    assert.deepEqual([request.seq, response.seq, datagram.seq, note.seq], [1, 2, 3, 4]);
    assert.deepEqual(recorder.toEvidence(), {
      messages: [
        {
          seq: 1,
          time: '2026-01-02T03:04:05.000Z',
          kind: 'http-request',
          from: 'dmct',
          to: 'target',
          label: 'Package#1',
          http: {
            method: 'POST',
            url: 'http://127.0.0.1:1/dm',
            headers: { 'content-type': 'application/vnd.oma.dm.initiation+json', 'omadm-devid': 'IMEI:1' },
          },
          body: { mediaType: 'application/vnd.oma.dm.initiation+json', size: 2, text: '{}', sha256: sha256('{}') },
        },
        {
          seq: 2,
          time: '2026-01-02T03:04:05.000Z',
          kind: 'http-response',
          from: 'target',
          to: 'dmct',
          label: '200',
          http: { status: 200, headers: { a: '1' } },
        },
        {
          seq: 3,
          time: '2026-01-02T03:04:05.000Z',
          kind: 'datagram',
          from: 'dmct',
          to: 'target',
          label: 'Package#0',
          body: { size: 2, hex: '2000', sha256: sha256(Uint8Array.of(0x20, 0x00)) },
        },
        { seq: 4, time: '2026-01-02T03:04:05.000Z', kind: 'note', from: 'dmct', to: 'dmct', label: 'waiting for Package#1' },
      ],
      findings: [],
      checks: 0,
    });
  });

  it('collects fail, inconclusive and non-strict findings, their verdict set by the policy from the outcome kind', () => {
    const recorder = new TraceRecorder();
    const seq = recorder.note({ label: 'x' }).seq;
    recorder.fail({
      item: 'DM-PACK-013-S-M',
      section: '5.2.4',
      rule: 'no Package#3 after END',
      expected: ['no request'],
      actual: 'Package#3',
      seq,
    });
    recorder.inconclusive({
      item: 'DM-PACK-002-C-O',
      section: '5.2.1',
      rule: 'client answers Package#0',
      expected: ['Package#1'],
      actual: 'trigger not configured',
    });
    recorder.nonStrict({
      item: 'DM-PACK-006-C-M',
      section: '5.2.1.2',
      rule: 'uses the preferred bearer',
      expected: ['WLAN'],
      actual: 'wireline',
    });
    recorder.fail({
      item: 'DM-PACK-013-S-M',
      section: '5.2.4',
      rule: 'answers Package#3',
      expected: ['a Package#2'],
      actual: 'silence',
      outcome: 'silent-after-stimulus',
    });
    recorder.inconclusive({
      item: 'DM-PACK-023-C-O',
      section: '5.3.10',
      rule: 'no instance',
      expected: [],
      actual: 'present',
      outcome: 'precondition-not-met',
    });
    const evidence = recorder.toEvidence();
    assert.deepEqual(
      evidence.findings.map((f) => [f.item, f.verdict, f.outcome, f.keyword, f.seq]),
      [
        ['DM-PACK-013-S-M', 'fail', 'must-broken', 'MUST', seq],
        ['DM-PACK-002-C-O', 'inconclusive', 'stimulus-not-delivered', undefined, undefined],
        ['DM-PACK-006-C-M', 'non-strict', 'should-departure', 'SHOULD', undefined],
        ['DM-PACK-013-S-M', 'fail', 'silent-after-stimulus', 'MUST', undefined],
        ['DM-PACK-023-C-O', 'inconclusive', 'precondition-not-met', undefined, undefined],
      ],
    );
    recorder.countCheck();
    recorder.countCheck();
    assert.equal(recorder.toEvidence().checks, 2);
    assertValid(evidence);
  });

  it('attaches decoding results to a recorded message', () => {
    const recorder = new TraceRecorder();
    const seq = recorder.datagram({ from: 'dmct', to: 'target', label: 'Package#0', bytes: { bytes: Uint8Array.of(0x30, 0x00) } }).seq;
    recorder.annotate(seq, {
      decoded: { ver: 3 },
      violations: [{ rule: 'notification-ver', section: '5.2.1.1', severity: 'error', message: 'VER is 3, not 2', offset: 0 }],
    });
    recorder.annotate(99, { decoded: { ignored: true } });
    const [message] = recorder.toEvidence().messages;
    assert.deepEqual(message?.decoded, { ver: 3 });
    assert.equal(message?.violations?.length, 1);
    assertValid(recorder.toEvidence());
  });

  it('returns a detached copy', () => {
    const recorder = new TraceRecorder();
    recorder.note({ label: 'one' });
    const evidence = recorder.toEvidence();
    evidence.messages.length = 0;
    assert.equal(recorder.toEvidence().messages.length, 1);
  });

  it('caps hostile content: body bytes, header count and size, labels, URLs', () => {
    const recorder = new TraceRecorder({ bodyCapBytes: 16, textCapChars: 64, maxHeaders: 3 });
    // JSON.parse makes `__proto__` an own key, as a parsed HTTP header name would be.
    const headers = JSON.parse(`{"__proto__":"polluted?","x-long":"${'v'.repeat(1000)}"}`) as Record<string, string>;
    for (let i = 0; i < 10; i++) headers[`x-${i}`] = String(i);
    recorder.httpRequest({
      from: 'target',
      to: 'repository',
      label: 'L'.repeat(500),
      method: 'PUT',
      url: `http://x/${'p'.repeat(5000)}`,
      headers,
      body: { bytes: new Uint8Array(100_000).fill(0x61), mediaType: 'text/plain' },
    });
    const [message] = recorder.toEvidence().messages;
    assert.ok(message !== undefined);
    assert.equal(message.body?.text, 'a'.repeat(16));
    assert.equal(message.body?.size, 100_000);
    assert.equal(message.body?.truncated, true);
    assert.ok(message.label.length < 100);
    assert.ok((message.http?.url ?? '').length < 100);
    const recordedHeaders = message.http?.headers ?? {};
    assert.equal(Object.keys(recordedHeaders).length, 4);
    assert.equal(recordedHeaders[DROPPED_HEADERS_KEY], '9');
    assert.equal(Object.getPrototypeOf(recordedHeaders), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(recordedHeaders, '__proto__')?.value, 'polluted?');
    assert.ok((recordedHeaders['x-long'] ?? '').length < 100);
    assertValid(recorder.toEvidence());
  });

  it('joins repeated header fields', () => {
    const recorder = new TraceRecorder();
    const headers = new Headers();
    headers.append('set-cookie', 'a=1');
    headers.append('set-cookie', 'b=2');
    recorder.httpResponse({ from: 'target', to: 'dmct', label: 'r', status: 200, headers });
    assert.equal(recorder.messages[0]?.http?.headers?.['set-cookie'], 'a=1, b=2');
  });

  it('stops storing messages past the cap and says so', () => {
    const recorder = new TraceRecorder({ maxMessages: 2 });
    for (let i = 0; i < 5; i++) recorder.note({ label: `n${i}` });
    const evidence = recorder.toEvidence();
    assert.deepEqual(
      evidence.messages.map((m) => m.seq),
      [1, 2],
    );
    assert.deepEqual(evidence.notes, ['3 further messages were not recorded (cap 2)']);
    assertValid(evidence);
  });

  it('keeps the SHA-256 of a body it has whole, not of a prefix it was given', () => {
    const bytes = Buffer.from('x'.repeat(100));
    assert.equal(captureBody({ bytes, mediaType: 'text/plain' }, 10).sha256, sha256(bytes));
    assert.equal(captureBody({ bytes, size: 5000, mediaType: 'text/plain' }).sha256, undefined);
  });

  it('keeps bodies only while the trace budget lasts, then their size and SHA-256', () => {
    const recorder = new TraceRecorder({ bodyCapBytes: 40, bodyBudgetChars: 100 });
    const bytes = Buffer.from('y'.repeat(50));
    for (let i = 0; i < 4; i++)
      recorder.httpRequest({
        from: 'target',
        to: 'dmct',
        label: `P${i}`,
        method: 'POST',
        url: '/dm',
        body: { bytes, mediaType: 'text/plain' },
      });
    const bodies = recorder.toEvidence().messages.map((m) => m.body);
    assert.deepEqual(
      bodies.map((b) => b?.text?.length),
      [40, 40, 20, undefined],
    );
    assert.deepEqual(bodies[3], { mediaType: 'text/plain', size: 50, truncated: true, sha256: sha256(bytes) });
    assertValid(recorder.toEvidence());
  });

  it('summarises a flood of alike messages: the first kept, then one note with the count where the flood began', () => {
    const recorder = new TraceRecorder({ maxRepeats: 3 });
    recorder.note({ label: 'start' });
    for (let i = 0; i < 10; i++)
      recorder.httpRequest({
        from: 'target',
        to: 'dmct',
        label: 'Package#1',
        method: 'POST',
        url: '/dm',
        body: { bytes: Buffer.from('{}') },
      });
    recorder.note({ label: 'end' });
    const evidence = recorder.toEvidence();
    assert.deepEqual(
      evidence.messages.map((m) => [m.seq, m.kind, m.label, m.omitted]),
      [
        [1, 'note', 'start', undefined],
        [2, 'http-request', 'Package#1', undefined],
        [3, 'http-request', 'Package#1', undefined],
        [4, 'http-request', 'Package#1', undefined],
        [5, 'note', '… and 7 more of the same: Package#1 (target → dmct)', 7],
        [12, 'note', 'end', undefined],
      ],
    );
    assertValid(evidence);
  });

  it('summarises repeated findings, violations and notes', () => {
    const recorder = new TraceRecorder({ maxRepeats: 2, maxNotes: 2, textCapChars: 100 });
    const seq = recorder.note({ label: 'answer' }).seq;
    for (let i = 0; i < 5; i++)
      recorder.fail({ item: 'DM-PACK-012-S-M', section: '5.2.3', rule: 'r', expected: ['x'], actual: `y${i}`, seq });
    recorder.fail({ item: 'DM-PACK-012-S-M', section: '5.2.3', rule: 'other', expected: ['x'], actual: 'z' });
    const violations = Array.from({ length: 1000 }, (_, i) => ({
      rule: 'command-unknown',
      section: '7.2.1.2',
      severity: 'error' as const,
      message: `unknown ${'w'.repeat(500)} ${i}`,
    }));
    recorder.annotate(seq, { violations: [...violations, { rule: 'json-syntax', section: '7.2.1', severity: 'error', message: 'once' }] });
    for (let i = 0; i < 4; i++) recorder.remark(`remark ${i}`);
    const evidence = recorder.toEvidence();
    assert.deepEqual(
      evidence.findings.map((f) => [f.rule, f.actual, f.omitted, f.seq, f.verdict]),
      [
        ['r', 'y0', undefined, seq, 'fail'],
        ['r', 'y1', undefined, seq, 'fail'],
        ['other', 'z', undefined, undefined, 'fail'],
        ['r', '… and 3 more of the same', 3, undefined, 'fail'],
      ],
    );
    const kept = evidence.messages[0]?.violations ?? [];
    assert.deepEqual(
      kept.map((v) => v.rule),
      [...Array<string>(20).fill('command-unknown'), 'json-syntax', 'command-unknown'],
    );
    assert.equal(kept.at(-1)?.message, '… and 980 more of the same');
    assert.ok(
      kept.every((v) => v.message.length < 150),
      'violation texts are capped',
    );
    assert.deepEqual(evidence.notes, ['remark 0', 'remark 1', '… and 2 more notes']);
    assertValid(evidence);
  });

  it('stops storing messages once the trace budget is spent, however the target varies them', () => {
    const recorder = new TraceRecorder({ maxTraceChars: 5000 });
    for (let i = 0; i < 50; i++)
      recorder.httpRequest({
        from: 'target',
        to: 'web',
        label: `GET /page/${i}`,
        method: 'GET',
        url: `/page/${i}`,
        headers: { 'x-pad': 'p'.repeat(500) },
      });
    const evidence = recorder.toEvidence();
    assert.ok(evidence.messages.length > 0 && evidence.messages.length < 10, `${evidence.messages.length} kept`);
    assert.deepEqual(evidence.notes, [
      `${50 - evidence.messages.length} further messages were not recorded (the trace's evidence budget of 5000 characters was spent)`,
    ]);
    recorder.annotate(1, { decoded: { echo: 'e'.repeat(2000) } });
    assert.deepEqual(recorder.messages[0]?.decoded, { omitted: "the trace's evidence budget of 5000 characters was spent" });
    assertValid(evidence);
  });

  it('records any header names and values a target may send as valid evidence (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 200 }), { maxKeys: 30 }),
        fc.string(),
        (headers, label) => {
          const recorder = new TraceRecorder({ textCapChars: 50, maxHeaders: 10 });
          recorder.httpRequest({ from: 'target', to: 'web', label, method: 'GET', url: '/', headers });
          assertValid(recorder.toEvidence());
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});
