import { expectOneOf, test } from '../../../../../../fixtures/index.js';

/** The stand-in "mutant": the reference client's accept-wrong-ver fault makes the VER check fail. */
const acceptsWrongVer = (faults: readonly string[]) => faults.includes('accept-wrong-ver');

test.describe('5.2.1 Package#0', () => {
  test('client opens a session for a notification', { tag: ['@5.2.1/package0'] }, ({ recorder }) => {
    recorder.note({ label: 'stand-in notification' });
    expectOneOf('session', ['session'], { ruleKey: '5.2.1/package0', rule: 'a notification opens a session' });
  });

  test('VER other than 2 is dropped', { tag: ['@5.2.1.1/ver-header'] }, ({ recorder, runConfig }) => {
    recorder.note({ label: 'stand-in notification with VER 3' });
    const observed = acceptsWrongVer(runConfig.faults) ? 'a session was opened' : 'no session';
    expectOneOf(observed, ['no session'], { ruleKey: '5.2.1.1/ver-header', rule: 'a Package#0 with VER ≠ 2 is dropped' });
  });
});

test.describe('5.2 Package flow', () => {
  test('client follows the package flow', { tag: ['@5.2/package-flow'] }, async ({ recorder }) => {
    recorder.note({ label: 'stand-in session' });
    // Lets run.test.ts interrupt a run while a scenario is still going: held until the run is
    // stopped (the scenario time-out is the backstop), not for a fixed time.
    if (process.env['DMCT_RUN_TEST_HOLD'] === '1') await new Promise<never>(() => undefined);
    expectOneOf('flow', ['flow'], { ruleKey: '5.2/package-flow', rule: 'the package flow is followed' });
  });
});
