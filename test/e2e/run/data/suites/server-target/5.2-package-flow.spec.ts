import { expectOneOf, test } from '../../../../../../fixtures/index.js';

test.describe('5.2 Package flow', () => {
  test('Package#2 answers Package#1', { tag: ['@5.2/package-flow', '@5.2.2/package1'] }, ({ recorder }) => {
    recorder.note({ label: 'stand-in exchange' });
    expectOneOf(200, [200], { ruleKey: '5.2.2/package1', rule: 'Package#1 is answered' });
  });

  test('Package#2 carries commands', { tag: ['@5.2.3/package2'] }, ({ recorder }) => {
    recorder.note({ label: 'stand-in exchange' });
    expectOneOf('HGET', ['HGET', 'HPUT'], { ruleKey: '5.2.3/package2', rule: 'Package#2 carries a command' });
  });
});
