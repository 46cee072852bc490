import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { capText } from '../transport/cap-text.js';
import { request } from '../transport/http-client.js';
import type { Operator } from './operator.js';
import { defaultOperator } from './operator-relay.js';
import { runShellCommand } from './shell-command.js';
import { type TemplateContext, type TemplateValues, renderTemplate, shellEnvironment } from './template.js';
import type { TraceRecorder } from './trace-recorder.js';

/**
 * How to make a target do something on demand (send a notification, an HGET…), as the claims name
 * it: an HTTP hook (method default POST; a body is JSON unless a content-type header says
 * otherwise), a shell command, a function of a JS/TS module the claims name, or a prompt for a
 * person. Every string may hold `{{name}}` or `{{name.member}}` placeholders (see
 * `renderTemplate`). Structurally the claims schema's `Trigger` (src/scr/schemas/claims.schema.json),
 * kept separate because harness does not depend on scr; a unit test checks the generated type
 * still fits.
 */
export type TriggerSpec =
  | {
      kind: 'http';
      method?: string;
      url: string;
      headers?: Readonly<Record<string, string | undefined>>;
      body?: string;
    }
  | { kind: 'shell'; command: string }
  | { kind: 'module'; module: string; export?: string }
  | { kind: 'manual'; prompt: string };

export interface TriggerOptions {
  /** The trigger's name in the claims, e.g. `sendNotification`; used in every reason. */
  name: string;
  recorder: TraceRecorder;
  /** Limit for the hook, command or module function (default 10 s; a manual prompt, 120 s). */
  timeoutMs?: number;
  operator?: Operator;
  /** The claims file's folder: a module trigger's relative path is resolved against it, and shell commands run in it. */
  baseDir?: string;
}

/**
 * The outcome kind of an inconclusive trigger (src/report/verdict-policy.ts): the hook could not
 * be pulled (`stimulus-not-delivered`), or it answered that it cannot honour what was asked
 * (`precondition-not-met`: the target cannot be put in the state the scenario needs).
 */
export type TriggerFailureKind = 'stimulus-not-delivered' | 'precondition-not-met';

/**
 * Pulled: the target was asked; `answer` is what the hook answered or the command printed (capped
 * text), for a scenario that reads a precondition from it; `sessionDone` when the answer says the
 * session the trigger caused is over (`"sessionDone": true`). Not pulled: why the scenario cannot
 * go on (`inconclusive`), of kind `outcome`.
 */
export type TriggerOutcome =
  { ok: true; detail: string; answer?: string; sessionDone?: boolean } | { ok: false; inconclusive: string; outcome: TriggerFailureKind };

/**
 * The documented "cannot honour" answer: a hook that cannot apply what it was asked (an option
 * the target does not support) answers HTTP 422, or any answer whose JSON object carries
 * `"unsupported": ["name", …]` (an HTTP body, a command's standard output, a module function's
 * return value). The scenario is then inconclusive naming them, never a fail of the target.
 */
export const CANNOT_HONOUR_STATUS = 422;

/** Most characters of a hook's answer quoted in an inconclusive reason. */
const MAX_REASON_ANSWER_CHARS = 300;

/** Most characters of a trigger's answer kept for the scenario. */
const MAX_ANSWER_CHARS = 4000;

const failed = (name: string, why: string, outcome: TriggerFailureKind = 'stimulus-not-delivered'): TriggerOutcome => ({
  ok: false,
  inconclusive: `trigger ${name}: ${why}`,
  outcome,
});

/** The answer's JSON object, when it is one. */
function answerObject(answer: unknown): Record<string, unknown> | undefined {
  let value = answer;
  if (typeof answer === 'string') {
    try {
      value = JSON.parse(answer);
    } catch {
      return undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The names a "cannot honour" answer lists (`"unsupported": […]`), or undefined. */
function unsupportedOf(answer: Record<string, unknown> | undefined): string[] | undefined {
  const listed = answer?.['unsupported'];
  if (!Array.isArray(listed) || listed.length === 0) return undefined;
  return listed.slice(0, 20).map((entry) => capText(typeof entry === 'string' ? entry : JSON.stringify(entry), 100));
}

/** A pulled trigger's outcome from its answer: cannot honour, or done (with `sessionDone` when it says so). */
function fromAnswer(name: string, detail: string, answer: string, parsed: Record<string, unknown> | undefined): TriggerOutcome {
  const unsupported = unsupportedOf(parsed);
  if (unsupported !== undefined)
    return failed(name, `the hook cannot honour ${unsupported.join(', ')} (${detail})`, 'precondition-not-met');
  return {
    ok: true,
    detail,
    answer: capText(answer, MAX_ANSWER_CHARS),
    ...(parsed?.['sessionDone'] === true ? { sessionDone: true } : {}),
  };
}

/** ": <the answer>" for a reason, capped; empty for an empty answer. */
function quoted(answer: string): string {
  const text = answer.trim();
  return text === '' ? '' : `: ${capText(text, MAX_REASON_ANSWER_CHARS)}`;
}

/** The escaping a hook body gets from its media type; without one the body is JSON. */
function bodyContext(contentType: string): TemplateContext {
  const type = contentType.toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('x-www-form-urlencoded')) return 'url';
  return 'text';
}

async function pullHttp(
  trigger: Extract<TriggerSpec, { kind: 'http' }>,
  values: TemplateValues,
  options: TriggerOptions,
): Promise<TriggerOutcome> {
  const url = renderTemplate(trigger.url, values, 'url');
  if (!url.ok) return failed(options.name, `url: ${url.problem}`);
  const headers: Record<string, string> = {};
  for (const [key, template] of Object.entries(trigger.headers ?? {})) {
    if (template === undefined) continue;
    const value = renderTemplate(template, values, 'header');
    if (!value.ok) return failed(options.name, `header ${key}: ${value.problem}`);
    headers[key.toLowerCase()] = value.text;
  }
  let body: string | undefined;
  if (trigger.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    const rendered = renderTemplate(trigger.body, values, bodyContext(headers['content-type']), { omitAbsentMembers: true });
    if (!rendered.ok) return failed(options.name, `body: ${rendered.problem}`);
    body = rendered.text;
  }
  const outcome = await request(options.recorder, {
    method: trigger.method ?? 'POST',
    url: url.text,
    headers,
    ...(body === undefined ? {} : { body }),
    label: `trigger ${options.name}`,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: 64 * 1024,
    overflow: 'truncate',
  });
  if (outcome.kind !== 'response') return failed(options.name, `${outcome.kind} (${outcome.detail})`);
  const answer = new TextDecoder().decode(outcome.body);
  if (outcome.status === CANNOT_HONOUR_STATUS) {
    const listed = unsupportedOf(answerObject(answer));
    const what =
      listed === undefined
        ? `the hook answered HTTP ${outcome.status} (cannot honour)${quoted(answer)}`
        : `the hook cannot honour ${listed.join(', ')} (HTTP ${outcome.status})`;
    return failed(options.name, what, 'precondition-not-met');
  }
  if (outcome.status < 200 || outcome.status > 299)
    return failed(options.name, `the hook answered HTTP ${outcome.status}${quoted(answer)}`);
  return fromAnswer(options.name, `trigger ${options.name}: HTTP ${outcome.status}`, answer, answerObject(answer));
}

async function pullShell(command: string, values: TemplateValues, options: TriggerOptions): Promise<TriggerOutcome> {
  const rendered = renderTemplate(command, values, 'shell');
  if (!rendered.ok) return failed(options.name, `command: ${rendered.problem}`);
  const timeoutMs = options.timeoutMs ?? 10_000;
  options.recorder.note({ label: `trigger ${options.name} (shell)`, to: 'target', decoded: { command: rendered.text } });
  const run = await runShellCommand(rendered.text, {
    timeoutMs,
    env: shellEnvironment(values),
    ...(options.baseDir === undefined ? {} : { cwd: options.baseDir }),
  });
  const result = run.spawnError ?? (run.timedOut ? `timed out after ${timeoutMs} ms` : `exited ${run.exitCode ?? run.signal}`);
  options.recorder.note({
    label: `trigger ${options.name} (shell) ${result}`,
    decoded: { stdout: run.stdoutTail, stderr: run.stderrTail },
  });
  if (run.spawnError !== undefined) return failed(options.name, `could not start: ${run.spawnError}`);
  if (run.timedOut) return failed(options.name, `the command did not finish within ${timeoutMs} ms`);
  if (run.exitCode !== 0)
    return failed(options.name, `the command exited ${run.exitCode ?? run.signal}${quoted(run.stderrTail || run.stdoutTail)}`);
  return fromAnswer(options.name, `trigger ${options.name}: the command exited 0`, run.stdoutTail, answerObject(run.stdoutTail));
}

/** Loads the module a module trigger names (resolved against `baseDir`), or why it cannot be. */
async function loadModule(
  path: string,
  baseDir: string | undefined,
): Promise<{ ok: true; module: Record<string, unknown> } | { ok: false; problem: string }> {
  const file = isAbsolute(path) ? path : resolve(baseDir ?? process.cwd(), path);
  try {
    return { ok: true, module: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, problem: `cannot load module ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Calls the module's function named `export` (default: the trigger's name) with the trigger's
 * input (the template values) and `{ signal }`, which aborts at the time limit. Its return value
 * is the answer: `{ "unsupported": […] }` cannot honour, `{ "sessionDone": true }` reports the
 * session over; a throw or a rejection is inconclusive with its message.
 */
async function pullModule(
  trigger: Extract<TriggerSpec, { kind: 'module' }>,
  values: TemplateValues,
  options: TriggerOptions,
): Promise<TriggerOutcome> {
  const loaded = await loadModule(trigger.module, options.baseDir);
  if (!loaded.ok) return failed(options.name, loaded.problem);
  const exportName = trigger.export ?? options.name;
  const fn = loaded.module[exportName];
  if (typeof fn !== 'function') return failed(options.name, `module ${trigger.module} exports no function ${exportName}`);
  const timeoutMs = options.timeoutMs ?? 10_000;
  options.recorder.note({ label: `trigger ${options.name} (module ${trigger.module} ${exportName})`, to: 'target' });
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ timedOut: true }>((done) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`time limit ${timeoutMs} ms`));
      done({ timedOut: true });
    }, timeoutMs);
  });
  try {
    const called = Promise.resolve()
      .then(() =>
        (fn as (input: TemplateValues, context: { signal: AbortSignal }) => unknown)(structuredClone(values), {
          signal: controller.signal,
        }),
      )
      .then((value) => ({ value }));
    const settled = await Promise.race([called, deadline]);
    if ('timedOut' in settled) return failed(options.name, `the module function did not finish within ${timeoutMs} ms`);
    const answer =
      settled.value === undefined ? '' : typeof settled.value === 'string' ? settled.value : (JSON.stringify(settled.value) ?? '');
    options.recorder.note({ label: `trigger ${options.name} (module) returned`, decoded: { answer: capText(answer, MAX_ANSWER_CHARS) } });
    return fromAnswer(options.name, `trigger ${options.name}: the module function returned`, answer, answerObject(settled.value));
  } catch (error) {
    return failed(
      options.name,
      `the module function failed: ${capText(error instanceof Error ? error.message : String(error), MAX_REASON_ANSWER_CHARS)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function pullManual(prompt: string, values: TemplateValues, options: TriggerOptions): Promise<TriggerOutcome> {
  const rendered = renderTemplate(prompt, values, 'text');
  if (!rendered.ok) return failed(options.name, `prompt: ${rendered.problem}`);
  options.recorder.note({ label: `trigger ${options.name} (manual): ${rendered.text}`, to: 'operator' });
  const answer = await (options.operator ?? defaultOperator()).ask(rendered.text, options.timeoutMs ?? 120_000);
  const outcome: TriggerOutcome = answer.ok
    ? { ok: true, detail: `trigger ${options.name}: ${answer.detail}` }
    : failed(options.name, answer.inconclusive);
  options.recorder.note({ label: outcome.ok ? outcome.detail : outcome.inconclusive, from: 'operator' });
  return outcome;
}

/**
 * Pulls a trigger with its placeholders filled from `values`, escaped for where they go. Never
 * throws for a trigger's misbehaviour: a trigger that is absent, refused, failing or timing out
 * gives `inconclusive` with the reason (the target was not made to act, so nothing is judged).
 */
export async function runTrigger(
  trigger: TriggerSpec | undefined,
  values: TemplateValues,
  options: TriggerOptions,
): Promise<TriggerOutcome> {
  if (trigger === undefined) {
    const reason = `trigger ${options.name} is not configured in the claims`;
    options.recorder.note({ label: reason });
    return { ok: false, inconclusive: reason, outcome: 'stimulus-not-delivered' };
  }
  switch (trigger.kind) {
    case 'http':
      return pullHttp(trigger, values, options);
    case 'shell':
      return pullShell(trigger.command, values, options);
    case 'module':
      return pullModule(trigger, values, options);
    case 'manual':
      return pullManual(trigger.prompt, values, options);
  }
}
