/**
 * The HTTP authentication dmct's DM server demands of a client target (§9.2.1: Basic and Digest,
 * RFC 7617 and RFC 7616): a request without valid credentials for the demanded scheme is answered
 * 401 with a challenge of that scheme, and each such refusal is kept as evidence.
 */
import { basicVerifies, digestChallenge, digestVerifies, parseAuthHeader, type HttpCredentials } from '../transport/http-auth.js';

/** What the engine demands: the credentials the device holds and the one scheme challenged with. */
export interface CredentialDemand extends HttpCredentials {
  scheme: 'basic' | 'digest';
  /** Realm of the challenges (default `dmct`). */
  realm?: string;
}

/** One request refused for want of valid credentials. */
export interface Challenged {
  /** Log mark when it came (compare with `mark()`). */
  order: number;
  /** Trace seq of the request. */
  requestSeq: number;
  /** What its `Authorization` carried: `none`, or the scheme it used (`basic`, `digest`, …). */
  sent: string;
  /** Why it was refused. */
  reason: string;
}

/** Nonces remembered; a Digest answer to an older one is challenged anew. */
const MAX_NONCES = 64;

/** The check of one demand: its nonces and verdicts on requests. */
export class CredentialGate {
  readonly #demand: CredentialDemand;
  readonly #realm: string;
  readonly #issued: string[] = [];

  constructor(demand: CredentialDemand) {
    this.#demand = demand;
    this.#realm = demand.realm ?? 'dmct';
  }

  get scheme(): CredentialDemand['scheme'] {
    return this.#demand.scheme;
  }

  /** Undefined when the request's `Authorization` proves the credentials in the demanded scheme, else the refusal. */
  check(method: string, authorization: string | undefined): { reason: string; sent: string; challenge: string } | undefined {
    const credentials = { username: this.#demand.username, password: this.#demand.password };
    const proven =
      this.#demand.scheme === 'basic'
        ? basicVerifies(authorization, credentials)
        : digestVerifies(authorization, credentials, { method, realm: this.#realm, issued: (nonce) => this.#issued.includes(nonce) });
    if (proven) return undefined;
    const sent = authorization === undefined ? 'none' : (parseAuthHeader(authorization)[0]?.scheme ?? 'unreadable');
    const reason =
      authorization === undefined
        ? 'no credentials'
        : `the ${sent === this.#demand.scheme ? '' : `${sent} `}credentials do not prove the ${this.#demand.scheme === 'basic' ? 'Basic' : 'Digest'} ones demanded`;
    return { reason, sent, challenge: this.#challenge() };
  }

  #challenge(): string {
    if (this.#demand.scheme === 'basic') return `Basic realm="${this.#realm.replace(/["\\]/g, '\\$&')}", charset="UTF-8"`;
    const challenge = digestChallenge(this.#realm);
    this.#issued.push(challenge.nonce);
    if (this.#issued.length > MAX_NONCES) this.#issued.shift();
    return challenge.header;
  }
}
