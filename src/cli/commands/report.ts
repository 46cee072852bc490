import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import { formatViolation } from '../../protocol/json-schema.js';
import { mergeReports, ReportMergeError } from '../../report/merge.js';
import type { Report } from '../../report/schemas/report.schema.js';
import { validateReport } from '../../report/validate.js';
import { writeConsole } from '../../report/writers/console.js';
import { writeHtml } from '../../report/writers/html.js';
import { writeJunit } from '../../report/writers/junit.js';
import { REPORT_FILES, writeReportFolder } from '../../report/writers/folder.js';
import { EXIT, UsageError } from '../errors.js';
import { COMMAND_CATALOG } from './catalog.js';
import { checkOutputFolder } from '../output-paths.js';

/** What `dmct report <dir>` can print. */
export const REPORT_FORMATS = ['console', 'json', 'junit', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report.json of a run folder (or the file itself), validated; a UsageError names what is wrong. */
export async function loadReport(path: string): Promise<Report> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, REPORT_FILES.report);
  } catch {
    throw new UsageError(`${path}: no such file or folder (give a run folder holding ${REPORT_FILES.report})`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: cannot read it (is this a dmct run folder?)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const checked = validateReport(data);
  if (!checked.ok) {
    const [first] = checked.violations;
    const more = checked.violations.length > 1 ? ` (and ${checked.violations.length - 1} more)` : '';
    throw new UsageError(`${first ? formatViolation(file, first) : `${file}: invalid report`}${more}`);
  }
  return checked.value;
}

function render(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'console':
      return writeConsole(report, { color: chalk.level > 0 });
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'junit':
      return writeJunit(report);
    case 'html':
      return writeHtml(report);
  }
}

interface ShowArgs {
  dir: string;
  format: ReportFormat;
  json: boolean;
  'exit-code': boolean;
}

const showCommand: CommandModule<object, ShowArgs> = {
  command: '$0 <dir>',
  describe: "re-render a saved run (its report.json); exits 0, or with the run's exit code with --exit-code",
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'run folder (or its report.json)' })
      .option('format', { alias: 'f', choices: REPORT_FORMATS, default: 'console' as ReportFormat, describe: 'what to print' })
      .option('json', { type: 'boolean', default: false, describe: 'print the native report.json (same as --format json)' })
      .option('exit-code', {
        type: 'boolean',
        default: false,
        describe: "exit with the run's exit code (0 conformant, 1 non-conformant, 3 incomplete) instead of 0",
      })
      .example('$0 report reports/2026-11-24T10-00-00', 'the console summary of a saved run')
      .example('$0 report reports/ci --format junit > junit.xml', 'JUnit XML for CI (exits 0 whatever the verdict: the file is the output)')
      .example('$0 report reports/ci --exit-code', "the summary, and the run's exit code") as unknown as Argv<ShowArgs>,
  handler: async (argv) => {
    const report = await loadReport(argv.dir);
    process.stdout.write(render(report, argv.json ? 'json' : argv.format));
    process.exitCode = argv['exit-code'] ? report.overall.exitCode : EXIT.ok;
  },
};

interface MergeArgs {
  dirs: string[];
  out: string;
}

const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe:
    "merge the run folders of a sharded run into one (report.json and every view), print its summary and exit with the merged run's exit code",
  builder: (y: Argv) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'run folders of the shards' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'folder to write the merged report to' })
      .example('$0 report merge reports/shard-1 reports/shard-2 --out reports/merged', '') as unknown as Argv<MergeArgs>,
  handler: async (argv) => {
    checkOutputFolder('--out', argv.out);
    const reports = await Promise.all(argv.dirs.map(loadReport));
    let merged: Report;
    try {
      merged = mergeReports(reports);
    } catch (err) {
      if (err instanceof ReportMergeError) throw new UsageError(`cannot merge ${argv.dirs.join(', ')}: ${err.message}`);
      throw err;
    }
    await writeReportFolder(argv.out, merged);
    process.stdout.write(writeConsole(merged, { color: chalk.level > 0 }));
    process.stdout.write(`merged ${reports.length} reports into ${argv.out}\n`);
    process.exitCode = merged.overall.exitCode;
  },
};

/** `dmct report <dir>` and `dmct report merge <dirs..> --out <dir>`. */
export const reportCommand: CommandModule = {
  ...COMMAND_CATALOG.report,
  builder: (y: Argv) => y.command(mergeCommand).command(showCommand),
  handler: () => undefined,
};
