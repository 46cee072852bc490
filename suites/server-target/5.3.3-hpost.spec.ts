import { chosenStatuses, runQueuedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { commandSpec } from '../../fixtures/server-target/protocol.js';

const ITEM = 'DM-PACK-016-S-M';
const SECTION = '5.3.3';
const PARAMETERS = 'ServerURI, ClientURI+';
const REQUIREMENT = {
  type: 'requirement',
  description: 'HPOST(ServerURI, ClientURI+) makes the client send the data at every ClientURI to the ServerURI with HTTP POST; the DM Server MUST support HPOST (5.3.3)',
};

test.describe('5.3.3 HPOST', () => {
  test('HPOST with two ClientURIs arrives well formed and its status is accepted', { tag: ['@DM-PACK-016-S-M'], annotation: [REQUIREMENT] }, async ({ device, server, endpoints, nodes }) => {
    await runQueuedCommand({ device, server }, { item: ITEM, section: SECTION, name: 'HPOST', parameters: PARAMETERS, queue: { command: ['HPOST', endpoints.upload('hpost'), nodes.data, nodes.devId] } });
  });

  test('the server accepts every status the device may return for HPOST', { tag: ['@DM-PACK-016-S-M'], annotation: [REQUIREMENT] }, async ({ device, server, endpoints, nodes }) => {
    const codes = commandSpec('HPOST')?.statusCodes ?? [];
    await runQueuedCommand(
      { device, server },
      { item: ITEM, section: SECTION, name: 'HPOST', parameters: PARAMETERS, queue: { package2: codes.map(() => ['HPOST', endpoints.upload('hpost'), nodes.devId]) }, answer: chosenStatuses(codes) },
    );
  });
});
