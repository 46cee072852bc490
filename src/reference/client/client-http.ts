import { request, type HttpOutcome } from '../../transport/http-client.js';
import type { ExchangeRecorder } from '../../transport/exchange-recorder.js';
import type { TlsSettings } from '../../transport/tls-settings.js';
import type { ClientAuthenticator } from './client-auth.js';
import { plainHttpRefusal } from './client-tls.js';
import type { ClientStateStore } from './client-state-store.js';
import type { TransferRecord } from './schemas/client-state.schema.js';

/** Bounds on every HTTP exchange the client starts (§5.6: time-outs abort, no retry). */
export interface HttpLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

/** How the client secures its exchanges (§9.2): the TLS it offers and trusts, and its HTTP authentication. */
export interface ClientSecurity {
  tls?: TlsSettings;
  auth?: ClientAuthenticator;
  /** The client claims TLS: it sends no DM package to a plain `http:` server URL (§9.2.2). */
  requireTls?: boolean;
}

/** One HTTP request of the client. */
export interface ClientRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
}

/**
 * The reference client's HTTP: every exchange goes through the guarded transport client (time-out,
 * response cap, never throws); the client keeps no evidence, so exchanges are only numbered. Side
 * transfers (outside the session, section 5.2) are listed in the state.
 */
export class ClientHttp {
  constructor(
    readonly recorder: ExchangeRecorder,
    private readonly limits: HttpLimits,
    private readonly state: ClientStateStore,
    private readonly security: ClientSecurity = {},
  ) {}

  /**
   * A Package#1 or Package#3 POST to the DM server (section 5.2.2, 5.2.4), with credentials when
   * a scheme is known, and sent once more answering a 401 challenge (§9.2.1).
   */
  async post(label: string, req: ClientRequest): Promise<HttpOutcome> {
    const refusal = plainHttpRefusal(req.url, this.security.requireTls === true);
    if (refusal !== undefined)
      return {
        kind: 'refused',
        detail: refusal,
        seq: this.recorder.note({ from: 'client', to: 'server', label: `${label}: ${refusal}` }).seq,
      };
    const auth = this.security.auth;
    const unasked = auth?.unasked(req.method, req.url);
    const withAuth = (header: string | undefined): ClientRequest =>
      header === undefined ? req : { ...req, headers: { ...req.headers, Authorization: header } };
    const first = await this.send(label, 'server', withAuth(unasked));
    if (auth === undefined || first.kind !== 'response' || first.status !== 401) return first;
    const answer = auth.answer(req.method, req.url, first.headers.get('www-authenticate'));
    if (answer === undefined) return first;
    return this.send(`${label} (answering the challenge)`, 'server', withAuth(answer));
  }

  /** An HTTP exchange outside the session: repository, web server or SUB receiver (section 5.2). */
  async transfer(purpose: TransferRecord['purpose'], req: ClientRequest): Promise<HttpOutcome> {
    const outcome = await this.send(`${purpose} ${req.method}`, purpose === 'SHOW' ? 'web' : 'repository', req);
    const mediaType = req.headers?.['Content-Type'];
    this.state.recordTransfer({
      purpose,
      method: req.method,
      url: req.url,
      ...(mediaType === undefined ? {} : { mediaType }),
      ...(outcome.kind === 'response' ? { status: outcome.status } : { failure: `${outcome.kind}: ${outcome.detail}` }),
    });
    return outcome;
  }

  private send(label: string, to: string, req: ClientRequest): Promise<HttpOutcome> {
    return request(this.recorder, {
      label,
      from: 'client',
      to,
      method: req.method,
      url: req.url,
      ...(req.headers === undefined ? {} : { headers: req.headers }),
      ...(req.body === undefined ? {} : { body: req.body }),
      timeoutMs: req.timeoutMs ?? this.limits.timeoutMs,
      maxResponseBytes: this.limits.maxResponseBytes,
      ...(this.security.tls === undefined ? {} : { tls: this.security.tls }),
    });
  }
}

/** True for a 2xx answer. */
export function isSuccess(outcome: HttpOutcome): boolean {
  return outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
}

/** One line saying why an exchange gave no usable answer. */
export function describeOutcome(outcome: HttpOutcome): string {
  return outcome.kind === 'response' ? `HTTP ${outcome.status}` : `${outcome.kind}: ${outcome.detail}`;
}
