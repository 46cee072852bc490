import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveClientUriText } from '../../../../src/protocol/tree/resolve.js';
import { serializeLocation } from '../../../../src/protocol/tree/serialize.js';
import type { NodeLocation } from '../../../../src/protocol/tree/location.js';
import { DEFAULT_DEV_INFO, MOIDS, buildDeviceTree } from '../../../../src/reference/client/device-tree.js';
import { permits, readAccounts } from '../../../../src/reference/client/dm-account.js';
import { supportedMos } from '../../../../src/reference/client/package-bodies.js';

const ACCOUNT = {
  serverId: 'dms1',
  serverUri: 'http://dm.test/dm',
  permittedMoids: [MOIDS.devInfo, MOIDS.installable],
  secret: 's3cr3t',
  authData: 'nonce',
};

function locate(tree: ReturnType<typeof buildDeviceTree>, uri: string): NodeLocation {
  const found = resolveClientUriText(tree, uri);
  assert.ok(found.ok && found.locations.length === 1, `${uri} resolves`);
  return found.locations[0] as NodeLocation;
}

describe("the reference client's tree (12.1, 12.2, 12.4)", () => {
  it('DevInfo holds every required leaf, DevID first', () => {
    const tree = buildDeviceTree(DEFAULT_DEV_INFO, [ACCOUNT]);
    const entry = serializeLocation(tree, locate(tree, `${MOIDS.devInfo}//`));
    assert.deepEqual(Object.keys((entry.MOData['DevInfo'] ?? {}) as object), [
      'DevID',
      'Man',
      'Mod',
      'DmV',
      'Lang',
      'DevType',
      'OEM',
      'FwV',
      'SwV',
      'HwV',
    ]);
    assert.equal(locate(tree, `${MOIDS.devInfo}//DevID`).node.value, 'IMEI:351234567890123');
  });

  it('the DM account reads back from DMAcc; Perm and Auth/Noti/Secret are never serialized', () => {
    const tree = buildDeviceTree(DEFAULT_DEV_INFO, [ACCOUNT]);
    assert.deepEqual(readAccounts(tree), [
      {
        miid: 'dms1',
        serverId: 'dms1',
        serverUri: 'http://dm.test/dm',
        permittedMoids: [MOIDS.devInfo, MOIDS.installable],
        notification: { secret: 's3cr3t', authData: 'nonce' },
      },
    ]);
    const entry = serializeLocation(tree, locate(tree, `${MOIDS.dmAcc}/dms1/`));
    assert.deepEqual(entry.MOData, {
      dms1: { SrvID: 'dms1', SrvURI: 'http://dm.test/dm', Name: 'dms1', Auth: { Noti: { Type: 0, Data: 'nonce' } } },
    });
  });

  it('MOS lists only provisioned MOIDs, with their DDF and MIIDs (empty for an MO with no instance yet)', () => {
    const tree = buildDeviceTree(DEFAULT_DEV_INFO, [ACCOUNT]);
    const [account] = readAccounts(tree);
    assert.ok(account);
    assert.deepEqual(supportedMos(tree, account), [
      { DDF: 'https://dmct.dev/ddf/oma-dm-devinfo-1.2.xml', MOID: MOIDS.devInfo, MIID: ['1'] },
      { DDF: 'https://dmct.dev/ddf/dmct-installable-1.0.xml', MOID: MOIDS.installable, MIID: [] },
    ]);
    assert.equal(permits(account, MOIDS.sample), false);
    assert.equal(permits({ ...account, permittedMoids: ['*'] }, MOIDS.sample), true);
  });

  it('an account without notification credentials has no Auth subtree', () => {
    const tree = buildDeviceTree(DEFAULT_DEV_INFO, [{ serverId: 'plain', serverUri: 'http://x.test/dm', permittedMoids: ['*'] }]);
    assert.equal(readAccounts(tree)[0]?.notification, undefined);
    assert.equal(resolveClientUriText(tree, `${MOIDS.dmAcc}/plain/Auth`).ok, false);
  });
});
