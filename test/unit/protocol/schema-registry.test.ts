import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileSchema, sharedAjv } from '../../../src/protocol/json-schema.js';
import { registerSchema, registeredSchemas } from '../../../src/protocol/schema-registry.js';
// The only schema module this file imports statically, and the file runs in a process of its own
// (the mark below, scripts/unit-tier.ts), so the first test sees what loading this one module registers.
// unit tier: own process
import { evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const VIOLATION_ID = 'https://dmct.dev/schemas/violation.schema.json';

function schemaModules(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)schemas\/[^/]+\.schema\.ts$/.test(file))
    .map((file) => join(SRC, file))
    .sort();
}

describe('schema registry: cross-schema $refs resolve without the caller naming them', () => {
  it('loading a schema module registers it and the schemas it $refs', () => {
    assert.deepEqual([...registeredSchemas().keys()].sort(), [evidenceSchema.$id, VIOLATION_ID]);
  });

  it('compileSchema resolves a $ref to violation.schema.json that ajv has never seen', () => {
    const validate = compileSchema(evidenceSchema);
    const message = { seq: 1, time: '2026-11-25T10:00:00.000Z', kind: 'note', from: 'dmct', to: 'dmct', label: 'wait' };
    const ok = validate({
      messages: [{ ...message, violations: [{ rule: 'r', section: '5.2.4', severity: 'error', message: 'm' }] }],
      findings: [],
      checks: 0,
    });
    assert.equal(ok.ok, true);
    const bad = validate({ messages: [{ ...message, violations: [{ rule: 'r' }] }], findings: [], checks: 0 });
    assert.deepEqual(bad.ok ? [] : bad.violations.map((v) => v.pointer).sort(), [
      '/messages/0/violations/0/message',
      '/messages/0/violations/0/section',
      '/messages/0/violations/0/severity',
    ]);
  });

  it('resolves a schema that is only a $ref into a registered one', () => {
    const validate = compileSchema({ $ref: `${VIOLATION_ID}#/properties/severity` });
    assert.equal(validate('warning').ok, true);
    assert.equal(validate('fatal').ok, false);
  });

  it('keeps the first schema registered under an $id', () => {
    const id = 'https://dmct.dev/schemas/registry-test.schema.json';
    const first = { $id: id, type: 'string' };
    registerSchema(first);
    const second = { $id: id, type: 'number' };
    registerSchema(second);
    assert.equal(registeredSchemas().get(id), first);
  });

  it('every generated schema module registers its schema, and every registered schema compiles', async () => {
    const modules = schemaModules();
    const ids: string[] = [];
    for (const file of modules) {
      const exported = Object.values((await import(pathToFileURL(file).href)) as Record<string, unknown>);
      const schema = exported.find(
        (value): value is { $id: string } =>
          typeof value === 'object' && value !== null && typeof (value as { $id?: unknown }).$id === 'string',
      );
      assert.ok(schema, `${file} exports a schema with an $id`);
      assert.equal(registeredSchemas().get(schema.$id), schema, `${file} registers its schema`);
      ids.push(schema.$id);
    }
    assert.equal(new Set(ids).size, modules.length, 'every $id is unique');
    for (const id of ids) {
      const schema = registeredSchemas().get(id);
      assert.ok(schema);
      assert.doesNotThrow(() => compileSchema(schema)(null), `${id} compiles with its $refs resolved`);
    }
    assert.ok(sharedAjv().getSchema(VIOLATION_ID));
  });
});

describe('notify-target.schema.json: the one notify-transport shape of registration and notify request', () => {
  it('applies its rules under /notify of a registration and /transport of a notify request', async () => {
    const { deviceRegistrationSchema } = await import('../../../src/reference/server/schemas/device-registration.schema.js');
    const { notifyRequestSchema } = await import('../../../src/reference/server/schemas/notify-request.schema.js');
    const registration = compileSchema(deviceRegistrationSchema);
    const request = compileSchema(notifyRequestSchema);
    assert.equal(registration({ devId: 'dev-1', notify: { transport: 'udp', host: '127.0.0.1', port: 2948 } }).ok, true);
    assert.equal(request({ transport: { transport: 'http', url: 'http://127.0.0.1:9/push' } }).ok, true);
    const missingUrl = registration({ devId: 'dev-1', notify: { transport: 'http' } });
    assert.deepEqual(missingUrl.ok ? [] : missingUrl.violations.map((v) => `${v.pointer} ${v.rule}`), ['/notify/url required']);
    const badTransport = request({ transport: { transport: 'pigeon' } });
    assert.deepEqual(badTransport.ok ? [] : badTransport.violations.map((v) => `${v.pointer} ${v.rule}`), ['/transport/transport enum']);
  });
});
