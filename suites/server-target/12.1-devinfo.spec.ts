import { runQueuedCommand, runUnpromptedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ClientURI';
const REQUIREMENT = {
  type: 'requirement',
  description:
    'The DM Server MUST support the DevInfo MO (urn:oma:mo:oma-dm-devinfo:1.2): it reads the device information (DevID, Man, Mod, DmV, Lang, DevType, OEM, FwV, SwV, HwV) the client returns for a GET of the DevInfo instance (12.1)',
};

/** Whether a command addresses the DevInfo MO (any version of its MOID). */
const addressesDevInfo = (entry: readonly unknown[]): boolean => typeof entry[1] === 'string' && entry[1].startsWith('urn:oma:mo:oma-dm-devinfo:');

test.describe('12.1 DevInfo MO', () => {
  test('a GET of the DevInfo instance arrives well formed and the DevInfo data returned is accepted', { tag: ['@12.1/devinfo'], annotation: [REQUIREMENT] }, async ({ device, server, nodes }) => {
    const check = { name: 'GET', parameters: PARAMETERS, select: addressesDevInfo } as const;
    // No trigger: a GET of DevInfo the server sends of its own accord is judged.
    if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...check, trigger: 'queueCommand' });
    await runQueuedCommand({ device, server }, { ...check, queue: { command: ['GET', nodes.devInfoRoot] } });
  });
});
