import { test } from '../../fixtures/server-target/index.js';
import { runStandardMoRead } from '../../fixtures/server-target/standard-mo.js';

test.describe('12.2 DM Account MO', () => {
  test(
    'a GET of the DM Account instance arrives well formed and the data returned is accepted',
    {
      tag: ['@12.2/dmacc'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The DM Server MUST support the DM Account MO (urn:oma:mo:oma-dm-dmacc:1.2): it reads the account data (SrvID, SrvURI, Name; Perm and the secrets are never readable) the client returns for a GET of its DMAcc instance (12.2)',
        },
      ],
    },
    async ({ device, server, nodes }) => {
      await runStandardMoRead({ device, server }, { moidPrefix: 'urn:oma:mo:oma-dm-dmacc:', root: nodes.dmAccRoot });
    },
  );
});
