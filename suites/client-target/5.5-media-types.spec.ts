import { expectThat, isMediaType, statusOf, test } from '../../fixtures/client-target/index.js';

/** The only body type dmct's OMADM-Accept names: a raw leaf value (App I.1), not the default dmmo+json. */
const ACCEPTED = 'text/plain';

test.describe('5.5 Media types', () => {
  test(
    'an upload follows the OMADM-Accept of the response that carried the Package#2, or the command gets 406',
    {
      tag: ['@5.5/omadm-accept-honoured'],
      annotation: [
        {
          type: 'requirement',
          description:
            'OMADM-Accept on the response carrying a Package#2 names the media types the server takes: the client sends HPUT/HPOST bodies in one of them; when it can produce none, it answers the command with 406 (5.5, 5.3.2, App C).',
        },
      ],
    },
    async ({ sessions }) => {
      const upload = sessions.readBackCommand(sessions.target.nodes.readableLeaf);
      sessions.engine.script({ package2: { CMD: [upload.command, sessions.pad] }, headers: { 'OMADM-Accept': ACCEPTED } });
      const package1 = await sessions.start();
      const answer = await sessions.nextPackage3(package1);
      const status = statusOf(answer, 0);
      const sent = await sessions.uploadTo(upload.name, package1.order, 0);
      expectThat(sent === undefined ? status === 406 : isMediaType(sent.mediaType, ACCEPTED), {
        rule: 'an HPUT body is sent in a media type OMADM-Accept names, or the HPUT answers 406',
        expected: [`an HTTP PUT with Content-Type ${ACCEPTED}`, 'status 406 and no upload'],
        actual:
          sent === undefined
            ? `no upload, status ${status ?? 'none'}`
            : `an upload with Content-Type ${sent.mediaType ?? 'none'} (status ${status ?? 'none'})`,
        seq: sent?.requestSeq ?? answer.requestSeq,
      });
    },
  );
});
