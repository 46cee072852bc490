import {
  expectNoViolations,
  expectOneOf,
  SUCCESS_STATUS,
  statusOf,
  test,
  UNRESOLVABLE_CLIENT_URI_ACCEPTED_CODES,
  violationsFor,
  type Command,
} from '../../fixtures/client-target/index.js';

test.describe('5.2.4 Package#3', () => {
  test(
    'one status per command, in command order, each a code allowed for its command; GET data as multipart',
    {
      tag: ['@5.2.4/package3'],
      annotation: [
        {
          type: 'requirement',
          description:
            'Package#3 answers a Package#2 without END with one status per command, in the same order, each code one Appendix C allows for the command; GET data travels in a multipart/form-data body next to it (5.2.4, 7.2.1.3, App C, App F).',
        },
      ],
    },
    async ({ sessions }) => {
      const commands: Command[] = [
        sessions.pad,
        ['HPUT', sessions.engine.repository.uploadUrl(sessions.uniqueName('statuses')), sessions.target.nodes.readableLeaf],
        ...(sessions.target.appliesRule('5.3.6/get') ? [['GET', sessions.target.nodes.readableLeaf] as Command] : []),
      ];
      const run = await sessions.run([commands]);
      const package3 = run.package3s[0];
      if (package3 === undefined) return;
      expectNoViolations(violationsFor('5.2.4/package3', package3), {
        rule: 'Package#3 holds one allowed status per command (7.2.1.3, App C)',
        seq: package3.requestSeq,
      });
      // A DELETE of a missing node cannot succeed and an HPUT of a readable leaf cannot fail with
      // those codes, so statuses swapped between them show up here.
      expectOneOf(statusOf(package3, 0), [...UNRESOLVABLE_CLIENT_URI_ACCEPTED_CODES, 403], {
        rule: 'status 0 answers command 0 (a DELETE of a node that does not exist)',
        seq: package3.requestSeq,
      });
      expectOneOf(statusOf(package3, 1), [SUCCESS_STATUS], {
        rule: 'status 1 answers command 1 (an HPUT of a readable leaf)',
        seq: package3.requestSeq,
      });
    },
  );
});
