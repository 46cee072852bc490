import { expectOneOf, expectThat, inconclusive, statusOf, SUCCESS_STATUS, test } from '../../fixtures/client-target/index.js';

/** The ClientURI of the node above `clientUri` (section 6.1: the instance root `MOID/MIID/` for a node right under it). */
function parentOf(clientUri: string): string {
  const segments = clientUri.split('?')[0]?.split('/') ?? [];
  return segments.length <= 3 ? `${segments.slice(0, 2).join('/')}/` : segments.slice(0, -1).join('/');
}

test.describe('5.3.12 UNSUB', () => {
  test('UNSUB cancels the SUB with that ClientURI; UNSUB of a ClientURI no SUB named answers 404', {
    tag: ['@5.3.12/unsub'],
    annotation: [{ type: 'requirement', description: 'UNSUB(ClientURI) cancels the SUB made with exactly that ClientURI: later changes are no longer sent to its ServerURI; a ClientURI no SUB named gets 404 (5.3.12, App C).' }],
  }, async ({ sessions }) => {
    const { executable, executableEffect, readableLeaf } = sessions.target.nodes;
    if (executableEffect === undefined) return inconclusive('the IXIT names no executableEffect node, so dmct cannot cause a change under a subscribed ClientURI', { outcome: 'precondition-not-met' });
    const cancelled = sessions.uniqueName('unsubscribed');
    const control = sessions.uniqueName('still-subscribed');
    const { engine } = sessions;
    // The control SUB watches the same change through another ClientURI (the node above), so a
    // missing upload to the cancelled SUB's ServerURI means "cancelled", not "no change was sent".
    const run = await sessions.run([[
      ['SUB', engine.repository.uploadUrl(cancelled), executableEffect],
      ['UNSUB', executableEffect],
      ['SUB', engine.repository.uploadUrl(control), parentOf(executableEffect)],
      ['UNSUB', readableLeaf],
      ['EXEC', executable],
    ]]);
    const [answer] = run.package3s;
    const seq = answer ? { seq: answer.requestSeq } : {};
    expectOneOf(statusOf(answer, 1), [SUCCESS_STATUS], { rule: 'UNSUB of a subscribed ClientURI answers 200', ...seq });
    expectOneOf(statusOf(answer, 3), [404], { rule: 'UNSUB of a ClientURI no SUB named answers 404', ...seq });
    const controlUpload = await sessions.uploadTo(control, run.mark);
    if (controlUpload === undefined) return inconclusive(`the control SUB of ${parentOf(executableEffect)} sent nothing either after ${executable} ran, so no change was delivered at all (5.3.11)`, { outcome: 'depends-on-failed' });
    const late = await sessions.uploadTo(cancelled, run.mark, sessions.target.timeouts.noSessionWaitMs);
    expectThat(late === undefined, {
      rule: 'after UNSUB, changes under the ClientURI are no longer sent to the cancelled SUB\'s ServerURI',
      expected: `no request to ${cancelled} (the control SUB's upload came)`,
      actual: late === undefined ? '' : `${late.method} with ${late.body.length} bytes`,
      ...(late ? { seq: late.requestSeq } : {}),
    });
  });
});
