/**
 * Progress of a running plan, from the progress reporter's events: items done / total (an item
 * is done when all its planned scenarios of this run have ended), scenarios done / total, the
 * failures and errors so far, and what is running now. Pure state; views draw it.
 */
import type { RunPlan, ScenarioVerdict } from '../report/index.js';
import type { ProgressEvent } from './schemas/progress-event.schema.js';

/** What the status line shows. */
export interface ProgressSnapshot {
  itemsDone: number;
  itemsTotal: number;
  scenariosDone: number;
  scenariosTotal: number;
  failed: number;
  errors: number;
  inconclusive: number;
  /** Titles of the scenarios running now, oldest first. */
  running: string[];
}

const keyOf = (s: { role: string; id: string }) => `${s.role} ${s.id}`;

export class ProgressTracker {
  private itemScenarios = new Map<string, Set<string>>();
  private expected = new Set<string>();
  private finished = new Map<string, ScenarioVerdict>();
  private running = new Map<string, string>();

  constructor(plan: RunPlan) {
    for (const item of plan.items) {
      const keys = new Set(item.scenarios.map((s) => keyOf({ role: item.role, id: s.id })));
      if (keys.size > 0) this.itemScenarios.set(`${item.role} ${item.id}`, keys);
      for (const key of keys) this.expected.add(key);
    }
  }

  /** Takes one event into account; events about scenarios outside the plan only count as running. */
  apply(event: ProgressEvent): void {
    switch (event.type) {
      case 'begin': {
        // A shard runs part of the plan: count only what this Playwright run will run.
        const inRun = new Set(event.scenarios.map(keyOf));
        this.expected = new Set([...this.expected].filter((key) => inRun.has(key)));
        for (const [item, keys] of this.itemScenarios) {
          const kept = new Set([...keys].filter((key) => inRun.has(key)));
          if (kept.size > 0) this.itemScenarios.set(item, kept);
          else this.itemScenarios.delete(item);
        }
        break;
      }
      case 'scenario-begin':
        this.running.set(keyOf(event), event.title);
        break;
      case 'scenario-end':
        this.running.delete(keyOf(event));
        if (event.final && this.expected.has(keyOf(event))) this.finished.set(keyOf(event), event.verdict);
        break;
      case 'error':
      case 'end':
        break;
    }
  }

  snapshot(): ProgressSnapshot {
    const verdicts = [...this.finished.values()];
    let itemsDone = 0;
    for (const keys of this.itemScenarios.values()) if ([...keys].every((key) => this.finished.has(key))) itemsDone++;
    return {
      itemsDone,
      itemsTotal: this.itemScenarios.size,
      scenariosDone: this.finished.size,
      scenariosTotal: this.expected.size,
      failed: verdicts.filter((v) => v === 'fail').length,
      errors: verdicts.filter((v) => v === 'error').length,
      inconclusive: verdicts.filter((v) => v === 'inconclusive').length,
      running: [...this.running.values()],
    };
  }
}

/** The status line's text, cut to `width` characters (plain; the view colours it). */
export function statusText(snapshot: ProgressSnapshot, width: number): string {
  const parts = [
    `items ${snapshot.itemsDone}/${snapshot.itemsTotal}`,
    `scenarios ${snapshot.scenariosDone}/${snapshot.scenariosTotal}`,
    `${snapshot.failed} failed`,
  ];
  if (snapshot.errors > 0) parts.push(`${snapshot.errors} error${snapshot.errors > 1 ? 's' : ''}`);
  if (snapshot.inconclusive > 0) parts.push(`${snapshot.inconclusive} inconclusive`);
  const [current] = snapshot.running;
  if (current !== undefined) parts.push(`▶ ${current}${snapshot.running.length > 1 ? ` (+${snapshot.running.length - 1})` : ''}`);
  const text = `dmct run · ${parts.join(' · ')}`.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
