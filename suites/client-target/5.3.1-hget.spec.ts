import {
  expectNoViolations,
  expectOneOf,
  expectThat,
  HGET_REPOSITORY_FAILURE_CODES,
  HGET_SAMPLE_REFUSAL_CODES,
  inconclusive,
  refOfCheck,
  statusOf,
  SUCCESS_STATUS,
  test,
  violationsFor,
} from '../../fixtures/client-target/index.js';

test.describe('5.3.1 HGET', () => {
  test(
    'HGET fetches the ServerURI with GET and stores the data where asked or where it reports; a failing repository gives 419',
    {
      tag: ['@5.3.1/hget'],
      annotation: [
        {
          type: 'requirement',
          description:
            'HGET: the client retrieves the data with an HTTP GET of the ServerURI and stores it, at the ClientURI replacing what is there; without a ClientURI it chooses the place and MUST list it in the status URI; when the GET fails and nothing is received the status is 419 (5.3.1, App C).',
        },
      ],
    },
    async ({ sessions }) => {
      const { repository } = sessions.engine;
      const token = `dmct-${Date.now().toString(36)}`;
      const sourceName = sessions.uniqueName('install');
      const source = repository.offer(sourceName, {
        moData: [{ ClientURI: `${sessions.target.nodes.deletableMoid}//`, MOData: { Dmct: { Name: token } } }],
      });
      const replacement = `${token}-replaced`;
      const leafSource = repository.offer(sessions.uniqueName('leaf'), { text: replacement });
      let stored: string | undefined;
      let leaf: string | undefined;
      const reads: string[] = [];
      const readBack = (uri: string) => {
        const { command, name } = sessions.readBackCommand(uri);
        reads.push(name);
        return sessions.padded(command);
      };
      const run = await sessions.run([
        sessions.padded(['HGET', source]),
        (answer) => {
          stored = answer.package3?.Status[0]?.URI?.[0];
          return stored === undefined ? [sessions.pad] : readBack(stored);
        },
        // With a ClientURI the data goes exactly there, replacing what is there: the leaf just created.
        () => {
          leaf = stored === undefined ? undefined : `${stored.replace(/\/$/, '')}/Name`;
          return leaf === undefined ? [sessions.pad] : sessions.padded(['HGET', leafSource, leaf]);
        },
        () => (leaf === undefined ? [sessions.pad] : readBack(leaf)),
        // Leave the tree as it was found: remove what HGET created.
        () => (stored === undefined ? [sessions.pad] : sessions.padded(['DELETE', stored])),
      ]);
      const [hget] = run.package3s;
      const fetches = repository.fetches(run.mark).filter((fetch) => fetch.name === sourceName);
      expectThat(fetches.length > 0, {
        rule: 'HGET retrieves the data with an HTTP GET of its ServerURI',
        expected: `an HTTP GET of ${source}`,
        actual: `no request reached the repository; HGET answered ${statusOf(hget, 0) ?? 'nothing'}`,
        ...(hget ? { seq: hget.requestSeq } : {}),
      });
      const status = statusOf(hget, 0);
      if (status !== undefined && HGET_SAMPLE_REFUSAL_CODES.includes(status)) {
        inconclusive(`the client refused dmct's sample MO data for ${sessions.target.nodes.deletableMoid} with ${status}`);
      }
      expectOneOf(status, [SUCCESS_STATUS], { rule: 'HGET of valid MO data succeeds', ...(hget ? { seq: hget.requestSeq } : {}) });
      if (status === 202 && stored === undefined) {
        // HGET reports synchronously (5.4.1): a 202 is synchronous reporting's fail, and a 202 without
        // the status URI does not tell where the data went, which this rule judges.
        const syncReporting = refOfCheck({ ruleKey: '5.4.1/sync-reporting' }).item;
        inconclusive(
          `HGET answered 202 Accepted (asynchronous reporting of a command other than EXEC: ${syncReporting} fails on it), so its status lists no URI where the data was stored`,
          {
            rule: 'HGET without ClientURI lists where it stored the data in the status URI',
            outcome: 'depends-on-failed',
            ...(hget ? { seq: hget.requestSeq } : {}),
          },
        );
      }
      if (hget)
        expectNoViolations(violationsFor('5.3.1/hget', hget), {
          rule: 'HGET without ClientURI lists where it stored the data in the status URI',
          seq: hget.requestSeq,
        });
      const [installed, replaced] = await Promise.all(reads.map((name) => sessions.uploadTo(name, run.mark, 0)));
      const text = (upload: typeof installed) => (upload === undefined ? '' : new TextDecoder().decode(upload.body));
      expectThat(text(installed).includes(token), {
        rule: 'the data HGET fetched is stored at the URI its status reports',
        expected: `an HPUT of ${stored ?? '?'} uploads the fetched data (${token})`,
        actual: installed === undefined ? `no upload of ${stored ?? '?'}` : text(installed).slice(0, 200),
        ...(installed ? { seq: installed.requestSeq } : {}),
      });
      const leafStatus = statusOf(run.package3s[2], 0);
      if (leafStatus !== undefined && HGET_SAMPLE_REFUSAL_CODES.includes(leafStatus)) {
        inconclusive(`the client refused dmct's text/plain value for ${leaf ?? '?'} with ${leafStatus}`);
      }
      expectOneOf(leafStatus, [SUCCESS_STATUS], {
        rule: 'HGET with a ClientURI stores the fetched text/plain value there',
        ...(run.package3s[2] ? { seq: run.package3s[2].requestSeq } : {}),
      });
      expectThat(text(replaced).includes(replacement), {
        rule: 'HGET with a ClientURI replaces the data at that ClientURI',
        expected: `an HPUT of ${leaf ?? '?'} uploads ${replacement}`,
        actual: replaced === undefined ? `no upload of ${leaf ?? '?'}` : text(replaced).slice(0, 200),
        ...(replaced ? { seq: replaced.requestSeq } : {}),
      });

      const failingName = sessions.uniqueName('unreachable');
      repository.offer(failingName, { failWith: 503 });
      const failed = await sessions.run([sessions.padded(['HGET', repository.url(failingName)])]);
      expectOneOf(statusOf(failed.package3s[0], 0), [...HGET_REPOSITORY_FAILURE_CODES], {
        section: 'App C',
        rule: 'HGET whose GET of the ServerURI fails (nothing received) answers 419 ServerURI Error',
        ...(failed.package3s[0] ? { seq: failed.package3s[0].requestSeq } : {}),
      });
    },
  );
});
