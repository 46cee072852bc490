import { readFile } from 'node:fs/promises';
import chalk from 'chalk';
import type { CommandModule } from 'yargs';
import {
  COMMANDS,
  MEDIA_TYPES,
  parseGenericAlert,
  parseMediaType,
  parseMoData,
  parseMultipartPackage3,
  parsePackage1,
  parsePackage2,
  parsePackage3,
  parameterCount,
  validatePackage3Against,
  type CommandSpec,
  type MultipartDataPart,
  type Package2,
  type Violation,
} from '../../protocol/index.js';
import { EXIT, UsageError } from '../errors.js';
import { COMMAND_CATALOG } from './catalog.js';
import { appendAll } from '../../protocol/json-limits.js';

const PACKAGE_KINDS = ['1', '2', '3', 'mo', 'alert'] as const;
type PackageKind = (typeof PACKAGE_KINDS)[number];

const KIND_LABELS: Record<PackageKind, string> = {
  '1': 'Package#1',
  '2': 'Package#2',
  '3': 'Package#3',
  mo: 'dmmo+json MO data',
  alert: 'Generic Alert',
};

const KIND_MEDIA_TYPES: Partial<Record<PackageKind, readonly string[]>> = {
  '1': [MEDIA_TYPES.package1],
  '2': [MEDIA_TYPES.package2],
  '3': [MEDIA_TYPES.package3, MEDIA_TYPES.multipart],
  mo: [MEDIA_TYPES.moData],
};

interface ValidateArgs {
  file: string;
  package: PackageKind;
  lenient: boolean;
  against?: string;
  'content-type'?: string;
  json: boolean;
}

interface CommandsArgs {
  json: boolean;
}

interface Outcome {
  violations: Violation[];
  value?: unknown;
  parts?: Map<number, MultipartDataPart>;
  multipart: boolean;
}

async function readInput(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${file}: cannot read the ${what} (${code})`);
  }
}

/** The multipart boundary of a body that starts with a delimiter line (`--boundary`), if any. */
function sniffBoundary(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  return /^--([0-9A-Za-z'()+_,\-./:=? ]{1,70}?)[ \t]*\r?\n/.exec(head)?.[1];
}

async function readAgainst(file: string, lenient: boolean): Promise<Package2> {
  const parsed = parsePackage2(await readInput(file, 'Package#2'), { lenient });
  const firstError = parsed.violations.find((v) => v.severity === 'error');
  if (!parsed.value) {
    const where = firstError?.pointer === undefined || firstError.pointer === '' ? '/' : firstError.pointer;
    throw new UsageError(
      `${file} ${where}: ${firstError?.message ?? 'not a Package#2'} (${firstError?.rule ?? 'package2'}); --against needs a valid Package#2`,
    );
  }
  return parsed.value;
}

function checkContentType(kind: PackageKind, contentType: string): Violation[] {
  const expected = KIND_MEDIA_TYPES[kind];
  if (!expected) throw new UsageError(`--content-type applies to --package 1, 2, 3 and mo, not ${kind}`);
  const essence = parseMediaType(contentType)?.essence;
  if (essence !== undefined && expected.includes(essence)) return [];
  return [
    {
      rule: 'http-content-type',
      section: '5.5',
      severity: 'error',
      message: `Content-Type ${JSON.stringify(contentType)} is not ${expected.join(' or ')}`,
    },
  ];
}

async function validate(args: ValidateArgs): Promise<Outcome> {
  const bytes = await readInput(args.file, KIND_LABELS[args.package]);
  const options = { lenient: args.lenient };
  if (args.against !== undefined && args.package !== '3') throw new UsageError('--against applies to --package 3 only');
  const package2 = args.against === undefined ? undefined : await readAgainst(args.against, args.lenient);
  const headerViolations = args['content-type'] === undefined ? [] : checkContentType(args.package, args['content-type']);

  const declared = args['content-type'] === undefined ? undefined : parseMediaType(args['content-type']);
  const boundary = declared?.essence === MEDIA_TYPES.multipart ? undefined : sniffBoundary(bytes);
  const multipartType =
    declared?.essence === MEDIA_TYPES.multipart
      ? args['content-type']
      : boundary !== undefined
        ? `${MEDIA_TYPES.multipart}; boundary="${boundary}"`
        : undefined;

  if (args.package === '3' && multipartType !== undefined) {
    const parsed = parseMultipartPackage3(multipartType, bytes, options);
    const violations = [...headerViolations, ...parsed.violations];
    if (parsed.package3 && package2) {
      appendAll(violations, validatePackage3Against(package2, parsed.package3, { dataPartIndexes: [...parsed.parts.keys()] }));
    }
    return { violations, value: parsed.package3, parts: parsed.parts, multipart: true };
  }
  const parse = { '1': parsePackage1, '2': parsePackage2, '3': parsePackage3, mo: parseMoData, alert: parseGenericAlert }[args.package];
  const parsed = parse(bytes, options);
  const violations = [...headerViolations, ...parsed.violations];
  if (args.package === '3' && package2 && parsed.value) {
    appendAll(
      violations,
      validatePackage3Against(package2, parsed.value as Parameters<typeof validatePackage3Against>[1], { dataPartIndexes: [] }),
    );
  }
  return { violations, value: parsed.value, multipart: false };
}

const SEVERITY_STYLE: Record<Violation['severity'], (text: string) => string> = {
  error: chalk.red,
  warning: chalk.yellow,
  info: chalk.cyan,
};

function where(violation: Violation): string {
  if (violation.pointer !== undefined) return violation.pointer === '' ? '/' : violation.pointer;
  return violation.offset !== undefined ? `@${violation.offset}` : '-';
}

const sectionLabel = (section: string): string => (section.startsWith('App') ? section : `§${section}`);

/**
 * One line per violation: severity, file, where (a JSON pointer, `@<byte offset>`, or `-` for a
 * header finding), message, rule and section.
 */
export function formatPackageViolation(file: string, violation: Violation): string {
  const severity = SEVERITY_STYLE[violation.severity](violation.severity.padEnd(7));
  return `${severity} ${file} ${where(violation)}: ${violation.message} ${chalk.dim(`[${violation.rule}, ${sectionLabel(violation.section)}]`)}`;
}

function count(violations: readonly Violation[], severity: Violation['severity']): number {
  return violations.filter((v) => v.severity === severity).length;
}

function summary(file: string, kind: PackageKind, outcome: Outcome): string {
  const errors = count(outcome.violations, 'error');
  const warnings = count(outcome.violations, 'warning');
  const label = `${outcome.multipart ? 'multipart ' : ''}${KIND_LABELS[kind]}`;
  const tail = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
  if (errors === 0) return `${file}: ${chalk.green(`valid ${label}`)}${tail}`;
  return `${file}: ${chalk.red(`invalid ${label}: ${errors} error${errors === 1 ? '' : 's'}`)}${tail}`;
}

async function validateHandler(args: ValidateArgs): Promise<void> {
  const outcome = await validate(args);
  const valid = count(outcome.violations, 'error') === 0;
  if (args.json) {
    const parts = outcome.parts
      ? [...outcome.parts.values()].map((part) => ({ index: part.index, mediaType: part.mediaType, size: part.body.length }))
      : undefined;
    const report = {
      file: args.file,
      package: args.package,
      multipart: outcome.multipart,
      valid,
      violations: outcome.violations,
      value: outcome.value,
      parts,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const violation of outcome.violations) process.stdout.write(`${formatPackageViolation(args.file, violation)}\n`);
    process.stdout.write(`${summary(args.file, args.package, outcome)}\n`);
  }
  process.exitCode = valid ? EXIT.ok : EXIT.nonConformant;
}

function describeParams(command: CommandSpec): string {
  if (command.params.length === 0) return '—';
  return command.params.map((p) => (p.max === null ? `${p.name}…` : p.min === 0 ? `[${p.name}]` : p.name)).join(' ');
}

function commandsHandler(args: CommandsArgs): void {
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(
        COMMANDS.map((c) => ({ ...c, paramCount: parameterCount(c) })),
        null,
        2,
      )}\n`,
    );
    process.exitCode = EXIT.ok;
    return;
  }
  const rows = COMMANDS.map((c) => [
    c.name,
    describeParams(c),
    c.server,
    c.client,
    sectionLabel(c.section),
    c.getsStatus ? c.statusCodes.join(' ') : 'no status',
  ]);
  const header = ['command', 'parameters', 'server', 'client', 'section', 'allowed status codes (plus 1000–1999)'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ');
  process.stdout.write(`${chalk.bold(line(header))}\n${rows.map(line).join('\n')}\n`);
  process.exitCode = EXIT.ok;
}

const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'validate a Package#1/#2/#3, dmmo+json MO data or Generic Alert body (JSON, or multipart Package#3)',
  builder: (yargs) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'the body to check' })
      .option('package', {
        alias: 'p',
        type: 'string',
        choices: PACKAGE_KINDS,
        demandOption: true,
        describe: 'what the body is: 1, 2, 3, mo (dmmo+json) or alert',
      })
      .option('lenient', {
        type: 'boolean',
        default: false,
        describe: "accept the erratum forms of the text's examples (bare-number statuses, a single dmmo+json object) as warnings",
      })
      .option('against', { type: 'string', describe: 'with --package 3: the Package#2 file it answers' })
      .option('content-type', {
        type: 'string',
        describe: 'the HTTP Content-Type the body came with (checked; gives the multipart boundary)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print a JSON report' })
      .example('$0 packages validate p2.json --package 2', 'check a Package#2')
      .example('$0 packages validate p3.multipart --package 3 --against p2.json', 'check a multipart Package#3 against its Package#2'),
  handler: validateHandler,
};

const commandsCommand: CommandModule<object, CommandsArgs> = {
  command: 'commands',
  describe: 'list the twelve DM commands: parameters, support, allowed status codes (§5.3, App C)',
  builder: (yargs) => yargs.option('json', { type: 'boolean', default: false, describe: 'print the table as JSON' }),
  handler: commandsHandler,
};

/** `dmct packages`: validate DM 2.0 JSON packages and list the command table. */
export const packagesCommand: CommandModule = {
  ...COMMAND_CATALOG.packages,
  builder: (yargs) =>
    yargs.command(validateCommand).command(commandsCommand).demandCommand(1, 'name a packages command: validate or commands'),
  handler: () => {},
};
