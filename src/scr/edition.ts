import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { compileSchema, formatViolation, type SchemaViolation } from '../protocol/json-schema.js';
import { displayPath, ScrTableError } from './errors.js';
import { parseRequirement, referencesOf, RequirementSyntaxError, type Requirement } from './expression.js';
import { checkIntegrity } from './integrity.js';
import { packagePath } from '../package-root.js';
import { ItemIdSyntaxError, normaliseItemId, parseItemId, ROLE_OF_LETTER, type ScrRole } from './item-id.js';
import { claimsSchema } from './schemas/claims.schema.js';
import { scrEditionSchema, type ScrEdition, type ScrEditionSource } from './schemas/scr-edition.schema.js';
import { scrRulesSchema, type ScrRules } from './schemas/scr-rules.schema.js';
import type { ScrItemRecord } from './schemas/scr-item.schema.js';
import { scrTableSchema, type ScrTable } from './schemas/scr-table.schema.js';

/** The folder holding one sub-folder per SCR table edition (Appendix B as data). */
export const SCR_DIR = packagePath('scr');

/** The edition dmct loads when none is named: the seed's 2013 CR tables. */
export const DEFAULT_EDITION: string = claimsSchema.properties.edition.default;

/** The roles, in the order of Appendix B (B.1 client, B.2 server). */
export const ROLES: readonly ScrRole[] = ['client', 'server'];

/**
 * One SCR item (a row of Appendix B) with its id parsed and its requirement compiled: the JSON
 * record of scr-item.schema.json, plus the parsed expression and where the row sits.
 */
export interface ScrItem extends Omit<ScrItemRecord, 'edition' | 'referencedBy'> {
  /** The parsed requirement; null when the column is empty. */
  expression: Requirement | null;
  /** Where the row sits: the table file (as displayed) and its index in `items`. */
  source: { file: string; index: number };
}

/** One table of an edition (Appendix B.1 or B.2). */
export interface ScrTableInfo extends Pick<ScrTable, 'appendix' | 'title' | 'role'> {
  file: string;
  items: readonly ScrItem[];
}

/** A loaded, validated SCR table edition (Appendix B). */
export interface Edition extends Pick<ScrEdition, 'name' | 'title' | 'specVersion' | 'requirementSemantics'> {
  source: ScrEditionSource;
  normaliseItemIds: boolean;
  /** The edition folder. */
  dir: string;
  tables: Readonly<Record<ScrRole, ScrTableInfo>>;
  /** Every item, client table first, each in table order. */
  items: readonly ScrItem[];
  /** Items by id and by alias. */
  byId: ReadonlyMap<string, ScrItem>;
  /** For each item id, the ids of the items whose requirement names it. */
  referencedBy: ReadonlyMap<string, readonly string[]>;
  /** For each item id, the rules it holds (`rules.json`); a scenario proves a rule, never an item. */
  rulesOf: ReadonlyMap<string, readonly string[]>;
  /** For items holding no rule, why no scenario proves them (`rules.json` `untested`). */
  untestedWhy: ReadonlyMap<string, string>;
}

const validateEdition = compileSchema<ScrEdition>(scrEditionSchema);
const validateTable = compileSchema<ScrTable>(scrTableSchema);
const validateRules = compileSchema<ScrRules>(scrRulesSchema);
const cache = new Map<string, Edition>();

/** The names of the editions under scr/ (folders holding an edition.json), sorted. */
export function listEditions(): string[] {
  if (!existsSync(SCR_DIR)) return [];
  return readdirSync(SCR_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(SCR_DIR, entry.name, 'edition.json')))
    .map((entry) => entry.name)
    .sort();
}

function editionDir(nameOrDir: string): string {
  const isPath = nameOrDir.includes('/') || nameOrDir.includes(sep) || nameOrDir.startsWith('.');
  const dir = isPath ? resolve(nameOrDir) : join(SCR_DIR, nameOrDir);
  if (!existsSync(join(dir, 'edition.json'))) {
    const known = listEditions().join(', ') || 'none';
    throw new ScrTableError([
      isPath
        ? `${displayPath(dir)}: not an SCR table edition (no edition.json)`
        : `unknown SCR table edition "${nameOrDir}" (known: ${known})`,
    ]);
  }
  return dir;
}

function readJson(file: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push(`${displayPath(file)}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    problems.push(`${displayPath(file)}: not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

/** Adds the row's id to violations that point into a row, so the message names index and id. */
function rowViolation(file: string, data: unknown, raw: SchemaViolation): string {
  const violation =
    raw.rule === 'pattern' && raw.pointer.endsWith('/section')
      ? { ...raw, message: 'must be section number(s) such as "5.2.1.1" or "8.1, G", without the word "Section"' }
      : raw;
  const row = /^\/items\/(\d+)(?:\/|$)/.exec(violation.pointer);
  const items = (data as { items?: unknown } | null)?.items;
  const id = row && Array.isArray(items) ? (items[Number(row[1])] as { id?: unknown } | undefined)?.id : undefined;
  const line = formatViolation(file, violation);
  return typeof id === 'string' ? line.replace(`${violation.pointer}:`, `${violation.pointer} (${id}):`) : line;
}

/**
 * The printed id of a row the table reads under another id (`printedId`), as an alias; none when
 * it names the other role's table (it would resolve to that table's item) or is not an id at all.
 */
function printedAlias(printedId: string | undefined, id: string, role: ScrRole): string[] {
  if (printedId === undefined || printedId === id) return [];
  try {
    return ROLE_OF_LETTER[parseItemId(printedId).role] === role ? [printedId] : [];
  } catch (err) {
    if (err instanceof ItemIdSyntaxError) return [];
    throw err;
  }
}

function loadTable(dir: string, role: ScrRole, edition: ScrEdition, problems: string[]): ScrTableInfo | undefined {
  const path = join(dir, `${role}.json`);
  const file = displayPath(path);
  const data = readJson(path, problems);
  if (data === undefined) return undefined;
  const result = validateTable(data);
  if (!result.ok) {
    problems.push(...result.violations.map((v) => rowViolation(file, data, v)));
    return undefined;
  }
  const table = result.value;
  if (table.edition !== edition.name) {
    problems.push(`${file} /edition: "${table.edition}" does not match the name "${edition.name}" in edition.json (table-edition)`);
  }
  if (table.role !== role) problems.push(`${file} /role: "${table.role}" in the ${role} table file (table-role)`);
  const normalise = edition.normaliseItemIds ?? false;
  const items: ScrItem[] = [];
  table.items.forEach((row, index) => {
    const at = `${file} /items/${index}`;
    const repaired = normalise ? normaliseItemId(row.id) : { id: row.id, fixes: [] };
    let parsed;
    try {
      parsed = parseItemId(repaired.id);
    } catch (err) {
      if (!(err instanceof ItemIdSyntaxError)) throw err;
      problems.push(`${at}/id (${row.id}): ${err.message} (item-id)`);
      return;
    }
    const itemRole = ROLE_OF_LETTER[parsed.role];
    if (itemRole !== role) {
      problems.push(`${at}/id (${row.id}): a ${itemRole} item (role ${parsed.role}) in the ${role} table ${table.appendix} (item-role)`);
    }
    let expression: Requirement | null = null;
    try {
      expression = parseRequirement(row.requirement, { normaliseIds: normalise });
    } catch (err) {
      if (!(err instanceof RequirementSyntaxError)) throw err;
      problems.push(`${at}/requirement (${parsed.id}): ${JSON.stringify(row.requirement)}: ${err.message} (requirement-syntax)`);
    }
    items.push({
      id: parsed.id,
      aliases: [...(repaired.fixes.length > 0 ? [row.id] : []), ...printedAlias(row.printedId, parsed.id, role)],
      enabler: parsed.enabler,
      group: parsed.group,
      number: parsed.number,
      role: itemRole,
      status: parsed.status,
      function: row.function,
      section: row.section,
      ...(row.printedId === undefined ? {} : { printedId: row.printedId }),
      ...(row.note === undefined ? {} : { note: row.note }),
      requirement: row.requirement,
      expression,
      references: referencesOf(expression),
      source: { file, index },
    });
  });
  return { appendix: table.appendix, title: table.title, role, file, items };
}

/**
 * Reads `rules.json`: every item of both tables with the rules it holds. An id that is no item
 * of the edition, or an item left out, is a problem (a renumbered table must be mapped in full).
 * An edition without the file maps no item to a rule: no scenario is evidence under it.
 */
function loadRules(
  dir: string,
  edition: ScrEdition,
  items: readonly ScrItem[],
  problems: string[],
): { rulesOf: Map<string, readonly string[]>; untestedWhy: Map<string, string> } {
  const path = join(dir, 'rules.json');
  const file = displayPath(path);
  const rulesOf = new Map<string, readonly string[]>();
  const untestedWhy = new Map<string, string>();
  if (!existsSync(path)) return { rulesOf, untestedWhy };
  const data = readJson(path, problems);
  if (data === undefined) return { rulesOf, untestedWhy };
  const result = validateRules(data);
  if (!result.ok) {
    problems.push(...result.violations.map((v) => formatViolation(file, v)));
    return { rulesOf, untestedWhy };
  }
  if (result.value.edition !== edition.name) {
    problems.push(`${file} /edition: "${result.value.edition}" does not match the name "${edition.name}" in edition.json (rules-edition)`);
  }
  const ids = new Set(items.map((item) => item.id));
  for (const [id, rules] of Object.entries(result.value.items)) {
    if (!ids.has(id)) problems.push(`${file} /items/${id}: no item of edition ${edition.name} has this id (rules-unknown-item)`);
    else rulesOf.set(id, rules ?? []);
  }
  for (const item of items) {
    if (!rulesOf.has(item.id))
      problems.push(`${file} /items: ${item.id} is not listed; list it with the rules it holds, or [] (rules-missing-item)`);
  }
  for (const [id, why] of Object.entries(result.value.untested ?? {})) {
    if (!ids.has(id)) problems.push(`${file} /untested/${id}: no item of edition ${edition.name} has this id (rules-unknown-item)`);
    else if ((rulesOf.get(id) ?? []).length > 0)
      problems.push(`${file} /untested/${id}: the item holds rules, so scenarios test it; drop the reason (rules-untested-with-rules)`);
    else if (why !== undefined) untestedWhy.set(id, why);
  }
  return { rulesOf, untestedWhy };
}

/**
 * Loads and validates one SCR table edition (Appendix B as data): `scr/<name>/edition.json`,
 * `client.json` (B.1), `server.json` (B.2) and `rules.json` (the rules each item holds). `nameOrDir` is an edition name (default
 * {@link DEFAULT_EDITION}) or a path to an edition folder. Every file is checked against its
 * schema, every id against the item-id grammar and its table's role, every requirement against
 * the SCR notation, and the whole against the integrity rules; all problems are collected and
 * thrown together as a {@link ScrTableError}. Editions are cached per folder.
 */
export function loadEdition(nameOrDir: string = DEFAULT_EDITION): Edition {
  const dir = editionDir(nameOrDir);
  const cached = cache.get(dir);
  if (cached) return cached;

  const problems: string[] = [];
  const editionPath = join(dir, 'edition.json');
  const data = readJson(editionPath, problems);
  const result = data === undefined ? undefined : validateEdition(data);
  if (result && !result.ok) problems.push(...result.violations.map((v) => formatViolation(displayPath(editionPath), v)));
  if (!result?.ok) throw new ScrTableError(problems);
  const meta = result.value;
  if (meta.name !== basename(dir)) {
    problems.push(`${displayPath(editionPath)} /name: "${meta.name}" does not match its folder "${basename(dir)}" (edition-name)`);
  }

  const client = loadTable(dir, 'client', meta, problems);
  const server = loadTable(dir, 'server', meta, problems);
  const items = [...(client?.items ?? []), ...(server?.items ?? [])];
  for (const problem of checkIntegrity(items)) {
    problems.push(
      `${problem.row.source.file} /items/${problem.row.source.index} (${problem.row.id}): ${problem.message} (${problem.rule})`,
    );
  }
  if (problems.length > 0 || !client || !server) throw new ScrTableError(problems);
  const { rulesOf, untestedWhy } = loadRules(dir, meta, items, problems);

  const byId = new Map<string, ScrItem>(items.map((item) => [item.id, item]));
  const referencedBy = new Map<string, string[]>();
  for (const item of items) {
    for (const alias of item.aliases) {
      const other = byId.get(alias);
      if (other && other !== item) {
        problems.push(
          `${item.source.file} /items/${item.source.index} (${item.id}): its printed id ${alias} is the id of another item (${other.source.file} /items/${other.source.index}) (alias-collision)`,
        );
      } else {
        byId.set(alias, item);
      }
    }
    for (const ref of item.references) referencedBy.set(ref, [...(referencedBy.get(ref) ?? []), item.id]);
  }
  if (problems.length > 0) throw new ScrTableError(problems);
  const edition: Edition = {
    name: meta.name,
    title: meta.title,
    source: meta.source,
    specVersion: meta.specVersion,
    requirementSemantics: meta.requirementSemantics,
    normaliseItemIds: meta.normaliseItemIds ?? false,
    dir,
    tables: { client, server },
    items,
    byId,
    referencedBy,
    rulesOf,
    untestedWhy,
  };
  cache.set(dir, edition);
  return edition;
}

/** The item with that id or alias, if the edition has it (Appendix B). */
export function findItem(edition: Edition, id: string): ScrItem | undefined {
  return edition.byId.get(id);
}

/** The ids of the edition's items of `role` that hold one of `rules`, in table order. */
export function itemsHoldingRules(edition: Edition, role: ScrRole, rules: readonly string[]): string[] {
  return edition.tables[role].items
    .filter((item) => edition.rulesOf.get(item.id)?.some((rule) => rules.includes(rule)))
    .map((item) => item.id);
}

/** The JSON record of an item (scr-item.schema.json), as `dmct scr list/show --json` print it. */
export function itemRecord(edition: Edition, item: ScrItem): ScrItemRecord {
  return {
    id: item.id,
    aliases: [...item.aliases],
    edition: edition.name,
    role: item.role,
    enabler: item.enabler,
    group: item.group,
    number: item.number,
    status: item.status,
    function: item.function,
    section: item.section,
    requirement: item.requirement,
    references: [...item.references],
    referencedBy: [...(edition.referencedBy.get(item.id) ?? [])],
    ...(item.printedId === undefined ? {} : { printedId: item.printedId }),
    ...(item.note === undefined ? {} : { note: item.note }),
  };
}
