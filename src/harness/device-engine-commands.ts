import type { TlsSettings } from '../transport/tls-settings.js';
import { parseClientUri, type ClientUri } from '../protocol/addressing/client-uri.js';
import { substituteServerUri, type ServerUriValues } from '../protocol/addressing/server-uri.js';
import { assignParameters, commandSpec } from '../protocol/commands/command-table.js';
import { HEADERS } from '../protocol/http/headers.js';
import { MEDIA_TYPES, isMediaType } from '../protocol/http/media-types.js';
import type { MultipartDataPartInput } from '../protocol/http/multipart.js';
import { ASYNC_RESULT_ALERT } from './interpretations.js';
import { buildMoData, parseMoData } from '../protocol/packages/mo-data.js';
import type { CommandStatus, GenericAlert, MoDataEntry } from '../protocol/packages/index.js';
import { cacheValidatorMatches } from '../protocol/tree/cache-validator.js';
import { deleteAtClientUri } from '../protocol/tree/delete.js';
import type { ManagementTree } from '../protocol/tree/management-tree.js';
import { allows } from '../protocol/tree/node.js';
import { resolveClientUri } from '../protocol/tree/resolve.js';
import { hasNoContent, serializeLocation } from '../protocol/tree/serialize.js';
import { storeAtClientUri, storeWithoutClientUri, type StoreInput } from '../protocol/tree/store.js';
import { hasErrors } from '../protocol/violation.js';
import type { EgressPolicy } from '../transport/egress.js';
import { request, type HttpFailureOutcome, type HttpOutcome } from '../transport/http-client.js';
import type { TimeBudget } from './time-budget.js';
import type { TraceRecorder } from './trace-recorder.js';

/** An EXEC the device accepted with 202 and reports later in a Generic Alert (§5.4.1). */
export interface PendingAsyncResult {
  /** The executed node: the alert's SourceURI (§13.1). */
  sourceUri: string;
  /** The EXEC's ServerURI, where the result goes; absent → the DM account's SrvURI (ASYNC_RESULT_ALERT). */
  serverUri?: string;
  /** The final status code the alert reports. */
  resultCode: number;
}

/** What the device did with one Package#2 entry (§5.3) and what it reports. */
export interface CommandOutcome {
  /** The command name as sent (entry[0], as text). */
  name: string;
  /** The status for the Package#3 (§5.2.4); absent for END, which gets none (§5.3.9). */
  status?: CommandStatus;
  /** Why the status is not 200, in plain words (for the trace). */
  reason?: string;
  /** GET data for the multipart Package#3 (App F); `index` is filled in by the session. */
  part?: Omit<MultipartDataPartInput, 'index'>;
  /** CONT: where every further Package#3 of the session goes (§5.3.8). */
  contUri?: string;
  /** END: the session is over after this package (§5.3.9). */
  end?: true;
  /** EXEC answered 202: the result to deliver later (§5.4.1). */
  asyncResult?: PendingAsyncResult;
}

/** The device state and settings a command runs with. */
export interface CommandContext {
  tree: ManagementTree;
  recorder: TraceRecorder;
  devId: string;
  /** Values for `[DevID]`, `[MNC]`… in ServerURIs (§6.2). */
  serverUriValues: ServerUriValues;
  /** Limit per side HTTP transfer (HGET, HPUT, HPOST, SHOW). */
  timeoutMs: number;
  maxBodyBytes: number;
  /** EXEC without ServerURI: report synchronously (200) or asynchronously (202) — the client's choice (§5.4.1). */
  execReporting: 'sync' | 'async';
  /** DEFAULT: ServerURI per MOID (§5.3.10). */
  defaults: Map<string, string>;
  /** SUB: ServerURI per ClientURI (§5.3.11). */
  subscriptions: Map<string, string>;
  /** Where side transfers may go; a ServerURI outside it is not fetched. */
  egress?: EgressPolicy;
  /** Told of every side transfer the egress policy refused (it may throw to end the scenario). */
  onEgressRefused?: (detail: string) => void;
  /** Aborts side transfers in flight (a load run being stopped). */
  signal?: AbortSignal;
  /** The share of the scenario's time the device's requests draw from; each waits what is left, at most `timeoutMs`. */
  budget?: TimeBudget;
  /** Told when the share ran out before or during a request (a scenario fixture throws `inconclusive` here). */
  onBudgetSpent?: (detail: string) => void;
  /** TLS settings for `https:` side transfers (§9.2.2). */
  tls?: TlsSettings;
}

const status = (sc: number, extra: { URI?: string[] } = {}): CommandStatus => ({ sc, ...extra });

function refuse(name: string, sc: number, reason: string): CommandOutcome {
  return { name, status: status(sc), reason };
}

/** Side transfers carry the DevID too, so a repository can tell devices apart (not required by §5.3). */
function sideHeaders(context: CommandContext, extra: Record<string, string>): Record<string, string> {
  return { [HEADERS.devId]: context.devId, ...extra };
}

async function sideRequest(
  context: CommandContext,
  label: string,
  options: { method: string; url: string; headers: Record<string, string>; body?: string },
): Promise<HttpOutcome> {
  const wait = context.budget?.wait(context.timeoutMs) ?? { ms: context.timeoutMs, cut: false };
  if (wait.ms <= 0) return budgetSpentBefore(context, label, `${options.method} ${options.url}`, 'endpoint');
  const outcome = await request(context.recorder, {
    ...options,
    label,
    to: 'endpoint',
    timeoutMs: wait.ms,
    maxResponseBytes: context.maxBodyBytes,
    ...(context.egress === undefined ? {} : { egress: context.egress }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    ...(context.tls === undefined ? {} : { tls: context.tls }),
  });
  if (outcome.kind === 'refused') context.onEgressRefused?.(`${label}: ${outcome.detail}`);
  if (outcome.kind === 'timeout' && wait.cut && context.signal?.aborted !== true)
    context.onBudgetSpent?.(context.budget?.spent(label, outcome.detail) ?? outcome.detail);
  return outcome;
}

/** A request not sent because the scenario's share of time is used up: recorded, told, and a `timeout` outcome. */
export function budgetSpentBefore(
  context: Pick<CommandContext, 'budget' | 'onBudgetSpent' | 'recorder'>,
  label: string,
  request: string,
  to: string,
): HttpFailureOutcome {
  const detail = context.budget?.spent(label, `${request} not sent`) ?? `${label}: not sent`;
  const seq = context.recorder.note({ from: 'dmct', to, label: detail }).seq;
  context.onBudgetSpent?.(detail);
  return { kind: 'timeout', detail, seq };
}

function parseTarget(text: string): ClientUri | undefined {
  return parseClientUri(text).value;
}

/** HGET (§5.3.1): fetch the ServerURI, store at the ClientURI or where the device chooses (URI list). */
async function hget(context: CommandContext, serverUri: string, clientUri: string | undefined): Promise<CommandOutcome> {
  const target = clientUri === undefined ? undefined : parseTarget(clientUri);
  if (clientUri !== undefined && target === undefined) return refuse('HGET', 400, `malformed ClientURI ${clientUri}`);
  const url = substituteServerUri(serverUri, context.serverUriValues);
  const outcome = await sideRequest(context, 'HGET → repository', {
    method: 'GET',
    url,
    headers: sideHeaders(context, { accept: `${MEDIA_TYPES.moData}, text/plain` }),
  });
  if (outcome.kind !== 'response' || outcome.status < 200 || outcome.status > 299) {
    return refuse('HGET', 419, outcome.kind === 'response' ? `the repository answered HTTP ${outcome.status}` : outcome.detail);
  }
  const contentType = outcome.headers.get('content-type') ?? undefined;
  let input: StoreInput;
  if (isMediaType(contentType, MEDIA_TYPES.moData)) {
    const parsed = parseMoData(outcome.body);
    if (parsed.value === undefined || hasErrors(parsed.violations)) return refuse('HGET', 415, 'the repository sent invalid MO data');
    input = { kind: 'mo-data', entries: parsed.value };
  } else if (isMediaType(contentType, 'text/plain')) {
    input = { kind: 'text', text: new TextDecoder().decode(outcome.body) };
  } else {
    return refuse('HGET', 415, `the repository sent ${contentType ?? 'no content type'}`);
  }
  const stored = target === undefined ? storeWithoutClientUri(context.tree, input) : storeAtClientUri(context.tree, target, input);
  if (!stored.ok) return refuse('HGET', stored.status, stored.reason);
  return { name: 'HGET', status: target === undefined ? status(200, { URI: stored.uris }) : status(200) };
}

/** The dmmo+json entries of every ClientURI that resolves; 304 when a single one matches its `cv` (§11.2). */
function collect(
  context: CommandContext,
  clientUris: readonly string[],
): { entries: MoDataEntry[]; notModified: boolean; malformed: boolean } {
  const entries: MoDataEntry[] = [];
  let notModified = false;
  let malformed = false;
  for (const text of clientUris) {
    const uri = parseTarget(text);
    if (uri === undefined) {
      malformed = true;
      continue;
    }
    const resolution = resolveClientUri(context.tree, uri);
    if (!resolution.ok) continue;
    for (const location of resolution.locations) {
      if (!allows(location.node, 'Get')) continue;
      if (cacheValidatorMatches(location, uri.query.cv)) {
        notModified = true;
        continue;
      }
      entries.push(serializeLocation(context.tree, location, uri.query.lv === undefined ? {} : { lv: uri.query.lv }));
    }
  }
  return { entries, notModified: notModified && entries.length === 0, malformed };
}

/** HPUT / HPOST (§5.3.2, §5.3.3): send the data at every ClientURI to the ServerURI. */
async function upload(
  context: CommandContext,
  name: 'HPUT' | 'HPOST',
  serverUri: string,
  clientUris: readonly string[],
): Promise<CommandOutcome> {
  const { entries, notModified, malformed } = collect(context, clientUris);
  if (notModified) return refuse(name, 304, 'the cache validator matched');
  if (entries.length === 0) return refuse(name, malformed ? 400 : 404, 'none of the ClientURIs exists');
  const outcome = await sideRequest(context, `${name} → repository`, {
    method: name === 'HPUT' ? 'PUT' : 'POST',
    url: substituteServerUri(serverUri, context.serverUriValues),
    headers: sideHeaders(context, { 'content-type': MEDIA_TYPES.moData }),
    body: buildMoData(entries),
  });
  if (outcome.kind !== 'response' || outcome.status < 200 || outcome.status > 299) {
    return refuse(name, 419, outcome.kind === 'response' ? `the repository answered HTTP ${outcome.status}` : outcome.detail);
  }
  return { name, status: status(200) };
}

function deleteNode(context: CommandContext, clientUri: string): CommandOutcome {
  const uri = parseTarget(clientUri);
  if (uri === undefined) return refuse('DELETE', 400, `malformed ClientURI ${clientUri}`);
  const result = deleteAtClientUri(context.tree, uri);
  return result.status === 200 ? { name: 'DELETE', status: status(200) } : refuse('DELETE', result.status, result.reason ?? 'refused');
}

/** EXEC (§5.3.5, §5.4.1): with a ServerURI the result must be reported asynchronously (202). */
function exec(context: CommandContext, clientUri: string, serverUri: string | undefined): CommandOutcome {
  const uri = parseTarget(clientUri);
  if (uri === undefined) return refuse('EXEC', 400, `malformed ClientURI ${clientUri}`);
  const resolution = resolveClientUri(context.tree, uri);
  if (!resolution.ok) return refuse('EXEC', resolution.status, resolution.reason);
  if (!resolution.locations.every((location) => allows(location.node, 'Exec'))) return refuse('EXEC', 405, 'the node is not executable');
  if (serverUri === undefined && context.execReporting === 'sync') return { name: 'EXEC', status: status(200) };
  const asyncResult: PendingAsyncResult = { sourceUri: clientUri, resultCode: 200 };
  if (serverUri !== undefined) asyncResult.serverUri = substituteServerUri(serverUri, context.serverUriValues);
  return { name: 'EXEC', status: status(202), asyncResult };
}

/** GET (§5.3.6, App F): the data goes into a multipart part; 204 for a leaf without content. */
function get(context: CommandContext, clientUri: string): CommandOutcome {
  const uri = parseTarget(clientUri);
  if (uri === undefined) return refuse('GET', 400, `malformed ClientURI ${clientUri}`);
  const resolution = resolveClientUri(context.tree, uri);
  if (!resolution.ok) return refuse('GET', resolution.status, resolution.reason);
  const readable = resolution.locations.filter((location) => allows(location.node, 'Get'));
  if (readable.length === 0) return refuse('GET', 403, 'the node does not allow Get');
  if (readable.length === 1 && readable[0] !== undefined && hasNoContent(readable[0])) return refuse('GET', 204, 'the leaf has no content');
  if (readable.length === 1 && readable[0] !== undefined && cacheValidatorMatches(readable[0], uri.query.cv))
    return refuse('GET', 304, 'the cache validator matched');
  const entries = readable.map((location) =>
    serializeLocation(context.tree, location, uri.query.lv === undefined ? {} : { lv: uri.query.lv }),
  );
  return { name: 'GET', status: status(200), part: { mediaType: MEDIA_TYPES.moData, body: buildMoData(entries) } };
}

/** SHOW (§5.3.7): "start the browser" — one GET of the page — and go on whatever it gives. */
async function show(context: CommandContext, serverUri: string): Promise<CommandOutcome> {
  await sideRequest(context, 'SHOW → web server', {
    method: 'GET',
    url: substituteServerUri(serverUri, context.serverUriValues),
    headers: sideHeaders(context, { accept: 'text/html, */*' }),
  });
  return { name: 'SHOW', status: status(200) };
}

/** The final-result alert of an asynchronous EXEC (§5.4.1; format: ASYNC_RESULT_ALERT). */
export function asyncResultAlert(pending: PendingAsyncResult): GenericAlert {
  return {
    AlertType: ASYNC_RESULT_ALERT.alertType,
    SourceURI: pending.sourceUri,
    DataType: ASYNC_RESULT_ALERT.dataType,
    Data: { [ASYNC_RESULT_ALERT.resultMember]: pending.resultCode },
  };
}

/**
 * A parameter as the device reads it: a string, or — tolerantly — the one string inside a
 * one-element array. Non-string parameters break §7.2.1.2, which the Package#2 item judges on the
 * raw entry; reading past them keeps that one break from cascading into every command's item.
 */
export function toleratedParameter(param: unknown): unknown {
  return Array.isArray(param) && param.length === 1 && typeof param[0] === 'string' ? param[0] : param;
}

/** A command name as text: a string as is, another scalar as JSON; an array or object is only named, never serialised (it may nest deep). */
function commandNameText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return '(an array)';
  if (typeof value === 'object' && value !== null) return '(an object)';
  return JSON.stringify(value ?? null);
}

/**
 * Executes one Package#2 entry against the device (§5.3): the command's action on the tree, its
 * side HTTP transfer, and the Appendix C status. Entries the device cannot read get 400 (wrong
 * parameter count, a parameter that is not a string even when read tolerantly) or 501 (unknown
 * command) — App C. Never throws for what the server sent.
 */
export async function executeCommand(entry: readonly unknown[], context: CommandContext): Promise<CommandOutcome> {
  const name = commandNameText(entry[0]);
  const spec = commandSpec(name);
  if (spec === undefined) return refuse(name, 501, `unknown command ${name}`);
  const params = entry.slice(1).map(toleratedParameter);
  if (!params.every((param): param is string => typeof param === 'string')) {
    return spec.name === 'END' ? { name, end: true } : refuse(name, 400, 'a parameter is not a string');
  }
  const assigned = assignParameters(spec, params);
  if (assigned === undefined)
    return spec.name === 'END' ? { name, end: true } : refuse(name, 400, `${name} got ${params.length} parameters`);
  const of = (kind: string) => assigned.filter((param) => param.kind === kind).map((param) => param.value);
  const [serverUri] = of('ServerURI');
  const clientUris = of('ClientURI');
  switch (spec.name) {
    case 'HGET':
      return hget(context, serverUri ?? '', clientUris[0]);
    case 'HPUT':
    case 'HPOST':
      return upload(context, spec.name, serverUri ?? '', clientUris);
    case 'DELETE':
      return deleteNode(context, clientUris[0] ?? '');
    case 'EXEC':
      return exec(context, clientUris[0] ?? '', serverUri);
    case 'GET':
      return get(context, clientUris[0] ?? '');
    case 'SHOW':
      return show(context, serverUri ?? '');
    case 'CONT':
      return { name, status: status(200), contUri: substituteServerUri(serverUri ?? '', context.serverUriValues) };
    case 'END':
      return { name, end: true };
    case 'DEFAULT':
      context.defaults.set(of('MOID')[0] ?? '', serverUri ?? '');
      return { name, status: status(200) };
    case 'SUB':
      context.subscriptions.set(clientUris[0] ?? '', serverUri ?? '');
      return { name, status: status(200) };
    case 'UNSUB':
      return context.subscriptions.delete(clientUris[0] ?? '')
        ? { name, status: status(200) }
        : refuse(name, 404, 'no SUB with this ClientURI');
  }
}
