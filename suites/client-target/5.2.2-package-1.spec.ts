import {
  ALERT_TYPES,
  expectNoViolations,
  expectOneOf,
  extractNotificationId,
  isSessionAlert,
  rawJsonOf,
  test,
  partValue,
  violationsFor,
  type ClientSessions,
  type PackageEvent,
} from '../../fixtures/client-target/index.js';

/** The session alerts (App D) of a Package#1 as sent, read from the raw JSON so that a malformed other alert does not hide them. */
function sessionAlertsOf(package1: PackageEvent): { AlertType: string; Data?: unknown; DataType?: string }[] {
  const alerts = (rawJsonOf(package1) as { Alert?: unknown } | undefined)?.Alert;
  if (!Array.isArray(alerts)) return [];
  return alerts.filter(
    (alert): alert is { AlertType: string } =>
      typeof alert === 'object' &&
      alert !== null &&
      typeof (alert as { AlertType?: unknown }).AlertType === 'string' &&
      isSessionAlert(alert as { AlertType: string }),
  );
}

/** The envelope rules of section 5.2.2 (POST, media type, OMADM-DevID = DevInfo DevID) and the body's own rules. */
function checkEnvelope(package1: PackageEvent, devId: string): void {
  expectOneOf(package1.method, ['POST'], { rule: 'Package#1 is sent as an HTTP POST', seq: package1.requestSeq });
  expectOneOf(package1.headers['content-type']?.split(';')[0]?.trim().toLowerCase(), ['application/vnd.oma.dm.initiation+json'], {
    section: '7.2.1.1',
    rule: 'Package#1 has the media type application/vnd.oma.dm.initiation+json',
    seq: package1.requestSeq,
    actualText: `Content-Type ${package1.headers['content-type'] ?? '(none)'}`,
  });
  expectOneOf(package1.devId, [devId], {
    rule: 'Package#1 carries the OMADM-DevID header with the value of DevInfo/DevID',
    seq: package1.requestSeq,
    actualText: package1.devId === undefined ? 'no OMADM-DevID header' : `OMADM-DevID ${package1.devId}`,
  });
  expectNoViolations(violationsFor('5.2.2/package1', package1), {
    rule: 'Package#1 follows the format of section 7.2.1.1',
    seq: package1.requestSeq,
  });
}

/** DevInfo/DevID as the client reports it: the GET data part when the client claims GET (App F), else the claims' devId. */
function devIdFrom(sessions: ClientSessions, package3: PackageEvent | undefined): string {
  const part = package3?.parts?.get(0);
  const value = part === undefined ? undefined : partValue(part);
  return typeof value === 'string' ? value.trim() : sessions.target.devId;
}

test.describe('5.2.2 Package#1', () => {
  test(
    'Package#1: POST, media type, OMADM-DevID = DevInfo/DevID, and the session alert for how the session began',
    {
      tag: ['@5.2.2/package1'],
      annotation: [
        {
          type: 'requirement',
          description:
            'Package#1 is an HTTP POST of application/vnd.oma.dm.initiation+json with the OMADM-DevID header set to DevInfo DevID, and its Alert array holds the session alert: ServerInitiatedMgmt carrying the NOTIFICATION-ID after a notification, ClientInitiatedMgmt when the client began on its own (5.2.2, App D).',
        },
      ],
    },
    async ({ sessions }) => {
      const readDevId = sessions.target.appliesRule('5.3.6/get')
        ? [['GET', `${sessions.target.moids.devInfo}//DevID`] as [string, string], sessions.pad]
        : [sessions.pad];
      const notification = sessions.baseNotification();
      // Package#1 is this rule's own evidence: judged whether or not the session goes on to a Package#3 (Package#3 support's matter, 5.2.4).
      const first = await sessions.runAsFarAsItGoes([readDevId], () =>
        sessions.viaNotification ? sessions.startByNotification(notification) : sessions.startByClient(),
      );
      checkEnvelope(first.package1, devIdFrom(sessions, first.package3s[0]));
      const [alert] = sessionAlertsOf(first.package1);
      const wanted = sessions.viaNotification ? ALERT_TYPES.serverInitiatedMgmt : ALERT_TYPES.clientInitiatedMgmt;
      expectOneOf(alert?.AlertType, [wanted], {
        rule: `a session opened ${sessions.viaNotification ? 'for a notification starts with ServerInitiatedMgmt' : 'by the client starts with ClientInitiatedMgmt'}`,
        seq: first.package1.requestSeq,
        actualText: alert === undefined ? 'no session alert' : alert.AlertType,
      });
      if (sessions.viaNotification && notification.notificationId !== undefined && alert !== undefined) {
        expectOneOf(extractNotificationId(alert as never)?.id, [notification.notificationId], {
          rule: 'the ServerInitiatedMgmt alert carries the NOTIFICATION-ID of the notification',
          seq: first.package1.requestSeq,
          actualText: `Data ${JSON.stringify(alert.Data ?? null)}`,
        });
      }
      if (!sessions.viaNotification || sessions.target.clientInitiated === undefined) return;
      const second = await sessions.runAsFarAsItGoes([[sessions.pad]], () => sessions.startByClient());
      checkEnvelope(second.package1, sessions.target.devId);
      expectOneOf(sessionAlertsOf(second.package1)[0]?.AlertType, [ALERT_TYPES.clientInitiatedMgmt], {
        rule: 'a session the client opens on its own starts with ClientInitiatedMgmt',
        seq: second.package1.requestSeq,
      });
    },
  );
});
