import { dmAccountProblems, expectThat, inconclusive, instancesIn, readMo, requireData, test } from '../../fixtures/client-target/index.js';

test.describe('12.2 DM Account MO', () => {
  test('the account of the DM server dmct plays holds SrvID, SrvURI and Name in their formats', {
    tag: ['@12.2/dmacc'],
    annotation: [{ type: 'requirement', description: 'The client holds one DM Account MO instance per DM server: SrvID, SrvURI and Name are Required chr leaves; Auth, Push and Ext, when present, are interior nodes, Auth/Noti/Type an int (12.2, read as dmmo+json, 7.2.1.4).' }],
  }, async ({ sessions }) => {
    const moid = sessions.target.moids.dmAcc;
    // Several accounts make "the only instance" (an empty MIID) an error (6.1.1.1): all of them need the wildcard.
    const wildcard = sessions.target.applies('DM-OBJ-002-C-O');
    const uri = wildcard ? `${moid}/*/` : `${moid}//`;
    const read = await readMo(sessions, uri);
    if (!wildcard && read.kind === 'refused' && read.status === 404) {
      inconclusive(`${read.via} of ${uri} answered 404: the client may hold several accounts, which only a wildcard (not claimed) reads together`, { rule: 'dmct reads the DM accounts' });
    }
    const data = requireData(read, 'a DM Account instance', uri);
    const at = data.seq === undefined ? {} : { seq: data.seq };
    const accounts = instancesIn(data, moid);
    const own = accounts.find((account) => account.members['SrvID'] === sessions.target.serverId);
    expectThat(own !== undefined, {
      rule: 'the client holds a DM account for the server it opens sessions with',
      expected: `an account whose SrvID is ${sessions.target.serverId}`,
      actual: accounts.map((account) => `${account.clientUri} SrvID ${JSON.stringify(account.members['SrvID'])}`).join(', ') || 'no account',
      ...at,
    });
    const problems = accounts.flatMap((account) => dmAccountProblems(account.members).map((problem) => `${account.clientUri}: ${problem}`));
    expectThat(problems.length === 0, { rule: 'each DM account follows its MO definition', expected: 'SrvID, SrvURI and Name present as chr; Auth, Push, Ext interior', actual: problems.join('; '), ...at });
  });
});
