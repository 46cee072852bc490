import { runQueuedCommand, runUnpromptedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ServerURI, ClientURI+';
const REQUIREMENT = {
  type: 'requirement',
  description:
    'A ServerURI may carry the placeholder [DevID], which the client replaces with its DevInfo DevID (URI-encoded) before use; the DM Server MUST support the [DevID] value in ServerURI (6.2)',
};

/** Whether a command carries a ServerURI with the [DevID] placeholder. */
const carriesDevIdPlaceholder = (entry: readonly unknown[]): boolean =>
  entry.slice(1).some((value) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && value.includes('[DevID]'));

test.describe('6.2 ServerURI', () => {
  test(
    'a ServerURI with [DevID] arrives with the placeholder intact and the status of its command is accepted',
    { tag: ['@6.2/serveruri-devid'], annotation: [REQUIREMENT] },
    async ({ device, server, endpoints, nodes }) => {
      // How many parameters HPUT takes is the rule of 5.3.2: a miscounted HPUT blocks this scenario once its ServerURI is judged.
      const check = { name: 'HPUT', parameters: PARAMETERS, countRule: '5.3.2/hput' } as const;
      // No trigger: an HPUT to a ServerURI with [DevID] the server sends of its own accord is judged.
      if (!server.configured('queueCommand'))
        return runUnpromptedCommand(device, { ...check, select: carriesDevIdPlaceholder, trigger: 'queueCommand', upload: true });
      // The queued HPUT must arrive with its ServerURI as queued, the placeholder intact for the client to replace.
      await runQueuedCommand(
        { device, server },
        { ...check, queue: { command: ['HPUT', `${endpoints.base}/upload/device-[DevID]`, nodes.devId] } },
      );
    },
  );
});
