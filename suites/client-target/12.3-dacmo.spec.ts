import { expectThat, inconclusive, instancesIn, readDacmo, readMo, requireData, test } from '../../fixtures/client-target/index.js';

test.describe('12.3 Delegation Access Control MO', () => {
  test('the DACMO instance names its rights as the definition lays them out', {
    tag: ['@12.3/dacmo'],
    annotation: [{ type: 'requirement', description: 'The Delegation Access Control MO is <MOID>*/<MIID>*/<x>/{Path?, Permissions/<x>/{MAID, AR}}: Path chr, MAID chr (serverid:<SrvID>, appid:<id> or *), AR an int bit sum of Read 1, Write 2, Execute 4, Delegate 8 (12.3, read as dmmo+json, 7.2.1.4).' }],
  }, async ({ sessions }) => {
    const moid = sessions.target.moids.dacmo;
    const uri = `${moid}//`;
    const read = await readMo(sessions, uri);
    if (read.kind === 'refused' && read.status === 404) {
      inconclusive(`${read.via} of ${uri} answered 404: the client may hold several DACMO instances, or none while no rights were delegated`, { rule: 'dmct reads the DACMO' });
    }
    const data = requireData(read, 'a DACMO instance', uri);
    const at = data.seq === undefined ? {} : { seq: data.seq };
    const [instance] = instancesIn(data, moid);
    expectThat(instance !== undefined, { rule: 'the data read holds the DACMO instance', expected: `an entry whose ClientURI starts with ${moid}/`, actual: data.entries.map((entry) => entry.ClientURI).join(', ') || 'no entry', ...at });
    const { problems } = readDacmo(instance?.members ?? {});
    expectThat(problems.length === 0, { rule: 'the DACMO follows its MO definition', expected: 'Path chr; Permissions with MAID chr of a MAID form and AR an int 0–15', actual: problems.join('; '), ...at });
  });
});
