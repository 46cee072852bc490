/**
 * Everything the passive judge can read from the traffic of a monitored session, in one place so
 * `dmct monitor` and `dmct judge` give the same verdicts: the DM exchanges, the Package#0 relayed as
 * datagrams or POSTed over HTTP (the latter recognised by their content and judged apart from the DM
 * packages), and the client's answers to the Package#0 it had to answer.
 */
import type { Exchange } from './capture.js';
import { httpNotificationOf } from './http-notifications.js';
import { judgeNotificationAnswers } from './notification-answers.js';
import { judgeHttpNotifications, judgeNotifications, type NotificationCredentials } from './notification-judge.js';
import type { RelayedNotification } from './notification-relay.js';
import { judgeExchanges, type PassiveJudgeOptions, type PassiveJudgement } from './passive-judge.js';

/** Judges the exchanges and the relayed datagrams of a session (a HAR has no datagrams: pass none). */
export function judgeTraffic(
  exchanges: readonly Exchange[],
  datagrams: readonly RelayedNotification[],
  credentials: NotificationCredentials | undefined,
  options: PassiveJudgeOptions = {},
): PassiveJudgement {
  const posted = exchanges.flatMap((e) => httpNotificationOf(e) ?? []);
  const postedAt = new Set(posted.map((p) => p.exchange));
  const dm = postedAt.size === 0 ? exchanges : exchanges.filter((e) => !postedAt.has(e.index));
  const judgement = judgeExchanges(dm, options);
  judgement.observations.push(
    ...judgeNotifications(datagrams, credentials),
    ...judgeHttpNotifications(posted, credentials),
    ...judgeNotificationAnswers(dm, datagrams, credentials),
  );
  return judgement;
}
