import { test } from '../../fixtures/client-target/index.js';

test.describe('5.2.1.1 Package#0 header (VER, OC)', () => {
  test(
    'VER other than 2: no session',
    {
      tag: ['@5.2.1.1/ver-header'],
      annotation: [
        {
          type: 'requirement',
          description:
            'VER is 0x02 for this version of the notification; a notification of another version is not one this client may act on (5.2.1.1).',
        },
      ],
    },
    async ({ sessions }) => {
      const spec = sessions.notifier.rawSpecOf(sessions.baseNotification());
      await sessions.expectDropped({ ...spec, version: 1 }, 'Package#0 with VER 1', {
        rule: 'a notification whose VER is not 2 opens no session',
      });
    },
  );

  test(
    'OC that does not count the options present: no session',
    {
      tag: ['@5.2.1.1/oc-header'],
      annotation: [
        {
          type: 'requirement',
          description:
            'OC is the number of options present in the notification; one whose OC does not match is malformed (5.2.1.1, 7.1.1).',
        },
      ],
    },
    async ({ sessions }) => {
      const spec = sessions.notifier.rawSpecOf(sessions.baseNotification());
      const count = spec.options.length;
      await sessions.expectDropped(
        { ...spec, optionCount: count > 1 ? count - 1 : count + 1 },
        `Package#0 with OC ${count > 1 ? count - 1 : count + 1} for ${count} options`,
        {
          rule: 'a notification whose OC does not match its options opens no session',
        },
      );
    },
  );
});
