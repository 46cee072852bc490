import { chosenStatuses, rotatingStatuses, runQueuedCommand, runUnpromptedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { commandSpec } from '../../fixtures/server-target/protocol.js';

const PARAMETERS = 'ClientURI';
const UNPROMPTED = { name: 'UNSUB', parameters: PARAMETERS } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'UNSUB(ClientURI) cancels the SUB made with exactly that ClientURI (404 when there is none); a DM Server supporting UNSUB sends it with the ClientURI and takes the statuses the client may return (5.3.12)',
};

test.describe('5.3.12 UNSUB', () => {
  test(
    'UNSUB after a SUB of the same ClientURI arrives well formed and its status is accepted',
    { tag: ['@5.3.12/unsub'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      // No trigger: an UNSUB the server sends of its own accord is judged.
      if (!server.configured('queuePackage2')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2' });
      await runQueuedCommand(
        { device, server },
        {
          name: 'UNSUB',
          parameters: PARAMETERS,
          queue: {
            package2: [
              ['SUB', endpoints.upload('sub'), nodes.data],
              ['UNSUB', nodes.data],
            ],
          },
        },
      );
    },
  );

  test(
    'the server accepts every status the device may return for UNSUB',
    { tag: ['@5.3.12/unsub'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const codes = commandSpec('UNSUB')?.statusCodes ?? [];
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('UNSUB', codes) });
      const queued = codes.map(() => ['UNSUB', nodes.data]);
      await runQueuedCommand(
        { device, server },
        { name: 'UNSUB', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
