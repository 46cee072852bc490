/**
 * dmct's progress reporter, loaded by Playwright beside the results reporter: it writes one
 * `dmct-progress <json>` line (schema progress-event.schema.json) to stdout per event, which
 * `dmct run` reads to draw its status line. It judges nothing of its own: each attempt's verdict
 * comes from src/report's scenarioVerdict, and the report is built from the results file.
 */
import { stripVTControlCharacters } from 'node:util';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { scenarioSlug } from '../report/scenario-slug.js';
import { scenarioVerdict } from '../report/verdict.js';
import { roleOfTest, scenarioResultOf } from '../report/playwright-reporter.js';
import type { ProgressEvent, ScenarioRef } from './schemas/progress-event.schema.js';

/** The prefix of every progress line on the child's stdout. */
export const PROGRESS_PREFIX = 'dmct-progress ';

function scenarioOf(test: TestCase): (ScenarioRef & { title: string }) | undefined {
  const role = roleOfTest(test);
  if (!role) return undefined;
  const titles = test.titlePath().slice(3);
  return { role, id: scenarioSlug(titles), title: titles.join(' › ') };
}

/** Whether Playwright is done with a test after this attempt (no retry follows). */
function isFinalAttempt(test: TestCase, result: TestResult): boolean {
  if (result.status === 'passed' || result.status === 'skipped' || result.status === 'interrupted') return true;
  return result.retry >= test.retries;
}

export default class ProgressReporter implements Reporter {
  private rootDir = process.cwd();
  /** Ends are judged asynchronously (evidence is read); the chain keeps the lines in order. */
  private pending: Promise<void> = Promise.resolve();

  printsToStdio(): boolean {
    return true;
  }

  private emit(event: ProgressEvent): void {
    process.stdout.write(`${PROGRESS_PREFIX}${JSON.stringify(event)}\n`);
  }

  /** Runs a step after the previous ones; a step that throws is reported, never stops the chain. */
  private enqueue(step: () => void | Promise<void>): void {
    this.pending = this.pending.then(step).catch((err: unknown) => {
      this.emit({ type: 'error', message: `dmct progress reporter: ${err instanceof Error ? err.message : String(err)}` });
    });
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.rootDir = config.rootDir;
    const scenarios = suite.allTests().flatMap((test) => {
      const s = scenarioOf(test);
      return s ? [{ role: s.role, id: s.id }] : [];
    });
    this.emit({ type: 'begin', scenarios });
  }

  onTestBegin(test: TestCase): void {
    const s = scenarioOf(test);
    if (s) this.enqueue(() => this.emit({ type: 'scenario-begin', ...s }));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const s = scenarioOf(test);
    if (!s) return;
    this.enqueue(async () => {
      const raw = await scenarioResultOf(test, s.role, this.rootDir);
      if (!raw) return;
      const judged = scenarioVerdict(raw);
      const event: ProgressEvent = { type: 'scenario-end', ...s, final: isFinalAttempt(test, result), verdict: judged.verdict };
      if (judged.reason !== undefined) event.reason = judged.reason;
      this.emit(event);
    });
  }

  onError(error: TestError): void {
    const message = stripVTControlCharacters(error.message ?? error.value ?? 'unknown error').split('\n')[0] ?? '';
    this.enqueue(() => this.emit({ type: 'error', message }));
  }

  async onEnd(result: FullResult): Promise<void> {
    await this.pending;
    this.emit({ type: 'end', status: result.status });
  }
}
