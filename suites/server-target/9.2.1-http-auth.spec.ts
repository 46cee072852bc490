import { expectPackage2 } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { answeredStatus, claimedCredentials, package1With } from '../../fixtures/server-target/security.js';
import { expectThat } from '../../fixtures/verify.js';

/** A refusal of credentials: 401 asks again, 403 refuses outright (RFC 9110 §15.5.2, §15.5.4). */
const REFUSED = [401, 403];

const SCHEMES = [
  {
    scheme: 'basic',
    name: 'Basic',
    tag: '@9.2.1/basic-auth',
    title: 'the server demands credentials, refuses a wrong Basic password and accepts the right one',
    requirement:
      'The DM server MUST support HTTP Basic authentication (RFC 2617); a request without valid credentials is not served (9.2.1)',
    // Any challenge will do: a server may offer Digest alone and still take Basic credentials sent unasked.
    challenged: (challenges: readonly string[]) => challenges.length > 0,
    challenge: 'a WWW-Authenticate challenge',
    wrong: 'the Basic credentials with a wrong password',
  },
  {
    scheme: 'digest',
    name: 'Digest',
    tag: '@9.2.1/digest-auth',
    title: 'the server challenges with Digest, refuses a wrong Digest answer and accepts the right one',
    requirement:
      'The DM server MUST support HTTP Digest authentication (RFC 2617): it challenges with a nonce and checks the answer (9.2.1)',
    challenged: (challenges: readonly string[]) => challenges.includes('digest'),
    challenge: 'a WWW-Authenticate Digest challenge',
    wrong: 'the Digest answer computed with a wrong password',
  },
] as const;

test.describe('9.2.1 HTTP authentication', () => {
  for (const { scheme, name, tag, title, requirement, challenged, challenge, wrong } of SCHEMES) {
    test(title, { tag: [tag], annotation: [{ type: 'requirement', description: requirement }] }, async ({ device, serverTarget }) => {
      const credentials = claimedCredentials(serverTarget);
      const none = await test.step('Package#1 without credentials', () => package1With(device, null));
      const first = answeredStatus(none.reply, {
        rule: 'a request without credentials is challenged',
        expected: `HTTP 401 with ${challenge}`,
      });
      expectThat(first.status === 401 && challenged(first.challenges), {
        seq: first.seq,
        rule: 'a request without credentials is answered 401 with a challenge (RFC 7235 §3.1)',
        expected: `HTTP 401 with ${challenge}`,
        actual: `HTTP ${first.status}, challenges: ${first.challenges.join(', ') || '(none)'}`,
      });
      const bad = await test.step(`Package#1 with a wrong ${name} password`, () =>
        package1With(device, { ...credentials, password: `${credentials.password}-wrong`, scheme }));
      const refused = answeredStatus(bad.reply, { rule: `wrong ${name} credentials are refused`, expected: 'HTTP 401 or 403' });
      expectThat(REFUSED.includes(refused.status), {
        seq: refused.seq,
        rule: `wrong ${name} credentials are refused`,
        expected: 'HTTP 401 or 403',
        actual: `HTTP ${refused.status}: ${wrong} was accepted`,
      });
      const right = await test.step(`Package#1 with the right ${name} credentials`, () => package1With(device, { ...credentials, scheme }));
      expectPackage2(right.reply, {
        rule: `the right ${name} credentials are accepted`,
        expected: `a 2xx response carrying a Package#2 to the Package#1 with the right ${name} credentials`,
      });
    });
  }
});
