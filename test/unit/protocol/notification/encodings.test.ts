import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeHex, parseBase64, parseHex, toBase64, toHex } from '../../../../src/protocol/notification/index.js';

describe('hex and base64 parsing for the CLI', () => {
  it('parses hex with separators and a 0x prefix', () => {
    for (const text of ['2000', ' 20 00\n', '0x2000', '20:00', '20-00', 'AbCd'.toLowerCase()]) {
      const parsed = parseHex(text);
      assert.ok(parsed.ok, text);
    }
    const parsed = parseHex('0x20 00');
    assert.deepEqual(parsed.ok && toHex(parsed.bytes), '2000');
  });

  it('names the problem in bad hex', () => {
    assert.deepEqual(parseHex('20g0'), { ok: false, error: 'not hex: "g" at character 3' });
    assert.deepEqual(parseHex('200'), { ok: false, error: 'not hex: odd number of digits (3)' });
  });

  it('parses standard and URL-safe base64, padded or not', () => {
    const bytes = Uint8Array.of(0xfb, 0xff, 0xfe, 0x20);
    assert.equal(toBase64(bytes), '+//+IA==');
    for (const text of ['+//+IA==', '+//+IA', '-__-IA', '-__-IA==']) {
      const parsed = parseBase64(text);
      assert.deepEqual(parsed.ok && toHex(parsed.bytes), 'fbfffe20', text);
    }
  });

  it('names the problem in bad base64', () => {
    assert.deepEqual(parseBase64('IA*A'), { ok: false, error: 'not base64: "*" at character 3' });
    assert.deepEqual(parseBase64('I=A='), { ok: false, error: 'not base64: "=" before the end' });
    assert.deepEqual(parseBase64('IAAAA'), { ok: false, error: 'not base64: impossible length (5 characters without padding)' });
    assert.deepEqual(parseBase64('+_AA'), { ok: false, error: 'not base64: mixes the standard (+/) and URL-safe (-_) alphabets' });
  });

  it('looksLikeHex decides auto detection', () => {
    assert.equal(looksLikeHex('2000'), true);
    assert.equal(looksLikeHex('IAA='), false);
    assert.equal(looksLikeHex('200'), true, 'hex digits only: hex, so the odd count is reported as a hex error');
    assert.equal(looksLikeHex(''), false);
  });
});
