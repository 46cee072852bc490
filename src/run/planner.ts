/**
 * Planning: from the SCR table, the claims and the scenario
 * catalogue to the RunPlan the reporter judges against, and the one Playwright `--grep` that
 * runs exactly the planned scenarios. Scenarios are chosen by their SCR tags: a scenario runs
 * when it tags an applicable item of the plan (and matches `--grep`); scenarios of items that do
 * not apply under the claims do not run. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { PartialRun, PlannedItem, PlannedScenario, Role, RunPlan, StaticFinding } from '../report/index.js';
import { APPLICABLE_KINDS, findItem, itemsHoldingRules } from '../scr/index.js';
import type { ClaimsFinding, Edition } from '../scr/index.js';
import type { CatalogueScenario } from './catalogue.js';
import { RunSetupError } from './errors.js';
import type { RunTargets } from './targets.js';

/** What to plan. */
export interface PlanRequest {
  targets: RunTargets;
  scenarios: readonly CatalogueScenario[];
  /** Restrict the run to these SCR items (ids as the user typed them). */
  only?: readonly string[];
  /** Restrict the run to scenarios matching this Playwright `--grep` pattern. */
  grep?: string;
  /** Judge SHOULD departures as fails (`--strict`). */
  strict?: boolean;
}

/** A catalogue scenario that will not run for an item, and why. */
export interface SkippedScenario {
  scenario: CatalogueScenario;
  why: string;
}

/** One planned item with the scenarios that will not run for it (for `--list`). */
export interface PlanItemView {
  item: PlannedItem;
  skipped: SkippedScenario[];
}

/** The plan, and what the runner and `--list` need beside it. */
export interface RunPlanView {
  plan: RunPlan;
  items: PlanItemView[];
  /** The scenarios to run, in catalogue order. */
  selected: CatalogueScenario[];
  /** Playwright's `--grep` (a `/…/flags` literal) for `selected`; undefined when nothing runs. */
  grep?: string;
  /** Catalogue problems found while planning (unknown tags, duplicate ids): reported, not fatal. */
  warnings: string[];
  /** With `--only` or `--grep`: the selections, and the items of the tested roles left out of the plan. */
  partial?: PartialRun;
}

/**
 * A `--grep` pattern as Playwright reads it: `/source/flags` is a literal, anything else is
 * compiled with flags `gi`. Throws RunSetupError for an invalid expression.
 */
export function parseGrep(pattern: string): { source: string; flags: string } {
  const literal = /^\/(.*)\/([gi]*)$/.exec(pattern);
  const source = literal ? (literal[1] ?? '') : pattern;
  const flags = literal ? (literal[2] ?? '') : 'gi';
  try {
    new RegExp(source, flags);
  } catch (err) {
    throw new RunSetupError(`--grep "${pattern}": not a valid regular expression (${err instanceof Error ? err.message : String(err)})`);
  }
  return { source, flags };
}

/** Whether a scenario matches a `--grep` pattern, the way Playwright matches it. */
export function matchesGrep(scenario: Pick<CatalogueScenario, 'grepText'>, grep: { source: string; flags: string }): boolean {
  return new RegExp(grep.source, grep.flags.replace('g', '')).test(scenario.grepText);
}

/** The scenarios of one role a run selects: where they are (catalogue selectors) and the rules they prove. */
export interface RoleSelection {
  /** The starts of their grep text (CatalogueScenario `selector`): project, and role folder where the project tests both roles. */
  selectors: readonly string[];
  rules: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A catalogue selector as a pattern: the project name, a space, and where the project tests both
 * roles the role folder (`server-target/`), after any path the grep text's file has before it.
 */
function selectorPattern(selector: string): string {
  const space = selector.lastIndexOf(' ');
  const folder = selector.slice(space + 1);
  const project = escapeRegExp(selector.slice(0, space + 1));
  return folder === '' ? project : `${project}(?:[^\\n]*?[\\\\/])?${escapeRegExp(folder.replace(/\/$/, ''))}[\\\\/]`;
}

/**
 * The Playwright `--grep` literal that selects, per role, the scenarios of the role's selectors
 * tagging one of its rules (a rule key is shared by both roles' scenarios; Playwright's grep text
 * starts with the project name and the file path, after the root suite's empty title where its
 * version keeps it),
 * and also matching the user's pattern when one is given (a lookahead keeps its anchors and groups).
 */
export function selectionGrep(selections: readonly RoleSelection[], user?: { source: string; flags: string }): string {
  const alternatives = selections
    .filter((s) => s.selectors.length > 0 && s.rules.length > 0)
    .map(
      (s) =>
        `^ ?(?:${[...new Set(s.selectors)].map(selectorPattern).join('|')})[\\s\\S]*?@(?:${[...new Set(s.rules)].map(escapeRegExp).join('|')})(?![\\w-])`,
    );
  const tags = `(?:${alternatives.join('|')})`;
  if (!user) return `/${tags}/`;
  const flags = user.flags.includes('i') ? 'i' : '';
  return `/^(?=[\\s\\S]*?(?:${user.source}))${tags}/${flags}`;
}

/** `--only` ids resolved to the edition's items of the run's roles; unknown ids are errors. */
function resolveOnly(edition: Edition, roles: readonly Role[], only: readonly string[]): Set<string> {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const raw of only
    .flatMap((entry) => entry.split(','))
    .map((id) => id.trim())
    .filter((id) => id !== '')) {
    const item = findItem(edition, raw);
    if (!item) problems.push(`--only "${raw}": no such SCR item in edition ${edition.name} (dmct scr list shows them)`);
    else if (!roles.includes(item.role))
      problems.push(`--only ${item.id}: a ${item.role} item, but the run tests the ${roles.join(' and ')} target (--role)`);
    else ids.add(item.id);
  }
  if (problems.length > 0) throw new RunSetupError(problems);
  if (ids.size === 0) throw new RunSetupError('--only: name at least one SCR item');
  return ids;
}

function staticFindingOf(finding: ClaimsFinding): StaticFinding {
  return finding.pointer === undefined
    ? { rule: finding.rule, message: finding.message }
    : { rule: finding.rule, message: finding.message, pointer: finding.pointer };
}

function plannedScenarioOf(scenario: CatalogueScenario): PlannedScenario {
  return { id: scenario.id, title: scenario.title, file: scenario.file, line: scenario.line };
}

function catalogueWarnings(edition: Edition, scenarios: readonly CatalogueScenario[]): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, CatalogueScenario>();
  for (const s of scenarios) {
    const where = `${s.file}:${s.line} "${s.title}"`;
    if (s.rules.length === 0) warnings.push(`${where} has no rule tag (@<section>/<slug>), so it never runs`);
    for (const rule of s.rules) {
      if (itemsHoldingRules(edition, s.role, [rule]).length === 0)
        warnings.push(
          `${where} proves @${rule}, which no ${s.role} item of edition ${edition.name} holds (scr/${edition.name}/rules.json)`,
        );
    }
    const key = `${s.role} ${s.id}`;
    const previous = seen.get(key);
    if (previous)
      warnings.push(`${where} has the same scenario id "${s.id}" as ${previous.file}:${previous.line}; titles must be unique per role`);
    else seen.set(key, s);
  }
  return warnings;
}

/** Why an applicable item has no scenario: its edition maps it to no rule a scenario proves. */
function unkeyedWhy(edition: Edition): string {
  return `no scenario proves a rule of this item (scr/${edition.name}/rules.json maps it to none)`;
}

/** The run's id: a digest of the plan, so the shards of one plan share it. */
function runIdOf(plan: RunPlan): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16);
}

/**
 * Plans a run: every item of the tested roles' tables (or the `--only` items) with its
 * applicability and why, its static findings (fails of the item), and the scenarios that will
 * run for it. With `--grep`, only items that a matching scenario covers (or that have a static
 * finding) are planned. A static finding the run cannot place on an item of its role (an item
 * of the other role's table listed in the claims) is a RunSetupError.
 */
export function planRun(request: PlanRequest): RunPlanView {
  const { targets } = request;
  const { edition } = targets;
  const only = request.only && request.only.length > 0 ? resolveOnly(edition, targets.roles, request.only) : undefined;
  const grep = request.grep === undefined ? undefined : parseGrep(request.grep);

  const unplaced: string[] = [];
  const applicable = new Set<string>();
  const candidates = targets.setups.flatMap((setup) => {
    const tableIds = new Set(edition.tables[setup.role].items.map((item) => item.id));
    for (const f of setup.applicability.findings.filter((f) => !tableIds.has(f.item))) {
      unplaced.push(`${setup.applicability.source ?? setup.claimsFile} ${f.pointer ?? '/'}: ${f.message} (${f.rule})`);
    }
    return setup.applicability.items
      .filter((item) => !only || only.has(item.id))
      .map((item) => {
        const isApplicable = APPLICABLE_KINDS.includes(item.applicability);
        if (isApplicable) applicable.add(item.id);
        return { role: setup.role, item, isApplicable, findings: setup.applicability.findings.filter((f) => f.item === item.id) };
      });
  });
  if (unplaced.length > 0) throw new RunSetupError(unplaced);

  // A scenario is evidence for the items its edition maps to the rules it proves (rules.json).
  const ofRoles = request.scenarios.filter((s) => targets.roles.includes(s.role));
  const itemsOf = new Map(ofRoles.map((s) => [s, itemsHoldingRules(edition, s.role, s.rules)]));
  const evidenceFor = (s: CatalogueScenario): readonly string[] => itemsOf.get(s) ?? [];
  const selected = ofRoles.filter((s) => evidenceFor(s).some((id) => applicable.has(id)) && (!grep || matchesGrep(s, grep)));
  const selectedKeys = new Set(selected.map((s) => `${s.role} ${s.id}`));

  const items: PlanItemView[] = [];
  for (const { role, item, isApplicable, findings } of candidates) {
    const tagging = ofRoles.filter((s) => s.role === role && evidenceFor(s).includes(item.id));
    const running = isApplicable ? tagging.filter((s) => selectedKeys.has(`${s.role} ${s.id}`)) : [];
    if (grep && running.length === 0 && findings.length === 0) continue;
    const skipped = tagging
      .filter((s) => !running.includes(s))
      .map((scenario) => ({ scenario, why: isApplicable ? 'does not match --grep' : 'item not applicable under the claims' }));
    const planned: PlannedItem = {
      id: item.id,
      function: item.function,
      section: item.section,
      role,
      status: item.status,
      applicability: {
        kind: isApplicable ? 'applicable' : 'not-applicable',
        why: item.why,
        ...(isApplicable && (edition.rulesOf.get(item.id) ?? []).length === 0
          ? { untestedWhy: edition.untestedWhy.get(item.id) ?? unkeyedWhy(edition) }
          : {}),
      },
      scenarios: running.map(plannedScenarioOf),
    };
    if (findings.length > 0) planned.staticFindings = findings.map(staticFindingOf);
    items.push({ item: planned, skipped });
  }

  const plan: RunPlan = {
    edition: edition.name,
    roles: [...targets.roles],
    targets: targets.setups.map((s) => s.target),
    claims: targets.claims,
    items: items.map((view) => view.item),
  };
  if (request.strict === true) plan.strict = true;
  plan.runId = runIdOf(plan);

  const view: RunPlanView = { plan, items, selected, warnings: catalogueWarnings(edition, ofRoles) };
  const selectedBy = [...(only ? ['--only'] : []), ...(grep ? ['--grep'] : [])];
  if (selectedBy.length > 0) {
    const inPlan = new Set(plan.items.map((item) => item.id));
    const leftOut = targets.setups.flatMap((setup) => setup.applicability.items.map((item) => item.id)).filter((id) => !inPlan.has(id));
    if (leftOut.length > 0) view.partial = { selectedBy, leftOut };
  }
  const selections = targets.roles.map((role) => {
    const ofRole = selected.filter((s) => s.role === role);
    // Only rules of applicable items: another rule of the same scenario would select more.
    const provesApplicable = (rule: string) => itemsHoldingRules(edition, role, [rule]).some((id) => applicable.has(id));
    return { selectors: ofRole.map((s) => s.selector), rules: ofRole.flatMap((s) => s.rules.filter(provesApplicable)) };
  });
  if (selected.length > 0) view.grep = selectionGrep(selections, grep);
  return view;
}
