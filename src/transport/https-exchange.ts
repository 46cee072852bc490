/**
 * One HTTPS request over node:https with dmct's own TLS settings (trusted CA, client certificate,
 * PSK, the versions and suites of §9.2.2), answering with a fetch `Response` plus the TLS
 * parameters negotiated, which fetch cannot tell.
 */
import https from 'node:https';
import { Readable } from 'node:stream';
import { createSecureContext, rootCertificates, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { capText } from './cap-text.js';
import { clientTlsOptions, type NegotiatedTls, type TlsSettings } from './tls-settings.js';

/** A failed exchange, already told apart: the TLS connection was never set up, or it was and then broke. */
export class HttpsExchangeError extends Error {
  override readonly name = 'HttpsExchangeError';
  constructor(
    readonly kind: 'connection-error' | 'connection-closed',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Why a connection that completed its handshake is refused before the request: a version in
 * `closeOnVersions`, or a certificate that failed verification with an error not tolerated (with
 * tolerated errors OpenSSL lets every certificate through and the check is made here).
 */
function untolerated(socket: TLSSocket, tls: TlsSettings): NodeJS.ErrnoException | undefined {
  const protocol = socket.getProtocol();
  if (tls.closeOnVersions?.some((version) => version === protocol) === true)
    return Object.assign(new Error(`TLS version ${protocol} refused`), { code: 'ERR_TLS_VERSION_REFUSED' });
  const tolerated = tls.tolerateCertificateErrors;
  if (tolerated === undefined || tls.acceptAnyCertificate === true || socket.authorized) return undefined;
  const code = String(socket.authorizationError);
  if (tolerated.includes(code)) return undefined;
  return Object.assign(new Error(`certificate verification failed: ${code}`), { code });
}

const connectionOptions = new WeakMap<TlsSettings, ConnectionOptions>();

/**
 * The connection options of `settings`, their secure context made once per settings object: made
 * per exchange, it parsed the whole root store and the run's CA every time, which was most of the
 * CPU an exchange with a TLS target cost. The context takes every option of the settings; the
 * trust list is left out of the per-connection options, where nothing reads it any more.
 */
export function connectionOptionsOf(settings: TlsSettings): ConnectionOptions {
  let options = connectionOptions.get(settings);
  if (options === undefined) {
    const { ca: _inContext, ...perConnection } = clientTlsOptions(settings, rootCertificates);
    options = { ...perConnection, secureContext: createSecureContext(clientTlsOptions(settings, rootCertificates)) };
    connectionOptions.set(settings, options);
  }
  return options;
}

/** The parameters a connected TLS socket negotiated. */
export function negotiatedOf(socket: TLSSocket): NegotiatedTls {
  const cipher = socket.getCipher();
  const peer = socket.getPeerCertificate();
  const cn = peer !== null && typeof peer === 'object' && peer.subject !== undefined ? peer.subject.CN : undefined;
  return {
    protocol: socket.getProtocol() ?? 'unknown',
    suite: cipher.standardName ?? cipher.name,
    ...(typeof cn === 'string' ? { peer: cn } : {}),
  };
}

/** Header record → fetch Headers (repeated values joined, as fetch does). */
function headersOf(raw: NodeJS.Dict<string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/**
 * Sends one request and resolves with the response (its body still streaming) and the TLS
 * parameters, or rejects: with an {@link HttpsExchangeError}, or with the signal's reason when it
 * aborts. Redirects are not followed.
 */
export function httpsExchange(
  url: URL,
  init: { method: string; headers: Headers; body?: Uint8Array; signal: AbortSignal; tls: TlsSettings },
): Promise<{ response: Response; tls: NegotiatedTls }> {
  return new Promise((resolve, reject) => {
    let secured = false;
    const fail = (error: NodeJS.ErrnoException) => {
      if (init.signal.aborted) return reject(init.signal.reason as Error);
      const detail = capText([error.code, error.message].filter((part) => part !== undefined).join(': '), 500);
      reject(
        new HttpsExchangeError(secured ? 'connection-closed' : 'connection-error', secured ? detail : `TLS not established: ${detail}`),
      );
    };
    const request = https.request(url, {
      method: init.method,
      headers: Object.fromEntries(init.headers),
      signal: init.signal,
      // A fresh connection per exchange: its TLS parameters are this exchange's evidence.
      agent: false,
      ...connectionOptionsOf(init.tls),
      ...(url.hostname.match(/^[\d.]+$|:/) ? {} : { servername: url.hostname }),
    });
    request.on('socket', (socket) =>
      socket.once('secureConnect', () => {
        const refusal = untolerated(socket as TLSSocket, init.tls);
        if (refusal === undefined) secured = true;
        else socket.destroy(refusal);
      }),
    );
    request.on('error', fail);
    request.on('response', (message) => {
      const tls = negotiatedOf(message.socket as TLSSocket);
      message.on('error', () => undefined);
      const body = Readable.toWeb(message) as ReadableStream<Uint8Array>;
      const nullBody = message.statusCode === 204 || message.statusCode === 304 || init.method === 'HEAD';
      resolve({
        response: new Response(nullBody ? null : body, {
          status: message.statusCode ?? 0,
          statusText: message.statusMessage ?? '',
          headers: headersOf(message.headers),
        }),
        tls,
      });
    });
    request.end(init.body === undefined ? undefined : Buffer.from(init.body));
  });
}
