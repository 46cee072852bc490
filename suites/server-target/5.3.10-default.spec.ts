import { chosenStatuses, runQueuedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { commandSpec, INSTALLABLE_MOID } from '../../fixtures/server-target/protocol.js';

const ITEM = 'DM-PACK-023-S-M';
const SECTION = '5.3.10';
const PARAMETERS = 'ServerURI, MOID';
const REQUIREMENT = {
  type: 'requirement',
  description: 'DEFAULT(ServerURI, MOID) makes the client remember the ServerURI as the source to fetch the MOID from when it needs one; the DM Server MUST support DEFAULT (5.3.10)',
};

test.describe('5.3.10 DEFAULT', () => {
  test('DEFAULT arrives well formed and its status is accepted', { tag: ['@5.3.10/default'], annotation: [REQUIREMENT] }, async ({ device, server, endpoints }) => {
    await runQueuedCommand({ device, server }, { item: ITEM, section: SECTION, name: 'DEFAULT', parameters: PARAMETERS, queue: { command: ['DEFAULT', endpoints.repo('installable'), INSTALLABLE_MOID] } });
  });

  test('the server accepts every status the device may return for DEFAULT', { tag: ['@5.3.10/default'], annotation: [REQUIREMENT] }, async ({ device, server, endpoints }) => {
    const codes = commandSpec('DEFAULT')?.statusCodes ?? [];
    await runQueuedCommand(
      { device, server },
      { item: ITEM, section: SECTION, name: 'DEFAULT', parameters: PARAMETERS, queue: { package2: codes.map(() => ['DEFAULT', endpoints.repo('installable'), INSTALLABLE_MOID]) }, answer: chosenStatuses(codes) },
    );
  });
});
