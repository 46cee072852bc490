/**
 * A run that judges only part of its roles' items: `--only`/`--grep` (the planner leaves items
 * out) and one `--shard` (Playwright gives this shard some scenarios; the items of the others
 * are theirs to judge). The report of such a run covers its own items only, names the rest, and
 * says PARTIAL; `dmct report merge` of every shard gives the whole verdict.
 */
import type { PartialRun, RunPlan, Shard } from '../report/index.js';
import { scenarioKey } from '../report/index.js';

/**
 * The plan a shard judges: each item with only the scenarios Playwright gave this shard
 * (`own`, scenario keys); an item none of whose scenarios is here is left out. Items with no
 * scenario to run (static findings, untested, not applicable) are judged by shard 1 alone, so
 * that the merged run counts each item once.
 */
export function shardPlan(plan: RunPlan, own: ReadonlySet<string>, shard: Shard): { plan: RunPlan; leftOut: string[] } {
  const leftOut: string[] = [];
  const items = plan.items.flatMap((item) => {
    if (item.scenarios.length === 0) {
      if (shard.current === 1) return [item];
      leftOut.push(item.id);
      return [];
    }
    const scenarios = item.scenarios.filter((s) => own.has(scenarioKey({ role: item.role, id: s.id })));
    if (scenarios.length === 0) {
      leftOut.push(item.id);
      return [];
    }
    return [{ ...item, scenarios }];
  });
  return { plan: { ...plan, items }, leftOut };
}

/** The partial-run marks of the planner and of the shard together; undefined when nothing was left out. */
export function combinePartial(
  planned: PartialRun | undefined,
  shard: Shard | undefined,
  shardLeftOut: readonly string[],
): PartialRun | undefined {
  const selectedBy = [...(planned?.selectedBy ?? []), ...(shard && shard.total > 1 ? [`--shard ${shard.current}/${shard.total}`] : [])];
  const leftOut = [...(planned?.leftOut ?? []), ...shardLeftOut];
  if (selectedBy.length === 0 || leftOut.length === 0) return undefined;
  return { selectedBy, leftOut };
}
