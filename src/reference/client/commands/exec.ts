import type { GenericAlert } from '../../../protocol/schemas/generic-alert.schema.js';
import type { NodeLocation } from '../../../protocol/tree/location.js';
import { allows } from '../../../protocol/tree/node.js';
import { resolveClientUri } from '../../../protocol/tree/resolve.js';
import { SAMPLE_RESULT_ALERT_TYPE, executableAt, type ExecOutcome, type Executable } from '../executables.js';
import { isHttpUrl, prepareServerUri } from '../server-uris.js';
import type { ClientServices, SessionContext } from '../services.js';
import { clientUriParam, refuse, withoutQuery, type CommandOutcome } from './outcome.js';

/**
 * The Generic Alert that reports an EXEC result later (section 5.4, 5.4.1): SourceURI = the
 * ClientURI the server executed, exactly as it wrote it (minus the query), so that the server can
 * tie the result to its EXEC (section 13.1: no correlator in DM 2.0); Data = the result, as JSON.
 */
export function execResultAlert(clientUri: string, outcome: ExecOutcome): GenericAlert {
  return {
    AlertType: SAMPLE_RESULT_ALERT_TYPE,
    SourceURI: withoutQuery(clientUri),
    DataType: 'application/json',
    Data: { ...outcome.result, StatusCode: outcome.status },
  };
}

function finishLater(executable: Executable, services: ClientServices, deliver: (outcome: ExecOutcome) => void): void {
  const delay = executable.completion === 'later' ? services.timings.asyncExecDelayMs : 0;
  services.later(delay, () => deliver(executable.run(services.tree)));
}

/**
 * EXEC (section 5.3.5, 5.4.1). With a ServerURI the client MUST report asynchronously: 202 now,
 * and once the node has run, a Generic Alert in the Package#1 of a new session to that ServerURI.
 * Without one the client chooses: nodes that finish at once are reported synchronously (their
 * final status), nodes that finish later get 202 and the alert goes to the session's server.
 * 405 for a node that is not executable, 404 when it does not exist (App C).
 */
export function runExec(params: readonly string[], services: ClientServices, session: SessionContext): CommandOutcome {
  const [clientUri = '', serverUri] = params;
  const param = clientUriParam(clientUri, session);
  if ('refused' in param) return param.refused;
  const resolution = resolveClientUri(services.tree, param.uri);
  if (!resolution.ok) return refuse(resolution.status, resolution.reason);
  if (resolution.locations.length !== 1) return refuse(400, `EXEC addresses ${resolution.locations.length} nodes; it runs one`);
  const location = resolution.locations[0] as NodeLocation;
  const executable = allows(location.node, 'Exec') ? executableAt(location) : undefined;
  if (!executable) return refuse(405, `node ${location.node.name} is not executable`);

  let reportTo: string | undefined;
  if (serverUri !== undefined) {
    const prepared = prepareServerUri(serverUri, services.uriValues);
    if (!prepared.ok) return refuse(prepared.status, prepared.reason);
    if (!isHttpUrl(prepared.url)) return refuse(400, `cannot report to ${prepared.url}: only http and https are supported`);
    if (services.faults.has('exec-200-instead-of-202')) return { status: executable.run(services.tree).status };
    reportTo = prepared.url;
  } else if (executable.completion === 'immediate') {
    if (services.faults.has('exec-not-run')) return { status: 200 };
    return { status: executable.run(services.tree).status };
  }
  const target = reportTo ?? session.account.serverUri;
  finishLater(executable, services, (outcome) => {
    if (!services.faults.has('no-alert-after-202')) services.reportAsync(session.account, target, execResultAlert(clientUri, outcome));
  });
  return { status: 202 };
}
