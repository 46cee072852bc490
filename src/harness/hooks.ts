/**
 * The hooks that prepare a target (claims `hooks`): `setup` once, `reset` before each scenario,
 * `teardown` at the end, each a trigger with an optional readiness probe. A hook whose shell
 * command is the target itself (readiness by an output line) keeps running until the same hook
 * runs again, teardown, or {@link HookRunner.stopAll}: that is how a target serving one session
 * per process is restarted before each scenario.
 */
import { capText } from '../transport/cap-text.js';
import { startShellService, type ShellService } from './shell-command.js';
import { renderTemplate, shellEnvironment, type TemplateValues } from './template.js';
import type { TraceRecorder } from './trace-recorder.js';
import { runTrigger, type TriggerOptions, type TriggerOutcome, type TriggerSpec } from './triggers.js';

/** When the target is ready after a hook (claims.schema.json `Readiness`). */
export interface ReadinessSpec {
  url?: string;
  line?: string;
  timeoutMs?: number;
}

/** One hook (claims.schema.json `Hook`). */
export interface HookSpec {
  run: TriggerSpec;
  ready?: ReadinessSpec;
}

export type HookName = 'setup' | 'reset' | 'teardown';

/** Default longest wait for readiness. */
const DEFAULT_READY_MS = 30_000;
/** First and longest pause between two polls of a readiness URL (doubling in between). */
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 500;

/** Polls `url` (GET) until it answers 2xx or `timeoutMs` passes; why not, or undefined when ready. */
export async function pollReady(url: string, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let pause = FIRST_POLL_MS;
  let last = 'no answer';
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return `${url} was not ready within ${timeoutMs} ms (last: ${last})`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(left, 5_000)), redirect: 'manual' });
      await response.body?.cancel();
      if (response.status >= 200 && response.status <= 299) return undefined;
      last = `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      // A poll cut short by the deadline says less than the answer before it.
      if (error instanceof Error && error.name === 'TimeoutError') last = last === 'no answer' ? 'no answer in time' : last;
      else last = cause ?? (error instanceof Error ? error.message : String(error));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(0, deadline - Date.now()))));
    pause = Math.min(pause * 2, MAX_POLL_MS);
  }
}

export interface HookRunOptions extends Omit<TriggerOptions, 'name'> {
  recorder: TraceRecorder;
}

/** Runs a target's hooks and owns the commands that keep running as the target. */
export class HookRunner {
  readonly #services = new Map<HookName, ShellService>();

  /**
   * Runs hook `name` with its placeholders filled from `values` and waits until the target is
   * ready. Never throws: a hook that fails or a target not ready in time gives `inconclusive`.
   */
  async run(name: HookName, hook: HookSpec, values: TemplateValues, options: HookRunOptions): Promise<TriggerOutcome> {
    const label = `hook ${name}`;
    const readyMs = hook.ready?.timeoutMs ?? DEFAULT_READY_MS;
    await this.#services.get(name)?.stop();
    this.#services.delete(name);
    if (hook.ready?.line !== undefined) return this.#startService(name, hook, hook.ready.line, values, readyMs, options);
    const outcome = await runTrigger(hook.run, values, { ...options, name: label });
    if (!outcome.ok || hook.ready?.url === undefined) return outcome;
    const url = renderTemplate(hook.ready.url, values, 'url');
    if (!url.ok) return { ok: false, inconclusive: `${label}: ready.url: ${url.problem}`, outcome: 'stimulus-not-delivered' };
    const problem = await pollReady(url.text, readyMs);
    options.recorder.note({ label: `${label}: ${problem ?? `${url.text} ready`}` });
    return problem === undefined ? outcome : { ok: false, inconclusive: `${label}: ${problem}`, outcome: 'stimulus-not-delivered' };
  }

  async #startService(
    name: HookName,
    hook: HookSpec,
    line: string,
    values: TemplateValues,
    readyMs: number,
    options: HookRunOptions,
  ): Promise<TriggerOutcome> {
    const label = `hook ${name}`;
    const failed = (why: string): TriggerOutcome => ({ ok: false, inconclusive: `${label}: ${why}`, outcome: 'stimulus-not-delivered' });
    if (hook.run.kind !== 'shell') return failed('ready.line needs a shell command (the command is the target whose output is watched)');
    const command = renderTemplate(hook.run.command, values, 'shell');
    if (!command.ok) return failed(`command: ${command.problem}`);
    let readyLine: RegExp;
    try {
      readyLine = new RegExp(line);
    } catch (error) {
      return failed(`ready.line: ${error instanceof Error ? error.message : String(error)}`);
    }
    options.recorder.note({ label: `${label} (shell, kept running)`, to: 'target', decoded: { command: command.text } });
    const service = startShellService(command.text, {
      env: shellEnvironment(values),
      readyLine,
      timeoutMs: readyMs,
      ...(options.baseDir === undefined ? {} : { cwd: options.baseDir }),
    });
    this.#services.set(name, service);
    const ready = await service.ready;
    options.recorder.note({ label: `${label}: ${ready.ok ? `ready: ${capText(ready.line, 200)}` : ready.problem}` });
    if (ready.ok) return { ok: true, detail: `${label}: ready`, answer: capText(ready.line, 4000) };
    await service.stop();
    this.#services.delete(name);
    return failed(ready.problem);
  }

  /** Stops every command still running as the target. */
  async stopAll(): Promise<void> {
    const services = [...this.#services.values()];
    this.#services.clear();
    await Promise.all(services.map((service) => service.stop()));
  }
}
