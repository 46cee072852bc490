import { devInfoProblems, expectThat, readSoleInstance, test } from '../../fixtures/client-target/index.js';

test.describe('12.1 DevInfo MO', () => {
  test(
    'the DevInfo instance holds every Required node in its format',
    {
      tag: ['@12.1/devinfo'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client holds a DevInfo MO instance with the Required chr leaves DevID, Man, Mod, DmV, Lang, DevType, OEM, FwV, SwV and HwV; Bearer and Ext, when present, are interior nodes; other nodes are extensions (12.1, read as dmmo+json, 7.2.1.4).',
        },
      ],
    },
    async ({ sessions }) => {
      const { instance, at } = await readSoleInstance(sessions, sessions.target.moids.devInfo, 'the DevInfo instance');
      const problems = devInfoProblems(instance.members);
      expectThat(problems.length === 0, {
        rule: 'DevInfo follows its MO definition',
        expected: 'every Required leaf present as chr; Bearer and Ext interior',
        actual: problems.join('; '),
        ...at,
      });
    },
  );
});
