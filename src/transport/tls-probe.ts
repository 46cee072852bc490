import { connect, rootCertificates, type TLSSocket } from 'node:tls';
import { capText } from './cap-text.js';
import type { ExchangeRecorder } from './exchange-recorder.js';
import { negotiatedOf } from './https-exchange.js';
import { clientTlsOptions, describeTls, type NegotiatedTls, type TlsSettings } from './tls-settings.js';

/**
 * The TLS alert an OpenSSL handshake error reports, as `alert 40 (handshake failure)`, or
 * undefined when the error names none (a timeout, a reset): what a refused suite or version is
 * told by, ahead of OpenSSL's long error text.
 */
export function tlsAlertOf(detail: string): string | undefined {
  const number = /SSL alert number (\d{1,3})/.exec(detail)?.[1];
  const name = /alert ([a-z][a-z ]{0,60}?)(?::|$)/
    .exec(detail)?.[1]
    ?.replace(/^(sslv3|tlsv1) /, '')
    .replace(/^alert /, '');
  if (number === undefined && name === undefined) return undefined;
  return [number === undefined ? 'alert' : `alert ${number}`, name === undefined ? '' : `(${name})`].filter((p) => p !== '').join(' ');
}

/** A TLS handshake's outcome: what it negotiated, or why it did not complete. */
export type TlsProbeOutcome = { ok: true; tls: NegotiatedTls; seq: number } | { ok: false; detail: string; seq: number };

/**
 * Opens a TLS connection to the host and port of an `https:` URL with exactly these settings,
 * completes the handshake (or not), and closes it without sending a request: whether a peer
 * accepts a version, a suite or a PSK (§9.2.2). The outcome is recorded as a note.
 */
export function probeTls(
  recorder: ExchangeRecorder,
  url: string,
  settings: TlsSettings,
  options: { label: string; timeoutMs: number },
): Promise<TlsProbeOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port === '' ? 443 : target.port);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: { ok: true; tls: NegotiatedTls } | { ok: false; detail: string }, socket: TLSSocket) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const label = outcome.ok
        ? `${options.label}: ${describeTls(outcome.tls)}`
        : `${options.label}: no TLS connection (${outcome.detail})`;
      resolve({ ...outcome, seq: recorder.note({ from: 'target', to: 'dmct', label }).seq });
    };
    const socket = connect({
      host,
      port,
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      ...clientTlsOptions(settings, rootCertificates),
    });
    const timer = setTimeout(() => finish({ ok: false, detail: `no handshake within ${options.timeoutMs} ms` }, socket), options.timeoutMs);
    socket.once('secureConnect', () => finish({ ok: true, tls: negotiatedOf(socket) }, socket));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, detail: capText([error.code, error.message].filter((p) => p !== undefined).join(': '), 300) }, socket),
    );
    socket.once('close', () => finish({ ok: false, detail: 'the peer closed the connection during the handshake' }, socket));
  });
}
