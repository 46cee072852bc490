import { test } from '../../fixtures/client-target/index.js';
import {
  attemptSession,
  describeAttempt,
  PSK_SUITES,
  requireReached,
  servedTls,
  X509_SUITES,
  type SessionAttempt,
  TLS_VERSION_RULES,
} from '../../fixtures/client-target/security.js';
import { PLAIN_HTTP_SERVER_GETS_PACKAGES } from '../../fixtures/client-target/interpretations.js';
import { openPlainTwin } from '../../fixtures/client-target/plain-twin.js';
import { expectThat, inconclusive, precondition } from '../../fixtures/verify.js';

const MODES = [
  {
    tag: '@9.2.2/psk-mode',
    mode: 'PSK-TLS',
    kind: 'PSK',
    suites: PSK_SUITES,
    requirement:
      'A client claiming PSK-TLS mode supports at least one of its seven cipher suites (9.2.2; the PSK of DMAcc AppAuth, 12.2.1.1)',
  },
  {
    tag: '@9.2.2/x509-mode',
    mode: 'X.509',
    kind: 'X.509',
    suites: X509_SUITES,
    requirement:
      'A client claiming X.509 mode supports at least one of its six cipher suites and verifies the server certificate (9.2.1, 9.2.2)',
  },
] as const;

/** The first connection of the attempt that negotiated what `accepts` takes. */
function negotiated(attempt: SessionAttempt, accepts: (protocol: string, suite: string) => boolean): boolean {
  return attempt.connections.some((c) => c.ok && accepts(c.tls.protocol, c.tls.suite));
}

test.describe('9.2.2 TLS (client)', () => {
  for (const { version, tag, name, keyword } of TLS_VERSION_RULES) {
    test(
      `offered ${name} only, the client opens its session over ${name}`,
      {
        tag: [tag],
        annotation: [
          {
            type: 'requirement',
            description: `Both sides SHALL support TLS 1.1 and SHOULD support TLS 1.0 or 1.2; the client ${keyword} support ${name} (9.2.2)`,
          },
        ],
      },
      async ({ clientTarget, sessions }) => {
        const rule = `the client connects with ${name}`;
        servedTls(clientTarget).offer({ versions: [version] });
        const attempt = await test.step(`a session with dmct offering ${name} only`, () => attemptSession(sessions));
        requireReached(attempt, rule);
        expectThat(attempt.outcome.kind === 'received' && negotiated(attempt, (protocol) => protocol === version), {
          rule,
          expected: `a ${version} handshake and a Package#1 over it`,
          actual: describeAttempt(attempt),
        });
      },
    );
  }

  test(
    'the client opens its DM session over TLS, in X.509 or PSK mode',
    {
      tag: ['@9.2.2/tls-session'],
      annotation: [
        {
          type: 'requirement',
          description: 'The DM client SHALL support at least one of X.509 and PSK-TLS mode: its session runs over TLS (9.2, 9.2.2)',
        },
      ],
    },
    async ({ clientTarget, sessions }) => {
      servedTls(clientTarget);
      const attempt = await test.step('a session with dmct offering the claimed versions, its certificate and PSK', () =>
        attemptSession(sessions));
      requireReached(attempt, 'the client opens its session over TLS');
      expectThat(attempt.outcome.kind === 'received' && negotiated(attempt, () => true), {
        rule: 'the client opens its session over TLS',
        expected: 'a TLS handshake and a Package#1 over it',
        actual: describeAttempt(attempt),
      });
    },
  );

  for (const { tag, mode, kind, suites, requirement } of MODES) {
    test(
      `offered the ${kind} suites of 9.2.2 only, the client opens its session in ${mode} mode`,
      { tag: [tag], annotation: [{ type: 'requirement', description: requirement }] },
      async ({ clientTarget, sessions }) => {
        const tls = servedTls(clientTarget);
        if (kind === 'PSK')
          precondition(tls.base.psk !== undefined, {
            precondition: 'the claims give the PSK the device holds (tls.psk)',
            observed: 'no tls.psk in the claims',
          });
        // TLS 1.2: every suite of 9.2.2 uses SHA-256 or GCM. Without PSK the X.509 offer cannot end in PSK mode.
        tls.offer({ versions: ['TLSv1.2'], suites: Object.keys(suites), ...(kind === 'PSK' ? {} : { psk: undefined }) });
        const attempt = await test.step(`a session with dmct offering the ${kind} suites only`, () => attemptSession(sessions));
        requireReached(attempt, `the client connects in ${mode} mode`);
        expectThat(attempt.outcome.kind === 'received' && negotiated(attempt, (_, suite) => suite in suites), {
          rule: `the client connects in ${mode} mode with a ${kind} suite of 9.2.2`,
          expected: `a TLS handshake with one of ${Object.keys(suites).join(', ')} and a Package#1 over it`,
          actual: describeAttempt(attempt),
        });
      },
    );
  }
});

test.describe('9.2.2 TLS version check (client)', () => {
  test(
    'the client sends no DM package to a server URL that is plain HTTP',
    {
      tag: ['@9.2.2/plain-http-refused'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The DM client SHALL check that the DM server uses TLS 1.0, 1.1 or 1.2: a server using no TLS at all fails that check, so the client sends it no DM package (9.2, 9.2.2)',
        },
      ],
    },
    async ({ clientTarget, sessions, recorder }) => {
      const rule = 'the client sends no DM package to a plain-HTTP server';
      servedTls(clientTarget);
      const sessionWith = clientTarget.config.claims.client?.sessionWith;
      if (sessionWith === undefined)
        inconclusive('the claims have no client.sessionWith trigger, so dmct cannot point the client at a plain-HTTP server URL', {
          rule,
          outcome: 'stimulus-not-delivered',
        });
      const twin = await openPlainTwin(clientTarget, recorder);
      try {
        await test.step(`a session with the plain-HTTP server ${twin.url}`, () =>
          sessions.pull('sessionWith', sessionWith, { serverUrl: twin.url }));
        // The whole session time: a refusal is told from a slow client only once it had time to send.
        const windowMs = clientTarget.timeouts.sessionMs;
        const watch = await twin.watch(windowMs, clientTarget.idle);
        recorder.remark(
          watch.kind === 'quiet'
            ? `watched the plain-HTTP server for a request: none came (${watch.detail})`
            : `the plain-HTTP server got ${watch.request.method} ${watch.request.path}`,
        );
        expectThat((watch.kind === 'request') === PLAIN_HTTP_SERVER_GETS_PACKAGES, {
          rule,
          expected: `no request to ${twin.url} within ${windowMs} ms: the server uses no TLS version, so the check of 9.2.2 fails`,
          actual: watch.kind === 'request' ? `the client sent ${watch.request.method} ${watch.request.path} over plain HTTP` : '',
        });
      } finally {
        await twin.close();
      }
      // The control: the same trigger naming dmct's TLS endpoint opens a session, so the silence was a refusal.
      const control = await test.step('control: a session with dmct over TLS', () => attemptSession(sessions, sessionWith));
      if (control.outcome.kind !== 'received')
        inconclusive(`the client opens no session over TLS either (${describeAttempt(control)}), so its silence proves nothing`, { rule });
    },
  );
});

const REFUSALS = [
  {
    tag: '@9.2.1/x509-untrusted-refused',
    kind: 'untrusted',
    pair: 'untrustedServer',
    title: 'the client refuses a server certificate from a CA it does not trust',
    what: 'a certificate for the right host, valid now, issued by a CA the device was never given',
  },
  {
    tag: '@9.2.1/x509-expired-refused',
    kind: 'expired',
    pair: 'expiredServer',
    title: 'the client refuses an expired server certificate',
    what: 'a certificate for the right host, from the CA the device trusts, whose validity has ended',
  },
] as const;

test.describe('9.2.1 X.509 server authentication (client)', () => {
  for (const { tag, kind, pair, title, what } of REFUSALS) {
    test(
      title,
      {
        tag: [tag],
        annotation: [
          {
            type: 'requirement',
            description: `The DM client MUST support X.509 certificate authentication (RFC 5280, RFC 6125): it authenticates the server by its certificate and opens no session to one presenting ${what} (9.2.1)`,
          },
        ],
      },
      async ({ clientTarget, dmServer, sessions }) => {
        const tls = servedTls(clientTarget);
        const rule = `the client refuses an ${kind} server certificate`;
        // Certificate mode only: a PSK handshake would prove the server without its certificate. Both
        // key types: a client whose suites all need an RSA key must meet a bad RSA certificate, not none.
        tls.offer({ ...tls.pki[pair], rsa: tls.rsa[pair], psk: undefined });
        const mark = dmServer.mark();
        if (sessions.viaNotification) sessions.delivered(await sessions.notifier.send(sessions.baseNotification()));
        else await sessions.pull('clientInitiated', clientTarget.clientInitiated);
        // The whole session time: a refusal is told from a slow handshake only once the client had time to send.
        const windowMs = clientTarget.timeouts.sessionMs;
        const watch = await dmServer.expectNoRequest(windowMs, {
          after: mark,
          what: `a Package#1 over a connection with the ${kind} certificate`,
        });
        expectThat(watch.kind === 'quiet', {
          rule,
          expected: `no request: the TLS handshake refused, no Package#1 within ${windowMs} ms`,
          actual:
            watch.kind === 'event'
              ? `the client sent a Package#1 (exchange #${watch.value.requestSeq}) to a server presenting an ${kind} certificate`
              : '',
          ...(watch.kind === 'event' ? { seq: watch.value.requestSeq } : {}),
        });
        // The control: the same offer with the trusted certificate opens a session, so the silence was a refusal.
        tls.offer({ psk: undefined });
        const control = await test.step('control: a session with the trusted certificate', () => attemptSession(sessions));
        if (control.outcome.kind !== 'received')
          inconclusive(
            `the client opens no session with the trusted certificate either (${describeAttempt(control)}), so its silence proves nothing`,
            {
              rule,
            },
          );
      },
    );
  }
});
