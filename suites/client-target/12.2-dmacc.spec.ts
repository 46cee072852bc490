import { dmAccountProblems, expectThat, readAccounts, test } from '../../fixtures/client-target/index.js';

test.describe('12.2 DM Account MO', () => {
  test(
    'the account of the DM server dmct plays holds SrvID, SrvURI and Name in their formats',
    {
      tag: ['@12.2/dmacc'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client holds one DM Account MO instance per DM server: SrvID, SrvURI and Name are Required chr leaves; Auth, Push and Ext, when present, are interior nodes, Auth/Noti/Type an int (12.2, read as dmmo+json, 7.2.1.4).',
        },
      ],
    },
    async ({ sessions }) => {
      const { accounts, at } = await readAccounts(sessions);
      const own = accounts.find((account) => account.members['SrvID'] === sessions.target.serverId);
      expectThat(own !== undefined, {
        rule: 'the client holds a DM account for the server it opens sessions with',
        expected: `an account whose SrvID is ${sessions.target.serverId}`,
        actual:
          accounts.map((account) => `${account.clientUri} SrvID ${JSON.stringify(account.members['SrvID'])}`).join(', ') || 'no account',
        ...at,
      });
      const problems = accounts.flatMap((account) =>
        dmAccountProblems(account.members).map((problem) => `${account.clientUri}: ${problem}`),
      );
      expectThat(problems.length === 0, {
        rule: 'each DM account follows its MO definition',
        expected: 'SrvID, SrvURI and Name present as chr; Auth, Push, Ext interior',
        actual: problems.join('; '),
        ...at,
      });
    },
  );
});
