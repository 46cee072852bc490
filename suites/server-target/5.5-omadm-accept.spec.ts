import { expectPackage2 } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { expectOmadmAccept } from '../../fixtures/server-target/media-type-checks.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'A DM Server that supports serializations beyond the mandated ones MUST say so with the OMADM-Accept response header, of the same syntax as Accept; the client then uses one of those types for later uploads (5.5)',
};

test.describe('5.5 OMADM-Accept', () => {
  test(
    'the responses carrying a Package#2 announce the accepted serializations in OMADM-Accept',
    { tag: ['@5.5/omadm-accept'], annotation: [REQUIREMENT] },
    async ({ device }) => {
      const transcript = await device.session();
      const [first] = transcript.rounds;
      if (first === undefined) throw new Error('dmct: a session without a first round');
      expectPackage2(first.reply, { ruleKey: '5.2.2/package1', rule: 'the server answers a client-initiated Package#1 with a Package#2' });
      expectOmadmAccept(transcript);
    },
  );
});
