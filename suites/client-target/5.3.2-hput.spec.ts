import { checkUpload, test } from '../../fixtures/client-target/index.js';

test.describe('5.3.2 HPUT', () => {
  test(
    "HPUT sends the node's data to the ServerURI with HTTP PUT",
    {
      tag: ['@5.3.2/hput'],
      annotation: [
        {
          type: 'requirement',
          description:
            'HPUT: the client sends the data at the ClientURIs to the ServerURI with an HTTP PUT (dmmo+json, or another type the server accepts) and answers 200 once at least one was sent (5.3.2, App C).',
        },
      ],
    },
    async ({ sessions }) => {
      await checkUpload(sessions, 'HPUT');
    },
  );
});
