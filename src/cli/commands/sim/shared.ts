import { ADMIN_TOKEN_ENV, adminAuthorization } from '../../../transport/admin-guard.js';
import { UsageError } from '../../errors.js';

/** A running peer's admin API: its URL and the token it printed. */
export interface AdminTarget {
  url: string;
  token: string;
}

/** The `--admin-token` flag, shared by the commands that start a peer and those that drive one. */
export const ADMIN_TOKEN_OPTION = {
  type: 'string',
  describe: `the admin API token (a peer started without one prints a fresh one; its clients also read ${ADMIN_TOKEN_ENV})`,
} as const;

/** A token chosen on the command line: 16 or more visible ASCII characters, else a UsageError. */
export function checkAdminToken(token: string): string {
  if (!/^[\x21-\x7e]{16,}$/.test(token)) throw new UsageError('--admin-token: 16 or more visible ASCII characters (no blanks)');
  return token;
}

/** The token a `dmct sim` admin client sends: the flag, else the environment, else a UsageError. */
export function adminTokenOf(flag: string | undefined): string {
  const token = flag ?? process.env[ADMIN_TOKEN_ENV];
  if (token === undefined || token === '')
    throw new UsageError(`no admin token: pass --admin-token (the peer printed it at start) or set ${ADMIN_TOKEN_ENV}`);
  return token;
}

/**
 * One call of a reference peer's admin API (JSON over loopback HTTP). A refusal or an unreachable
 * peer is a UsageError naming the call; the reason is the answer's problem `detail`, its `error`
 * member, or its text as it came.
 */
export async function callAdmin(
  peer: string,
  timeoutMs: number,
  target: AdminTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const what = `${method} ${path}`;
  const base = target.url;
  let response: Response;
  try {
    response = await fetch(`${base.replace(/\/+$/, '')}${path}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      headers: { ...adminAuthorization(target.token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new UsageError(
      `cannot reach the ${peer} admin API at ${base} (${what}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = await response.text();
  let json: unknown = text;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // A non-JSON answer is shown as it came.
  }
  if (!response.ok) {
    const problem = (typeof json === 'object' && json !== null ? json : {}) as { title?: unknown; detail?: unknown; error?: unknown };
    const reason = typeof problem.detail === 'string' ? problem.detail : typeof problem.error === 'string' ? problem.error : text;
    throw new UsageError(`${what} → ${response.status}${typeof problem.title === 'string' ? ` ${problem.title}` : ''}: ${reason}`);
  }
  return json;
}

/** Prints a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Resolves with the first SIGINT or SIGTERM, so a `dmct sim` peer can close cleanly. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
