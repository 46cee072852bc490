import { expectOneOf, test } from '../../../../../../fixtures/index.js';

test.describe('5.2 Package flow', () => {
  test('Package#2 answers Package#1', { tag: ['@DM-PACK-001-S-M', '@DM-PACK-011-S-M'] }, ({ recorder }) => {
    recorder.note({ label: 'stand-in exchange' });
    expectOneOf(200, [200], { item: 'DM-PACK-011-S-M', section: '5.2.2', rule: 'Package#1 is answered' });
  });

  test('Package#2 carries commands', { tag: ['@DM-PACK-012-S-M'] }, ({ recorder }) => {
    recorder.note({ label: 'stand-in exchange' });
    expectOneOf('HGET', ['HGET', 'HPUT'], { item: 'DM-PACK-012-S-M', section: '5.2.3', rule: 'Package#2 carries a command' });
  });
});
