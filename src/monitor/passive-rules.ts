/**
 * The rule keys the passive judge (passive-judge.ts) and the Package#0 judge
 * (notification-judge.ts) can judge, each with the side it binds (scr/<edition>/rules.json keys).
 */

/** The side a rule binds: the DM client or the DM server of the capture. */
export type Side = 'client' | 'server';

/** The rule keys the passive judge can judge, with the side each binds. */
export const PASSIVE_RULES = {
  package1: { key: '5.2.2/package1', side: 'client' },
  package3: { key: '5.2.4/package3', side: 'client' },
  cont: { key: '5.3.8/cont', side: 'client' },
  clientGet: { key: '5.3.6/get', side: 'client' },
  end: { key: '5.3.9/end', side: 'client' },
  syncReporting: { key: '5.4.1/sync-reporting', side: 'client' },
  asyncReporting: { key: '5.4.1/async-reporting', side: 'client' },
  clientGenericAlert: { key: '5.4/generic-alert', side: 'client' },
  serverPackage1: { key: '5.2.2/package1', side: 'server' },
  package2: { key: '5.2.3/package2', side: 'server' },
  serverPackage3: { key: '5.2.4/package3', side: 'server' },
  serverHget: { key: '5.3.1/hget', side: 'server' },
  serverHput: { key: '5.3.2/hput', side: 'server' },
  serverHpost: { key: '5.3.3/hpost', side: 'server' },
  serverDelete: { key: '5.3.4/delete', side: 'server' },
  serverExec: { key: '5.3.5/exec', side: 'server' },
  serverGet: { key: '5.3.6/get', side: 'server' },
  serverShow: { key: '5.3.7/show', side: 'server' },
  serverCont: { key: '5.3.8/cont', side: 'server' },
  serverEnd: { key: '5.3.9/end', side: 'server' },
  serverDefault: { key: '5.3.10/default', side: 'server' },
  serverSub: { key: '5.3.11/sub', side: 'server' },
  serverUnsub: { key: '5.3.12/unsub', side: 'server' },
  genericAlert: { key: '5.4/generic-alert', side: 'server' },
  serverSyncReporting: { key: '5.4.1/sync-reporting', side: 'server' },
  serverAsyncReporting: { key: '5.4.1/async-reporting', side: 'server' },
  // Package#0 the monitor relayed (notification-judge.ts): the server sends it.
  wapPush: { key: 'E.1/wap-push', side: 'server' },
  package0: { key: '5.2.1/package0', side: 'server' },
  verHeader: { key: '5.2.1.1/ver-header', side: 'server' },
  ocHeader: { key: '5.2.1.1/oc-header', side: 'server' },
  serverId: { key: '5.2.1.2/server-id', side: 'server' },
  preferredConType: { key: '5.2.1.2/preferred-con-type', side: 'server' },
  notificationId: { key: '5.2.1.2/notification-id', side: 'server' },
  digest: { key: '5.2.1.2/sha256-digest', side: 'server' },
  timestamp: { key: '5.2.1.2/timestamp', side: 'server' },
  reqMos: { key: '5.2.1.2/req-mos', side: 'server' },
} as const satisfies Record<string, { key: string; side: Side }>;

/** One rule of PASSIVE_RULES. */
export type PassiveRule = (typeof PASSIVE_RULES)[keyof typeof PASSIVE_RULES];
