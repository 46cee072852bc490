import {
  chosenStatuses,
  commandSpec,
  rotatingStatuses,
  runQueuedCommand,
  runUnpromptedCommand,
  test,
} from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ServerURI, ClientURI+';
const UNPROMPTED = { name: 'HPOST', parameters: PARAMETERS, upload: true } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'HPOST(ServerURI, ClientURI+) makes the client send the data at every ClientURI to the ServerURI with HTTP POST; the DM Server MUST support HPOST (5.3.3)',
};

test.describe('5.3.3 HPOST', () => {
  test(
    'HPOST with two ClientURIs arrives well formed and its status is accepted',
    { tag: ['@5.3.3/hpost'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      // No trigger: an HPOST the server sends of its own accord is judged, with its repository's answer to the upload.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'HPOST', parameters: PARAMETERS, queue: { command: ['HPOST', endpoints.upload('hpost'), nodes.data, nodes.devId] } },
      );
    },
  );

  test(
    'the server accepts every status the device may return for HPOST',
    { tag: ['@5.3.3/hpost'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      const codes = commandSpec('HPOST')?.statusCodes ?? [];
      const queued = codes.map(() => ['HPOST', endpoints.upload('hpost'), nodes.devId]);
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('HPOST', codes) });
      await runQueuedCommand(
        { device, server },
        { name: 'HPOST', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
