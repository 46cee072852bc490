import type { Fault } from './types.js';

/** The fail a Package#2 left without its Package#3 gives the rules that mandate the answer (5.2, 5.2.4). */
const NO_PACKAGE3 = { verdict: 'fail', message: 'Package#3' } as const;

/** Rules whose scenarios judge what a Package#3 reports: without one they cannot conclude. */
const RULES_JUDGED_ON_PACKAGE3 = [
  '5.2.1.2/preferred-con-type',
  '5.2.3/package2',
  '5.3.1/hget',
  '5.3.4/delete',
  '5.3.5/exec',
  '5.3.6/get',
  '5.3.7/show',
  '5.3.8/cont',
  '5.3.10/default',
  '5.4/generic-alert',
  '5.4.1/sync-reporting',
  '5.4.1/async-reporting',
];

/** Rules whose scenarios read an MO (section 12, 6.3, 10) with GET or HPUT: a refused or empty read leaves them undecided. */
const RULES_READING_MOS = [
  '10/access-control',
  '12.1/devinfo',
  '12.2/dmacc',
  '12.3/dacmo',
  '12.4/session-info',
  '6.3/mo-definition',
  '6.3.1.1/rights-on-all-nodes',
];

/** The rules of the approved text's client table (5.3.11 to 12.4) whose scenarios judge what a Package#3 reports. */
const RULES_2016_JUDGED_ON_PACKAGE3 = [
  ...RULES_READING_MOS,
  '11/mo-cache',
  '5.3.11/sub',
  '5.3.12/unsub',
  '5.5/omadm-accept-honoured',
  '6.1/client-uri',
  '6.1/query-xname-wildcard',
  '6.2/server-uri',
  '6.2/server-uri-devid',
  '6.2/server-uri-mnc',
  '6.2/server-uri-mcc',
  '6.2/server-uri-cmnc',
  '6.2/server-uri-cmcc',
  '6.2/server-uri-spname',
];

/** `rules` inconclusive: their scenarios depend on a command another rule governs. */
function dependingOn(rules: readonly string[], message?: string): Record<string, { verdict: 'inconclusive'; message?: string }> {
  return Object.fromEntries(
    rules.map((rule) => [rule, message === undefined ? { verdict: 'inconclusive' } : { verdict: 'inconclusive', message }]),
  );
}

/** `rules` inconclusive, naming the item of 5.2.4 (the missing Package#3) as the failed item they depend on. */
function waitingForPackage3(rules: readonly string[]): Record<string, { verdict: 'inconclusive'; message: string }> {
  return Object.fromEntries(rules.map((rule) => [rule, { verdict: 'inconclusive', message: '{5.2.4/package3}' }]));
}

/**
 * The reference DM client's fault switches (mutants). Each breaks one rule of the approved text
 * and names its rule key, whose scenarios must fail against it (each edition's rules.json says
 * which item holds the rule). Every rule of §5.2–§5.4 has at least one switch whose break a
 * server-side harness can see on the wire (a Package#1 that should not exist, a header, a status,
 * a side transfer to a repository or web server, or its absence).
 */
export const clientFaults = [
  {
    name: 'accept-wrong-ver',
    role: 'client',
    breaks: '5.2.1.1/ver-header',
    section: '5.2.1.1',
    description: 'Opens a session for a Package#0 whose VER is not 0x02 instead of dropping it.',
    expect: { verdict: 'fail', message: 'VER' },
  },
  {
    name: 'accept-oc-mismatch',
    role: 'client',
    breaks: '5.2.1.1/oc-header',
    section: '5.2.1.1',
    description: 'Opens a session for a Package#0 whose OC does not match the options present.',
    expect: { verdict: 'fail', message: '\\bOC\\b|option count' },
  },
  {
    name: 'ignore-server-id',
    role: 'client',
    breaks: '5.2.1.2/server-id',
    section: '5.2.1.2',
    description:
      'Opens a session with its first DM account for a Package#0 whose SERVER-ID names no account of the client, instead of dropping it.',
    expect: { verdict: 'fail', message: 'SERVER-ID' },
  },
  {
    name: 'ignore-con-type',
    role: 'client',
    breaks: '5.2.1.2/preferred-con-type',
    section: '5.2.1.2',
    description:
      'Ignores PREFERRED-CON-TYPE and always calls back over its default bearer (cellular), so SessionInfo/CBT reads 1 (MOBILE) even when the notification preferred an available WLAN or wireline connection: a SHOULD departure, reported as non-strict.',
    expect: { verdict: 'non-strict', message: 'preferred connection.*CBT' },
  },
  {
    name: 'accept-duplicate',
    role: 'client',
    breaks: '5.2.1.2/notification-id',
    section: '5.2.1.2',
    description: 'Opens a session again for a Package#0 repeating the NOTIFICATION-ID of the same server.',
    expect: { verdict: 'fail', message: 'duplicate|NOTIFICATION-ID' },
  },
  {
    name: 'accept-bad-digest',
    role: 'client',
    breaks: '5.2.1.2/sha256-digest',
    section: '5.2.1.2',
    description: 'Opens a session for a Package#0 whose SHA256-DIGEST does not verify with the provisioned credentials.',
    expect: { verdict: 'fail', message: 'digest' },
  },
  {
    name: 'accept-stale-timestamp',
    role: 'client',
    breaks: '5.2.1.2/timestamp',
    section: '5.2.1.2',
    description: 'Opens a session for a Package#0 whose TIMESTAMP lies outside the freshness window.',
    expect: { verdict: 'fail', message: 'TIMESTAMP|stale' },
  },
  {
    name: 'no-mos-after-req-mos',
    role: 'client',
    breaks: '5.2.1.2/req-mos',
    section: '5.2.2',
    description: 'Leaves the MOS array out of the Package#1 answering a Package#0 that carried REQ-MOS.',
    expect: { verdict: 'fail', message: 'MOS' },
  },
  {
    name: 'missing-devid',
    role: 'client',
    breaks: '5.2.2/package1',
    section: '5.2.2',
    description: 'Sends Package#1 without the OMADM-DevID header.',
    expect: { verdict: 'fail', message: 'OMADM-DevID' },
  },
  {
    name: 'wrong-devid',
    role: 'client',
    breaks: '5.2.2/package1',
    section: '5.2.2',
    description: 'Sends Package#1 with an OMADM-DevID header that is not the value of DevInfo/DevID.',
    expect: { verdict: 'fail', message: 'OMADM-DevID|DevID' },
  },
  {
    name: 'package1-wrong-content-type',
    role: 'client',
    breaks: '5.2.2/package1',
    section: '7.2.1.1',
    description: 'Sends Package#1 as application/json instead of application/vnd.oma.dm.initiation+json.',
    expect: { verdict: 'fail', message: 'content.type|media type' },
  },
  {
    name: 'wrong-session-alert',
    role: 'client',
    breaks: '5.2.2/package1',
    section: '5.2.2',
    description:
      'Answers a notification with a Package#1 whose session alert is ClientInitiatedMgmt (without the NOTIFICATION-ID) instead of ServerInitiatedMgmt.',
    expect: { verdict: 'fail', message: 'ServerInitiatedMgmt|session alert' },
  },
  {
    name: 'commands-out-of-order',
    role: 'client',
    breaks: '5.2.3/package2',
    section: '5.2.3',
    description:
      'Runs the commands of each Package#2 last-to-first (statuses are still listed in package order), so side transfers reach repositories in reverse order.',
    expect: { verdict: 'fail', message: 'order' },
  },
  {
    name: 'skip-command',
    role: 'client',
    breaks: '5.2.3/package2',
    section: '5.2.3',
    description: 'Does not run the second command of a Package#2 that has two or more, and reports 200 for it as if it had.',
    expect: { verdict: 'fail', message: 'not (run|executed|processed)|skipp' },
  },
  {
    name: 'status-count-mismatch',
    role: 'client',
    breaks: '5.2.4/package3',
    section: '7.2.1.3',
    description: 'Leaves the status of the last command out of every Package#3.',
    expect: { verdict: 'fail', message: 'status' },
  },
  {
    name: 'hget-no-fetch',
    role: 'client',
    breaks: '5.3.1/hget',
    section: '5.3.1',
    description: 'Reports 200 for HGET without fetching the ServerURI or storing anything.',
    expect: { verdict: 'fail', message: 'HGET' },
    // The MO cache scenario installs its instance with HGET: without the fetch it has nothing to cache.
    verdicts: { '5.3.1/hget': { verdict: 'fail', message: 'HGET' }, '11/mo-cache': { verdict: 'inconclusive', message: 'HGET' } },
  },
  {
    name: 'hput-wrong-method',
    role: 'client',
    breaks: '5.3.2/hput',
    section: '5.3.2',
    description: 'Uploads the data of HPUT with HTTP POST instead of PUT.',
    expect: { verdict: 'fail', message: 'HPUT|PUT' },
  },
  {
    name: 'hpost-wrong-method',
    role: 'client',
    breaks: '5.3.3/hpost',
    section: '5.3.3',
    description: 'Uploads the data of HPOST with HTTP PUT instead of POST.',
    expect: { verdict: 'fail', message: 'HPOST|POST' },
  },
  {
    name: 'wrong-status-code',
    role: 'client',
    breaks: '5.3.4/delete',
    section: '5.3.4',
    description: 'Answers 200 to a DELETE of a permanent node (leaving the node in place) instead of 405.',
    expect: { verdict: 'fail', message: 'DELETE|405' },
  },
  {
    name: 'exec-not-run',
    role: 'client',
    breaks: '5.3.5/exec',
    section: '5.3.5',
    description: 'Reports 200 for a synchronous EXEC without executing the node.',
    expect: { verdict: 'fail', message: 'EXEC' },
    // SUB and UNSUB make their change with EXEC: without it they are left undecided, naming EXEC.
    verdicts: { '5.3.5/exec': { verdict: 'fail', message: 'EXEC' }, ...dependingOn(['5.3.11/sub', '5.3.12/unsub'], '{5.3.5/exec}') },
  },
  {
    name: 'get-no-data',
    role: 'client',
    breaks: '5.3.6/get',
    section: '5.3.6',
    description: 'Reports 200 for GET but attaches no data part (the Package#3 goes as plain response+json).',
    expect: { verdict: 'fail', message: 'GET|part|multipart' },
    // The MO scenarios read the standard MOs with GET (the client claims it): a GET without data leaves them undecided.
    verdicts: { '5.3.6/get': { verdict: 'fail', message: 'GET|part|multipart' }, ...dependingOn(RULES_READING_MOS, 'GET') },
  },
  {
    name: 'show-not-opened',
    role: 'client',
    breaks: '5.3.7/show',
    section: '5.3.7',
    description: 'Reports 200 for SHOW without requesting the web page.',
    expect: { verdict: 'fail', message: 'SHOW' },
  },
  {
    name: 'cont-ignored',
    role: 'client',
    breaks: '5.3.8/cont',
    section: '5.3.8',
    description: "Reports 200 for CONT but keeps sending Package#3 to the session's first URI.",
    expect: { verdict: 'fail', message: 'CONT' },
  },
  {
    name: 'package3-after-end',
    role: 'client',
    breaks: '5.3.9/end',
    section: '5.3.9',
    description: 'Answers a Package#2 that carries END with a Package#3 (END gets no status: the Package#3 lists the others).',
    expect: { verdict: 'fail', message: 'after END|END' },
  },
  {
    name: 'default-not-remembered',
    role: 'client',
    breaks: '5.3.10/default',
    section: '5.3.10',
    description: 'Reports 200 for DEFAULT but forgets the ServerURI, so a later local need for the MOID fetches nothing from it.',
    expect: { verdict: 'fail', message: 'DEFAULT' },
  },
  {
    name: 'alert-data-without-datatype',
    role: 'client',
    breaks: '5.4/generic-alert',
    section: '5.4',
    description: 'Sends Generic Alerts that carry Data without the DataType property.',
    expect: { verdict: 'fail', message: 'DataType' },
  },
  {
    name: 'alert-bad-mark',
    role: 'client',
    breaks: '5.4/generic-alert',
    section: '5.4',
    description: 'Sends Generic Alerts with Mark "high", which is not one of the seven importance levels.',
    expect: { verdict: 'fail', message: 'Mark' },
  },
  {
    name: 'async-for-sync-command',
    role: 'client',
    breaks: '5.4.1/sync-reporting',
    section: '5.4.1',
    description: 'Reports 202 instead of 200 for every successful command other than EXEC.',
    expect: { verdict: 'fail', message: '202|synchronous' },
    // A 202 for a GET or HGET holds back the data the MO and cache scenarios read: they stay undecided.
    verdicts: {
      '5.4.1/sync-reporting': { verdict: 'fail', message: '202|synchronous' },
      ...dependingOn([...RULES_READING_MOS, '11/mo-cache'], '202'),
    },
  },
  {
    name: 'exec-200-instead-of-202',
    role: 'client',
    breaks: '5.4.1/async-reporting',
    section: '5.4.1',
    description: 'Runs an EXEC that carries a ServerURI synchronously and reports 200 instead of 202 (and sends no alert).',
    expect: { verdict: 'fail', message: '202|asynchronous' },
  },
  {
    name: 'no-alert-after-202',
    role: 'client',
    breaks: '5.4.1/async-reporting',
    section: '5.4.1',
    description: 'Reports 202 for an EXEC with a ServerURI but never sends the Generic Alert with the final result.',
    expect: { verdict: 'fail', message: 'alert|asynchronous' },
  },
  {
    name: 'package1-then-stop',
    role: 'client',
    breaks: '5.2/package-flow',
    section: '5.2',
    description:
      'A half-finished client: sends a correct Package#1, then neither runs nor answers the Package#2 (no command runs, no Package#3 is sent).',
    expect: { verdict: 'fail', message: 'Package#3' },
    verdicts: {
      ...waitingForPackage3([...RULES_JUDGED_ON_PACKAGE3, ...RULES_2016_JUDGED_ON_PACKAGE3]),
      '5.2/package-flow': NO_PACKAGE3,
      '5.2.4/package3': NO_PACKAGE3,
      '5.3.2/hput': { verdict: 'fail', message: 'nothing reached the repository' },
      '5.3.3/hpost': { verdict: 'fail', message: 'nothing reached the repository' },
      '5.3.9/end': { verdict: 'inconclusive', message: '{5.3.2/hput}' },
    },
  },
  {
    name: 'no-package3',
    role: 'client',
    breaks: '5.2.4/package3',
    section: '5.2.4',
    description:
      'A half-finished client whose Package#3 sender is a stub: it runs the commands of every Package#2 but never sends a Package#3.',
    expect: { verdict: 'fail', message: 'Package#3' },
    verdicts: {
      ...waitingForPackage3([...RULES_JUDGED_ON_PACKAGE3, ...RULES_2016_JUDGED_ON_PACKAGE3, '5.3.2/hput', '5.3.3/hpost']),
      '5.2/package-flow': NO_PACKAGE3,
      '5.2.4/package3': NO_PACKAGE3,
    },
  },
  {
    name: 'hget-async',
    role: 'client',
    breaks: '5.4.1/sync-reporting',
    section: '5.4.1',
    description:
      'A half-finished client that reports HGET asynchronously: it fetches the ServerURI, answers 202 Accepted (no status URI) and sends a Generic Alert in a new session; the deferred store never runs.',
    expect: { verdict: 'fail', message: '202|synchronous' },
    // 202 for HGET breaks synchronous reporting once (025); 014 then cannot learn where the data
    // went, which it judges only from the status URI, so it depends on 025's failure.
    verdicts: {
      '5.3.1/hget': { verdict: 'inconclusive', message: '{5.4.1/sync-reporting}' },
      '5.4.1/sync-reporting': { verdict: 'fail', message: 'HGET.*synchronous' },
      '11/mo-cache': { verdict: 'inconclusive', message: 'HGET' },
    },
  },
  {
    name: 'every-status-202',
    role: 'client',
    breaks: '5.4.1/sync-reporting',
    section: '5.4.1',
    description:
      'A half-finished client that reports 202 Accepted for every command, whatever its outcome, and never reports the final result.',
    expect: { verdict: 'fail', message: '202|synchronous' },
    // Every rule that names the one status a command must get is broken once: each item whose
    // scenario reads such a status fails; 202 on a success is judged by synchronous reporting alone.
    verdicts: {
      '5.2.4/package3': { verdict: 'fail', message: 'status 0 answers command 0' },
      '5.3.1/hget': { verdict: 'fail', message: '419' },
      '5.3.4/delete': { verdict: 'fail', message: '405' },
      '5.3.5/exec': { verdict: 'fail', message: '405' },
      '5.3.6/get': { verdict: 'fail', message: '204' },
      '5.4.1/sync-reporting': { verdict: 'fail', message: 'synchronous' },
      '5.3.12/unsub': { verdict: 'fail', message: '404' },
      '6.1/client-uri': { verdict: 'fail', message: 'error status' },
      '11/mo-cache': { verdict: 'fail', message: '304' },
      // A read answered 202 holds back the MO data: the MO scenarios stay undecided.
      ...dependingOn(RULES_READING_MOS, '202'),
    },
  },
  {
    name: 'crash-after-first-session',
    role: 'client',
    breaks: '5.2.1/package0',
    section: '5.2.1',
    description:
      'A client that crashes (exits) when its first session of the run ends and stays down: its notification listeners and admin API close (connections are refused), and no Package#0 opens a session again.',
    expect: { verdict: 'fail', message: 'no Package#1' },
    // After the crash a notification gets no answer; over UDP dmct cannot tell a crashed device from
    // a datagram that never arrived, and a trigger refused before anything was observed is a stimulus
    // not delivered: every rule is inconclusive — also the one whose scenario had the first session
    // (in file order, 10 Access control under the 2016 tables), which needs a later session too.
    verdicts: {},
    otherRules: { verdict: 'inconclusive' },
  },
] as const satisfies readonly Fault[];

/** Names of the reference client's fault switches. */
export type ClientFaultName = (typeof clientFaults)[number]['name'];
