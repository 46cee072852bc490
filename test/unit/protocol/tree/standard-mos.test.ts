import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { devInfoProblems, dmAccountProblems, isMaid, readDacmo, sessionInfoProblems } from '../../../../src/protocol/tree/standard-mos.js';

const DEVINFO = {
  DevID: 'IMEI:351234567890123',
  Man: 'm',
  Mod: 'x',
  DmV: '2.0',
  Lang: 'en',
  DevType: 'phone',
  OEM: 'o',
  FwV: '1',
  SwV: '1',
  HwV: 'A',
};

describe('standard MO definitions (section 12)', () => {
  it('DevInfo: every Required chr leaf; optional and extension nodes accepted', () => {
    assert.deepEqual(devInfoProblems(DEVINFO), []);
    assert.deepEqual(devInfoProblems({ ...DEVINFO, Ext: { Vendor: { X: 1 } }, Bearer: {}, Extra: 5 }), []);
    const { OEM: _oem, ...withoutOem } = DEVINFO;
    assert.deepEqual(devInfoProblems(withoutOem), ['OEM (Required) is missing']);
    assert.match(devInfoProblems({ ...DEVINFO, FwV: 1 }).join(), /FwV is not chr/);
    assert.match(devInfoProblems({ ...DEVINFO, Ext: 'x' }).join(), /Ext is an interior node/);
    assert.match(devInfoProblems({ ...DEVINFO, DevID: '' }).join(), /DevID is empty/);
  });

  it('DM Account: SrvID, SrvURI, Name Required chr; Auth/Noti/Type an int when present', () => {
    const account = { SrvID: 'dms', SrvURI: 'https://dms.example/dm', Name: 'DMS' };
    assert.deepEqual(dmAccountProblems(account), []);
    assert.deepEqual(dmAccountProblems({ ...account, Auth: { Noti: { Type: 0, Data: 'bm9uY2U=' } }, Push: {}, Ext: {} }), []);
    const { Name: _name, ...withoutName } = account;
    assert.deepEqual(dmAccountProblems(withoutName), ['Name (Required) is missing']);
    assert.match(dmAccountProblems({ ...account, Auth: { Noti: { Type: '0' } } }).join(), /Auth\/Noti\/Type is not int/);
  });

  it('SessionInfo: CBT 0–3 Required, ROAMING 0–2 when present', () => {
    assert.deepEqual(sessionInfoProblems({ CBT: 1, ROAMING: 0 }), []);
    assert.deepEqual(sessionInfoProblems({ CBT: 3 }), []);
    assert.deepEqual(sessionInfoProblems({ ROAMING: 0 }), ['CBT (Required) is missing']);
    assert.match(sessionInfoProblems({ CBT: 4, ROAMING: 0 }).join(), /CBT is 4/);
    assert.match(sessionInfoProblems({ CBT: 1, ROAMING: 7 }).join(), /ROAMING is 7/);
    assert.match(sessionInfoProblems({ CBT: '1' }).join(), /CBT is not int/);
  });

  it('DACMO: the layout, MAID forms and AR range; rights read even from a malformed AR', () => {
    const root = {
      'urn:x:mo:1.0': {
        m1: {
          1: { Path: '/', Permissions: { 1: { MAID: 'serverid:dms', AR: 15 }, 2: { MAID: '*', AR: 1 } } },
          2: { Permissions: { 1: { MAID: 'appid:a', AR: 3 } } },
        },
      },
    };
    const read = readDacmo(root);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      read.entries.map((e) => [e.path, e.permissions.length]),
      [
        ['/', 2],
        ['/', 1],
      ],
    );
    const bad = readDacmo({
      'urn:x:mo:1.0': { m1: { 1: { Permissions: { 1: { MAID: 'server dms', AR: '15' }, 2: { MAID: '*', AR: 16 } } }, 2: {} } },
    });
    assert.match(bad.problems.join(), /MAID "server dms"/);
    assert.match(bad.problems.join(), /AR is not int/);
    assert.match(bad.problems.join(), /AR 16/);
    assert.match(bad.problems.join(), /Permissions \(Required\)/);
    assert.equal(bad.entries[0]?.permissions.find((p) => p.maid === 'server dms')?.ar, 15);
    assert.ok(isMaid('*') && isMaid('appid:x') && !isMaid('serverid:'));
  });
});

describe('node data (section 6.3.1)', () => {
  it('accepts unreserved names and format values; names the rest', async () => {
    const { nodeDataProblems } = await import('../../../../src/protocol/tree/node-data.js');
    assert.deepEqual(nodeDataProblems({ a: 'x', 'b-1._~': { c: 1, d: true, e: null, f: {} } }), []);
    assert.deepEqual(nodeDataProblems({ Ext: { 'Build Info': 'x' } }), ['node name "Ext/Build Info" is not 1*unreserved']);
    assert.deepEqual(nodeDataProblems({ L: [1, 2] }, 'R/'), ["R/L holds [1,2], no node format's value"]);
  });
});
