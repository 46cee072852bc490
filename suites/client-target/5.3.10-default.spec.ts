import { expectOneOf, expectThat, precondition, statusOf, SUCCESS_STATUS, test } from '../../fixtures/client-target/index.js';

/** True when a trigger's answer says the MO is already there (e.g. a JSON `"present": true`). */
function reportsPresent(answer: string | undefined): boolean {
  return answer !== undefined && /"present"\s*:\s*true\b/i.test(answer);
}

test.describe('5.3.10 DEFAULT', () => {
  test(
    'DEFAULT is remembered: a later local need for the MO fetches it from the ServerURI',
    {
      tag: ['@5.3.10/default'],
      annotation: [
        {
          type: 'requirement',
          description:
            'DEFAULT(ServerURI, MOID): the client remembers the ServerURI as the source of that MOID; when something local needs the MO and the tree has none, it retrieves it from there as with an HGET (5.3.10, App I.3).',
        },
      ],
    },
    async ({ sessions, dmServer }) => {
      const moid = sessions.target.nodes.deletableMoid;
      const sourceName = sessions.uniqueName('default-source');
      // The source answers 404, so the fetch is seen but nothing gets installed on the client.
      const source = dmServer.repository.offer(sourceName, { failWith: 404 });
      // The rule presupposes the tree holds no instance of the MO (5.3.10): an HPUT of the MO (5.3.2)
      // in the same package shows whether one is there.
      const probe = sessions.readBackCommand(`${moid}//`);
      const run = await sessions.run([[['DEFAULT', source, moid], probe.command]]);
      const [answer] = run.package3s;
      expectOneOf(statusOf(answer, 0), [SUCCESS_STATUS], {
        section: 'App C',
        rule: 'DEFAULT answers 200 once received',
        ...(answer ? { seq: answer.requestSeq } : {}),
      });
      const instance = await sessions.uploadTo(probe.name, run.mark, 0);
      precondition(instance === undefined, {
        precondition: `the tree holds no instance of ${moid}`,
        observed: `an HPUT of ${moid}// uploaded ${instance?.body.length ?? 0} bytes`,
        ...(instance ? { seq: instance.requestSeq } : {}),
      });
      const mark = dmServer.mark();
      const triggerAnswer = await sessions.pull('needMoid', sessions.target.needMoid, { moid });
      precondition(!reportsPresent(triggerAnswer), {
        precondition: `the tree holds no instance of ${moid} when the needMoid trigger is pulled`,
        observed: `the trigger answered ${triggerAnswer?.slice(0, 200) ?? ''}`,
      });
      const fetched = await dmServer.awaitEndpoint((e) => e.endpoint === 'repository' && e.name === sourceName && e.method === 'GET', {
        after: mark,
        timeoutMs: sessions.target.timeouts.sessionMs,
        what: `a fetch of the DEFAULT source ${source}`,
      });
      expectThat(fetched.kind === 'received', {
        rule: 'when the MO is needed, the client fetches it from the ServerURI DEFAULT named',
        expected: `an HTTP GET of ${source} after the needMoid trigger`,
        actual: `no request for the DEFAULT source within ${sessions.target.timeouts.sessionMs} ms`,
      });
    },
  );
});
