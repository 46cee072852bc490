import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import {
  ClaimsError,
  computeApplicability,
  DEFAULT_EDITION,
  findItem,
  itemRecord,
  ItemIdSyntaxError,
  listEditions,
  loadClaims,
  loadEdition,
  parseItemId,
  ROLES,
  ScrInputError,
  type ApplicabilityKind,
  type ApplicabilityReport,
  type Edition,
  type ScrItem,
  type ScrRole,
} from '../../scr/index.js';
import { EXIT, UsageError } from '../errors.js';
import { COMMAND_CATALOG } from './catalog.js';

/**
 * Runs a command body; SCR input problems (bad tables, bad claims) become one `dmct: ` line each
 * on stderr and exit code 2, as every user error does (see main.ts).
 */
export function withScrInputErrors(run: () => void): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof ScrInputError)) throw err;
    for (const problem of err.problems) process.stderr.write(`dmct: ${problem}\n`);
    process.exitCode = EXIT.usage;
  }
}

/** Pads plain cells to column widths, then colours them, so colour codes never skew alignment. */
function renderTable(header: string[], rows: { cells: string[]; paint?: ((text: string) => string)[] }[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)));
  const line = (cells: string[], paint: ((text: string) => string)[] = []) =>
    cells
      .map((cell, i) => {
        const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0);
        return (paint[i] ?? ((t: string) => t))(padded);
      })
      .join('  ')
      .trimEnd();
  return [
    line(
      header,
      header.map(() => chalk.bold),
    ),
    ...rows.map((r) => line(r.cells, r.paint)),
  ].join('\n');
}

const paintId = (item: Pick<ScrItem, 'status'>) => (item.status === 'M' ? chalk.bold : chalk.cyan);

function printList(edition: Edition, roles: readonly ScrRole[]): void {
  const blocks = roles.map((role) => {
    const table = edition.tables[role];
    const rows = table.items.map((item) => ({
      cells: [item.id, item.section, item.function, item.requirement],
      paint: [paintId(item), chalk.dim, (t: string) => t, chalk.yellow],
    }));
    const title = chalk.bold(`${table.appendix} ${table.title}`) + chalk.dim(` — edition ${edition.name}, ${table.items.length} items`);
    return `${title}\n${renderTable(['ITEM', 'SECTION', 'FUNCTION', 'REQUIREMENT'], rows)}`;
  });
  process.stdout.write(`${blocks.join('\n\n')}\n`);
}

function lookUp(edition: Edition, id: string): ScrItem {
  const item = findItem(edition, id);
  if (item) return item;
  try {
    parseItemId(id);
  } catch (err) {
    if (err instanceof ItemIdSyntaxError) throw new UsageError(err.message);
    throw err;
  }
  throw new UsageError(`unknown SCR item "${id}" in edition ${edition.name} (dmct scr list shows them)`);
}

function printItem(edition: Edition, item: ScrItem): void {
  const record = itemRecord(edition, item);
  const table = edition.tables[item.role];
  const meaning =
    edition.requirementSemantics === 'precondition'
      ? 'precondition: the item applies only when it holds'
      : 'implication: when the item is supported, it must hold';
  const none = chalk.dim('—');
  const fields: [string, string][] = [
    ['edition', `${edition.name} (${table.appendix} ${table.title})`],
    ['role', item.role],
    ['status', item.status === 'M' ? 'M (mandatory)' : 'O (optional)'],
    ['enabler', item.enabler],
    ['group', item.group],
    ['number', String(item.number).padStart(3, '0')],
    ['section', item.section],
    ['requirement', item.requirement === '' ? none : `${chalk.yellow(item.requirement)} ${chalk.dim(`(${meaning})`)}`],
    ['references', record.references.join(', ') || none],
    ['referenced by', record.referencedBy.join(', ') || none],
    ['aliases', record.aliases.join(', ') || none],
  ];
  if (item.printedId !== undefined) fields.push(['printed as', item.printedId]);
  if (item.note !== undefined) fields.push(['note', item.note]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `  ${chalk.dim(name.padEnd(width))}  ${value}`);
  process.stdout.write(`${paintId(item)(item.id)} — ${item.function}\n${lines.join('\n')}\n`);
}

const KIND_PAINT: Record<ApplicabilityKind, (text: string) => string> = {
  mandatory: chalk.bold,
  'conditionally-mandatory': chalk.bold,
  'optional-claimed': chalk.cyan,
  'optional-not-claimed': chalk.dim,
  'not-applicable': chalk.dim,
};

function printCheck(report: ApplicabilityReport): void {
  const impl = report.implementation;
  const semantics =
    report.requirementSemantics === 'precondition' ? 'requirements read as preconditions' : 'requirements read as implications';
  const out: string[] = [
    `${chalk.bold(report.source ?? 'claims')}: ${impl.name} ${impl.version} (${impl.vendor}), a DM ${report.role}; edition ${report.edition} (${semantics})`,
    '',
    renderTable(
      ['ITEM', 'APPLICABILITY', 'WHY'],
      report.items.map((item) => ({
        cells: [item.id, item.applicability, item.why],
        paint: [paintId(item), KIND_PAINT[item.applicability], chalk.dim],
      })),
    ),
  ];
  if (report.findings.length > 0) {
    out.push('', chalk.red.bold(`Static findings (${report.findings.length}):`));
    for (const finding of report.findings) {
      out.push(`  ${chalk.red(finding.item)} ${finding.rule}${finding.pointer ? ` at ${finding.pointer}` : ''}: ${finding.message}`);
    }
  }
  const counts = (['mandatory', 'conditionally-mandatory', 'optional-claimed', 'optional-not-claimed', 'not-applicable'] as const)
    .map((kind) => `${report.items.filter((i) => i.applicability === kind).length} ${kind.replace(/-/g, ' ')}`)
    .join(', ');
  if (report.placeholders.length > 0) {
    out.push('', chalk.red.bold(`Template placeholders left (${report.placeholders.length}):`));
    for (const { pointer, value } of report.placeholders)
      out.push(`  ${chalk.red(pointer)}: still "${value}" from dmct claims init; write the implementation's value`);
  }
  const placeholders = report.placeholders.length;
  const verdict = !report.consistent
    ? chalk.red(
        `claims NOT consistent: ${report.findings.length} static finding(s)${placeholders > 0 ? `; ${placeholders} template placeholder(s) left` : ''}`,
      )
    : placeholders > 0
      ? chalk.red(`claims NOT ready: ${placeholders} template placeholder(s) left (no static finding)`)
      : chalk.green('claims consistent');
  out.push('', `${report.items.length} items: ${counts}. ${verdict}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

interface ListArgs {
  role?: ScrRole;
  edition: string;
  json: boolean;
}

const list: CommandModule<object, ListArgs> = {
  command: 'list',
  describe: 'list the SCR items of a table edition (Appendix B)',
  builder: (yargs: Argv) =>
    yargs
      .option('role', { choices: ROLES, describe: 'only the client (B.1) or server (B.2) table' })
      .option('edition', { type: 'string', default: DEFAULT_EDITION, describe: 'table edition (a folder of scr/, or a path to one)' })
      .option('json', { type: 'boolean', default: false, describe: 'print a JSON array of items' }) as unknown as Argv<ListArgs>,
  handler: (argv) =>
    withScrInputErrors(() => {
      const edition = loadEdition(argv.edition);
      const roles = argv.role ? [argv.role] : ROLES;
      if (argv.json) {
        const items = roles.flatMap((role) => edition.tables[role].items.map((item) => itemRecord(edition, item)));
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
      } else {
        printList(edition, roles);
      }
    }),
};

interface ShowArgs {
  id: string;
  edition: string;
  json: boolean;
}

const show: CommandModule<object, ShowArgs> = {
  command: 'show <id>',
  describe: 'show one SCR item: every field, and the items whose requirement names it',
  builder: (yargs: Argv) =>
    yargs
      .positional('id', { type: 'string', demandOption: true, describe: 'item id, e.g. DM-PACK-003-C-M' })
      .option('edition', { type: 'string', default: DEFAULT_EDITION, describe: 'table edition' })
      .option('json', { type: 'boolean', default: false, describe: 'print the item as JSON' }) as unknown as Argv<ShowArgs>,
  handler: (argv) =>
    withScrInputErrors(() => {
      const edition = loadEdition(argv.edition);
      const item = lookUp(edition, argv.id);
      if (argv.json) process.stdout.write(`${JSON.stringify(itemRecord(edition, item), null, 2)}\n`);
      else printItem(edition, item);
    }),
};

interface CheckArgs {
  claims: string;
  json: boolean;
}

/** Loads the edition a claims file names; an unknown edition is an error of the claims file. */
function editionOfClaims(file: string, name: string = DEFAULT_EDITION): Edition {
  const known = listEditions();
  if (!known.includes(name)) {
    throw new ClaimsError([`${file} /edition: unknown SCR table edition "${name}" (known: ${known.join(', ') || 'none'}) (edition)`]);
  }
  return loadEdition(name);
}

const check: CommandModule<object, CheckArgs> = {
  command: 'check <claims>',
  describe: 'check a claims file (ICS/IXIT) against the SCR tables: applicability of each item and static non-conformances',
  builder: (yargs: Argv) =>
    yargs.positional('claims', { type: 'string', demandOption: true, describe: 'the claims JSON file' }).option('json', {
      type: 'boolean',
      default: false,
      describe: 'print the applicability report as JSON',
    }) as unknown as Argv<CheckArgs>,
  handler: (argv) =>
    withScrInputErrors(() => {
      const claims = loadClaims(argv.claims);
      const edition = editionOfClaims(argv.claims, claims.edition);
      const report = computeApplicability(edition, claims, { source: argv.claims });
      if (argv.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printCheck(report);
      // A placeholder is the claims' own problem (configuration), before any conformance question.
      process.exitCode = report.placeholders.length > 0 ? EXIT.usage : report.consistent ? EXIT.ok : EXIT.nonConformant;
    }),
};

/** `dmct scr list|show|check`: the SCR tables of Appendix B and the claims checker. */
export const scrCommand: CommandModule<object, object> = {
  ...COMMAND_CATALOG.scr,
  builder: (yargs: Argv) =>
    yargs
      .command(list)
      .command(show)
      .command(check)
      .demandCommand(1, 'name an scr command: list, show or check') as unknown as Argv<object>,
  handler: () => undefined,
};
