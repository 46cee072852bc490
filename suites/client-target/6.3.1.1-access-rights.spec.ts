import { expectThat, inconclusive, readAccounts, readMo, test } from '../../fixtures/client-target/index.js';

test.describe('6.3.1.1 Access rights per command', () => {
  test(
    'a node whose access types lack Get is not read out: the DMAcc Perm subtree',
    {
      tag: ['@6.3.1.1/rights-on-all-nodes'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client carries out a command only when the server holds the rights it needs on every node involved: Read (GET, HPUT, HPOST) needs Get, which the DMAcc <x>/Perm subtree never allows (6.3.1.1, 12.2); the command is refused (403, or 404 for a node the client does not expose; App C).',
        },
      ],
    },
    async ({ sessions }) => {
      const { accounts } = await readAccounts(sessions);
      const own = accounts.find((account) => account.members['SrvID'] === sessions.target.serverId);
      if (own === undefined)
        inconclusive(`no account with SrvID ${sessions.target.serverId} in the data read`, { rule: 'dmct finds its DM account' });
      // A ClientURI echoed without MIID came from a read of the only instance, which the empty MIID still names (6.1.1.1).
      const perm = `${sessions.target.moids.dmAcc}/${own.miid}/Perm`;
      const attempt = await readMo(sessions, perm);
      // 400 and the 5xx App C allows for every command refuse for another reason: they prove nothing either way.
      if (attempt.kind === 'refused' && attempt.status !== undefined && ![200, 204, 403, 404].includes(attempt.status)) {
        inconclusive(`${attempt.via} of ${perm} answered ${attempt.status}, a refusal for another reason than rights`, {
          rule: 'a read of a node without Get is refused',
        });
      }
      expectThat(attempt.kind === 'refused' && (attempt.status === 403 || attempt.status === 404), {
        rule: 'a read of a node without Get is refused',
        expected: `${attempt.via} of ${perm} answered 403 Forbidden (or 404)`,
        actual:
          attempt.kind === 'data'
            ? `${attempt.via} gave the Perm data: ${(attempt.raw ?? JSON.stringify(attempt.entries)).slice(0, 200)}`
            : `${attempt.via} answered ${attempt.status ?? 'no status'}`,
        ...(attempt.seq === undefined ? {} : { seq: attempt.seq }),
      });
    },
  );
});
