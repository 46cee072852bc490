import { parametersAsSent, runQueuedCommand, runUnpromptedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ClientURI';
const REQUIREMENT = {
  type: 'requirement',
  description:
    'The DM Server MUST support the DevInfo MO (urn:oma:mo:oma-dm-devinfo:1.2): it reads the device information (DevID, Man, Mod, DmV, Lang, DevType, OEM, FwV, SwV, HwV) the client returns for a GET of the DevInfo instance (12.1)',
};

/**
 * Whether a command addresses the DevInfo MO (any version of its MOID). A ClientURI sent as no
 * string is read through: whether parameters are strings is the Package#2 item's rule (§7.2.1.2).
 */
const addressesDevInfo = (entry: readonly unknown[]): boolean => {
  const clientUri = parametersAsSent(entry)[1];
  return typeof clientUri === 'string' && clientUri.startsWith('urn:oma:mo:oma-dm-devinfo:');
};

/** The queued GET: one of DevInfo, or one that came with no ClientURI at all (only the queued GET can be it). */
const queuedDevInfoGet = (entry: readonly unknown[]): boolean => addressesDevInfo(entry) || entry.length === 1;

test.describe('12.1 DevInfo MO', () => {
  test(
    'a GET of the DevInfo instance arrives well formed and the DevInfo data returned is accepted',
    { tag: ['@12.1/devinfo'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      // How many parameters GET takes is the rule of 5.3.6: a GET without its ClientURI blocks this scenario.
      const check = { name: 'GET', parameters: PARAMETERS, countRule: '5.3.6/get' } as const;
      // No trigger: a GET of DevInfo the server sends of its own accord is judged.
      if (!server.configured('queueCommand'))
        return runUnpromptedCommand(device, { ...check, select: addressesDevInfo, trigger: 'queueCommand' });
      await runQueuedCommand({ device, server }, { ...check, select: queuedDevInfoGet, queue: { command: ['GET', nodes.devInfoRoot] } });
    },
  );
});
