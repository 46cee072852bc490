/**
 * Passive judging of DM sessions between a real client and a real server: read a capture, judge
 * both sides from the traffic alone, and report per SCR item like `dmct run`.
 */
export { CaptureError, MAX_BODY_BYTES, MAX_CAPTURE_BYTES, parseHarText, readCapture, type Exchange } from './capture.js';
export {
  judgeExchanges,
  PASSIVE_RULES,
  type PassiveFinding,
  type PassiveJudgement,
  type PassiveJudgeOptions,
  type RuleObservation,
  type Side,
} from './passive-judge.js';
export { exchangesToHar } from './har-export.js';
export {
  judgeHttpNotifications,
  judgeNotifications,
  notificationCredentialsOf,
  type NotificationCredentials,
} from './notification-judge.js';
export { judgeTraffic } from './judge-traffic.js';
export { httpNotificationOf, type HttpNotification, type HttpNotificationForm } from './http-notifications.js';
export { buildJudgeReport, NOT_JUDGED_PASSIVELY, NOT_OBSERVED, type JudgeReportInput } from './judge-report.js';
export {
  HTTP_RELAY_LIMITS,
  startMonitor,
  type HttpRelayOptions,
  type MonitorLimits,
  type MonitorLine,
  type MonitorOptions,
  type MonitorTls,
  type NotificationRelayOptions,
  type RelayedNotification,
  type RunningMonitor,
} from './proxy.js';
