import type { Fault } from './types.js';

/**
 * The reference DM server's fault switches (mutants). Each breaks one rule
 * of the approved text and names the server item of the seed's Appendix B table (2013 CR
 * numbering: 024 Generic Alert, 025 synchronous, 026 asynchronous reporting) whose scenarios must
 * fail against it. Every server item 001–026 has at least one switch whose break a client-side
 * harness can see on the wire.
 */
export const serverFaults = [
  {
    name: 'flow-no-package2',
    role: 'server',
    breaks: '5.2/package-flow',
    section: '5.2',
    description:
      'Stops the package flow after two round trips: answers the third Package#3 of a session with HTTP 204 and an empty body instead of the next Package#2 (the flow loops until END).',
    expect: { verdict: 'fail', message: 'Package#2' },
  },
  {
    name: 'notify-options-out-of-order',
    role: 'server',
    breaks: '5.2.1/package0',
    section: '7.1.1',
    description:
      'Writes the Package#0 options last-number-first, each delta taken modulo 16, so the option numbers a receiver adds up are no longer the ones meant (options must come in increasing number order).',
    expect: { verdict: 'fail', message: 'order|option' },
  },
  {
    name: 'notify-wrong-ver',
    role: 'server',
    breaks: '5.2.1.1/ver-header',
    section: '5.2.1.1',
    description: 'Sends VER 1 instead of 0x02 in the Package#0 header.',
    expect: { verdict: 'fail', message: 'VER' },
  },
  {
    name: 'notify-oc-mismatch',
    role: 'server',
    breaks: '5.2.1.1/oc-header',
    section: '5.2.1.1',
    description: 'Sends an OC one greater than the number of options present.',
    expect: { verdict: 'fail', message: '\\bOC\\b|option count' },
  },
  {
    name: 'notify-missing-server-id',
    role: 'server',
    breaks: '5.2.1.2/server-id',
    section: '5.2.1.2',
    description: 'Leaves the SERVER-ID option out of every Package#0, even when asked to send it.',
    expect: { verdict: 'fail', message: 'SERVER-ID' },
  },
  {
    name: 'notify-bad-con-type',
    role: 'server',
    breaks: '5.2.1.2/preferred-con-type',
    section: '5.2.1.2',
    description:
      'Puts ANY_AVAILABLE (0x00) first in PREFERRED-CON-TYPE, followed by the other asked types (CELLULAR when none), although ANY_AVAILABLE MUST be the last value.',
    expect: { verdict: 'fail', message: 'PREFERRED-CON-TYPE|ANY_AVAILABLE' },
  },
  {
    name: 'notify-repeated-id',
    role: 'server',
    breaks: '5.2.1.2/notification-id',
    section: '5.2.1.2',
    description: 'Sends the same NOTIFICATION-ID in every Package#0 to a device, so duplicates are not detectable.',
    expect: { verdict: 'fail', message: 'NOTIFICATION-ID' },
  },
  {
    name: 'notify-bad-digest',
    role: 'server',
    breaks: '5.2.1.2/sha256-digest',
    section: '5.2.1.2',
    description: 'Computes SHA256-DIGEST over the wrong bytes: the digest slot holds 0xFF bytes instead of zeros while hashing.',
    expect: { verdict: 'fail', message: 'digest' },
  },
  {
    name: 'notify-stale-timestamp',
    role: 'server',
    breaks: '5.2.1.2/timestamp',
    section: '5.2.1.2',
    description: 'Writes a TIMESTAMP one day older than the time of sending.',
    expect: { verdict: 'fail', message: 'TIMESTAMP' },
  },
  {
    name: 'notify-ignore-req-mos',
    role: 'server',
    breaks: '5.2.1.2/req-mos',
    section: '5.2.1.2',
    description: 'Leaves the REQ-MOS option out of the Package#0 even when asked to request the MOS list.',
    expect: { verdict: 'fail', message: 'REQ-MOS' },
  },
  {
    name: 'package1-rejected-without-mos',
    role: 'server',
    breaks: '5.2.2/package1',
    section: '5.2.2',
    description: 'Answers HTTP 400 to a Package#1 that has no MOS array, although MOS is only required after a REQ-MOS.',
    expect: { verdict: 'fail', message: 'Package#1|MOS' },
  },
  {
    name: 'package2-wrong-content-type',
    role: 'server',
    breaks: '5.2.3/package2',
    section: '5.2.3',
    description: 'Sends every Package#2 as application/json instead of application/vnd.oma.dm.request+json.',
    expect: { verdict: 'fail', message: 'content.type|media type' },
  },
  {
    name: 'package2-non-string-param',
    role: 'server',
    breaks: '5.2.3/package2',
    section: '7.2.1.2',
    description: 'Sends the last parameter of every command that has parameters as a one-element array, not a string.',
    expect: { verdict: 'fail', message: 'string' },
  },
  {
    name: 'expects-package3-after-end',
    role: 'server',
    breaks: '5.2.4/package3',
    section: '5.2.4',
    description:
      'Keeps a session it ends at once (END answering the Package#1) open, waiting for a Package#3, and rejects the next Package#1 of the device with HTTP 409 "session still open".',
    expect: { verdict: 'fail', message: 'after END|session still open' },
  },
  {
    name: 'hget-missing-server-uri',
    role: 'server',
    breaks: '5.3.1/hget',
    section: '5.3.1',
    description: 'Sends HGET without its ServerURI parameter.',
    expect: { verdict: 'fail', message: 'HGET' },
  },
  {
    name: 'hput-no-client-uri',
    role: 'server',
    breaks: '5.3.2/hput',
    section: '5.3.2',
    description: 'Sends HPUT without any ClientURI parameter.',
    expect: { verdict: 'fail', message: 'HPUT' },
    // An HPUT without its ClientURI leaves the ServerURI scenarios undecided: the
    // parameters a command takes are the rule of HPUT, failed there.
    verdicts: {
      '5.3.2/hput': { verdict: 'fail', message: 'HPUT' },
      '6.2/serveruri-devid': { verdict: 'inconclusive', message: 'rule of {5.3.2/hput}' },
      '6.2/serveruri': { verdict: 'inconclusive', message: 'rule of {5.3.2/hput}' },
      '6.2/serveruri-mnc': { verdict: 'inconclusive', message: 'rule of {5.3.2/hput}' },
      '6.2/serveruri-mcc': { verdict: 'inconclusive', message: 'rule of {5.3.2/hput}' },
      '6.2/serveruri-cmnc': { verdict: 'inconclusive', message: 'rule of {5.3.2/hput}' },
      '6.2/serveruri-cmcc': { verdict: 'inconclusive', message: 'rule of {5.3.2/hput}' },
      '6.2/serveruri-spname': { verdict: 'inconclusive', message: 'rule of {5.3.2/hput}' },
    },
  },
  {
    name: 'hpost-no-client-uri',
    role: 'server',
    breaks: '5.3.3/hpost',
    section: '5.3.3',
    description: 'Sends HPOST without any ClientURI parameter.',
    expect: { verdict: 'fail', message: 'HPOST' },
  },
  {
    name: 'delete-extra-param',
    role: 'server',
    breaks: '5.3.4/delete',
    section: '5.3.4',
    description: 'Sends DELETE with its ClientURI twice (two parameters where the command takes one).',
    expect: { verdict: 'fail', message: 'DELETE' },
  },
  {
    name: 'exec-no-client-uri',
    role: 'server',
    breaks: '5.3.5/exec',
    section: '5.3.5',
    description: 'Sends EXEC without its ClientURI parameter.',
    expect: { verdict: 'fail', message: 'EXEC' },
  },
  {
    name: 'get-no-client-uri',
    role: 'server',
    breaks: '5.3.6/get',
    section: '5.3.6',
    description: 'Sends GET without its ClientURI parameter.',
    expect: { verdict: 'fail', message: 'GET' },
    // A GET without its ClientURI leaves the standard MO reads and the ClientURI forms undecided: the
    // parameters a command takes are the rule of GET, failed there.
    verdicts: {
      '5.3.6/get': { verdict: 'fail', message: 'GET' },
      '12.1/devinfo': { verdict: 'inconclusive', message: 'rule of {5.3.6/get}' },
      '6.1/client-uri-forms': { verdict: 'inconclusive', message: 'rule of {5.3.6/get}' },
      '12.2/dmacc': { verdict: 'inconclusive', message: 'rule of {5.3.6/get}' },
      '12.3/dacmo': { verdict: 'inconclusive', message: 'rule of {5.3.6/get}' },
      '12.4/session-info': { verdict: 'inconclusive', message: 'rule of {5.3.6/get}' },
    },
  },
  {
    name: 'show-no-server-uri',
    role: 'server',
    breaks: '5.3.7/show',
    section: '5.3.7',
    description: 'Sends SHOW without its ServerURI parameter.',
    expect: { verdict: 'fail', message: 'SHOW' },
  },
  {
    name: 'cont-no-server-uri',
    role: 'server',
    breaks: '5.3.8/cont',
    section: '5.3.8',
    description: 'Sends CONT without its ServerURI parameter.',
    expect: { verdict: 'fail', message: 'CONT' },
  },
  {
    name: 'cont-uri-rejected',
    role: 'server',
    breaks: '5.3.8/cont',
    section: '5.3.8',
    description: 'Hands out a CONT URI, then answers HTTP 404 to the Package#3 that arrives there.',
    expect: { verdict: 'fail', message: 'CONT' },
  },
  {
    name: 'session-never-ended',
    role: 'server',
    breaks: '5.3.9/end',
    section: '5.3.9',
    description: 'Never sends END: when nothing is left to do it answers with an empty CMD array instead.',
    expect: { verdict: 'fail', message: 'END' },
    verdicts: {
      '5.3.9/end': { verdict: 'fail', message: 'END' },
      '5.2.4/package3': { verdict: 'inconclusive', message: 'no END.*{5.3.9/end}' },
    },
  },
  {
    name: 'default-no-moid',
    role: 'server',
    breaks: '5.3.10/default',
    section: '5.3.10',
    description: 'Sends DEFAULT without its MOID parameter.',
    expect: { verdict: 'fail', message: 'DEFAULT' },
  },
  {
    name: 'status-for-generic-alert',
    role: 'server',
    breaks: '5.4/generic-alert',
    section: '5.4',
    description:
      'Acknowledges every Generic Alert it receives (other than the session alert) with a ["STATUS","200"] entry at the head of the next Package#2, although the server MUST NOT send any status for alerts.',
    expect: { verdict: 'fail', message: 'alert' },
  },
  {
    name: 'sync-status-rejected',
    role: 'server',
    breaks: '5.4.1/sync-reporting',
    section: '5.4.1',
    description:
      'Accepts only asynchronous reporting for EXEC: answers HTTP 400 to a Package#3 that reports an EXEC synchronously (a final code instead of 202).',
    expect: { verdict: 'fail', message: 'synchronous|EXEC' },
    verdicts: {
      '5.4.1/sync-reporting': { verdict: 'fail', message: 'synchronous|EXEC' },
      '5.3.5/exec': { verdict: 'inconclusive', message: 'rule of {5.4.1/sync-reporting}' },
    },
  },
  {
    name: 'async-accepted-rejected',
    role: 'server',
    breaks: '5.4.1/async-reporting',
    section: '5.4.1',
    description:
      'Refuses asynchronous reporting: answers HTTP 400 to any Package#3 that carries a 202 Accepted, although the Package#3 is valid.',
    expect: { verdict: 'fail', message: 'asynchronous|202' },
    verdicts: {
      '5.4.1/async-reporting': { verdict: 'fail', message: 'asynchronous|202' },
      '5.3.5/exec': { verdict: 'inconclusive', message: 'rule of {5.4.1/async-reporting}' },
    },
  },
  {
    name: 'async-alert-rejected',
    role: 'server',
    breaks: '5.4.1/async-reporting',
    section: '5.4.1',
    description: 'Answers HTTP 400 to a Package#1 or Package#3 carrying the Generic Alert that completes an EXEC it accepted with 202.',
    expect: { verdict: 'fail', message: 'asynchronous|alert' },
  },
  {
    name: 'package3-connection-closed',
    role: 'server',
    breaks: '5.2.4/package3',
    section: '5.2.4',
    description:
      'Reads every Package#3 in full, then closes the connection without answering it (a half-finished server that handles Package#1 only).',
    expect: { verdict: 'fail', message: 'closed' },
    verdicts: {
      '5.2.4/package3': { verdict: 'fail', message: 'closed' },
      '5.2/package-flow': { verdict: 'fail', message: 'closed' },
      '12.1/devinfo': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.11/sub': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.12/unsub': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.1/client-uri-forms': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.2/serveruri-devid': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.2/serveruri': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.2/serveruri-mnc': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.2/serveruri-mcc': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.2/serveruri-cmnc': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.2/serveruri-cmcc': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '6.2/serveruri-spname': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '12.2/dmacc': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '12.3/dacmo': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '12.4/session-info': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.2.3/package2': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.1/hget': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.2/hput': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.3/hpost': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.4/delete': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.5/exec': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.6/get': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.7/show': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.8/cont': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.9/end': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.3.10/default': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.4/generic-alert': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.4.1/sync-reporting': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
      '5.4.1/async-reporting': { verdict: 'inconclusive', message: 'rule of {5.2.4/package3}' },
    },
  },
  {
    name: 'package1-empty-cmd',
    role: 'server',
    breaks: '5.3.9/end',
    section: '5.3.9',
    description:
      'A half-finished server: answers every Package#1 with an empty CMD array, whatever is queued, sends the queued commands only in answer to the Package#3s that follow, and when nothing is left answers with an empty CMD again instead of END.',
    expect: { verdict: 'fail', message: 'END' },
    // An empty CMD answering the Package#1 and the queued commands in a later Package#2 of the
    // session is allowed (§5.2.3: a Package#2 answers a Package#1 or a Package#3; nothing says
    // which one carries a command): every command item finds its command later and passes. The
    // one broken rule is §5.3.9 (the server MUST close the session with END), failed once; 013's
    // "new session after END" is blocked by it. A server that never sent a queued command at all
    // would be inconclusive there, not failed: no rule obliges a server to send a command in a
    // given session, and the queue trigger is an IXIT means outside the text.
    verdicts: {
      '5.3.9/end': { verdict: 'fail', message: 'END' },
      '5.2.4/package3': { verdict: 'inconclusive', message: 'no END.*{5.3.9/end}' },
    },
  },
  {
    name: 'status-member-for-alerts',
    role: 'server',
    breaks: '5.4/generic-alert',
    section: '5.4',
    description:
      'Acknowledges the Generic Alerts of a package (other than the session alert) with an extra top-level member "Status": [{"sc":200}, …] in the next Package#2, one status per alert, although the server MUST NOT send any status for alerts.',
    expect: { verdict: 'fail', message: 'status' },
  },
  {
    name: 'auth-accepts-wrong-basic',
    role: 'server',
    breaks: '9.2.1/basic-auth',
    section: '9.2.1',
    description:
      'Accepts HTTP Basic credentials with the right user name and any password, so a device that does not know the password is let in.',
    expect: { verdict: 'fail', message: 'Basic' },
  },
  {
    name: 'auth-accepts-wrong-digest',
    role: 'server',
    breaks: '9.2.1/digest-auth',
    section: '9.2.1',
    description:
      'Accepts a Digest answer to its own challenge whatever its response value, so a device that does not know the password is let in.',
    expect: { verdict: 'fail', message: 'Digest' },
  },
  {
    name: 'tls-no-tls11',
    role: 'server',
    breaks: '9.2.2/tls11',
    section: '9.2.2',
    description: 'Turns TLS 1.1 off (TLS 1.0 and 1.2 stay on), although both sides SHALL support TLS 1.1.',
    expect: { verdict: 'fail', message: 'TLSv1.1' },
  },
  {
    name: 'tls-no-psk',
    role: 'server',
    breaks: '9.2.2/psk-mode',
    section: '9.2.2',
    description: 'Knows no pre-shared key: a PSK-TLS handshake fails, although the server SHALL support PSK-TLS as well as X.509 mode.',
    expect: { verdict: 'fail', message: 'PSK' },
    // With no PSK suite completing at all, "every PSK suite" is blocked by PSK-TLS itself.
    verdicts: {
      '9.2.2/psk-mode': { verdict: 'fail', message: 'PSK' },
      '9.2.2/psk-suites-all': { verdict: 'inconclusive', message: 'rule of {9.2.2/psk-mode}' },
    },
  },
  {
    name: 'tls-no-x509-suites',
    role: 'server',
    breaks: '9.2.2/x509-mode',
    section: '9.2.2',
    description:
      'Leaves the X.509 cipher suites of section 9.2.2 out of its list (other suites still work), so a client offering only those cannot connect.',
    expect: { verdict: 'fail', message: 'X.509' },
    verdicts: {
      '9.2.2/x509-mode': { verdict: 'fail', message: 'X.509' },
      '9.2.2/x509-suites-all': { verdict: 'inconclusive', message: 'rule of {9.2.2/x509-mode}' },
    },
  },
  {
    name: 'psk-suite-missing',
    role: 'server',
    breaks: '9.2.2/psk-suites-all',
    section: '9.2.2',
    description:
      'Leaves TLS_RSA_PSK_WITH_AES_128_GCM_SHA256 out of its list (the other six PSK suites still work), although the server SHALL support all seven PSK suites.',
    expect: { verdict: 'fail', message: 'TLS_RSA_PSK_WITH_AES_128_GCM_SHA256' },
  },
  {
    name: 'x509-suite-missing',
    role: 'server',
    breaks: '9.2.2/x509-suites-all',
    section: '9.2.2',
    description:
      'Leaves TLS_DHE_RSA_WITH_AES_128_CBC_SHA256 out of its list (the other five X.509 suites still work), although the server SHALL support all six X.509 suites.',
    expect: { verdict: 'fail', message: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256' },
  },
] as const satisfies readonly Fault[];

/** Names of the reference server's fault switches. */
export type ServerFaultName = (typeof serverFaults)[number]['name'];
