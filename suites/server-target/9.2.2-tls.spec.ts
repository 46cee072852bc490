import { test } from '../../fixtures/server-target/index.js';
import {
  handshake,
  judgeEverySuite,
  PSK_SUITES,
  targetPskOnly,
  targetTls,
  X509_SUITES,
  TLS_VERSION_RULES,
} from '../../fixtures/server-target/security.js';
import { expectThat } from '../../fixtures/verify.js';

test.describe('9.2.2 TLS', () => {
  for (const { version, tag, name, keyword } of TLS_VERSION_RULES) {
    test(
      `the server completes a ${name} handshake`,
      {
        tag: [tag],
        annotation: [
          {
            type: 'requirement',
            description: `Both sides SHALL support TLS 1.1 and SHOULD support TLS 1.0 or 1.2; the server ${keyword} support ${name} (9.2.2)`,
          },
        ],
      },
      async ({ serverTarget, recorder }) => {
        const settings = targetTls(serverTarget);
        // Only this version is offered, with OpenSSL's default suites: the item is about the version (the suites have their own).
        const outcome = await test.step(`handshake offering ${name} only`, () =>
          handshake(serverTarget, recorder, { ...settings, versions: [version], suites: undefined }, `${name} handshake`));
        expectThat(outcome.ok && outcome.tls.protocol === version, {
          seq: outcome.seq,
          rule: `the server accepts a ${name} connection`,
          expected: `a ${version} handshake completes`,
          actual: outcome.ok ? `negotiated ${outcome.tls.protocol}` : `no TLS connection: ${outcome.detail}`,
        });
      },
    );
  }

  test(
    'the server completes a PSK-TLS handshake with a PSK cipher suite of 9.2.2',
    {
      tag: ['@9.2.2/psk-mode'],
      annotation: [
        {
          type: 'requirement',
          description: 'The DM server SHALL support PSK-TLS (with the PSK cipher suites listed) as well as X.509 mode (9.2.2)',
        },
      ],
    },
    async ({ serverTarget, recorder }) => {
      const psk = targetPskOnly(serverTarget);
      // The RSA_PSK suites also present the server's certificate: its trust is the X.509 mode's rule, not this one's.
      const outcome = await test.step('handshake offering the PSK suites only, no certificate judged', () =>
        handshake(
          serverTarget,
          recorder,
          { ...psk, versions: ['TLSv1.2'], suites: Object.keys(PSK_SUITES), acceptAnyCertificate: true },
          'PSK-TLS handshake',
        ));
      expectThat(outcome.ok && outcome.tls.suite in PSK_SUITES, {
        seq: outcome.seq,
        rule: 'the server accepts a PSK-TLS connection with a PSK suite of 9.2.2',
        expected: `a TLS handshake with one of ${Object.keys(PSK_SUITES).join(', ')}`,
        actual: outcome.ok ? `negotiated ${outcome.tls.suite}` : `no TLS connection: ${outcome.detail}`,
      });
    },
  );

  test(
    'the server completes an X.509 handshake with an X.509 cipher suite of 9.2.2 and a certificate the device trusts',
    {
      tag: ['@9.2.2/x509-mode'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The DM server SHALL support X.509 mode with the X.509 cipher suites listed; its certificate verifies for its host name (9.2.1, 9.2.2)',
        },
      ],
    },
    async ({ serverTarget, recorder }) => {
      const { psk: _psk, ...x509 } = targetTls(serverTarget);
      // Every X.509 suite of 9.2.2 uses SHA-256 or GCM, which exist from TLS 1.2 on.
      const outcome = await test.step('handshake offering the X.509 suites only', () =>
        handshake(serverTarget, recorder, { ...x509, versions: ['TLSv1.2'], suites: Object.keys(X509_SUITES) }, 'X.509 handshake'));
      expectThat(outcome.ok && outcome.tls.suite in X509_SUITES, {
        seq: outcome.seq,
        rule: 'the server accepts an X.509 connection with an X.509 suite of 9.2.2, its certificate verifying',
        expected: `a verified TLS handshake with one of ${Object.keys(X509_SUITES).join(', ')}`,
        actual: outcome.ok ? `negotiated ${outcome.tls.suite}` : `no TLS connection: ${outcome.detail}`,
      });
    },
  );

  test(
    'the server completes a handshake with each of the seven PSK cipher suites of 9.2.2',
    {
      tag: ['@9.2.2/psk-suites-all'],
      annotation: [{ type: 'requirement', description: 'The DM server SHALL support all of the PSK cipher suites listed (9.2.2)' }],
    },
    async ({ serverTarget, recorder }) => {
      const psk = targetPskOnly(serverTarget);
      await judgeEverySuite(serverTarget, recorder, {
        mode: 'PSK',
        suites: Object.keys(PSK_SUITES),
        settings: psk,
        modeRule: '9.2.2/psk-mode',
      });
    },
  );

  test(
    'the server completes a handshake with each of the six X.509 cipher suites of 9.2.2',
    {
      tag: ['@9.2.2/x509-suites-all'],
      annotation: [{ type: 'requirement', description: 'The DM server SHALL support all of the X.509 cipher suites listed (9.2.2)' }],
    },
    async ({ serverTarget, recorder }) => {
      const { psk: _psk, ...x509 } = targetTls(serverTarget);
      await judgeEverySuite(serverTarget, recorder, {
        mode: 'X.509',
        suites: Object.keys(X509_SUITES),
        settings: x509,
        modeRule: '9.2.2/x509-mode',
      });
    },
  );
});
