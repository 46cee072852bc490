import { runQueuedCommand, runUnpromptedCommand, test } from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ClientURI, ServerURI?';
const UNPROMPTED = { name: 'EXEC', parameters: PARAMETERS, trigger: 'queueCommand' } as const;
const REQUIREMENT = {
  type: 'requirement',
  description:
    'EXEC(ClientURI, ServerURI?) makes the client execute the node; with a ServerURI the result comes asynchronously (202 now, a Generic Alert later); the DM Server MUST support EXEC (5.3.5, 5.4.1)',
};

/**
 * What EXEC support (§5.3.5) mandates of the server is sending EXEC well formed and taking the
 * client's report of it. How the result is reported is §5.4.1's, with rules of their own: without
 * a ServerURI the device reports synchronously (a final 200, its default), and a server refusing
 * that report is charged to synchronous reporting; with a ServerURI the client MUST answer 202
 * (§5.3.5), and a server refusing the 202 is charged to asynchronous reporting. Here a refused
 * report blocks the scenario (depends-on-failed): one broken rule shows as one item.
 */
test.describe('5.3.5 EXEC', () => {
  test(
    'EXEC without a ServerURI arrives well formed and its synchronous report is accepted',
    { tag: ['@5.3.5/exec'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      // No trigger: an EXEC without a ServerURI that the server sends of its own accord is judged.
      if (!server.configured('queueCommand'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, reportRule: '5.4.1/sync-reporting', select: (entry) => entry.length < 3 });
      await runQueuedCommand(
        { device, server },
        { name: 'EXEC', parameters: PARAMETERS, queue: { command: ['EXEC', nodes.executable] }, reportRule: '5.4.1/sync-reporting' },
      );
    },
  );

  test(
    'EXEC with a ServerURI arrives well formed and its 202 Accepted is accepted',
    { tag: ['@5.3.5/exec'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      // No trigger: an EXEC with a ServerURI that the server sends of its own accord is judged.
      if (!server.configured('queueCommand'))
        return runUnpromptedCommand(device, { ...UNPROMPTED, reportRule: '5.4.1/async-reporting', select: (entry) => entry.length >= 3 });
      await runQueuedCommand(
        { device, server },
        {
          name: 'EXEC',
          parameters: PARAMETERS,
          queue: { command: ['EXEC', nodes.asyncExecutable, device.serverUrl] },
          reportRule: '5.4.1/async-reporting',
        },
      );
    },
  );
});
