import { expectThat, SUCCESS_STATUS, expectOneOf, statusOf, test } from '../../fixtures/client-target/index.js';

test.describe('5.3.7 SHOW', () => {
  test(
    'SHOW opens the web page at the ServerURI and the session goes on',
    {
      tag: ['@5.3.7/show'],
      annotation: [
        {
          type: 'requirement',
          description:
            'SHOW: the client SHALL start its browser on the ServerURI and MUST go on with the next command without waiting for the UI session (5.3.7, 5.1.5).',
        },
      ],
    },
    async ({ sessions, dmServer }) => {
      const pageName = sessions.uniqueName('show');
      const page = dmServer.web.pageUrl(pageName, 'uiid=1234');
      const next = sessions.uniqueName('after-show');
      const run = await sessions.run([
        sessions.padded(['SHOW', page]),
        sessions.padded(['HPOST', dmServer.repository.uploadUrl(next), sessions.target.nodes.readableLeaf]),
      ]);
      const [shown] = run.package3s;
      expectOneOf(statusOf(shown, 0), [SUCCESS_STATUS], {
        section: 'App C',
        rule: 'SHOW answers 200 once the UI session started',
        ...(shown ? { seq: shown.requestSeq } : {}),
      });
      const load = await dmServer.awaitEndpoint((e) => e.endpoint === 'web' && e.name === pageName, {
        after: run.mark,
        timeoutMs: sessions.target.timeouts.sessionMs,
        what: `a load of ${page}`,
      });
      expectThat(load.kind === 'received', {
        rule: 'SHOW opens the web page at its ServerURI',
        expected: `an HTTP GET of ${page}`,
        actual: `no request for the page within ${sessions.target.timeouts.sessionMs} ms`,
        ...(shown ? { seq: shown.requestSeq } : {}),
      });
      const continued = await sessions.uploadTo(next, run.mark, 0);
      expectThat(continued !== undefined, {
        rule: 'after SHOW the client goes on with the session',
        expected: 'the command after SHOW runs',
        actual: 'the command of the next Package#2 did not run',
      });
    },
  );
});
