/**
 * Pre-flight of a run against real targets: before the first scenario, every address the
 * claims make dmct use is reached — a server target's DM URL, a target's admin URL, and every
 * HTTP hook (triggers, an HTTP notification push URL). An unreachable one is a configuration
 * error naming the claims file and the JSON Pointer (exit 2), rather than a run whose every
 * scenario ends inconclusive.
 *
 * Reaching means opening a TCP connection, nothing more: a hook is an action (it queues
 * commands, sends notifications), so pre-flight sends no request. A target whose claims have a
 * setup or reset hook is skipped: those hooks may start it, and their readiness probe stands in.
 */
import { connect } from 'node:net';
import { displayPath } from '../scr/errors.js';
import { RunSetupError } from './errors.js';
import type { RoleSetup } from './targets.js';

/** Longest wait for one connection. */
const MAX_CONNECT_MS = 5_000;

/** An address the claims make dmct use, and where the claims say it. */
export interface ClaimedAddress {
  pointer: string;
  url: string;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every HTTP hook in the claims (an object with `kind: "http"` and a `url`), by JSON Pointer. */
function httpHooks(node: unknown, pointer: string, into: ClaimedAddress[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => httpHooks(child, `${pointer}/${index}`, into));
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record['kind'] === 'http' && typeof record['url'] === 'string') into.push({ pointer: `${pointer}/url`, url: record['url'] });
    for (const [key, child] of Object.entries(record)) httpHooks(child, `${pointer}/${escapePointer(key)}`, into);
  }
}

/**
 * The addresses of one target's claims, in the order they are checked: the DM URL of a server
 * target, the admin URL, the HTTP notification push URL of a client target, then the hooks.
 */
export function claimedAddresses(claims: RoleSetup['claims']): ClaimedAddress[] {
  const found: ClaimedAddress[] = [];
  if (claims.server?.url !== undefined) found.push({ pointer: '/server/url', url: claims.server.url });
  if (claims.adminUrl !== undefined) found.push({ pointer: '/adminUrl', url: claims.adminUrl });
  const push = claims.client?.notification;
  if (push?.transport === 'http' && push.http?.url !== undefined)
    found.push({ pointer: '/client/notification/http/url', url: push.http.url });
  httpHooks(claims, '', found);
  return found;
}

/** Where a (template) URL connects: `{{adminUrl}}` expanded, other placeholders do not decide the host. */
function endpointOf(url: string, adminUrl: string | undefined): { host: string; port: number } | undefined {
  const expanded = url.replace(/\{\{\s*adminUrl\s*\}\}/g, adminUrl ?? '').replace(/\{\{[^}]*\}\}/g, 'x');
  let parsed: URL;
  try {
    parsed = new URL(expanded);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port };
}

/** Opens and closes one TCP connection; the reason it failed, or undefined. */
export function reach(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (problem: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    const timer = setTimeout(() => done(`no connection within ${timeoutMs} ms`), timeoutMs);
    socket.once('connect', () => done(undefined));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}

/**
 * Reaches every address of the external targets (each host and port once, all at once);
 * a RunSetupError with one line per unreachable address when any cannot be reached.
 */
export async function preflight(setups: readonly RoleSetup[]): Promise<void> {
  const checks = new Map<string, { file: string; pointer: string; url: string; host: string; port: number; timeoutMs: number }>();
  // A target that a setup or reset hook starts is not there yet: the hook's readiness probe checks it instead.
  for (const setup of setups.filter((s) => !s.embedded && s.claims.hooks?.setup === undefined && s.claims.hooks?.reset === undefined)) {
    const timeoutMs = Math.min(setup.claims.timeouts?.responseMs ?? MAX_CONNECT_MS, MAX_CONNECT_MS);
    for (const address of claimedAddresses(setup.claims)) {
      const endpoint = endpointOf(address.url, setup.claims.adminUrl);
      const key = endpoint === undefined ? undefined : `${endpoint.host} ${endpoint.port}`;
      if (endpoint === undefined || key === undefined || checks.has(key)) continue;
      checks.set(key, { file: displayPath(setup.claimsFile), ...address, ...endpoint, timeoutMs });
    }
  }
  const outcomes = await Promise.all(
    [...checks.values()].map(async (check) => ({ check, problem: await reach(check.host, check.port, check.timeoutMs) })),
  );
  const problems = outcomes.flatMap(({ check, problem }) =>
    problem === undefined ? [] : [`${check.file} ${check.pointer}: cannot reach ${check.url}: ${problem}`],
  );
  if (problems.length > 0) throw new RunSetupError(problems);
}
