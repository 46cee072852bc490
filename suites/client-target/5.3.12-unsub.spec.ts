import { changeByExec } from '../../fixtures/client-target/checks.js';
import { expectOneOf, expectThat, inconclusive, refOfCheck, statusOf, SUCCESS_STATUS, test } from '../../fixtures/client-target/index.js';

/** The ClientURI of the node above `clientUri` (section 6.1: the instance root `MOID/MIID/` for a node right under it). */
function parentOf(clientUri: string): string {
  const segments = clientUri.split('?')[0]?.split('/') ?? [];
  return segments.length <= 3 ? `${segments.slice(0, 2).join('/')}/` : segments.slice(0, -1).join('/');
}

test.describe('5.3.12 UNSUB', () => {
  test(
    'UNSUB cancels the SUB with that ClientURI; UNSUB of a ClientURI no SUB named answers 404',
    {
      tag: ['@5.3.12/unsub'],
      annotation: [
        {
          type: 'requirement',
          description:
            'UNSUB(ClientURI) cancels the SUB made with exactly that ClientURI: later changes are no longer sent to its ServerURI; a ClientURI no SUB named gets 404 (5.3.12, App C).',
        },
      ],
    },
    async ({ sessions }) => {
      const { executable, executableEffect, readableLeaf } = sessions.target.nodes;
      if (executableEffect === undefined)
        return inconclusive('the IXIT names no executableEffect node, so dmct cannot cause a change under a subscribed ClientURI', {
          outcome: 'precondition-not-met',
        });
      const cancelled = sessions.uniqueName('unsubscribed');
      const control = sessions.uniqueName('still-subscribed');
      const { engine } = sessions;
      // The control SUB watches the same change through another ClientURI (the node above), so a
      // missing upload to the cancelled SUB's ServerURI means "cancelled", not "no change was sent".
      const change = changeByExec(sessions, executable, executableEffect);
      // One command per Package#2, so that the package rules (5.2.3, 5.2.4) are not relied on.
      const run = await sessions.run([
        ...change.before,
        sessions.padded(['SUB', engine.repository.uploadUrl(cancelled), executableEffect]),
        sessions.padded(['UNSUB', executableEffect]),
        sessions.padded(['SUB', engine.repository.uploadUrl(control), parentOf(executableEffect)]),
        sessions.padded(['UNSUB', readableLeaf]),
        ...change.after,
      ]);
      const [unsub, unknown] = [1, 3].map((step) => run.package3s[change.before.length + step]);
      expectOneOf(statusOf(unsub, 0), [SUCCESS_STATUS], {
        rule: 'UNSUB of a subscribed ClientURI answers 200',
        ...(unsub ? { seq: unsub.requestSeq } : {}),
      });
      expectOneOf(statusOf(unknown, 0), [404], {
        rule: 'UNSUB of a ClientURI no SUB named answers 404',
        ...(unknown ? { seq: unknown.requestSeq } : {}),
      });
      const rule = "after UNSUB, changes under the ClientURI are no longer sent to the cancelled SUB's ServerURI";
      const controlUpload = await sessions.uploadTo(control, run.mark);
      if (controlUpload === undefined) {
        await change.ensureChanged(run.mark, rule);
        return inconclusive(
          `the control SUB of ${parentOf(executableEffect)} sent nothing after ${executable} changed ${executableEffect}, so whether UNSUB cancelled anything cannot be told (${refOfCheck({ ruleKey: '5.3.11/sub' }).item} fails on SUB)`,
          { rule, outcome: 'depends-on-failed' },
        );
      }
      const late = await sessions.uploadTo(cancelled, run.mark, sessions.target.timeouts.noSessionWaitMs);
      expectThat(late === undefined, {
        rule,
        expected: `no request to ${cancelled} (the control SUB's upload came)`,
        actual: late === undefined ? '' : `${late.method} with ${late.body.length} bytes`,
        ...(late ? { seq: late.requestSeq } : {}),
      });
    },
  );
});
