import { expectPackage2 } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { answeredStatus, claimedCredentials, package1With, requireEditionItem } from '../../fixtures/server-target/security.js';
import { expectThat } from '../../fixtures/verify.js';

const SECTION = '9.2.1';
const BASIC = 'DM-SEC-001-S-M';
const DIGEST = 'DM-SEC-002-S-M';
/** A refusal of credentials: 401 asks again, 403 refuses outright (RFC 9110 §15.5.2, §15.5.4). */
const REFUSED = [401, 403];

test.describe('9.2.1 HTTP authentication', () => {
  test(
    'the server demands credentials, refuses a wrong Basic password and accepts the right one',
    {
      tag: ['@9.2.1/basic-auth'],
      annotation: [{ type: 'requirement', description: 'The DM server MUST support HTTP Basic authentication (RFC 2617); a request without valid credentials is not served (9.2.1)' }],
    },
    async ({ device, serverTarget, runConfig }) => {
      requireEditionItem(runConfig, BASIC);
      const credentials = claimedCredentials(serverTarget, { item: BASIC, section: SECTION });
      const none = await test.step('Package#1 without credentials', () => package1With(device, null));
      const challenged = answeredStatus(none.reply, { item: BASIC, section: SECTION, rule: 'a request without credentials is challenged', expected: 'HTTP 401 with a WWW-Authenticate challenge' });
      expectThat(challenged.status === 401 && challenged.challenges.length > 0, {
        item: BASIC,
        section: SECTION,
        seq: challenged.seq,
        rule: 'a request without credentials is answered 401 with a challenge (RFC 7235 §3.1)',
        expected: 'HTTP 401 with at least one WWW-Authenticate challenge',
        actual: `HTTP ${challenged.status}, challenges: ${challenged.challenges.join(', ') || '(none)'}`,
      });
      const wrong = await test.step('Package#1 with a wrong Basic password', () => package1With(device, { ...credentials, password: `${credentials.password}-wrong`, scheme: 'basic' }));
      const refused = answeredStatus(wrong.reply, { item: BASIC, section: SECTION, rule: 'wrong Basic credentials are refused', expected: 'HTTP 401 or 403' });
      expectThat(REFUSED.includes(refused.status), {
        item: BASIC,
        section: SECTION,
        seq: refused.seq,
        rule: 'wrong Basic credentials are refused',
        expected: 'HTTP 401 or 403',
        actual: `HTTP ${refused.status}: the Basic credentials with a wrong password were accepted`,
      });
      const right = await test.step('Package#1 with the right Basic credentials', () => package1With(device, { ...credentials, scheme: 'basic' }));
      expectPackage2(right.reply, { item: BASIC, section: SECTION, rule: 'the right Basic credentials are accepted', expected: 'a 2xx response carrying a Package#2 to the authenticated Package#1' });
    },
  );

  test(
    'the server challenges with Digest, refuses a wrong Digest answer and accepts the right one',
    {
      tag: ['@9.2.1/digest-auth'],
      annotation: [{ type: 'requirement', description: 'The DM server MUST support HTTP Digest authentication (RFC 2617): it challenges with a nonce and checks the answer (9.2.1)' }],
    },
    async ({ device, serverTarget, runConfig }) => {
      requireEditionItem(runConfig, DIGEST);
      const credentials = claimedCredentials(serverTarget, { item: DIGEST, section: SECTION });
      const none = await test.step('Package#1 without credentials', () => package1With(device, null));
      const challenged = answeredStatus(none.reply, { item: DIGEST, section: SECTION, rule: 'a request without credentials is challenged', expected: 'HTTP 401 with a Digest challenge' });
      expectThat(challenged.status === 401 && challenged.challenges.includes('digest'), {
        item: DIGEST,
        section: SECTION,
        seq: challenged.seq,
        rule: 'a request without credentials is answered 401 with a Digest challenge',
        expected: 'HTTP 401 with a WWW-Authenticate Digest challenge',
        actual: `HTTP ${challenged.status}, challenges: ${challenged.challenges.join(', ') || '(none)'}`,
      });
      const wrong = await test.step('Package#1 answering the Digest challenge with a wrong password', () => package1With(device, { ...credentials, password: `${credentials.password}-wrong`, scheme: 'digest' }));
      const refused = answeredStatus(wrong.reply, { item: DIGEST, section: SECTION, rule: 'a wrong Digest answer is refused', expected: 'HTTP 401 or 403' });
      expectThat(REFUSED.includes(refused.status), {
        item: DIGEST,
        section: SECTION,
        seq: refused.seq,
        rule: 'a wrong Digest answer is refused',
        expected: 'HTTP 401 or 403',
        actual: `HTTP ${refused.status}: the Digest answer computed with a wrong password was accepted`,
      });
      const right = await test.step('Package#1 answering the Digest challenge with the right password', () => package1With(device, { ...credentials, scheme: 'digest' }));
      expectPackage2(right.reply, { item: DIGEST, section: SECTION, rule: 'the right Digest answer is accepted', expected: 'a 2xx response carrying a Package#2 to the Package#1 answering the Digest challenge' });
    },
  );
});
