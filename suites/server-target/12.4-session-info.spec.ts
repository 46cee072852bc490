import { test } from '../../fixtures/server-target/index.js';
import { runStandardMoRead } from '../../fixtures/server-target/standard-mo.js';

test.describe('12.4 Session Information MO', () => {
  test(
    'a GET of the Session Information MO instance arrives well formed and the data returned is accepted',
    {
      tag: ['@12.4/session-info'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The DM Server MUST support the Session Information MO (urn:oma:mo:oma-sessioninfomo:1.0): it reads the current bearer (CBT) and roaming state (ROAMING) the client returns for a GET of the SessionInfo instance (12.4)',
        },
      ],
    },
    async ({ device, server, nodes }) => {
      await runStandardMoRead({ device, server }, { moidPrefix: 'urn:oma:mo:oma-sessioninfomo:', root: nodes.sessionInfoRoot });
    },
  );
});
