import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COMMANDS,
  COMMAND_NAMES,
  assignParameters,
  commandSpec,
  isStatusAllowed,
  statusCodeInfo,
  type CommandSpec,
} from '../../../../src/protocol/index.js';

const spec = (name: string): CommandSpec => {
  const found = commandSpec(name);
  assert.ok(found, name);
  return found;
};

describe('the command table (§5.3, App C)', () => {
  it('holds the twelve commands of the approved text', () => {
    assert.deepEqual(
      COMMANDS.map((c) => c.name),
      [...COMMAND_NAMES],
    );
    assert.equal(COMMANDS.length, 12);
  });
  it('gives every command with a status the "All" codes', () => {
    for (const command of COMMANDS.filter((c) => c.getsStatus)) {
      for (const code of [200, 400, 500, 501, 503, 507]) assert.ok(isStatusAllowed(command, code), `${command.name} ${code}`);
    }
  });
  it('gives 403/404 to all but SHOW, CONT and END', () => {
    for (const command of COMMANDS) {
      const expected = !['SHOW', 'CONT', 'END'].includes(command.name);
      assert.equal(isStatusAllowed(command, 403), expected, command.name);
      assert.equal(isStatusAllowed(command, 404), expected, command.name);
    }
  });
  it('lists the command-specific codes of App C', () => {
    assert.deepEqual(spec('HGET').specificCodes, [415, 419, 506]);
    assert.deepEqual(spec('HPUT').specificCodes, [304, 406, 419]);
    assert.deepEqual(spec('HPOST').specificCodes, [304, 406, 419]);
    assert.deepEqual(spec('DELETE').specificCodes, [405]);
    assert.deepEqual(spec('EXEC').specificCodes, [202, 405]);
    assert.deepEqual(spec('GET').specificCodes, [204, 304]);
    for (const name of ['SHOW', 'CONT', 'DEFAULT', 'SUB', 'UNSUB']) assert.deepEqual(spec(name).specificCodes, [], name);
  });
  it('END gets no status, and only EXEC may report asynchronously', () => {
    assert.equal(spec('END').getsStatus, false);
    assert.equal(isStatusAllowed(spec('END'), 200), false);
    assert.deepEqual(
      COMMANDS.filter((c) => c.mayReportAsync).map((c) => c.name),
      ['EXEC'],
    );
    assert.deepEqual(
      COMMANDS.filter((c) => isStatusAllowed(c, 202)).map((c) => c.name),
      ['EXEC'],
    );
  });
  it('records support levels and SCR items per edition', () => {
    assert.deepEqual([spec('GET').server, spec('GET').client], ['MUST', 'SHOULD']);
    assert.deepEqual([spec('SUB').server, spec('SUB').client], ['SHOULD', 'SHOULD']);
    assert.deepEqual(spec('HGET').scrItem, { seed2013: 'DM-PACK-014', approved2016: 'DM-PACK-014' });
    assert.deepEqual(spec('SUB').scrItem, { approved2016: 'DM-PACK-024' });
  });
  it('assigns positional parameters', () => {
    assert.deepEqual(assignParameters(spec('HGET'), ['s']), [{ kind: 'ServerURI', value: 's' }]);
    assert.deepEqual(assignParameters(spec('HPUT'), ['s', 'c1', 'c2']), [
      { kind: 'ServerURI', value: 's' },
      { kind: 'ClientURI', value: 'c1' },
      { kind: 'ClientURI', value: 'c2' },
    ]);
    assert.deepEqual(assignParameters(spec('DEFAULT'), ['s', 'm']), [
      { kind: 'ServerURI', value: 's' },
      { kind: 'MOID', value: 'm' },
    ]);
    assert.equal(assignParameters(spec('HPUT'), ['s']), undefined);
    assert.equal(assignParameters(spec('EXEC'), ['c', 's', 'x']), undefined);
  });
});

describe('statusCodeInfo (App C)', () => {
  it('describes the codes of Appendix C', () => {
    assert.equal(statusCodeInfo(419)?.label, 'ServerURI Error');
    assert.deepEqual(statusCodeInfo(406)?.appliesTo, ['HPUT', 'HPOST']);
    assert.equal(statusCodeInfo(403)?.class, 'originator-exception');
  });
  it('synthesizes the application-specific range and knows nothing else', () => {
    assert.equal(statusCodeInfo(1404)?.meaning, 'application-specific originator exception');
    assert.equal(statusCodeInfo(1000)?.class, 'application-specific');
    assert.equal(statusCodeInfo(2000), undefined);
    assert.equal(statusCodeInfo(201), undefined);
    assert.equal(statusCodeInfo(1200.5), undefined);
  });
});
