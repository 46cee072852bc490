import { chosenStatuses, runQueuedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { commandSpec } from '../../fixtures/server-target/protocol.js';

const ITEM = 'DM-PACK-017-S-M';
const SECTION = '5.3.4';
const PARAMETERS = 'ClientURI';
const REQUIREMENT = {
  type: 'requirement',
  description: 'DELETE(ClientURI) makes the client delete the node and, for an interior node, its whole subtree; the DM Server MUST support DELETE (5.3.4)',
};

test.describe('5.3.4 DELETE', () => {
  test('DELETE arrives well formed and its status is accepted', { tag: ['@5.3.4/delete'], annotation: [REQUIREMENT] }, async ({ device, server, nodes }) => {
    await runQueuedCommand({ device, server }, { item: ITEM, section: SECTION, name: 'DELETE', parameters: PARAMETERS, queue: { command: ['DELETE', nodes.deletable] } });
  });

  test('the server accepts every status the device may return for DELETE', { tag: ['@5.3.4/delete'], annotation: [REQUIREMENT] }, async ({ device, server, nodes }) => {
    const codes = commandSpec('DELETE')?.statusCodes ?? [];
    await runQueuedCommand(
      { device, server },
      { item: ITEM, section: SECTION, name: 'DELETE', parameters: PARAMETERS, queue: { package2: codes.map(() => ['DELETE', nodes.missing]) }, answer: chosenStatuses(codes) },
    );
  });
});
