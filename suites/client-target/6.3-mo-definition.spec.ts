import { expectThat, nodeDataProblems, readAccounts, readSoleInstance, test } from '../../fixtures/client-target/index.js';

test.describe('6.3 MO definition', () => {
  test(
    "the standard MOs' nodes have valid names and values of a node format",
    {
      tag: ['@6.3/mo-definition'],
      annotation: [
        {
          type: 'requirement',
          description:
            "The client's MOs follow the MO definition rules: every node name is 1*unreserved, every interior node a JSON object and every leaf a value of one of the node formats (6.3, 6.3.1; dmmo+json, 7.2.1.4). Read on DevInfo, SessionInfo and the DM accounts, whose definitions name no node with other characters.",
        },
      ],
    },
    async ({ sessions }) => {
      const devInfo = await readSoleInstance(sessions, sessions.target.moids.devInfo, 'the DevInfo instance');
      const sessionInfo = await readSoleInstance(sessions, sessions.target.moids.sessionInfo, 'the SessionInfo instance');
      const { accounts } = await readAccounts(sessions);
      const problems = [devInfo.instance, sessionInfo.instance, ...accounts].flatMap((instance) =>
        nodeDataProblems(instance.members, instance.clientUri),
      );
      expectThat(problems.length === 0, {
        rule: 'MO nodes follow the definition rules',
        expected: '1*unreserved node names; objects and format values only',
        actual: problems.join('; '),
      });
    },
  );
});
