import { LETTER_OF_ROLE, parseItemId, type ScrRole } from './item-id.js';

/** What the integrity check needs to know of one table row. */
export interface IntegrityRow {
  id: string;
  role: ScrRole;
  references: readonly string[];
  /** Where the row sits, for messages: file as displayed and index in its `items`. */
  source: { file: string; index: number };
}

/** Integrity rules of an SCR edition (Appendix B). */
export type IntegrityRule = 'duplicate-id' | 'duplicate-number' | 'unknown-reference' | 'cross-role-reference' | 'cycle';

/** One broken integrity rule, located at the row that shows it. */
export interface IntegrityProblem {
  row: IntegrityRow;
  rule: IntegrityRule;
  message: string;
}

function where(row: IntegrityRow): string {
  return `${row.source.file} /items/${row.source.index}`;
}

/** Item ids that share enabler, group, number and role but differ in status name the same item twice. */
function numberKey(id: string): string {
  return id.slice(0, id.lastIndexOf('-'));
}

/**
 * Checks the rows of an edition's tables (both roles) as a whole (Appendix B):
 * ids are unique (also ignoring the status letter), every requirement reference names an item of
 * the same role's table, and no requirement depends on itself through other items (the cycle
 * path is reported). Returns every problem found; an empty list means the tables are sound.
 */
export function checkIntegrity(rows: readonly IntegrityRow[]): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const byId = new Map<string, IntegrityRow>();
  const byNumber = new Map<string, IntegrityRow>();
  for (const row of rows) {
    const first = byId.get(row.id);
    if (first) {
      problems.push({ row, rule: 'duplicate-id', message: `duplicate item id ${row.id} (first at ${where(first)})` });
      continue;
    }
    byId.set(row.id, row);
    const sameNumber = byNumber.get(numberKey(row.id));
    if (sameNumber) {
      problems.push({
        row,
        rule: 'duplicate-number',
        message: `${row.id} repeats the number of ${sameNumber.id} (at ${where(sameNumber)}); only the status letter differs`,
      });
    } else {
      byNumber.set(numberKey(row.id), row);
    }
  }

  for (const row of rows) {
    for (const ref of row.references) {
      const target = byId.get(ref);
      if (parseItemId(ref).role !== LETTER_OF_ROLE[row.role] || (target && target.role !== row.role)) {
        problems.push({
          row,
          rule: 'cross-role-reference',
          message: `requirement refers to ${ref}, which is not a ${row.role} item; a requirement may only name items of its own table`,
        });
      } else if (!target) {
        problems.push({ row, rule: 'unknown-reference', message: `requirement refers to unknown item ${ref}` });
      }
    }
  }

  for (const cycle of findCycles(rows, byId)) {
    const start = byId.get(cycle[0] ?? '');
    if (start) problems.push({ row: start, rule: 'cycle', message: `requirement cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  }
  return problems;
}

/** Each elementary cycle reached by depth-first search, once, starting at its first row in table order. */
function findCycles(rows: readonly IntegrityRow[], byId: ReadonlyMap<string, IntegrityRow>): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const order = new Map(rows.map((row, i) => [row.id, i]));

  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    for (const ref of byId.get(id)?.references ?? []) {
      if (!byId.has(ref)) continue;
      if (state.get(ref) === 'active') {
        const cycle = stack.slice(stack.indexOf(ref));
        const first = cycle.reduce((a, b) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? a : b));
        const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first))];
        const key = rotated.join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(rotated);
        }
      } else if (!state.has(ref)) {
        visit(ref);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const row of rows) if (!state.has(row.id)) visit(row.id);
  return cycles;
}
