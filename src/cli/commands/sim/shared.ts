import { UsageError } from '../../errors.js';

/**
 * One call of a reference peer's admin API (JSON over loopback HTTP). A refusal or an unreachable
 * peer is a UsageError naming the call; the reason is the answer's problem `detail`, its `error`
 * member, or its text as it came.
 */
export async function callAdmin(peer: string, timeoutMs: number, base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const what = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(`${base.replace(/\/+$/, '')}${path}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new UsageError(`cannot reach the ${peer} admin API at ${base} (${what}): ${error instanceof Error ? error.message : String(error)}`);
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
