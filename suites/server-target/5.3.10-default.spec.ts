import {
  chosenStatuses,
  commandSpec,
  INSTALLABLE_MOID,
  rotatingStatuses,
  runQueuedCommand,
  runUnpromptedCommand,
  test,
} from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ServerURI, MOID';
const UNPROMPTED = { name: 'DEFAULT', parameters: PARAMETERS } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'DEFAULT(ServerURI, MOID) makes the client remember the ServerURI as the source to fetch the MOID from when it needs one; the DM Server MUST support DEFAULT (5.3.10)',
};

test.describe('5.3.10 DEFAULT', () => {
  test(
    'DEFAULT arrives well formed and its status is accepted',
    { tag: ['@5.3.10/default'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints }) => {
      // No trigger: a DEFAULT the server sends of its own accord is judged.
      if (!server.configured('queueCommand')) return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queueCommand' });
      await runQueuedCommand(
        { device, server },
        { name: 'DEFAULT', parameters: PARAMETERS, queue: { command: ['DEFAULT', endpoints.repo('installable'), INSTALLABLE_MOID] } },
      );
    },
  );

  test(
    'the server accepts every status the device may return for DEFAULT',
    { tag: ['@5.3.10/default'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints }) => {
      const codes = commandSpec('DEFAULT')?.statusCodes ?? [];
      if (!server.configured('queuePackage2'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, trigger: 'queuePackage2', answer: rotatingStatuses('DEFAULT', codes) });
      const queued = codes.map(() => ['DEFAULT', endpoints.repo('installable'), INSTALLABLE_MOID]);
      await runQueuedCommand(
        { device, server },
        { name: 'DEFAULT', parameters: PARAMETERS, queue: { package2: queued }, answer: chosenStatuses(queued, codes) },
      );
    },
  );
});
