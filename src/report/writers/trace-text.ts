/**
 * Plain-text views of a scenario's trace shared by the console and JUnit writers.
 */
import { oneLine } from '../failure-message.js';
import type { TraceMessage } from '../schemas/evidence.schema.js';
import type { ScenarioReport } from '../schemas/report.schema.js';

/** How many messages before the failing one a trace excerpt shows. */
export const EXCERPT_CONTEXT = 2;

/** `#3 dmct → target: Package#3 · POST http://127.0.0.1:PORT/dm` — one message in one line. */
export function messageSummary(message: TraceMessage): string {
  const http = message.http;
  const details: string[] = [];
  if (http?.method !== undefined || http?.url !== undefined) details.push([http.method, http.url].filter((x) => x !== undefined).join(' '));
  if (http?.status !== undefined) details.push(`HTTP ${http.status}`);
  if (message.body !== undefined) details.push(`${message.body.size} bytes${message.body.mediaType ? ` ${message.body.mediaType}` : ''}`);
  const head = `#${message.seq} ${oneLine(message.from, 40)} → ${oneLine(message.to, 40)}: ${oneLine(message.label, 80)}`;
  return details.length === 0 ? head : `${head} · ${oneLine(details.join(' · '), 160)}`;
}

/**
 * The messages leading to the step a scenario failed at (its first fail or inconclusive
 * finding's `seq`), or its last messages when no finding points at one. `marked` is the seq of
 * the failing step.
 */
export function traceExcerpt(scenario: Pick<ScenarioReport, 'findings' | 'messages'>): { messages: TraceMessage[]; marked?: number } {
  const marked = scenario.findings.find((f) => f.seq !== undefined)?.seq;
  const sorted = [...scenario.messages].sort((a, b) => a.seq - b.seq);
  if (marked === undefined) return { messages: sorted.slice(-(EXCERPT_CONTEXT + 1)) };
  const at = sorted.findIndex((m) => m.seq === marked);
  if (at < 0) return { messages: sorted.slice(-(EXCERPT_CONTEXT + 1)), marked };
  return { messages: sorted.slice(Math.max(0, at - EXCERPT_CONTEXT), at + 1), marked };
}

/** `suites/server-target/5.2.4-package-3.spec.ts:12`, or the file alone when the line is unknown. */
export function location(scenario: Pick<ScenarioReport, 'file' | 'line'>): string {
  if (scenario.file === '') return '(no file)';
  return scenario.line > 0 ? `${scenario.file}:${scenario.line}` : scenario.file;
}
