import { devInfoProblems, expectThat, instancesIn, readMo, requireData, test } from '../../fixtures/client-target/index.js';

test.describe('12.1 DevInfo MO', () => {
  test('the DevInfo instance holds every Required node in its format', {
    tag: ['@12.1/devinfo'],
    annotation: [{ type: 'requirement', description: 'The client holds a DevInfo MO instance with the Required chr leaves DevID, Man, Mod, DmV, Lang, DevType, OEM, FwV, SwV and HwV; Bearer and Ext, when present, are interior nodes; other nodes are extensions (12.1, read as dmmo+json, 7.2.1.4).' }],
  }, async ({ sessions }) => {
    const moid = sessions.target.moids.devInfo;
    const uri = `${moid}//`;
    const read = requireData(await readMo(sessions, uri), 'a DevInfo instance', uri);
    const at = read.seq === undefined ? {} : { seq: read.seq };
    const [instance] = instancesIn(read, moid);
    expectThat(instance !== undefined, { rule: 'the data read holds the DevInfo instance', expected: `an entry whose ClientURI starts with ${moid}/`, actual: read.entries.map((entry) => entry.ClientURI).join(', ') || 'no entry', ...at });
    const problems = devInfoProblems(instance?.members ?? {});
    expectThat(problems.length === 0, { rule: 'DevInfo follows its MO definition', expected: 'every Required leaf present as chr; Bearer and Ext interior', actual: problems.join('; '), ...at });
  });
});
