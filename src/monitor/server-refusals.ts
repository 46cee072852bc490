/**
 * A DM server's refusal of a valid request, as the passive judge charges it (passive-judge.ts):
 * to the most specific rule the refused package exercises, so that one broken rule fails one item.
 */
import { decodeJsonBody } from '../protocol/packages/json-body.js';
import { PASSIVE_RULES, type PassiveRule } from './passive-rules.js';

/** The rule a server breaks by refusing (or not answering) a valid request, and what it asked. */
export interface Refusal {
  rule: PassiveRule;
  section: string;
  requirement: string;
}

/** Each rule a refusal may break, by what the refused request exercised. */
export const REFUSALS = {
  package1: {
    rule: PASSIVE_RULES.serverPackage1,
    section: '5.2.2',
    requirement: 'the server takes a valid Package#1 and answers it with a Package#2',
  },
  package3: {
    rule: PASSIVE_RULES.serverPackage3,
    section: '5.2.4',
    requirement: 'the server takes a valid Package#3 and answers it with a Package#2',
  },
  afterEnd: {
    rule: PASSIVE_RULES.serverPackage3,
    section: '5.2.4',
    requirement: "after a Package#2 with END the server expects no Package#3: it takes the device's next Package#1",
  },
  cont: {
    rule: PASSIVE_RULES.serverCont,
    section: '5.3.8',
    requirement: 'the server takes the Package#3 at the ServerURI of its CONT and answers it with a Package#2',
  },
  asyncAccepted: {
    rule: PASSIVE_RULES.serverAsyncReporting,
    section: '5.4.1',
    requirement: 'the server takes a 202 Accepted for EXEC (asynchronous reporting)',
  },
  asyncResult: {
    rule: PASSIVE_RULES.serverAsyncReporting,
    section: '5.4.1',
    requirement: 'the server takes the Generic Alert reporting the result of an EXEC it accepted with 202',
  },
  syncResult: {
    rule: PASSIVE_RULES.serverSyncReporting,
    section: '5.4.1',
    requirement: 'the server takes the final status of an EXEC reported synchronously',
  },
} as const satisfies Record<string, Refusal>;

/** What a valid request exercises on the server's side, to charge a refusal to the most specific rule. */
export interface Exercised {
  /** The request opens a session after one that ended with END. */
  afterEnd?: boolean;
  /** It reports 202 for a command. */
  accepted?: boolean;
  /** It carries the Generic Alert of an EXEC accepted earlier with 202. */
  asyncResult?: boolean;
  /** It reports an EXEC's final status synchronously. */
  syncResult?: boolean;
  /** It goes to the ServerURI of a CONT. */
  atCont?: boolean;
  /**
   * A Package#1 answering a notification without MOS: the Package#0 may have carried REQ-MOS
   * (§5.2.1.2), which makes MOS required; the HTTP traffic does not show it.
   */
  mosMayBeRequired?: boolean;
}

/**
 * The rules a valid request exercises (each one held when the server answers it) and the one a
 * refusal breaks: the request's content first (what a server may object to), then where it went.
 * A 404 at the CONT URI says the URI itself was not honoured; a 409 to the Package#1 after a
 * session ended with END, that the server still holds that session open.
 */
export function exercisedRules(kind: 1 | 3, exercised: Exercised, status: number): { held: PassiveRule[]; refusal: Refusal } {
  const specific: Refusal[] = [
    ...(exercised.atCont && status === 404 ? [REFUSALS.cont] : []),
    ...(exercised.accepted ? [REFUSALS.asyncAccepted] : []),
    ...(exercised.asyncResult ? [REFUSALS.asyncResult] : []),
    ...(exercised.syncResult ? [REFUSALS.syncResult] : []),
    // 409 Conflict: the request conflicts with the state the server holds, the session its END closed.
    ...(exercised.afterEnd && status === 409 ? [REFUSALS.afterEnd] : []),
    ...(exercised.atCont ? [REFUSALS.cont] : []),
  ];
  const base = kind === 1 ? REFUSALS.package1 : REFUSALS.package3;
  // A closed connection objects to nothing in particular: the package went unanswered.
  const refusal = status === 0 ? base : (specific[0] ?? base);
  return { held: [...new Set([base, ...specific].map((r) => r.rule))], refusal };
}

/** `, "<title>"` of a problem-details answer, for the finding's text (bounded). */
export function problemTitle(body: Uint8Array | undefined): string {
  if (body === undefined) return '';
  const decoded = decodeJsonBody(body, '5.2.3');
  if (!decoded.ok || typeof decoded.value !== 'object' || decoded.value === null) return '';
  const title = (decoded.value as Record<string, unknown>).title;
  return typeof title === 'string' ? ` "${title.slice(0, 80)}"` : '';
}
