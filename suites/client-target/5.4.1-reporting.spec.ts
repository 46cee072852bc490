import {
  expectOneOf,
  expectThat,
  matching,
  parseClientUri,
  rawJsonOf,
  statusOf,
  test,
  type Command,
  type PackageEvent,
} from '../../fixtures/client-target/index.js';

/** True when `uri` addresses the same node as `clientUri`: same MOID and path (the instance by MIID or left empty). */
function sameNode(uri: unknown, clientUri: string): boolean {
  if (typeof uri !== 'string') return false;
  const a = parseClientUri(uri).value;
  const b = parseClientUri(clientUri.split('?')[0] ?? clientUri).value;
  if (a === undefined || b === undefined) return uri === clientUri;
  const names = (u: typeof a) => u.path.map((segment) => (segment.kind === 'real-name' ? segment.name : segment.kind)).join('/');
  const instance = (u: typeof a) => (u.instance.kind === 'miid' ? u.instance.miid : u.instance.kind);
  return a.moid === b.moid && names(a) === names(b) && (instance(a) === instance(b) || instance(a) === 'only' || instance(b) === 'only');
}

/** The Generic Alerts of a package whose SourceURI addresses `clientUri` (section 13.1: no correlator but SourceURI). */
function resultAlerts(event: PackageEvent, clientUri: string): unknown[] {
  const alerts = (rawJsonOf(event) as { Alert?: unknown } | undefined)?.Alert;
  return Array.isArray(alerts)
    ? alerts.filter(
        (alert) => typeof alert === 'object' && alert !== null && sameNode((alert as { SourceURI?: unknown }).SourceURI, clientUri),
      )
    : [];
}

test.describe('5.4.1 Synchronous and asynchronous reporting', () => {
  test(
    'every command other than EXEC reports its result synchronously in the next Package#3',
    {
      tag: ['@5.4.1/sync-reporting'],
      annotation: [
        {
          type: 'requirement',
          description:
            'Synchronous reporting MUST be used for every command except EXEC: the final status goes in the Package#3, never 202 Accepted (5.4.1).',
        },
      ],
    },
    async ({ sessions, dmServer }) => {
      const leaf = sessions.target.nodes.readableLeaf;
      // HGET of MO data without a ClientURI (5.3.1): the client stores it where it chooses and must
      // report that synchronously too; the next package removes what it installed.
      const installed = dmServer.repository.offer(sessions.uniqueName('sync-get'), {
        moData: [{ ClientURI: `${sessions.target.nodes.deletableMoid}//`, MOData: { Dmct: { Name: 'sync' } } }],
      });
      const commands: Command[] = [
        ['HPUT', dmServer.repository.uploadUrl(sessions.uniqueName('sync-put')), leaf],
        ['HPOST', dmServer.repository.uploadUrl(sessions.uniqueName('sync-post')), leaf],
        ...(sessions.target.appliesRule('5.3.6/get') ? [['GET', leaf] as Command] : []),
        ['HGET', installed],
        sessions.pad,
      ];
      const hgetIndex = commands.length - 2;
      const run = await sessions.run([
        commands,
        (answer) => {
          const stored = answer.package3?.Status[hgetIndex]?.URI?.[0];
          return stored === undefined ? [sessions.pad] : sessions.padded(['DELETE', stored]);
        },
      ]);
      const package3 = run.package3s[0];
      commands.forEach((command, index) => {
        const sc = statusOf(package3, index);
        if (sc === undefined) return;
        expectOneOf(sc, [matching('a final status (not 202 Accepted)', (code: number) => code !== 202)], {
          rule: `${command[0]} reports its result synchronously (no 202: only EXEC may report asynchronously)`,
          ...(package3 ? { seq: package3.requestSeq } : {}),
        });
      });
    },
  );

  test(
    'EXEC with a ServerURI answers 202, then sends the final result in a Generic Alert to that ServerURI',
    {
      tag: ['@5.4.1/async-reporting'],
      annotation: [
        {
          type: 'requirement',
          description:
            'EXEC with a ServerURI MUST use asynchronous reporting: 202 Accepted in the Package#3, and later the final result in a Generic Alert whose SourceURI addresses the executed node, sent to that ServerURI in a new session (5.4.1, 5.3.5, 13.1).',
        },
      ],
    },
    async ({ sessions, dmServer }) => {
      const node = sessions.target.nodes.asyncExecutable;
      const reportTo = dmServer.asyncReportUrl();
      const run = await sessions.run([sessions.padded(['EXEC', node, reportTo])]);
      const [answer] = run.package3s;
      expectOneOf(statusOf(answer, 0), [202], {
        rule: 'EXEC with a ServerURI answers 202 Accepted (asynchronous reporting)',
        ...(answer ? { seq: answer.requestSeq } : {}),
      });
      const report = await dmServer.awaitPackage(
        (p) => resultAlerts(p, node).length > 0,
        { after: run.mark, timeoutMs: sessions.target.timeouts.sessionMs, endpoint: 'async' },
        'package carrying the EXEC result',
      );
      expectThat(report.kind === 'received', {
        rule: 'after 202 the client sends the final result in a Generic Alert (asynchronous reporting) to the EXEC ServerURI',
        expected: `a Generic Alert with SourceURI ${node} posted to ${reportTo}`,
        actual: `no alert about ${node} reached ${reportTo} within ${sessions.target.timeouts.sessionMs} ms`,
        ...(answer ? { seq: answer.requestSeq } : {}),
      });
    },
  );
});
