import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePackage3, validatePackage3Against, type Package2, type Package3, type Violation } from '../../../../src/protocol/index.js';

const found = (violations: readonly Violation[]): [string, string | undefined, string][] =>
  violations.map((v) => [v.rule, v.pointer, v.severity]);
const against = (p2: Package2, p3: Package3, dataPartIndexes?: number[]) =>
  found(validatePackage3Against(p2, p3, dataPartIndexes === undefined ? {} : { dataPartIndexes }));

describe('parsePackage3 and the erratum (bare-number statuses)', () => {
  it('a bare-number status is an error by default, with no value', () => {
    const parsed = parsePackage3('{"Status":[200,404]}');
    assert.equal(parsed.value, undefined);
    assert.deepEqual(found(parsed.violations), [
      ['status-bare-number', '/Status/0', 'error'],
      ['status-bare-number', '/Status/1', 'error'],
    ]);
  });
  it('is accepted as a warning in lenient mode and read as {"sc": n}', () => {
    const parsed = parsePackage3('{"Status":[200,404]}', { lenient: true });
    assert.deepEqual(parsed.value, { Status: [{ sc: 200 }, { sc: 404 }] });
    assert.deepEqual(
      parsed.violations.map((v) => v.severity),
      ['warning', 'warning'],
    );
  });
  it('reads a flattened URI as the URI of the status before it (lenient)', () => {
    const parsed = parsePackage3('{"Status":[200,"urn:a:b/usb/",{"sc":404}]}', { lenient: true });
    assert.deepEqual(parsed.value, { Status: [{ sc: 200, URI: ['urn:a:b/usb/'] }, { sc: 404 }] });
    assert.deepEqual(found(parsed.violations), [
      ['status-bare-number', '/Status/0', 'warning'],
      ['status-flattened-uri', '/Status/1', 'warning'],
    ]);
  });
  it('points schema errors at the index the target sent, after lenient merging', () => {
    const parsed = parsePackage3('{"Status":[200,"urn:a:b/usb/",{"sc":"x"}]}', { lenient: true });
    assert.ok(found(parsed.violations).some(([rule, pointer]) => rule === 'status-code-not-integer' && pointer === '/Status/2/sc'));
  });
  it('a code outside Appendix C is an error', () => {
    assert.deepEqual(found(parsePackage3('{"Status":[{"sc":299},{"sc":1299}]}').violations), [
      ['status-code-unknown', '/Status/0/sc', 'error'],
    ]);
  });
});

describe('validatePackage3Against (§5.2.4, App C, §5.4.1)', () => {
  const hget = ['HGET', 'http://r.example/mo', 'urn:a:b//'] as [string, ...string[]];
  const get = ['GET', 'urn:a:b//'] as [string, ...string[]];
  it('accepts one allowed status per command, in order', () => {
    assert.deepEqual(against({ CMD: [hget, get, ['SHOW', 'http://w.example/']] }, { Status: [{ sc: 200 }, { sc: 204 }, { sc: 200 }] }), []);
  });
  it('status count must equal the command count', () => {
    assert.deepEqual(against({ CMD: [hget, get] }, { Status: [{ sc: 200 }] }), [['status-count', '/Status', 'error']]);
    assert.deepEqual(against({ CMD: [hget] }, { Status: [{ sc: 200 }, { sc: 200 }] }), [['status-count', '/Status', 'error']]);
  });
  it('a code not allowed for its command', () => {
    assert.deepEqual(against({ CMD: [get] }, { Status: [{ sc: 405 }] }), [['status-code-not-allowed', '/Status/0/sc', 'error']]);
    assert.deepEqual(against({ CMD: [['SHOW', 'http://w.example/']] }, { Status: [{ sc: 404 }] }), [
      ['status-code-not-allowed', '/Status/0/sc', 'error'],
    ]);
  });
  it('application-specific codes 1000–1999 are allowed for every command with a status', () => {
    assert.deepEqual(against({ CMD: [get, ['CONT', 'http://s.example/']] }, { Status: [{ sc: 1200 }, { sc: 1500 }] }), []);
  });
  it('202 on a command other than EXEC', () => {
    assert.deepEqual(against({ CMD: [['DELETE', 'urn:a:b/x/']] }, { Status: [{ sc: 202 }] }), [
      ['status-async-not-exec', '/Status/0/sc', 'error'],
    ]);
  });
  it('EXEC with a ServerURI answered 200', () => {
    assert.deepEqual(against({ CMD: [['EXEC', 'urn:a:b/x/Op', 'http://s.example/async']] }, { Status: [{ sc: 200 }] }), [
      ['exec-async-required', '/Status/0/sc', 'error'],
    ]);
  });
  it('EXEC with a ServerURI answered with an immediate success other than 202', () => {
    assert.deepEqual(against({ CMD: [['EXEC', 'urn:a:b/x/Op', 'http://s.example/async']] }, { Status: [{ sc: 1200 }] }), [
      ['exec-async-required', '/Status/0/sc', 'error'],
    ]);
  });
  it('EXEC with a ServerURI that cannot be started may fail at once (404, 403, 405, 500)', () => {
    const exec: [string, ...string[]] = ['EXEC', 'urn:a:b/x/Op', 'http://s.example/async'];
    assert.deepEqual(against({ CMD: [exec, exec, exec, exec] }, { Status: [{ sc: 404 }, { sc: 403 }, { sc: 405 }, { sc: 500 }] }), []);
  });
  it('EXEC with or without a ServerURI may answer 202', () => {
    assert.deepEqual(
      against(
        {
          CMD: [
            ['EXEC', 'urn:a:b/x/Op', 'http://s.example/async'],
            ['EXEC', 'urn:a:b/x/Op'],
          ],
        },
        { Status: [{ sc: 202 }, { sc: 202 }] },
      ),
      [],
    );
  });
  it('no Package#3 may answer a Package#2 with END', () => {
    assert.deepEqual(against({ CMD: [hget, ['END']] }, { Status: [{ sc: 200 }] }), [['package3-after-end', '', 'error']]);
  });
  it('HGET without ClientURI must report where it stored the data', () => {
    assert.deepEqual(against({ CMD: [['HGET', 'http://r.example/mo']] }, { Status: [{ sc: 200 }] }), [
      ['hget-uri-missing', '/Status/0', 'error'],
    ]);
    assert.deepEqual(against({ CMD: [['HGET', 'http://r.example/mo']] }, { Status: [{ sc: 200, URI: ['urn:a:b/new/'] }] }), []);
  });
  it('an unknown command answered other than 501/400 is a warning', () => {
    assert.deepEqual(against({ CMD: [['FETCH']] }, { Status: [{ sc: 501 }] }), []);
    assert.deepEqual(against({ CMD: [['FETCH']] }, { Status: [{ sc: 200 }] }), [['status-unknown-command', '/Status/0/sc', 'warning']]);
  });
  it('GET data parts: one per GET answered 200, none for others', () => {
    assert.deepEqual(against({ CMD: [get, get] }, { Status: [{ sc: 200 }, { sc: 404 }] }, [0]), []);
    assert.deepEqual(against({ CMD: [get] }, { Status: [{ sc: 200 }] }, []), [['get-data-missing', '/Status/0', 'error']]);
    assert.deepEqual(against({ CMD: [get, hget] }, { Status: [{ sc: 200 }, { sc: 200 }] }, [0, 1]), [
      ['multipart-part-unexpected', '/Status/1', 'error'],
    ]);
  });
});
