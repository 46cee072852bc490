/**
 * Merges the reports of a sharded run into the report of the whole run. Item verdicts are
 * decided again by the same function as for one run (judgeItem), never by the shards.
 */
import { boundReport } from './report-bounds.js';
import { judgeItem, REPORT_SCHEMA_ID, REPORT_VERSION, scenarioKey, summarize } from './build-report.js';
import { markPartial, mergedPartial } from './partial.js';
import { verdictRank } from './verdict.js';
import type { ItemReport, Report, RunMeta, ScenarioReport } from './schemas/report.schema.js';

/** Shards that cannot be merged: no report, or reports of different runs. */
export class ReportMergeError extends Error {
  override readonly name = 'ReportMergeError';
}

/** A result beats a placeholder for a scenario that did not run; of two results, the worse wins. */
function preferred(a: ScenarioReport, b: ScenarioReport): ScenarioReport {
  if (a.ran !== b.ran) return a.ran ? a : b;
  return verdictRank(b.verdict) > verdictRank(a.verdict) ? b : a;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function mergeMeta(reports: readonly Report[]): RunMeta {
  const first = reports[0]!.meta;
  const metas = reports.map((r) => r.meta);
  const start = metas.map((m) => m.startTime).sort()[0]!;
  const end = metas
    .map((m) => m.endTime)
    .sort()
    .at(-1)!;
  const shards = metas
    .flatMap((m) => m.shards)
    .filter((s, i, all) => all.findIndex((o) => o.current === s.current && o.total === s.total) === i)
    .sort((a, b) => a.total - b.total || a.current - b.current);
  const targets = metas
    .flatMap((m) => m.targets)
    .filter((t, i, all) => all.findIndex((o) => JSON.stringify(o) === JSON.stringify(t)) === i);
  const warnings = [...new Set(metas.flatMap((m) => m.warnings ?? []))];
  const meta: RunMeta = {
    ...first,
    targets,
    startTime: start,
    endTime: end,
    durationMs: Math.max(0, Date.parse(end) - Date.parse(start)),
    shards,
    interrupted: metas.some((m) => m.interrupted),
    ...(metas.some((m) => m.strict === true) ? { strict: true } : {}),
  };
  if (warnings.length > 0) meta.warnings = warnings;
  else delete meta.warnings;
  delete meta.partial;
  return meta;
}

function mergeItems(reports: readonly Report[]): ItemReport[] {
  const items = new Map<string, { item: ItemReport; scenarios: Map<string, ScenarioReport> }>();
  for (const report of reports) {
    for (const item of report.items) {
      const entry = items.get(item.id) ?? { item, scenarios: new Map<string, ScenarioReport>() };
      items.set(item.id, entry);
      for (const scenario of item.scenarios) {
        const key = scenarioKey(scenario);
        const known = entry.scenarios.get(key);
        entry.scenarios.set(key, known ? preferred(known, scenario) : scenario);
      }
    }
  }
  // A shard reports only its own items: table order (role, then id) again for the whole.
  const roles = reports[0]?.meta.roles ?? [];
  const ordered = [...items.values()].sort(
    (a, b) => roles.indexOf(a.item.role) - roles.indexOf(b.item.role) || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  return ordered.map(({ item, scenarios }) => {
    const { verdict: _verdict, reason: _reason, ...rest } = item;
    return judgeItem({ ...rest, scenarios: [...scenarios.values()] });
  });
}

/**
 * One report from the reports of a run's shards: scenarios unioned by (role, scenario id),
 * item verdicts decided again, start the earliest and end the latest. The shards must share
 * the report version, edition, roles and claims.
 */
export function mergeReports(reports: readonly Report[]): Report {
  const first = reports[0];
  if (!first) throw new ReportMergeError('nothing to merge: no report given');
  for (const [index, report] of reports.entries()) {
    const where = `report ${index + 1}`;
    if (report.reportVersion !== REPORT_VERSION)
      throw new ReportMergeError(`${where} has report version ${String(report.reportVersion)}, expected ${REPORT_VERSION}`);
    if (report.meta.edition !== first.meta.edition)
      throw new ReportMergeError(`${where} uses SCR edition "${report.meta.edition}", report 1 uses "${first.meta.edition}"`);
    if (!sameSet(report.meta.roles, first.meta.roles))
      throw new ReportMergeError(
        `${where} tested roles [${report.meta.roles.join(', ')}], report 1 tested [${first.meta.roles.join(', ')}]`,
      );
    if (report.meta.claims?.sha256 !== first.meta.claims?.sha256)
      throw new ReportMergeError(`${where} was run with other claims than report 1 (sha256 differs)`);
  }
  const items = mergeItems(reports);
  const merged: Report = {
    $schema: REPORT_SCHEMA_ID,
    reportVersion: REPORT_VERSION,
    meta: mergeMeta(reports),
    items,
    ...summarize(items, first.meta.roles),
  };
  markPartial(merged, mergedPartial(reports.map((r) => r.meta)));
  // Each shard's report is within the cap; together they may not be.
  return boundReport(merged);
}
