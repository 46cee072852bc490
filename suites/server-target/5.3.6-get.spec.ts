import {
  chosenStatuses,
  commandSpec,
  getDataOf,
  rotatingStatuses,
  runQueuedCommand,
  runUnpromptedCommand,
  test,
} from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ClientURI';
const UNPROMPTED = { name: 'GET', parameters: PARAMETERS } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'GET(ClientURI) makes the client return the data at the ClientURI inside the session, in a multipart Package#3; the DM Server MUST support GET (5.3.6, App F)',
};

test.describe('5.3.6 GET', () => {
  test(
    'GET arrives well formed and the multipart reply with its data is accepted',
    { tag: ['@5.3.6/get'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      // No trigger: a GET the server sends of its own accord is judged, with dmct's data for it.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand({ device, server }, { name: 'GET', parameters: PARAMETERS, queue: { command: ['GET', nodes.data] } });
    },
  );

  test(
    'the server accepts every status the device may return for GET',
    { tag: ['@5.3.6/get'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const codes = commandSpec('GET')?.statusCodes ?? [];
      // Unprompted, dmct has no data chosen for the server's ClientURI: the other codes rotate, 200 with data is the scenario above.
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, {
          ...UNPROMPTED,
          trigger: 'queuePackage2',
          answer: rotatingStatuses(
            'GET',
            codes.filter((code) => code !== 200),
          ),
        });
      const queued = codes.map(() => ['GET', nodes.devId]);
      await runQueuedCommand(
        { device, server },
        {
          name: 'GET',
          parameters: PARAMETERS,
          queue: { package2: queued },
          answer: chosenStatuses(queued, codes, await getDataOf(device, nodes.devId)),
        },
      );
    },
  );
});
