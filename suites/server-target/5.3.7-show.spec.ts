import { chosenStatuses, runQueuedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { commandSpec } from '../../fixtures/server-target/protocol.js';

const ITEM = 'DM-PACK-020-S-M';
const SECTION = '5.3.7';
const PARAMETERS = 'ServerURI';
const REQUIREMENT = {
  type: 'requirement',
  description: 'SHOW(ServerURI) makes the client start its web browser on the ServerURI and go on with the next command; the DM Server MUST support SHOW (5.3.7)',
};

test.describe('5.3.7 SHOW', () => {
  test('SHOW arrives well formed and its status is accepted', { tag: ['@5.3.7/show'], annotation: [REQUIREMENT] }, async ({ device, server, endpoints }) => {
    await runQueuedCommand({ device, server }, { item: ITEM, section: SECTION, name: 'SHOW', parameters: PARAMETERS, queue: { command: ['SHOW', endpoints.web('welcome')] } });
  });

  test('the server accepts every status the device may return for SHOW', { tag: ['@5.3.7/show'], annotation: [REQUIREMENT] }, async ({ device, server, endpoints }) => {
    const codes = commandSpec('SHOW')?.statusCodes ?? [];
    await runQueuedCommand(
      { device, server },
      { item: ITEM, section: SECTION, name: 'SHOW', parameters: PARAMETERS, queue: { package2: codes.map(() => ['SHOW', endpoints.web('welcome')]) }, answer: chosenStatuses(codes) },
    );
  });
});
