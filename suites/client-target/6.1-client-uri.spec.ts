import {
  expectOneOf,
  expectThat,
  statusOf,
  test,
  UNRESOLVABLE_CLIENT_URI_ACCEPTED_CODES,
  uploadedValue,
  type ClientSessions,
  type EndpointEvent,
  type PackageEvent,
} from '../../fixtures/client-target/index.js';

/**
 * HPUTs of each ClientURI to a resource of its own (5.3.2 is mandatory for every client), each in a
 * Package#2 of its own so that the package rules (5.2.3, 5.2.4) are not relied on; the Package#3
 * and the upload of each.
 */
async function uploadEach(
  sessions: ClientSessions,
  clientUris: readonly string[],
): Promise<{ answers: (PackageEvent | undefined)[]; uploads: (EndpointEvent | undefined)[] }> {
  const reads = clientUris.map((uri) => sessions.readBackCommand(uri));
  const run = await sessions.run(reads.map((read) => sessions.padded(read.command)));
  const uploads = await Promise.all(reads.map((read) => sessions.uploadTo(read.name, run.mark, 0)));
  return { answers: reads.map((_, index) => run.package3s[index]), uploads };
}

/** Every value an upload carries for the leaves it holds (a raw leaf, or each leaf of a dmmo+json body). */
function uploadedLeaves(upload: EndpointEvent | undefined): string[] {
  if (upload === undefined) return [];
  const values: string[] = [];
  const walk = (value: unknown): void => {
    if (value !== null && typeof value === 'object') for (const child of Object.values(value)) walk(child);
    else if (value !== undefined) values.push(String(value));
  };
  walk(upload.decoded?.moData?.map((entry) => entry.MOData) ?? uploadedValue(upload));
  return values;
}

/**
 * `value` as it stands in a query (RFC 3986): as is when every character may stand there literally
 * (a DevID such as `IMEI:35…` keeps its colon: an encoded reserved character is not the same URI),
 * else percent-encoded.
 */
function asQueryValue(value: string): string {
  return /^[A-Za-z0-9\-._~:@!$'()*,;]+$/.test(value) ? value : encodeURIComponent(value);
}

test.describe('6.1 ClientURI', () => {
  test(
    'a ClientURI with an empty mo-inst and real node names addresses that node; one that resolves to nothing gets an error',
    {
      tag: ['@6.1/client-uri'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A ClientURI (MOID "/" mo-inst path) with an empty mo-inst names the only instance of the MOID and real names walk to the node; a ClientURI that does not resolve to a location is answered with an error status (6.1.1, 6.1.2, App C 404).',
        },
      ],
    },
    async ({ sessions }) => {
      const { devInfo } = sessions.target.moids;
      const missing = `${devInfo}//DmctNoSuchNode`;
      const { answers, uploads } = await uploadEach(sessions, [`${devInfo}//DevID`, missing]);
      const answer = answers[1];
      const [found, notFound] = uploads;
      expectThat(uploadedLeaves(found).includes(sessions.target.devId), {
        rule: 'a ClientURI with an empty mo-inst and real names addresses that node of the only instance',
        expected: `the DevID ${sessions.target.devId} uploaded for ${devInfo}//DevID`,
        actual: found === undefined ? 'no upload' : `${JSON.stringify(uploadedLeaves(found)).slice(0, 200)}`,
        ...(found ? { seq: found.requestSeq } : {}),
      });
      expectOneOf(statusOf(answer, 0), [...UNRESOLVABLE_CLIENT_URI_ACCEPTED_CODES], {
        rule: `a ClientURI that resolves to no node (${missing}) gets an error status`,
        ...(answer ? { seq: answer.requestSeq } : {}),
      });
      expectThat(notFound === undefined, {
        rule: 'nothing is sent for a ClientURI that resolves to no node',
        expected: 'no upload',
        actual: `an upload of ${notFound?.body.length ?? 0} bytes`,
        ...(notFound ? { seq: notFound.requestSeq } : {}),
      });
    },
  );

  test(
    'x-names resolved through nv, the * wildcard, and unknown query fields ignored',
    {
      tag: ['@6.1/query-xname-wildcard'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A client supporting the query component, x-names and wildcards resolves (x) to the instance whose nv leaf has the given value, takes every match of *, and ignores query fields it does not know (6.1.1.1–6.1.1.3, 6.1.2).',
        },
      ],
    },
    async ({ sessions }) => {
      const { devInfo } = sessions.target.moids;
      const { devId } = sessions.target;
      const forms = [`${devInfo}/(x)/DevID?nv=(x)/DevID:${asQueryValue(devId)}`, `${devInfo}/*/DevID`, `${devInfo}//DevID?dmctunknown=1`];
      const { answers, uploads } = await uploadEach(sessions, forms);
      forms.forEach((form, index) => {
        const [upload, answer] = [uploads[index], answers[index]];
        expectThat(uploadedLeaves(upload).includes(devId), {
          rule:
            [
              'an x-name resolves to the instance whose nv leaf matches',
              'a * wildcard addresses every instance',
              'unknown query fields are ignored',
            ][index] ?? '',
          expected: `the DevID ${devId} uploaded for ${form}`,
          actual:
            upload === undefined
              ? `no upload (HPUT status ${statusOf(answer, 0) ?? 'none'})`
              : JSON.stringify(uploadedLeaves(upload)).slice(0, 200),
          ...(upload ? { seq: upload.requestSeq } : answer ? { seq: answer.requestSeq } : {}),
        });
      });
    },
  );
});
