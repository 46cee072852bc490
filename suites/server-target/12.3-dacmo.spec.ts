import { test } from '../../fixtures/server-target/index.js';
import { runStandardMoRead } from '../../fixtures/server-target/standard-mo.js';

test.describe('12.3 Delegation Access Control MO', () => {
  test(
    'a GET of the Delegation Access Control MO instance arrives well formed and the data returned is accepted',
    {
      tag: ['@12.3/dacmo'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The DM Server MUST support the Delegation Access Control MO (urn:oma:mo:oma-dm-dacmo:1.0) and the access control mechanism it exposes: it reads the rights (<MOID>/<MIID>/<x>/Path and Permissions/<x>/{MAID, AR}) the client returns for a GET of the DACMO instance (10, 12.3)',
        },
      ],
    },
    async ({ device, server, nodes }) => {
      await runStandardMoRead({ device, server }, { moidPrefix: 'urn:oma:mo:oma-dm-dacmo:', root: nodes.dacmoRoot });
    },
  );
});
