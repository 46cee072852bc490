import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CaptureError, judgeExchanges, MAX_BODY_BYTES, parseHarText, readCapture } from '../../../src/monitor/index.js';
import { capturePath } from './judge-fixtures.js';

function har(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', entries } });
}

function entry(postData: Record<string, unknown>): unknown {
  return {
    startedDateTime: '2026-12-07T10:00:01.000Z',
    request: {
      method: 'POST',
      url: 'https://dm.example.com/dm',
      headers: [{ name: 'Content-Type', value: 'application/vnd.oma.dm.initiation+json' }],
      postData,
    },
    response: { status: 200, headers: [], content: {} },
  };
}

describe('reading a HAR capture', () => {
  it('refuses a truncated file with a one-line CaptureError', async () => {
    await assert.rejects(
      readCapture(capturePath('truncated.har')),
      (err: Error) => err instanceof CaptureError && /not JSON/.test(err.message) && !err.message.includes('\n'),
    );
  });

  it('refuses a file that is not a HAR, naming the pointer', () => {
    assert.throws(
      () => parseHarText('{"log":{"entries":{}}}', 'x.har'),
      (err: Error) => err instanceof CaptureError && /\/log\/entries/.test(err.message),
    );
  });

  it('refuses deep nesting before parsing it', () => {
    assert.throws(() => parseHarText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.har'), /nested deeper/);
  });

  it('refuses more entries than the schema bounds', () => {
    assert.throws(() => parseHarText(har(Array.from({ length: 10_001 }, () => entry({}))), 'many.har'), CaptureError);
  });

  it('refuses a capture file that does not exist', async () => {
    await assert.rejects(readCapture(capturePath('no-such.har')), /no such file/);
  });

  it('decodes base64 bodies, and skips (not judges) an exchange whose body is bad base64 or too large', () => {
    const text = JSON.stringify({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] });
    const exchanges = parseHarText(
      har([
        entry({ mimeType: 'x', text: Buffer.from(text).toString('base64'), encoding: 'base64' }),
        entry({ mimeType: 'x', text: '%%%not base64%%%', encoding: 'base64' }),
        entry({ mimeType: 'x', text: 'A'.repeat(MAX_BODY_BYTES + 1) }),
      ]),
      'bodies.har',
    );
    assert.equal(Buffer.from(exchanges[0]?.requestBody ?? []).toString('utf8'), text);
    assert.match(exchanges[1]?.problems[0] ?? '', /not base64/);
    assert.match(exchanges[2]?.problems[0] ?? '', /larger than/);
    const judgement = judgeExchanges(exchanges);
    assert.deepEqual(
      judgement.skipped.map((s) => s.exchange),
      [2, 3],
    );
  });
});
