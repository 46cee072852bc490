import { expectThat, readDacmo, readSoleInstance, test } from '../../fixtures/client-target/index.js';

test.describe('12.3 Delegation Access Control MO', () => {
  test(
    'the DACMO instance names its rights as the definition lays them out',
    {
      tag: ['@12.3/dacmo'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The Delegation Access Control MO is <MOID>*/<MIID>*/<x>/{Path?, Permissions/<x>/{MAID, AR}}: Path chr, MAID chr (serverid:<SrvID>, appid:<id> or *), AR an int bit sum of Read 1, Write 2, Execute 4, Delegate 8 (12.3, read as dmmo+json, 7.2.1.4).',
        },
      ],
    },
    async ({ sessions }) => {
      const { instance, at } = await readSoleInstance(sessions, sessions.target.moids.dacmo, 'the DACMO instance', 'inconclusive');
      const { problems } = readDacmo(instance.members);
      expectThat(problems.length === 0, {
        rule: 'the DACMO follows its MO definition',
        expected: 'Path chr; Permissions with MAID chr of a MAID form and AR an int 0–15',
        actual: problems.join('; '),
        ...at,
      });
    },
  );
});
