import { runQueuedCommand, runUnpromptedCommand } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';

const PARAMETERS = 'ServerURI, ClientURI+';

/** The ServerURI placeholders of 6.2, each the rule of its own SCR item (DM-OBJ-004-S … DM-OBJ-009-S), with what the client puts there. */
const PLACEHOLDERS = [
  { name: 'DevID', value: 'its DevInfo DevID' },
  { name: 'MNC', value: 'its home MNC, or -1 without a mobile network' },
  { name: 'MCC', value: 'its home MCC, or -1 without a mobile network' },
  { name: 'CMNC', value: 'its current MNC, or -1 without a mobile network' },
  { name: 'CMCC', value: 'its current MCC, or -1 without a mobile network' },
  { name: 'SPName', value: 'its service provider name, or -1 without one' },
] as const;

test.describe('6.2 ServerURI', () => {
  test(
    'a ServerURI with percent-encoded characters and a query arrives exactly as queued and the status of its command is accepted',
    {
      tag: ['@6.2/serveruri'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A ServerURI is any URI of RFC 3986, query included, which the client uses as given once its placeholders are replaced; the DM Server MUST support ServerURI (6.2)',
        },
      ],
    },
    async ({ device, server, endpoints, nodes }) => {
      // How many parameters HPUT takes is the rule of 5.3.2, judged there.
      const check = { name: 'HPUT', parameters: PARAMETERS, countRule: '5.3.2/hput' } as const;
      /** Whether a command carries a ServerURI with a query. */
      const carriesQuery = (entry: readonly unknown[]): boolean =>
        entry.slice(1).some((param) => typeof param === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^?#]*\?/i.test(param));
      if (!server.configured('queueCommand'))
        return runUnpromptedCommand(device, { ...check, select: carriesQuery, trigger: 'queueCommand', upload: true });
      await runQueuedCommand(
        { device, server },
        { ...check, queue: { command: ['HPUT', `${endpoints.upload('any uri')}?session=1&mark=%7Edmct`, nodes.devId] } },
      );
    },
  );

  for (const { name, value } of PLACEHOLDERS) {
    const placeholder = `[${name}]`;
    /** Whether a command carries a ServerURI with this placeholder. */
    const carriesPlaceholder = (entry: readonly unknown[]): boolean =>
      entry.slice(1).some((param) => typeof param === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(param) && param.includes(placeholder));
    test(
      `a ServerURI with ${placeholder} arrives with the placeholder intact and the status of its command is accepted`,
      {
        tag: [`@6.2/serveruri-${name.toLowerCase()}`],
        annotation: [
          {
            type: 'requirement',
            description: `A ServerURI may carry the placeholder ${placeholder}, which the client replaces with ${value} (URI-encoded) before use; the DM Server MUST support the ${placeholder} value in ServerURI (6.2)`,
          },
        ],
      },
      async ({ device, server, endpoints, nodes }) => {
        // How many parameters HPUT takes is the rule of 5.3.2: a miscounted HPUT blocks this scenario once its ServerURI is judged.
        const check = { name: 'HPUT', parameters: PARAMETERS, countRule: '5.3.2/hput' } as const;
        // No trigger: an HPUT to a ServerURI with the placeholder the server sends of its own accord is judged.
        if (!server.configured('queueCommand'))
          return runUnpromptedCommand(device, { ...check, select: carriesPlaceholder, trigger: 'queueCommand', upload: true });
        // The queued HPUT must arrive with its ServerURI as queued, the placeholder intact for the client to replace.
        await runQueuedCommand(
          { device, server },
          { ...check, queue: { command: ['HPUT', `${endpoints.base}/upload/device-${placeholder}`, nodes.devId] } },
        );
      },
    );
  }
});
