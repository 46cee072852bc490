import { CONT_APPLIES_TO_CURRENT_RESPONSE } from '../../protocol/interpretations/packages.js';
import type { FaultSet, ServerFaultName } from '../faults/index.js';
import { END_TRAVELS_ALONE } from './readings.js';
import type { DeviceState, LiveSession, ReferenceServerState, SentPackage2 } from './server-state.js';

/** `client-uri-forms-escaped` (§6.1): "(x)" and "*" of a ClientURI percent-encoded, so they no longer read as x-names and wildcards. */
function escapeClientUriForms(clientUri: string): string {
  return clientUri.replace(/[()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The switches that percent-encode the brackets of one ServerURI placeholder (§6.2), so it no longer reads as one. */
const PLACEHOLDER_FAULTS: readonly (readonly [ServerFaultName, string])[] = [
  ['server-uri-placeholder-escaped', 'DevID'],
  ['server-uri-mnc-escaped', 'MNC'],
  ['server-uri-mcc-escaped', 'MCC'],
  ['server-uri-cmnc-escaped', 'CMNC'],
  ['server-uri-cmcc-escaped', 'CMCC'],
  ['server-uri-spname-escaped', 'SPName'],
];

/**
 * The Package#2 entry that goes on the wire for a queued command (§5.3, §7.2.1.2). The conformant
 * server sends the command as queued; each command-level fault switch drops or repeats one
 * parameter, and `package2-non-string-param` wraps the last parameter in an array.
 */
export function outgoingEntry(command: readonly string[], faults: FaultSet<ServerFaultName>): unknown[] {
  const [name = '', ...params] = command;
  let entry: unknown[] = [...command];
  if (name === 'HGET' && faults.has('hget-missing-server-uri')) entry = [name, ...params.slice(1)];
  if (name === 'HPUT' && faults.has('hput-no-client-uri')) entry = [name, ...params.slice(0, 1)];
  if (name === 'HPOST' && faults.has('hpost-no-client-uri')) entry = [name, ...params.slice(0, 1)];
  if (name === 'DELETE' && faults.has('delete-extra-param')) entry = [name, ...params, ...params];
  if (name === 'EXEC' && faults.has('exec-no-client-uri')) entry = [name, ...params.slice(1)];
  if (name === 'GET' && faults.has('get-no-client-uri')) entry = [name];
  if (name === 'SHOW' && faults.has('show-no-server-uri')) entry = [name];
  if (name === 'CONT' && faults.has('cont-no-server-uri')) entry = [name];
  if (name === 'DEFAULT' && faults.has('default-no-moid')) entry = [name, ...params.slice(0, 1)];
  if (name === 'SUB' && faults.has('sub-no-client-uri')) entry = [name, ...params.slice(0, 1)];
  if (name === 'UNSUB' && faults.has('unsub-no-client-uri')) entry = [name];
  if (faults.has('client-uri-forms-escaped'))
    entry = entry.map((value, index) =>
      index > 0 && typeof value === 'string' && value.startsWith('urn:') ? escapeClientUriForms(value) : value,
    );
  if (faults.has('server-uri-query-dropped'))
    entry = entry.map((value, index) =>
      index > 0 && typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value.replace(/\?[^#]*/, '') : value,
    );
  for (const [fault, placeholder] of PLACEHOLDER_FAULTS)
    if (faults.has(fault))
      entry = entry.map((value, index) =>
        index > 0 && typeof value === 'string' ? value.replaceAll(`[${placeholder}]`, `%5B${placeholder}%5D`) : value,
      );
  if (faults.has('package2-non-string-param') && entry.length > 1) entry[entry.length - 1] = [entry[entry.length - 1]];
  return entry;
}

/** The CONT URI path of this server that an outgoing CONT entry names, if any (§5.3.8). */
function contPath(state: ReferenceServerState, entry: readonly unknown[]): string | undefined {
  if (entry[0] !== 'CONT' || typeof entry[1] !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(entry[1]);
  } catch {
    return undefined;
  }
  const prefix = `${new URL(state.urls.dm).pathname}/cont/`;
  if (!url.pathname.startsWith(prefix)) return undefined;
  return state.contTokens.has(url.pathname.slice(prefix.length)) ? url.pathname : undefined;
}

/** Takes the next batch off the device's FIFO: a whole queued Package#2, or the single commands up to END. */
function takeBatch(device: DeviceState): string[] {
  const head = device.queue[0];
  if (head === undefined) return [];
  if (head.kind === 'package') {
    device.queue.shift();
    return head.commandIds;
  }
  const ids: string[] = [];
  while (device.queue[0]?.kind === 'command') {
    const item = device.queue.shift();
    ids.push(...(item?.commandIds ?? []));
    if (item?.commandIds.some((id) => device.commands.get(id)?.command[0] === 'END')) break;
  }
  return ids;
}

/**
 * The next Package#2 of a session (§5.2.3): the queued commands in FIFO order (or one queued
 * whole Package#2); when nothing is left, `[["END"]]`. Commands and END never share a package the
 * server builds itself, so every command's status comes back in a Package#3 before the session
 * ends (§5.2.4: no Package#3 follows a Package#2 with END). A CONT to one of this server's CONT
 * URIs moves where the Package#3s must arrive (§5.3.8), from the answer to this very package on
 * (CONT_APPLIES_TO_CURRENT_RESPONSE, §5.3.8).
 */
export function planNextPackage2(state: ReferenceServerState, device: DeviceState, session: LiveSession): SentPackage2 {
  const entries: unknown[][] = [];
  const commandIds: (string | undefined)[] = [];
  if (state.faults.has('status-for-generic-alert')) {
    for (let i = 0; i < session.alertsSinceLastPackage2; i++) {
      entries.push(['STATUS', '200']);
      commandIds.push(undefined);
    }
  }
  session.alertsSinceLastPackage2 = 0;
  // `package1-empty-cmd` (§5.2.3): the Package#1 gets an empty CMD, the queue waits for the Package#3 (and END never comes, below).
  if (state.faults.has('package1-empty-cmd') && session.record.package2Count === 0) {
    const empty: SentPackage2 = { entries, commandIds, hasEnd: false };
    session.lastSent = empty;
    session.record.package2Count += 1;
    return empty;
  }

  const batch = takeBatch(device);
  const batchHasEnd = batch.some((id) => device.commands.get(id)?.command[0] === 'END');
  const appendEnd =
    batch.length === 0
      ? !state.faults.has('session-never-ended') && !state.faults.has('package1-empty-cmd')
      : !END_TRAVELS_ALONE && !batchHasEnd && device.queue.length === 0;
  const endsSession = batchHasEnd || appendEnd;
  for (const id of batch) {
    const record = device.commands.get(id);
    if (record === undefined) continue;
    const entry = outgoingEntry(record.command, state.faults);
    record.sent = entry;
    record.state = endsSession ? 'unanswered' : 'sent';
    record.sessionId = session.record.id;
    record.package2Index = entries.length;
    entries.push(entry);
    commandIds.push(id);
  }
  if (appendEnd) {
    entries.push(['END']);
    commandIds.push(undefined);
  }

  // Routed by the CONT URI the server meant to send (the queued command), whatever a fault did to the entry.
  for (const [index, entry] of entries.entries()) {
    const id = commandIds[index];
    const path = contPath(state, (id === undefined ? undefined : device.commands.get(id)?.command) ?? entry);
    if (path !== undefined) {
      if (CONT_APPLIES_TO_CURRENT_RESPONSE) session.package3Path = path;
      else session.pendingPackage3Path = path;
      session.record.contUri = entry[1] as string;
    }
  }
  const sent: SentPackage2 = { entries, commandIds, hasEnd: entries.some((entry) => entry[0] === 'END') };
  session.lastSent = sent;
  session.record.package2Count += 1;
  return sent;
}
