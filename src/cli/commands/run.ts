import { resolve } from 'node:path';
import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import { writeConsole } from '../../report/index.js';
import {
  checkInteger,
  DEFAULT_PLAYWRIGHT_CONFIG,
  defaultOutDir,
  dmServerUrlOf,
  effectiveMode,
  effectiveWorkers,
  executeRun,
  formatPlan,
  listScenarios,
  parseShard,
  planRun,
  preflight,
  PROGRESS_MODES,
  progressView,
  resolveTargets,
  ROLE_CHOICES,
  RunSetupError,
  targetProjectPatterns,
  transientStatus,
  type ProgressMode,
  type RoleChoice,
} from '../../run/index.js';
import { DEFAULT_EDITION, listEditions, ScrInputError } from '../../scr/index.js';
import { displayPath } from '../../scr/errors.js';
import { EXIT, UsageError } from '../errors.js';
import { COMMAND_CATALOG } from './catalog.js';
import { checkOutputFolder } from '../output-paths.js';

interface RunArgs {
  role?: RoleChoice;
  target?: string;
  claims?: string[];
  'claims-server'?: string;
  'claims-client'?: string;
  out?: string;
  only?: string[];
  grep?: string;
  workers?: number;
  retries?: number;
  shard?: string;
  timeout?: number;
  strict: boolean;
  list: boolean;
  fault?: string[];
  edition?: string;
  json: boolean;
  progress: ProgressMode;
  config?: string;
}

function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .usage(
      '$0 run [options]\n\nPlan from the SCR tables and the claims, run the applicable scenarios with Playwright Test, ' +
        'and write the conformance report (report.json, junit.xml, index.html, earl.jsonld, ctrf.json).\n' +
        'With no --claims and no --target, both roles are tested against the embedded reference peers.',
    )
    .option('role', {
      requiresArg: true,
      choices: ROLE_CHOICES,
      describe: 'the role(s) of the target: server, client or both (default: the roles the claims or faults name, else both)',
    })
    .option('target', {
      requiresArg: true,
      type: 'string',
      describe: "the target's address: a DM server's URL (role server) or a DM client's admin URL (role client); needs --claims",
    })
    .option('claims', {
      type: 'string',
      array: true,
      describe: 'claims file(s) (ICS + IXIT); each file\'s "role" says which target it describes',
    })
    .option('claims-server', { requiresArg: true, type: 'string', describe: 'claims file of the server target' })
    .option('claims-client', { requiresArg: true, type: 'string', describe: 'claims file of the client target' })
    .option('out', { requiresArg: true, type: 'string', describe: 'report folder (default: reports/<timestamp>/)' })
    .option('only', { type: 'string', array: true, describe: 'run only these SCR items (ids, space- or comma-separated)' })
    .option('grep', {
      requiresArg: true,
      type: 'string',
      describe: 'run only the scenarios matching this regular expression (Playwright --grep)',
    })
    .option('workers', {
      requiresArg: true,
      type: 'number',
      describe: "Playwright workers (default: 1 against a real target; else the config's, DMCT_WORKERS or 2)",
    })
    .option('retries', { requiresArg: true, type: 'number', describe: 'retries of a failed scenario (the last attempt decides)' })
    .option('shard', {
      requiresArg: true,
      type: 'string',
      describe: 'run shard i of n (i/n); merge the shard reports with dmct report merge',
    })
    .option('timeout', { requiresArg: true, type: 'number', describe: 'time-out of one scenario, in milliseconds' })
    .option('strict', { type: 'boolean', default: false, describe: 'judge every SHOULD departure (a non-strict finding) as a fail' })
    .option('list', {
      type: 'boolean',
      default: false,
      describe: 'print the plan (items, applicability and why, scenarios) and run nothing',
    })
    .option('edition', {
      requiresArg: true,
      type: 'string',
      choices: listEditions(),
      describe:
        "SCR table edition: the embedded reference peers run with their claims of this edition; claims files must name it (default: the claims' edition, else " +
        DEFAULT_EDITION +
        ')',
    })
    .option('fault', {
      type: 'string',
      array: true,
      describe: 'switch a fault on in the embedded reference peer (repeatable; dmct sim faults lists them)',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'print report.json (with --list: the run plan) instead of the console summary',
    })
    .option('progress', {
      choices: PROGRESS_MODES,
      default: 'auto' as ProgressMode,
      describe: 'progress while running: a status line on a terminal (auto), status, one line per scenario (lines), off',
    })
    .option('config', {
      requiresArg: true,
      type: 'string',
      describe: "Playwright config holding the server-target and client-target projects (default: dmct's)",
    })
    .example('$0 run', 'test the embedded reference server and client (a full, conformant report)')
    .example('$0 run --role client --fault accept-wrong-ver', 'a non-conformant report: the reference client with one rule broken')
    .example('$0 run --claims my-server.json --target http://192.0.2.10:8080/dm', 'test a DM server described by its claims')
    .example('$0 run --list --role client', 'show the plan without running it') as unknown as Argv<RunArgs>;
}

/** Turns set-up problems (flags, claims, tables, catalogue) into `dmct: ` lines and exit code 2. */
async function withSetupErrors(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof RunSetupError || err instanceof ScrInputError) {
      const problems = [...err.problems];
      const last = problems.pop();
      for (const problem of problems) process.stderr.write(`dmct: ${problem}\n`);
      throw new UsageError(last ?? err.message);
    }
    throw err;
  }
}

/** A list option given with no value (`--only` alone) would silently mean "everything". */
function requireValues(flag: string, values: readonly string[] | undefined): void {
  if (values !== undefined && values.every((value) => value.split(',').every((part) => part.trim() === ''))) {
    throw new UsageError(`--${flag} needs a value`);
  }
}

const withWorkers = (workers: number | undefined) => (workers === undefined ? {} : { workers });

async function handler(argv: RunArgs): Promise<void> {
  await withSetupErrors(async () => {
    const cwd = process.cwd();
    requireValues('only', argv.only);
    requireValues('claims', argv.claims);
    if (!argv.list && argv.out !== undefined) checkOutputFolder('--out', argv.out);
    const shard = argv.shard === undefined ? undefined : parseShard(argv.shard);
    const workers = checkInteger('workers', argv.workers, 1, 1024);
    const retries = checkInteger('retries', argv.retries, 0, 100);
    const timeoutMs = checkInteger('timeout', argv.timeout, 1);
    const targets = resolveTargets({
      ...(argv.role === undefined ? {} : { role: argv.role }),
      ...(argv.claims === undefined ? {} : { claims: argv.claims }),
      ...(argv['claims-server'] === undefined ? {} : { claimsServer: argv['claims-server'] }),
      ...(argv['claims-client'] === undefined ? {} : { claimsClient: argv['claims-client'] }),
      ...(argv.target === undefined ? {} : { target: argv.target }),
      faults: (argv.fault ?? [])
        .flatMap((f) => f.split(','))
        .map((f) => f.trim())
        .filter((f) => f !== ''),
      ...(argv.edition === undefined ? {} : { edition: argv.edition }),
    });
    const config = argv.config === undefined ? DEFAULT_PLAYWRIGHT_CONFIG : resolve(cwd, argv.config);
    const mode = effectiveMode(argv.progress, process.stderr);
    const reachable = argv.list || targets.embedded ? undefined : preflight(targets.setups);
    reachable?.catch(() => undefined);
    const listing = transientStatus(argv.list ? 'off' : mode, process.stderr, 'dmct run · planning: listing the scenarios…');
    const catalogue = await listScenarios(config, targetProjectPatterns(targets.roles), cwd).finally(listing);
    for (const role of targets.roles) {
      if (catalogue.projects[role].length === 0)
        throw new RunSetupError(
          `${config}: no Playwright project for the ${role} target (name it ${role}-target or set metadata.role, or name it targets and keep its ${role} scenarios under ${role}-target/)`,
        );
    }
    const view = planRun({
      targets,
      scenarios: catalogue.scenarios,
      ...(argv.only === undefined ? {} : { only: argv.only }),
      ...(argv.grep === undefined ? {} : { grep: argv.grep }),
      strict: argv.strict,
    });

    if (argv.list) {
      process.stdout.write(argv.json ? `${JSON.stringify(view.plan, null, 2)}\n` : formatPlan(view, { color: chalk.level > 0 }));
      process.exitCode = EXIT.ok;
      return;
    }

    // Needed only when scenarios will run, but started with the listing, which takes seconds.
    if (view.grep !== undefined && reachable !== undefined) await reachable;
    for (const setup of targets.setups.filter((s) => s.role === 'client' && !s.embedded)) {
      const dmServer = dmServerUrlOf(setup.claims);
      if (dmServer !== undefined && view.grep !== undefined)
        process.stderr.write(`dmct run · client target: its DM account must name dmct's DM server ${dmServer}\n`);
    }
    const { report, outDir } = await executeRun({
      view,
      targets,
      config,
      projects: catalogue.projects,
      outDir: argv.out ?? defaultOutDir(new Date(), cwd),
      cwd,
      ...withWorkers(effectiveWorkers(workers, targets.embedded)),
      ...(retries === undefined ? {} : { retries }),
      ...(shard === undefined ? {} : { shard }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      progress: progressView(mode, view.plan, process.stderr),
      notice: (message) => process.stderr.write(`dmct: ${message}\n`),
      ...(process.stdin.isTTY === true ? { operator: { input: process.stdin, output: process.stderr } } : {}),
    });
    process.stdout.write(argv.json ? `${JSON.stringify(report, null, 2)}\n` : writeConsole(report, { color: chalk.level > 0 }));
    if (!argv.json)
      process.stdout.write(`Report folder: ${displayPath(outDir)} (report.json, junit.xml, index.html, earl.jsonld, ctrf.json)\n`);
    process.exitCode = report.overall.exitCode;
  });
}

/** `dmct run`: the main job — plan, run the scenarios, write the conformance report. */
export const runCommand: CommandModule<object, RunArgs> = {
  ...COMMAND_CATALOG.run,
  builder,
  handler,
};
