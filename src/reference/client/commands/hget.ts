import { storeAtClientUri, storeWithoutClientUri } from '../../../protocol/tree/store.js';
import { describeOutcome, isSuccess } from '../client-http.js';
import { permits } from '../dm-account.js';
import { isHttpUrl, prepareServerUri } from '../server-uris.js';
import type { ClientServices, SessionContext } from '../services.js';
import { HGET_ACCEPT, readFetchedData } from './fetched-data.js';
import { clientUriParam, refuse, type CommandOutcome } from './outcome.js';

/**
 * HGET (section 5.3.1): GET the ServerURI, then store the data at the ClientURI (replacing what is
 * there) or, without one, where the client chooses; the stored locations are reported in `URI`.
 * 419 when the GET fails or brings nothing, 415 when the data is not recognized, 404/403/400 for
 * the ClientURI (App C).
 */
export async function runHget(params: readonly string[], services: ClientServices, session: SessionContext): Promise<CommandOutcome> {
  const [serverUri = '', clientUri] = params;
  if (services.faults.has('hget-no-fetch')) return { status: 200 };
  const target = clientUri === undefined ? undefined : clientUriParam(clientUri, session);
  if (target && 'refused' in target) return target.refused;
  const prepared = prepareServerUri(serverUri, services.uriValues);
  if (!prepared.ok) return refuse(prepared.status, prepared.reason);
  if (!isHttpUrl(prepared.url)) return refuse(419, `cannot fetch ${prepared.url}: only http and https are supported`);

  const response = await services.http.transfer('HGET', { method: 'GET', url: prepared.url, headers: { Accept: HGET_ACCEPT } });
  if (response.kind !== 'response' || !isSuccess(response)) return refuse(419, `GET ${prepared.url} failed: ${describeOutcome(response)}`);
  if (response.body.length === 0) return refuse(419, `GET ${prepared.url} returned no data`);
  const fetched = readFetchedData(response);
  if ('status' in fetched) return refuse(fetched.status, fetched.reason);

  if (services.faults.has('hget-async')) return reportLater(serverUri, clientUri, services, session);

  const permitted = (moid: string) => permits(session.account, moid);
  const stored = target
    ? storeAtClientUri(services.tree, target.uri, fetched.input, permitted)
    : storeWithoutClientUri(services.tree, fetched.input, permitted);
  return stored.ok ? { status: 200, uris: stored.uris } : refuse(stored.status, stored.reason);
}

/** AlertType of the result alert the hget-async mutant sends. */
const HGET_RESULT_ALERT_TYPE = 'urn:dmct:at:hget-result';

/**
 * The hget-async mutant: reports HGET like an EXEC without ServerURI, 202 now and a Generic Alert
 * in a new session later that claims success. Its deferred store is the unfinished part and never
 * runs, so the tree keeps no instance an unreported URI would hide from later scenarios.
 */
function reportLater(serverUri: string, clientUri: string | undefined, services: ClientServices, session: SessionContext): CommandOutcome {
  const alert = {
    AlertType: HGET_RESULT_ALERT_TYPE,
    SourceURI: clientUri ?? serverUri,
    DataType: 'application/json',
    Data: { StatusCode: 200 },
  };
  services.later(0, () => services.reportAsync(session.account, session.account.serverUri, alert));
  return { status: 202 };
}
