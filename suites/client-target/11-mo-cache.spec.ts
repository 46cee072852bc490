import {
  expectOneOf,
  expectThat,
  inconclusive,
  shouldThat,
  statusOf,
  test,
  type ClientSessions,
} from '../../fixtures/client-target/index.js';

/** The `CV` an upload of an instance root carried (11.2, 7.2.1.4), if any. */
async function validatorIn(sessions: ClientSessions, name: string, after: number): Promise<string | undefined> {
  const upload = await sessions.uploadTo(name, after, 0);
  const cv = upload?.decoded?.moData?.[0]?.CV;
  return typeof cv === 'string' ? cv : undefined;
}

test.describe('11 MO cache', () => {
  test(
    'a cache validator gets 304 while the instance is unchanged and the data once it changed',
    {
      tag: ['@11/mo-cache'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client keeps a cache validator per cacheable MO instance and renews it on every change; given cv=<validator> on HPUT, HPOST or GET it answers 304 Not Modified without data while the validator still matches, and sends the data when the instance changed since (11.1, 11.2, App C).',
        },
      ],
    },
    async ({ sessions }) => {
      const { repository } = sessions.engine;
      const moid = sessions.target.nodes.deletableMoid;
      const content = (name: string) => ({ moData: [{ ClientURI: `${moid}//`, MOData: { Dmct: { Name: name } } }] });
      // An instance of the IXIT's installable MO, installed with HGET where the client chooses, read back with its CV.
      let root: string | undefined;
      const first = sessions.uniqueName('cache-first');
      const install = await sessions.run([
        sessions.padded(['HGET', repository.offer(sessions.uniqueName('cache-v1'), content('v1'))]),
        (answer) => {
          root = answer.package3?.Status[0]?.URI?.[0];
          return root === undefined ? [sessions.pad] : sessions.padded(['HPUT', repository.uploadUrl(first), root]);
        },
      ]);
      if (root === undefined)
        inconclusive(`HGET reported no stored instance (status ${statusOf(install.package3s[0], 0) ?? 'none'}): no instance to cache`, {
          rule: 'dmct installs an instance to cache',
        });
      const cv = await validatorIn(sessions, first, install.mark);
      shouldThat(cv !== undefined, {
        rule: 'the data of an instance root carries its cache validator (CV)',
        expected: `a CV member in the upload of ${root}`,
        actual: 'no CV',
      });
      if (cv === undefined)
        inconclusive(`the upload of ${root} carried no CV: no validator to send back`, {
          rule: "dmct learns the instance's cache validator",
        });

      const unchanged = sessions.uniqueName('cache-unchanged');
      const changed = sessions.uniqueName('cache-changed');
      const withCv = `${root}?cv=${encodeURIComponent(cv)}`;
      const run = await sessions.run([
        sessions.padded(['HPUT', repository.uploadUrl(unchanged), withCv]),
        sessions.padded(['HGET', repository.offer(sessions.uniqueName('cache-v2'), content('v2')), root]),
        sessions.padded(['HPUT', repository.uploadUrl(changed), withCv]),
        sessions.padded(['DELETE', root]),
      ]);
      const [same, replaced, after] = run.package3s;
      const sameUpload = await sessions.uploadTo(unchanged, run.mark, 0);
      expectOneOf(statusOf(same, 0), [304], {
        rule: 'a cache validator that still matches gets 304 Not Modified',
        ...(same ? { seq: same.requestSeq } : {}),
      });
      expectThat(sameUpload === undefined, {
        rule: 'a 304 sends no data',
        expected: 'no upload',
        actual: `an upload of ${sameUpload?.body.length ?? 0} bytes`,
        ...(sameUpload ? { seq: sameUpload.requestSeq } : {}),
      });
      if (statusOf(replaced, 0) !== 200)
        inconclusive(`the HGET replacing ${root} answered ${statusOf(replaced, 0) ?? 'nothing'}: the instance did not change`, {
          rule: 'dmct changes the cached instance',
        });
      const changedUpload = await sessions.uploadTo(changed, run.mark, 0);
      expectThat(statusOf(after, 0) !== 304 && changedUpload !== undefined, {
        rule: 'once the instance changed its old validator no longer matches: the data is sent',
        expected: `HPUT of ${withCv} after the change uploads the new data`,
        actual: `HPUT answered ${statusOf(after, 0) ?? 'nothing'}${changedUpload ? '' : ' and uploaded nothing'}`,
        ...(after ? { seq: after.requestSeq } : {}),
      });
    },
  );
});
