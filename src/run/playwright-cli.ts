/**
 * How `dmct run` talks to Playwright Test: the CLI it spawns (Playwright has no supported
 * programmatic API), the reporters it loads, and the arguments and environment
 * of the one listing and the one test run.
 */
import { createRequire } from 'node:module';
import { OPERATOR_DIR_ENV } from '../harness/operator-relay.js';
import { INSTALLED, packagePath } from '../package-root.js';
import { RUN_ENV } from './run-env.js';
import { PLAN_FILE_ENV, RESULTS_FILE_ENV } from '../report/playwright-reporter.js';
import type { Shard } from '../report/index.js';

const require = createRequire(import.meta.url);

/** Playwright Test's command line, run with this node (no npx: it saves its start-up). */
export const PLAYWRIGHT_CLI: string = require.resolve('@playwright/test/cli');

/** The installed Playwright Test version. */
export const PLAYWRIGHT_VERSION: string = (require('@playwright/test/package.json') as { version: string }).version;

/**
 * A file Playwright loads: the TypeScript source in a checkout (Playwright compiles it), the
 * JavaScript build (dist/pw/, scripts/build.ts) in an installed package, where Playwright
 * compiles nothing under node_modules.
 */
function playwrightFile(source: string): string {
  return INSTALLED ? packagePath(PLAYWRIGHT_BUILD_DIR, source.replace(/\.ts$/, '.js')) : packagePath(source);
}

/** Where scripts/build.ts writes the JavaScript of what Playwright loads, same layout as the sources. */
export const PLAYWRIGHT_BUILD_DIR = 'dist/pw';

/** dmct's scenario configuration (project `targets`: both roles' scenarios, each role's from its folder). */
export const DEFAULT_PLAYWRIGHT_CONFIG: string = playwrightFile('playwright.config.ts');

/**
 * The `--project` patterns that list the scenarios of these roles: a `targets` project (both
 * roles, dmct's own config) and `<role>-target` projects (a config with one project per role).
 * Wildcards, because Playwright refuses an exact name that no project has.
 */
export function targetProjectPatterns(roles: readonly ('server' | 'client')[]): string[] {
  return ['targets*', ...roles.map((role) => `${role}-target*`)];
}

/** The reporter that writes the scenario results (and a first report) for dmct. */
export const RESULTS_REPORTER: string = playwrightFile('src/report/playwright-reporter.ts');

/** The reporter that streams progress events to dmct on the child's stdout. */
export const PROGRESS_REPORTER: string = playwrightFile('src/run/progress-reporter.ts');

/** Arguments that list every test of the given projects as JSON, running nothing. */
export function listArguments(config: string, projects: readonly string[]): string[] {
  return ['test', '--config', config, '--list', '--reporter=json', ...projects.flatMap((p) => ['--project', p])];
}

/** What the one test run is asked to do. */
export interface TestRunArguments {
  config: string;
  projects: readonly string[];
  /** A regular expression literal (`/…/flags`) selecting the planned scenarios. */
  grep: string;
  /** Folder for Playwright's own artifacts (kept apart from other runs). */
  outputDir: string;
  workers?: number;
  retries?: number;
  shard?: Shard;
  timeoutMs?: number;
}

/** Arguments of the test run: both reporters, the selection, and the pass-through options. */
export function testArguments(run: TestRunArguments): string[] {
  const args = [
    'test',
    '--config',
    run.config,
    ...run.projects.flatMap((p) => ['--project', p]),
    '--grep',
    run.grep,
    '--reporter',
    `${RESULTS_REPORTER},${PROGRESS_REPORTER}`,
    '--output',
    run.outputDir,
  ];
  if (run.workers !== undefined) args.push('--workers', String(run.workers));
  if (run.retries !== undefined) args.push('--retries', String(run.retries));
  if (run.shard) args.push(`--shard=${run.shard.current}/${run.shard.total}`);
  if (run.timeoutMs !== undefined) args.push('--timeout', String(run.timeoutMs));
  return args;
}

/** Environment variables of the scenario workers (fixtures/run-config.ts) and of the reporters. */
export interface RunEnvironment {
  planFile: string;
  resultsFile: string;
  claims: Partial<Record<'server' | 'client', string>>;
  /** The folder relative paths in a role's claims resolve against, when not the claims file's own. */
  claimsDirs?: Partial<Record<'server' | 'client', string>>;
  embedded: boolean;
  faults: readonly string[];
  edition: string;
  /** The operator folder the `dmct run` at a terminal watches (operator-desk.ts). */
  operatorDir?: string;
}

/** The variables `dmct run` sets for its Playwright child, on top of its own environment. */
export function runEnvironment(run: RunEnvironment): Record<string, string> {
  const env: Record<string, string> = {
    [PLAN_FILE_ENV]: run.planFile,
    [RESULTS_FILE_ENV]: run.resultsFile,
    [RUN_ENV.embedded]: run.embedded ? '1' : '0',
    [RUN_ENV.faults]: run.faults.join(','),
    [RUN_ENV.edition]: run.edition,
    FORCE_COLOR: '0',
  };
  if (run.operatorDir !== undefined) env[OPERATOR_DIR_ENV] = run.operatorDir;
  if (run.claims.server !== undefined) env[RUN_ENV.claimsServer] = run.claims.server;
  if (run.claims.client !== undefined) env[RUN_ENV.claimsClient] = run.claims.client;
  if (run.claimsDirs?.server !== undefined) env[RUN_ENV.claimsDirServer] = run.claimsDirs.server;
  if (run.claimsDirs?.client !== undefined) env[RUN_ENV.claimsDirClient] = run.claimsDirs.client;
  return env;
}
