/**
 * `dmct run --list`: the plan as text — per target, every item with its applicability and why,
 * its static findings, the scenarios that will run for it, and those that will not and why.
 */
import { Chalk } from 'chalk';
import type { RunPlanView } from './planner.js';

export interface ListOptions {
  color: boolean;
}

const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

/** The plan as text (ends with a newline). */
export function formatPlan(view: RunPlanView, options: ListOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const { plan } = view;
  const runs = view.selected.length;
  const lines = [
    chalk.bold(
      `dmct run plan · edition ${plan.edition} · ${plan.items.length} items · ${runs} scenario${runs === 1 ? '' : 's'} to run` +
        (runs > 0 ? ' in one Playwright run' : ''),
    ),
  ];
  for (const target of plan.targets) lines.push(`  ${target.role} target: ${plain(target.description)} (${target.kind})`);
  if (plan.claims) lines.push(`  claims: ${plain(plan.claims.file)} (sha256 ${plan.claims.sha256.slice(0, 12)}…)`);

  const idWidth = Math.max(4, ...plan.items.map((item) => item.id.length));
  for (const role of plan.roles) {
    const items = view.items.filter((v) => v.item.role === role);
    if (items.length === 0) continue;
    lines.push('', chalk.bold(`${role} target`), chalk.bold(`${'ITEM'.padEnd(idWidth)}  M/O  ${'APPLICABILITY'.padEnd(14)}  WHY`));
    for (const { item, skipped } of items) {
      const applicable = item.applicability.kind === 'applicable';
      const kind = (applicable ? 'applicable' : 'not-applicable').padEnd(14);
      lines.push(
        `${item.id.padEnd(idWidth)}  ${item.status}    ${applicable ? chalk.green(kind) : chalk.dim(kind)}  ${plain(item.applicability.why)}`,
      );
      for (const finding of item.staticFindings ?? [])
        lines.push(chalk.red(`    ✗ static finding: ${plain(finding.message)} (${finding.rule})`));
      for (const s of item.scenarios) lines.push(`    ▶ ${plain(s.title)} ${chalk.dim(`(${s.file ?? '?'}:${s.line ?? 0})`)}`);
      for (const { scenario, why } of skipped)
        lines.push(chalk.dim(`    · ${plain(scenario.title)} (${scenario.file}:${scenario.line}) — not run: ${why}`));
      if (applicable && item.scenarios.length === 0) {
        lines.push(chalk.yellow(`    - ${plain(item.applicability.untestedWhy ?? 'no scenario covers this item')}: it will be untested`));
      }
    }
  }
  if (view.warnings.length > 0) {
    lines.push('', chalk.yellow('Warnings'));
    for (const warning of view.warnings) lines.push(chalk.yellow(`  ${plain(warning)}`));
  }
  return `${lines.join('\n')}\n`;
}
