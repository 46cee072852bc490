import { test } from '../../fixtures/client-target/index.js';

const PACKAGE0 = { item: 'DM-PACK-002-C-O', section: '5.2.1' };

test.describe('5.2.1 Package#0 (DM Notification)', () => {
  test('a valid notification opens a session', {
    tag: ['@DM-PACK-002-C-O'],
    annotation: [{ type: 'requirement', description: 'A client that supports Package#0 answers a valid notification by opening a DM session with the server named in it (5.2.1, 5.2.2).' }],
  }, async ({ sessions }) => {
    await sessions.expectSessionOpened({ ...PACKAGE0, rule: 'a valid notification opens a DM session' });
  });

  test('options out of increasing number order: no session', {
    tag: ['@DM-PACK-002-C-O'],
    annotation: [{ type: 'requirement', description: 'Options MUST be written in increasing option-number order; a notification that breaks the format is not a valid Package#0 and opens no session (7.1.1, 5.2.1).' }],
  }, async ({ sessions }) => {
    const spec = sessions.notifier.rawSpecOf(sessions.baseNotification({ reqMos: true }));
    await sessions.expectDropped({ ...spec, options: [...spec.options].reverse() }, 'Package#0 with options out of order', {
      ...PACKAGE0,
      section: '7.1.1',
      rule: 'a notification whose options are out of order opens no session',
    });
  });
});
