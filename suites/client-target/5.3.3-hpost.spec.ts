import { checkUpload, test } from '../../fixtures/client-target/index.js';

test.describe('5.3.3 HPOST', () => {
  test(
    "HPOST sends the node's data to the ServerURI with HTTP POST",
    {
      tag: ['@5.3.3/hpost'],
      annotation: [
        {
          type: 'requirement',
          description:
            'HPOST: the client sends the data at the ClientURIs to the ServerURI with an HTTP POST (dmmo+json, or another type the server accepts) and answers 200 once at least one was sent (5.3.3, App C).',
        },
      ],
    },
    async ({ sessions }) => {
      await checkUpload(sessions, 'HPOST');
    },
  );
});
