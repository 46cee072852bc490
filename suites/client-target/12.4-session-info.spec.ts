import { expectThat, readSoleInstance, sessionInfoProblems, test } from '../../fixtures/client-target/index.js';

test.describe('12.4 Session Information MO', () => {
  test(
    'the SessionInfo instance holds CBT and ROAMING as ints of their ranges',
    {
      tag: ['@12.4/session-info'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client holds a Session Information MO instance: CBT (int) is 0 OTHERS/UNKNOWN, 1 MOBILE, 2 WIRELESS or 3 WIRELINE; ROAMING (int) is 0 not roaming, 1 roaming or 2 unknown (12.4, read as dmmo+json, 7.2.1.4).',
        },
      ],
    },
    async ({ sessions }) => {
      const { instance, at } = await readSoleInstance(sessions, sessions.target.moids.sessionInfo, 'the SessionInfo instance');
      const problems = sessionInfoProblems(instance.members);
      expectThat(problems.length === 0, {
        rule: 'SessionInfo follows its MO definition',
        expected: 'CBT an int 0–3; ROAMING, when present, an int 0–2',
        actual: problems.join('; '),
        ...at,
      });
    },
  );
});
