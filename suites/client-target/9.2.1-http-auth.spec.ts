import { test } from '../../fixtures/client-target/index.js';
import { attemptSession, describeAttempt, requireReached } from '../../fixtures/client-target/security.js';
import { expectThat, inconclusive, precondition } from '../../fixtures/verify.js';

const SCHEMES = [
  {
    scheme: 'basic',
    name: 'Basic',
    tag: '@9.2.1/basic-auth',
    requirement:
      'The DM client MUST support HTTP Basic authentication (RFC 2617): challenged with Basic, it sends its credentials and the session goes on (9.2.1)',
  },
  {
    scheme: 'digest',
    name: 'Digest',
    tag: '@9.2.1/digest-auth',
    requirement:
      'The DM client SHOULD support HTTP Digest authentication (RFC 2617); one that claims it answers a Digest challenge with the response computed over its credentials, the nonce and the request (9.2.1)',
  },
] as const;

test.describe('9.2.1 HTTP authentication (client)', () => {
  for (const { scheme, name, tag, requirement } of SCHEMES) {
    test(
      `challenged with ${name} only, the client answers with valid ${name} credentials and its session goes on`,
      { tag: [tag], annotation: [{ type: 'requirement', description: requirement }] },
      async ({ clientTarget, dmServer, sessions }) => {
        const rule = `the client answers a ${name} challenge with valid ${name} credentials`;
        const auth =
          clientTarget.httpAuth ??
          inconclusive('the claims give no credentials the device holds (httpAuth.expect), so dmct cannot demand them', {
            rule: 'the claims give the device credentials dmct demands',
            outcome: 'stimulus-not-delivered',
          });
        precondition(auth.schemes.includes(scheme), {
          precondition: `the claims list ${scheme} among the device's schemes (httpAuth.expect.schemes)`,
          observed: `schemes ${auth.schemes.join(', ')}`,
        });
        dmServer.demandCredentials({ scheme, username: auth.username, password: auth.password, realm: auth.realm });
        const attempt =
          await test.step(`a session, every request without valid ${name} credentials answered 401 with a ${name} challenge`, () =>
            attemptSession(sessions));
        requireReached(attempt, rule);
        expectThat(attempt.outcome.kind === 'received', {
          ...(attempt.challenged[0] === undefined ? {} : { seq: attempt.challenged[0].requestSeq }),
          rule,
          expected: `a Package#1 carrying valid ${name} credentials, sent unasked or in answer to the 401 ${name} challenge`,
          actual: describeAttempt(attempt),
        });
      },
    );
  }
});
