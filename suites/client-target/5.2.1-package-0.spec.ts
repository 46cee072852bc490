import { test } from '../../fixtures/client-target/index.js';

test.describe('5.2.1 Package#0 (DM Notification)', () => {
  test(
    'a valid notification opens a session',
    {
      tag: ['@5.2.1/package0'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A client that supports Package#0 answers a valid notification by opening a DM session with the server named in it (5.2.1, 5.2.2).',
        },
      ],
    },
    async ({ sessions }) => {
      await sessions.expectSessionOpened({ rule: 'a valid notification opens a DM session' });
    },
  );

  // §7.1.1.2 writes each option's number as a 4-bit unsigned delta from the previous one, so the
  // only order that breaks "increasing option-number order" and can be written is a delta of 0:
  // the same number again. A lower number cannot be written (a wrapped delta reads as a higher,
  // unknown option, which a client may accept). SERVER-ID is ZeroOrOne (§5.2.1.2 Table 1), so its
  // repetition is malformed whatever the reader makes of it; it repeats the same value, so nothing
  // but the order is wrong.
  test(
    'an option number repeated (delta 0, not increasing): no session',
    {
      tag: ['@5.2.1/package0'],
      annotation: [
        {
          type: 'requirement',
          description:
            'Options MUST be written in increasing option-number order and each occurs at most once; a notification repeating an option number (delta 0) breaks the format, is not a valid Package#0 and opens no session (7.1.1, 5.2.1.2, 5.2.1).',
        },
      ],
    },
    async ({ sessions }) => {
      const spec = sessions.notifier.rawSpecOf(sessions.baseNotification());
      const [first, ...rest] = spec.options;
      if (first === undefined) throw new Error('dmct: the base notification has no option');
      await sessions.expectDropped(
        { ...spec, options: [first, { ...first, delta: 0 }, ...rest] },
        'Package#0 repeating its first option with delta 0',
        {
          section: '7.1.1',
          rule: 'a notification whose option numbers do not increase (an option repeated with delta 0) opens no session',
        },
      );
    },
  );
});
