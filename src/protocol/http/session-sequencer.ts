import { serverUriPlaceholders, substituteServerUri, type ServerUriValues } from '../addressing/server-uri.js';
import { CONT_APPLIES_TO_CURRENT_RESPONSE, SESSION_CORRELATION } from '../interpretations/packages.js';
import type { Package2 } from '../schemas/package2.schema.js';
import type { Violation } from '../violation.js';
import { HEADERS, getHeader, type HeaderBag } from './headers.js';

/** Where a DM session stands (§5.2): which package may come next. */
export type SessionPhase = 'idle' | 'awaiting-package2' | 'awaiting-package3' | 'ended';

/** The state of one DM session, as a plain value (§5.2, §5.3.8, §5.3.9). */
export interface SessionState {
  phase: SessionPhase;
  /** Where the session's Package#1 was posted. */
  package1Uri?: string;
  /** Where the next Package#3 must go: the Package#1 URI, or the last CONT's ServerURI. */
  package3Uri?: string;
  /** True once a CONT has set `package3Uri`. */
  redirected: boolean;
  /** A CONT ServerURI that applies from the Package#3 after next (when CONT does not apply at once). */
  pendingPackage3Uri?: string;
}

/** One package of the session flow, as seen on the wire. */
export type SessionEvent = { package: 1; uri: string } | { package: 2; body: Package2 } | { package: 3; uri: string };

/** The state after `initialSessionState`: no session yet. */
export function initialSessionState(): SessionState {
  return { phase: 'idle', redirected: false };
}

function uriMatches(expected: string, actual: string, values: ServerUriValues | undefined): boolean {
  if (values) return substituteServerUri(expected, values) === actual;
  if (serverUriPlaceholders(expected).length === 0) return expected === actual;
  // Without the client's values, a placeholder stands for any one URI-encoded value.
  const pattern = expected
    .split(/\[[A-Za-z]+\]/)
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/?#]*');
  return new RegExp(`^${pattern}$`).test(actual);
}

const violation = (rule: string, section: string, message: string, severity: Violation['severity'] = 'error'): Violation => ({
  rule,
  section,
  severity,
  message,
});

/**
 * The one transition function of the session flow (§5.2): Package#1 opens a session, Package#2
 * answers Package#1 or Package#3, Package#3 answers a Package#2 without END and goes to the
 * Package#1 URI or, after CONT, to the CONT ServerURI (`CONT_APPLIES_TO_CURRENT_RESPONSE`,
 * §5.3.8). Returns the next state and what the event broke; never throws.
 */
export function advanceSession(
  state: SessionState,
  event: SessionEvent,
  values?: ServerUriValues,
): { state: SessionState; violations: Violation[] } {
  const violations: Violation[] = [];
  if (event.package === 1) {
    if (state.phase === 'awaiting-package2')
      violations.push(
        violation(
          'sequence-package1-unanswered',
          '5.2',
          'a Package#1 arrived while the previous package still awaited its Package#2',
          'warning',
        ),
      );
    if (state.phase === 'awaiting-package3')
      violations.push(
        violation('sequence-session-abandoned', '5.2', 'a Package#1 arrived while the server awaited a Package#3', 'warning'),
      );
    return { state: { phase: 'awaiting-package2', package1Uri: event.uri, package3Uri: event.uri, redirected: false }, violations };
  }
  if (event.package === 2) {
    if (state.phase !== 'awaiting-package2') {
      violations.push(
        violation(
          'sequence-unexpected-package2',
          '5.2.3',
          `a Package#2 came while the session was ${state.phase}; it only answers a Package#1 or Package#3`,
        ),
      );
    }
    const next: SessionState = { ...state };
    if (next.pendingPackage3Uri !== undefined) {
      next.package3Uri = next.pendingPackage3Uri;
      next.redirected = true;
      delete next.pendingPackage3Uri;
    }
    for (const entry of event.body.CMD) {
      const uri = entry[0] === 'CONT' ? entry[1] : undefined;
      if (uri === undefined) continue;
      if (CONT_APPLIES_TO_CURRENT_RESPONSE) {
        next.package3Uri = uri;
        next.redirected = true;
      } else next.pendingPackage3Uri = uri;
    }
    next.phase = event.body.CMD.some((entry) => entry[0] === 'END') ? 'ended' : 'awaiting-package3';
    return { state: next, violations };
  }
  if (state.phase === 'ended') {
    violations.push(violation('package3-after-end', '5.2.4', 'a Package#3 was sent after a Package#2 that carried END'));
    return { state, violations };
  }
  if (state.phase !== 'awaiting-package3') {
    violations.push(
      violation(
        'sequence-unexpected-package3',
        '5.2.4',
        `a Package#3 came while the session was ${state.phase}; it only answers a Package#2`,
      ),
    );
    return { state, violations };
  }
  if (state.package3Uri !== undefined && !uriMatches(state.package3Uri, event.uri, values)) {
    violations.push(
      state.redirected
        ? violation('package3-uri-after-cont', '5.3.8', `after CONT the Package#3 must go to ${state.package3Uri}, it went to ${event.uri}`)
        : violation(
            'package3-uri',
            '5.2.4',
            `the Package#3 went to ${event.uri}, not to the Package#1 URI ${state.package3Uri}`,
            'warning',
          ),
    );
  }
  return { state: { ...state, phase: 'awaiting-package2' }, violations };
}

/**
 * A DM session's sequencing as a small object around {@link advanceSession}: feed it each package
 * as it is seen, read back the violations and the URI the next Package#3 must go to.
 */
export class SessionSequencer {
  private current: SessionState = initialSessionState();

  constructor(private readonly values?: ServerUriValues) {}

  /** The state after every package seen so far. */
  get state(): SessionState {
    return this.current;
  }

  /** Records one package and returns what it broke (§5.2). */
  accept(event: SessionEvent): Violation[] {
    const { state, violations } = advanceSession(this.current, event, this.values);
    this.current = state;
    return violations;
  }

  /** Where the next Package#3 must be posted, with placeholders filled when values are known. */
  expectedPackage3Uri(): string | undefined {
    const uri = this.current.package3Uri;
    return uri !== undefined && this.values ? substituteServerUri(uri, this.values) : uri;
  }
}

const SESSION_KEY_HEADER: Record<typeof SESSION_CORRELATION, string> = { 'omadm-devid': HEADERS.devId };

/** The key that ties a request to its session (`SESSION_CORRELATION`, §5.2): the OMADM-DevID. */
export function sessionKey(headers: HeaderBag): string | undefined {
  return getHeader(headers, SESSION_KEY_HEADER[SESSION_CORRELATION])?.trim();
}
