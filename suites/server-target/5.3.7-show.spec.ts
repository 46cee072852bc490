import {
  chosenStatuses,
  commandSpec,
  rotatingStatuses,
  runQueuedCommand,
  runUnpromptedCommand,
  test,
} from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ServerURI';
const UNPROMPTED = { name: 'SHOW', parameters: PARAMETERS } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'SHOW(ServerURI) makes the client start its web browser on the ServerURI and go on with the next command; the DM Server MUST support SHOW (5.3.7)',
};

test.describe('5.3.7 SHOW', () => {
  test(
    'SHOW arrives well formed and its status is accepted',
    { tag: ['@5.3.7/show'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints }) => {
      // No trigger: a SHOW the server sends of its own accord is judged.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'SHOW', parameters: PARAMETERS, queue: { command: ['SHOW', endpoints.web('welcome')] } },
      );
    },
  );

  test(
    'the server accepts every status the device may return for SHOW',
    { tag: ['@5.3.7/show'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints }) => {
      const codes = commandSpec('SHOW')?.statusCodes ?? [];
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('SHOW', codes) });
      const queued = codes.map(() => ['SHOW', endpoints.web('welcome')]);
      await runQueuedCommand(
        { device, server },
        { name: 'SHOW', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
