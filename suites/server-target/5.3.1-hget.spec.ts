import {
  chosenStatuses,
  commandSpec,
  rotatingStatuses,
  runQueuedCommand,
  runUnpromptedCommand,
  test,
} from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ServerURI, ClientURI?';
const UNPROMPTED = { name: 'HGET', parameters: PARAMETERS } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'HGET(ServerURI, ClientURI?) makes the client fetch the ServerURI and store the data at the ClientURI, or where it chooses and reports in URI; the DM Server MUST support HGET (5.3.1)',
};

test.describe('5.3.1 HGET', () => {
  test(
    'HGET with a ClientURI arrives well formed and its status is accepted',
    { tag: ['@5.3.1/hget'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      // No trigger: an HGET the server sends of its own accord is judged.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'HGET', parameters: PARAMETERS, queue: { command: ['HGET', endpoints.repo('name'), nodes.dataLeaf] } },
      );
    },
  );

  test(
    'HGET without a ClientURI arrives well formed and the stored location reported in URI is accepted',
    { tag: ['@5.3.1/hget'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints }) => {
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'HGET', parameters: PARAMETERS, queue: { command: ['HGET', endpoints.repo('installable')] } },
      );
    },
  );

  test(
    'the server accepts every status the device may return for HGET',
    { tag: ['@5.3.1/hget'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      const codes = commandSpec('HGET')?.statusCodes ?? [];
      const queued = codes.map(() => ['HGET', endpoints.repo('name'), nodes.dataLeaf]);
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('HGET', codes) });
      await runQueuedCommand(
        { device, server },
        { name: 'HGET', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
