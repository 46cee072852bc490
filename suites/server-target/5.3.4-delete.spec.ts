import {
  chosenStatuses,
  commandSpec,
  rotatingStatuses,
  runQueuedCommand,
  runUnpromptedCommand,
  test,
} from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ClientURI';
const UNPROMPTED = { name: 'DELETE', parameters: PARAMETERS } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'DELETE(ClientURI) makes the client delete the node and, for an interior node, its whole subtree; the DM Server MUST support DELETE (5.3.4)',
};

test.describe('5.3.4 DELETE', () => {
  test(
    'DELETE arrives well formed and its status is accepted',
    { tag: ['@5.3.4/delete'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      // No trigger: a DELETE the server sends of its own accord is judged.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'DELETE', parameters: PARAMETERS, queue: { command: ['DELETE', nodes.deletable] } },
      );
    },
  );

  test(
    'the server accepts every status the device may return for DELETE',
    { tag: ['@5.3.4/delete'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const codes = commandSpec('DELETE')?.statusCodes ?? [];
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('DELETE', codes) });
      const queued = codes.map(() => ['DELETE', nodes.missing]);
      await runQueuedCommand(
        { device, server },
        { name: 'DELETE', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
