import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_FAULTS } from '../../../../src/reference/faults/index.js';
import { DeviceState, MAX_LOG_ENTRIES, ReferenceServerState } from '../../../../src/reference/server/server-state.js';
import type { CommandRecord } from '../../../../src/reference/server/schemas/device-log.schema.js';

const record = (id: string, state: CommandRecord['state']): CommandRecord => ({
  id,
  command: ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID'],
  state,
  queuedAt: '2026-11-25T00:00:00.000Z',
});

describe('reference server state stays bounded under long load runs', () => {
  it('forgets the oldest finished commands past MAX_LOG_ENTRIES and keeps every command still in flight', () => {
    const device = new DeviceState({ devId: 'IMEI:bounded' }, 1);
    device.addCommand(record('in-flight-sent', 'sent'));
    device.addCommand(record('in-flight-accepted', 'accepted'));
    for (let i = 0; i < MAX_LOG_ENTRIES + 100; i += 1)
      device.addCommand(record(`done-${i}`, i % 3 === 0 ? 'reported' : i % 3 === 1 ? 'completed' : 'unanswered'));
    assert.equal(device.commands.size, MAX_LOG_ENTRIES);
    assert.ok(device.commands.has('in-flight-sent') && device.commands.has('in-flight-accepted'));
    assert.ok(!device.commands.has('done-0') && device.commands.has(`done-${MAX_LOG_ENTRIES + 99}`));
  });

  it('keeps the CONT URIs handed out bounded, the newest working', () => {
    const state = new ReferenceServerState({
      serverId: 'dmct',
      faults: NO_FAULTS,
      unknownDevices: 'reject',
      clock: () => new Date(0),
      urls: () => ({
        dm: 'http://127.0.0.1:1/dm',
        repo: 'http://127.0.0.1:1/repo',
        web: 'http://127.0.0.1:1/web',
        admin: 'http://127.0.0.1:2',
      }),
    });
    let last = '';
    for (let i = 0; i < MAX_LOG_ENTRIES + 10; i += 1) last = state.newContUri('IMEI:bounded');
    assert.equal(state.contTokens.size, MAX_LOG_ENTRIES);
    assert.equal(state.contTokens.get(last.split('/').at(-1) ?? ''), 'IMEI:bounded');
  });
});
