import { parseClientUri, type ClientUri } from '../../../protocol/addressing/client-uri.js';
import { permits } from '../dm-account.js';
import type { SessionContext } from '../services.js';

/** What one command gave: its status (App C), URIs to report, and a GET data part (App F). */
export interface CommandOutcome {
  status: number;
  uris?: string[];
  part?: { mediaType: string; body: string };
  /** Why, for anything but success: kept in the state, never sent. */
  reason?: string;
}

/** A failed command: its status and why. */
export function refuse(status: number, reason: string): CommandOutcome {
  return { status, reason };
}

/**
 * A ClientURI parameter the session's server may act on: 400 when malformed (App C "malformed
 * command syntax"), 403 when its MOID was not provisioned for the server (section 10).
 */
export function clientUriParam(text: string, session: SessionContext): { uri: ClientUri } | { refused: CommandOutcome } {
  const parsed = parseClientUri(text);
  if (!parsed.value) {
    const first = parsed.violations.find((violation) => violation.severity === 'error');
    return { refused: refuse(400, first?.message ?? `malformed ClientURI ${JSON.stringify(text)}`) };
  }
  if (!permits(session.account, parsed.value.moid)) {
    return { refused: refuse(403, `server ${session.account.serverId} was not provisioned for ${parsed.value.moid}`) };
  }
  return { uri: parsed.value };
}

/** The ClientURI without its query: how the client names a node back to the server (SourceURI). */
export function withoutQuery(clientUri: string): string {
  const question = clientUri.indexOf('?');
  return question < 0 ? clientUri : clientUri.slice(0, question);
}
