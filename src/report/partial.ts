/**
 * The mark of a partial run (report.json `meta.partial`): a run that judged only part of its
 * roles' items (--only, --grep, one --shard). Its overall verdict covers its own items; the
 * reason and the console say PARTIAL and how many items were left out.
 */
import type { PartialRun, Report, RunMeta } from './schemas/report.schema.js';

/** Marks a report as partial (or leaves it whole when `partial` is undefined). */
export function markPartial(report: Report, partial: PartialRun | undefined): void {
  if (partial === undefined) {
    delete report.meta.partial;
    return;
  }
  report.meta.partial = partial;
  const count = partial.leftOut.length;
  report.overall.reason = `${report.overall.reason}; partial run (${partial.selectedBy.join(', ')}): ${count} item${count === 1 ? '' : 's'} left out`;
}

const isShardSelection = (selection: string): boolean => selection.startsWith('--shard');

/**
 * The partial mark of merged shard reports: the items every report left out (those no shard
 * judged), and the selections other than sharding; undefined once every shard is merged.
 */
export function mergedPartial(metas: readonly RunMeta[]): PartialRun | undefined {
  const [first, ...rest] = metas.map((meta) => new Set(meta.partial?.leftOut ?? []));
  const leftOut = [...(first ?? [])].filter((id) => rest.every((set) => set.has(id)));
  const selections = [...new Set(metas.flatMap((meta) => meta.partial?.selectedBy ?? []))];
  const selectedBy = selections.filter((s) => !isShardSelection(s));
  if (leftOut.length === 0 && selectedBy.length === 0) return undefined;
  return { selectedBy: selectedBy.length > 0 ? selectedBy : selections, leftOut };
}
