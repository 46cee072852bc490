import { chosenStatuses, runQueuedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';

const ITEM = 'DM-PACK-018-S-M';
const SECTION = '5.3.5';
const PARAMETERS = 'ClientURI, ServerURI?';
const REQUIREMENT = {
  type: 'requirement',
  description:
    'EXEC(ClientURI, ServerURI?) makes the client execute the node; with a ServerURI the result comes asynchronously (202 now, a Generic Alert later); the DM Server MUST support EXEC (5.3.5, 5.4.1)',
};

// Final (synchronous) EXEC codes are the synchronous-reporting item's (5.4.1 scenarios); here the device answers 202.
test.describe('5.3.5 EXEC', () => {
  test('EXEC without a ServerURI arrives well formed and a 202 Accepted is accepted', { tag: ['@DM-PACK-018-S-M'], annotation: [REQUIREMENT] }, async ({ device, server, nodes }) => {
    await runQueuedCommand(
      { device, server },
      { item: ITEM, section: SECTION, name: 'EXEC', parameters: PARAMETERS, queue: { command: ['EXEC', nodes.executable] }, answer: chosenStatuses([202]) },
    );
  });

  test('EXEC with a ServerURI arrives well formed and its 202 Accepted is accepted', { tag: ['@DM-PACK-018-S-M'], annotation: [REQUIREMENT] }, async ({ device, server, nodes }) => {
    await runQueuedCommand({ device, server }, { item: ITEM, section: SECTION, name: 'EXEC', parameters: PARAMETERS, queue: { command: ['EXEC', nodes.asyncExecutable, device.serverUrl] } });
  });
});
