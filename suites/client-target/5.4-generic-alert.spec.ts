import {
  DEFAULT_MARK,
  expectOneOf,
  expectThat,
  MARKS,
  rawJsonOf,
  statusOf,
  test,
  type PackageEvent,
} from '../../fixtures/client-target/index.js';

/** The Generic Alerts of a package exactly as sent (read from the raw JSON, so that a malformed one is still seen). */
function alertsOf(event: PackageEvent): Record<string, unknown>[] {
  const alerts = (rawJsonOf(event) as { Alert?: unknown } | undefined)?.Alert;
  return Array.isArray(alerts)
    ? alerts.map((alert) => (typeof alert === 'object' && alert !== null ? (alert as Record<string, unknown>) : { value: alert }))
    : [];
}

/** The three rules of section 5.4 every Generic Alert must keep. */
function checkAlert(alert: Record<string, unknown>, seq: number): void {
  expectThat(typeof alert['AlertType'] === 'string' && alert['AlertType'] !== '', {
    rule: 'a Generic Alert carries its AlertType',
    expected: 'an AlertType string',
    actual: `AlertType ${JSON.stringify(alert['AlertType'] ?? null)}`,
    seq,
  });
  expectOneOf(alert['Mark'] ?? DEFAULT_MARK, [...MARKS], {
    rule: `a Generic Alert's Mark is one of the seven importance levels (absent: ${DEFAULT_MARK})`,
    seq,
    actualText: `Mark ${JSON.stringify(alert['Mark'])}`,
  });
  if (alert['Data'] === undefined) return;
  expectThat(typeof alert['DataType'] === 'string' && alert['DataType'] !== '', {
    rule: 'a Generic Alert that carries Data carries its DataType',
    expected: 'a DataType next to Data',
    actual: `DataType ${JSON.stringify(alert['DataType'] ?? null)} next to Data ${JSON.stringify(alert['Data']).slice(0, 80)}`,
    seq,
  });
}

test.describe('5.4 Generic Alert', () => {
  test(
    'the alerts the client sends are well-formed Generic Alerts: AlertType, Mark, DataType with Data',
    {
      tag: ['@5.4/generic-alert'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A Generic Alert has one AlertType, an optional Mark among fatal, critical, minor, warning, informational (the default), harmless, indeterminate, and a DataType that MUST be present when Data is (5.4, 7.2.1.5).',
        },
      ],
    },
    async ({ sessions, dmServer, recorder }) => {
      const reportTo = dmServer.asyncReportUrl();
      const run = await sessions.run([sessions.padded(['EXEC', sessions.target.nodes.asyncExecutable, reportTo])]);
      const packages: PackageEvent[] = [run.package1];
      if (statusOf(run.package3s[0], 0) === 202) {
        const report = await dmServer.awaitPackage(
          () => true,
          { after: run.mark, timeoutMs: sessions.target.timeouts.sessionMs, endpoint: 'async' },
          'package carrying the EXEC result',
        );
        if (report.kind === 'received') packages.push(report.value);
      }
      // The session alert is a Generic Alert too; a client-initiated one is judged when one came.
      if (packages.length === 1) recorder.remark('no client-initiated Generic Alert came: only the session alert was judged');
      for (const event of packages) for (const alert of alertsOf(event)) checkAlert(alert, event.requestSeq);
    },
  );
});
