import { checkServerUri } from '../../../protocol/addressing/server-uri.js';
import { permits } from '../dm-account.js';
import { isHttpUrl, prepareServerUri } from '../server-uris.js';
import type { ClientServices, SessionContext } from '../services.js';
import { refuse, type CommandOutcome } from './outcome.js';

/**
 * SHOW (section 5.3.7): start the browser on the ServerURI and go on at once, without waiting for
 * the page (the reference client's "browser" is one HTTP GET that nobody waits for, with its own
 * time-out). 200 = the UI session was started (App C).
 */
export function runShow(params: readonly string[], services: ClientServices): CommandOutcome {
  const prepared = prepareServerUri(params[0] ?? '', services.uriValues);
  if (!prepared.ok) return refuse(prepared.status, prepared.reason);
  if (services.faults.has('show-not-opened')) return { status: 200 };
  if (isHttpUrl(prepared.url)) {
    services.track(
      services.http.transfer('SHOW', {
        method: 'GET',
        url: prepared.url,
        headers: { Accept: 'text/html, */*;q=0.1' },
        timeoutMs: services.timings.showTimeoutMs,
      }),
    );
  }
  return { status: 200 };
}

/**
 * CONT (section 5.3.8): every later Package#3 of the session goes to the ServerURI; whether the
 * one answering this Package#2 does too is the session's reading `CONT_APPLIES_TO_CURRENT_RESPONSE`.
 */
export function runCont(params: readonly string[], services: ClientServices, session: SessionContext): CommandOutcome {
  const prepared = prepareServerUri(params[0] ?? '', services.uriValues);
  if (!prepared.ok) return refuse(prepared.status, prepared.reason);
  if (!isHttpUrl(prepared.url)) return refuse(400, `cannot continue at ${prepared.url}: only http and https are supported`);
  if (!services.faults.has('cont-ignored')) session.contUrl = prepared.url;
  return { status: 200 };
}

/**
 * DEFAULT (section 5.3.10): remember the ServerURI as the source of the MOID (raw; placeholders
 * are filled at use, App I.3). 404 for a MOID the client does not support (App C erratum, reading
 * `DEFAULT_404_MEANING`), then 403 for one the server was not provisioned for.
 */
export function runDefault(params: readonly string[], services: ClientServices, session: SessionContext): CommandOutcome {
  const [serverUri = '', moid = ''] = params;
  const errors = checkServerUri(serverUri).filter((violation) => violation.severity === 'error');
  if (errors.length > 0) return refuse(400, errors.map((violation) => violation.message).join('; '));
  if (services.tree.ddf(moid) === undefined && services.tree.instancesOf(moid).length === 0)
    return refuse(404, `MOID ${moid} is not supported`);
  if (!permits(session.account, moid)) return refuse(403, `server ${session.account.serverId} was not provisioned for ${moid}`);
  if (!services.faults.has('default-not-remembered')) services.defaults.set(moid, serverUri);
  return { status: 200 };
}
