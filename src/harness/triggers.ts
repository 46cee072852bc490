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
 * otherwise), a shell command, or a prompt for a person. Every string may hold `{{name}}`
 * placeholders (see `renderTemplate`). Structurally the claims schema's `Trigger`
 * (src/scr/schemas/claims.schema.json), kept separate because harness does not depend on scr;
 * a unit test checks the generated type still fits.
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
  | { kind: 'manual'; prompt: string };

export interface TriggerOptions {
  /** The trigger's name in the claims, e.g. `sendNotification`; used in every reason. */
  name: string;
  recorder: TraceRecorder;
  /** Limit for the hook or command (default 10 s; a manual prompt, 120 s). */
  timeoutMs?: number;
  operator?: Operator;
}

/**
 * Pulled: the target was asked; `answer` is what the hook answered or the command printed (capped
 * text), for a scenario that reads a precondition from it. Not pulled: why the scenario cannot go
 * on (`inconclusive`).
 */
export type TriggerOutcome = { ok: true; detail: string; answer?: string } | { ok: false; inconclusive: string };

/** Most characters of a trigger's answer kept for the scenario. */
const MAX_ANSWER_CHARS = 4000;

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
  if (!url.ok) return { ok: false, inconclusive: `trigger ${options.name}: url: ${url.problem}` };
  const headers: Record<string, string> = {};
  for (const [key, template] of Object.entries(trigger.headers ?? {})) {
    if (template === undefined) continue;
    const value = renderTemplate(template, values, 'header');
    if (!value.ok) return { ok: false, inconclusive: `trigger ${options.name}: header ${key}: ${value.problem}` };
    headers[key.toLowerCase()] = value.text;
  }
  let body: string | undefined;
  if (trigger.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    const rendered = renderTemplate(trigger.body, values, bodyContext(headers['content-type']));
    if (!rendered.ok) return { ok: false, inconclusive: `trigger ${options.name}: body: ${rendered.problem}` };
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
  if (outcome.kind !== 'response') {
    return { ok: false, inconclusive: `trigger ${options.name}: ${outcome.kind} (${outcome.detail})` };
  }
  if (outcome.status < 200 || outcome.status > 299) {
    return { ok: false, inconclusive: `trigger ${options.name}: the hook answered HTTP ${outcome.status}` };
  }
  return { ok: true, detail: `trigger ${options.name}: HTTP ${outcome.status}`, answer: capText(new TextDecoder().decode(outcome.body), MAX_ANSWER_CHARS) };
}

async function pullShell(command: string, values: TemplateValues, options: TriggerOptions): Promise<TriggerOutcome> {
  const rendered = renderTemplate(command, values, 'shell');
  if (!rendered.ok) return { ok: false, inconclusive: `trigger ${options.name}: command: ${rendered.problem}` };
  const timeoutMs = options.timeoutMs ?? 10_000;
  options.recorder.note({ label: `trigger ${options.name} (shell)`, to: 'target', decoded: { command: rendered.text } });
  const run = await runShellCommand(rendered.text, { timeoutMs, env: shellEnvironment(values) });
  const result = run.spawnError ?? (run.timedOut ? `timed out after ${timeoutMs} ms` : `exited ${run.exitCode ?? run.signal}`);
  options.recorder.note({
    label: `trigger ${options.name} (shell) ${result}`,
    decoded: { stdout: run.stdoutTail, stderr: run.stderrTail },
  });
  if (run.spawnError !== undefined) return { ok: false, inconclusive: `trigger ${options.name}: could not start: ${run.spawnError}` };
  if (run.timedOut) return { ok: false, inconclusive: `trigger ${options.name}: the command did not finish within ${timeoutMs} ms` };
  if (run.exitCode !== 0) {
    const stderr = run.stderrTail.trim();
    return {
      ok: false,
      inconclusive: `trigger ${options.name}: the command exited ${run.exitCode ?? run.signal}${stderr === '' ? '' : `: ${capText(stderr, 500)}`}`,
    };
  }
  return { ok: true, detail: `trigger ${options.name}: the command exited 0`, answer: capText(run.stdoutTail, MAX_ANSWER_CHARS) };
}

async function pullManual(prompt: string, values: TemplateValues, options: TriggerOptions): Promise<TriggerOutcome> {
  const rendered = renderTemplate(prompt, values, 'text');
  if (!rendered.ok) return { ok: false, inconclusive: `trigger ${options.name}: prompt: ${rendered.problem}` };
  options.recorder.note({ label: `trigger ${options.name} (manual): ${rendered.text}`, to: 'operator' });
  const answer = await (options.operator ?? defaultOperator()).ask(rendered.text, options.timeoutMs ?? 120_000);
  const outcome: TriggerOutcome = answer.ok
    ? { ok: true, detail: `trigger ${options.name}: ${answer.detail}` }
    : { ok: false, inconclusive: `trigger ${options.name}: ${answer.inconclusive}` };
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
    return { ok: false, inconclusive: reason };
  }
  switch (trigger.kind) {
    case 'http':
      return pullHttp(trigger, values, options);
    case 'shell':
      return pullShell(trigger.command, values, options);
    case 'manual':
      return pullManual(trigger.prompt, values, options);
  }
}
