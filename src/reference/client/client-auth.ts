import {
  basicAuthorization,
  digestAuthorization,
  parseAuthHeader,
  type AuthParams,
  type HttpCredentials,
} from '../../transport/http-auth.js';
import { hasSecurityFault } from '../faults/client-faults-security.js';
import type { FaultSet } from '../faults/types.js';

/** The request-target a Digest answer names (`uri`, RFC 7616 §3.4.1): the URL's path and query. */
function requestTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * The reference client's HTTP authentication at its DM server (§9.2.1: Basic and Digest): it
 * answers a 401 challenge once, Digest when offered (the stronger scheme), else Basic, and then
 * sends credentials of the scheme last challenged unasked (Digest with the next nonce count on the
 * same nonce, RFC 7616 §3.4) until the server challenges again.
 */
export class ClientAuthenticator {
  #last: { scheme: 'basic' } | { scheme: 'digest'; challenge: AuthParams; nc: number } | undefined;

  constructor(
    private readonly credentials: HttpCredentials,
    private readonly faults: FaultSet<string>,
  ) {}

  /** The `Authorization` sent before any challenge of this exchange, if an earlier one set a scheme. */
  unasked(method: string, url: string): string | undefined {
    const last = this.#last;
    if (last === undefined) return undefined;
    if (last.scheme === 'basic') return basicAuthorization(this.credentials);
    last.nc += 1;
    return this.#digest(last.challenge, method, url, last.nc);
  }

  /** The `Authorization` answering a 401's `WWW-Authenticate`, or undefined when it cannot (or, by fault, will not) be answered. */
  answer(method: string, url: string, wwwAuthenticate: string | null): string | undefined {
    const challenges = parseAuthHeader(wwwAuthenticate ?? '');
    const digest = challenges.find((challenge) => challenge.scheme === 'digest');
    if (digest !== undefined) {
      this.#last = { scheme: 'digest', challenge: digest, nc: 1 };
      return this.#digest(digest, method, url, 1);
    }
    if (challenges.some((challenge) => challenge.scheme === 'basic') && !hasSecurityFault(this.faults, 'ignores-basic-challenge')) {
      this.#last = { scheme: 'basic' };
      return basicAuthorization(this.credentials);
    }
    this.#last = undefined;
    return undefined;
  }

  #digest(challenge: AuthParams, method: string, url: string, nc: number): string | undefined {
    const uri = requestTarget(url);
    // The fault computes the answer over another request-target than the one the request names.
    const computedOver = hasSecurityFault(this.faults, 'digest-answer-wrong-uri') ? `${uri}/other` : uri;
    const answer = digestAuthorization(challenge, this.credentials, { method, uri: computedOver, nc });
    if (!answer.ok) return undefined;
    return computedOver === uri ? answer.header : answer.header.replace(`uri="${computedOver}"`, `uri="${uri}"`);
  }
}
