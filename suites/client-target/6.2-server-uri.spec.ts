import {
  expectThat,
  failure,
  inconclusive,
  refOfCheck,
  statusOf,
  test,
  type ClientSessions,
  type EndpointEvent,
} from '../../fixtures/client-target/index.js';

/**
 * One HPUT of the readable leaf to `serverUri` (section 5.3.2), after a control HPUT to a plain URI
 * in the same session; each in a Package#2 of its own, so that the package rules (5.2.3, 5.2.4)
 * are not relied on.
 */
async function uploadVia(sessions: ClientSessions, serverUri: string, prefix: string): Promise<EndpointEvent> {
  const leaf = sessions.target.nodes.readableLeaf;
  const control = sessions.readBackCommand(leaf);
  const run = await sessions.run([sessions.padded(control.command), sessions.padded(['HPUT', serverUri, leaf])]);
  const upload = await sessions.engine.awaitEndpoint(
    (e) => e.endpoint === 'repository' && e.method !== 'GET' && e.name.startsWith(prefix),
    {
      after: run.mark,
      timeoutMs: 0,
      what: `an upload to ${prefix}…`,
    },
  );
  if (upload.kind === 'received') return upload.value;
  const answer = run.package3s[1];
  // Without the control upload the client's HPUT is broken as such (5.3.2 judges it), not its use of this ServerURI.
  if ((await sessions.uploadTo(control.name, run.mark, 0)) === undefined) {
    return inconclusive(
      `the control HPUT to a plain repository URI uploaded nothing either, so the HPUT itself does not work here (${refOfCheck({ ruleKey: '5.3.2/hput' }).item} fails on HPUT)`,
      {
        rule: 'the client uses the ServerURI of an HPUT, its placeholders replaced',
        outcome: 'depends-on-failed',
      },
    );
  }
  const status = statusOf(answer, 0);
  throw failure(
    {
      rule: 'the client uses the ServerURI of an HPUT, its placeholders replaced',
      ...(answer === undefined ? {} : { seq: answer.requestSeq }),
    },
    [`an HTTP PUT to ${serverUri} with its placeholders replaced`],
    `no upload reached that URI (HPUT status ${status ?? 'none'})`,
  );
}

/** What the client put for `[name]`: the decoded path segment after `prefix`. */
async function substituted(sessions: ClientSessions, name: string): Promise<{ value: string; seq: number }> {
  const prefix = `${sessions.uniqueName(`placeholder-${name.toLowerCase()}`)}/`;
  const upload = await uploadVia(sessions, sessions.engine.repository.url(`${prefix}[${name}]`), prefix);
  return { value: upload.name.slice(prefix.length), seq: upload.requestSeq };
}

/** The form a network placeholder's value takes (3GPP TS 23.003 MCC/MNC digits, or -1 when the device has none; section 6.2). */
const VALUE_FORMS: Record<string, { pattern: RegExp; description: string }> = {
  MNC: { pattern: /^(-1|\d{2,3})$/, description: 'the home MNC (2 or 3 digits) or -1' },
  MCC: { pattern: /^(-1|\d{3})$/, description: 'the home MCC (3 digits) or -1' },
  CMNC: { pattern: /^(-1|\d{2,3})$/, description: 'the current MNC (2 or 3 digits) or -1' },
  CMCC: { pattern: /^(-1|\d{3})$/, description: 'the current MCC (3 digits) or -1' },
  SPName: { pattern: /^(?!\[SPName\]$).+$/, description: 'the service provider name or -1' },
};

/** Judges `[name]`: the IXIT's value when the claims give one, else a value of the placeholder's form. */
async function judgePlaceholder(sessions: ClientSessions, name: string): Promise<void> {
  const { value, seq } = await substituted(sessions, name);
  const claimed = Object.entries(sessions.target.config.claims.client?.serverUriValues ?? {}).find(([key]) => key === name)?.[1];
  const form = VALUE_FORMS[name] ?? { pattern: /.+/, description: 'a value' };
  expectThat(claimed === undefined ? form.pattern.test(value) : value === claimed, {
    rule: `the client replaces [${name}] in a ServerURI with its value, or -1 when it has none`,
    expected: claimed === undefined ? form.description : `${claimed} (the IXIT's ${name})`,
    actual: value,
    seq,
  });
}

test.describe('6.2 ServerURI', () => {
  test(
    'a ServerURI is used as given: its query component reaches the server',
    {
      tag: ['@6.2/server-uri'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A ServerURI is any RFC 3986 URI; the client sends its request to that URI, path and query component alike (6.2, 5.3.2).',
        },
      ],
    },
    async ({ sessions, dmServer }) => {
      const prefix = `${sessions.uniqueName('server-uri')}`;
      const query = 'dmct=1&item=a%2Fb&empty=';
      const upload = await uploadVia(sessions, `${dmServer.repository.uploadUrl(prefix)}?${query}`, prefix);
      const sent = new URL(upload.url).searchParams;
      const wanted = new URLSearchParams(query);
      expectThat([...wanted].every(([k, v]) => sent.getAll(k).includes(v)) && [...sent.keys()].length === [...wanted.keys()].length, {
        rule: 'the client requests the ServerURI with its query component as given',
        expected: `the query ${query}`,
        actual: new URL(upload.url).search === '' ? 'no query' : `the query ${new URL(upload.url).search.slice(1)}`,
        seq: upload.requestSeq,
      });
    },
  );

  test(
    '[DevID] in a ServerURI is replaced with the DevInfo DevID',
    {
      tag: ['@6.2/server-uri-devid'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client replaces [DevID] in a ServerURI with the value of DevInfo DevID (URI-encoded) before it uses the URI (6.2).',
        },
      ],
    },
    async ({ sessions }) => {
      const { value, seq } = await substituted(sessions, 'DevID');
      expectThat(value === sessions.target.devId, {
        rule: 'the client replaces [DevID] in a ServerURI with its DevInfo DevID',
        expected: `${sessions.target.devId} (the IXIT's DevID)`,
        actual: value,
        seq,
      });
    },
  );

  for (const [name, what] of [
    ['MNC', 'home network MNC'],
    ['MCC', 'home network MCC'],
    ['CMNC', 'current network MNC'],
    ['CMCC', 'current network MCC'],
    ['SPName', 'service provider name'],
  ] as const) {
    test(
      `[${name}] in a ServerURI is replaced with the ${what}, or -1`,
      {
        tag: [`@6.2/server-uri-${name.toLowerCase()}`],
        annotation: [
          {
            type: 'requirement',
            description: `The client replaces [${name}] in a ServerURI with the ${what} (URI-encoded), or with -1 when it has none, before it uses the URI (6.2).`,
          },
        ],
      },
      async ({ sessions }) => {
        await judgePlaceholder(sessions, name);
      },
    );
  }
});
