import {
  chosenStatuses,
  commandSpec,
  rotatingStatuses,
  runQueuedCommand,
  runUnpromptedCommand,
  test,
} from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ServerURI, ClientURI+';
const UNPROMPTED = { name: 'HPUT', parameters: PARAMETERS, upload: true } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'HPUT(ServerURI, ClientURI+) makes the client send the data at every ClientURI to the ServerURI with HTTP PUT; the DM Server MUST support HPUT (5.3.2)',
};

test.describe('5.3.2 HPUT', () => {
  test(
    'HPUT with two ClientURIs arrives well formed and its status is accepted',
    { tag: ['@5.3.2/hput'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      // No trigger: an HPUT the server sends of its own accord is judged, with its repository's answer to the upload.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'HPUT', parameters: PARAMETERS, queue: { command: ['HPUT', endpoints.upload('hput'), nodes.data, nodes.devId] } },
      );
    },
  );

  test(
    'the server accepts every status the device may return for HPUT',
    { tag: ['@5.3.2/hput'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      const codes = commandSpec('HPUT')?.statusCodes ?? [];
      const queued = codes.map(() => ['HPUT', endpoints.upload('hput'), nodes.devId]);
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('HPUT', codes) });
      await runQueuedCommand(
        { device, server },
        { name: 'HPUT', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
