import { chosenStatuses, rotatingStatuses, runQueuedCommand, runUnpromptedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { commandSpec } from '../../fixtures/server-target/protocol.js';

const PARAMETERS = 'ServerURI, ClientURI';
const UNPROMPTED = { name: 'SUB', parameters: PARAMETERS } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'SUB(ServerURI, ClientURI) makes the client send the subtree at ClientURI to ServerURI with HTTP PUT whenever it changes; a DM Server supporting SUB sends it with both parameters and takes the statuses the client may return (5.3.11)',
};

test.describe('5.3.11 SUB', () => {
  test(
    'SUB arrives well formed and its status is accepted',
    { tag: ['@5.3.11/sub'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      // No trigger: a SUB the server sends of its own accord is judged.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'SUB', parameters: PARAMETERS, queue: { command: ['SUB', endpoints.upload('sub'), nodes.data] } },
      );
    },
  );

  test(
    'the server accepts every status the device may return for SUB',
    { tag: ['@5.3.11/sub'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      const codes = commandSpec('SUB')?.statusCodes ?? [];
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('SUB', codes) });
      const queued = codes.map(() => ['SUB', endpoints.upload('sub'), nodes.data]);
      await runQueuedCommand(
        { device, server },
        { name: 'SUB', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
