/**
 * The scenario catalogue: every test of the target projects with its role, stable id, titles,
 * rule tags and location, read once from `playwright test --list --reporter=json` (which runs
 * nothing). Tags come without the `@` there; the ids are the reporter's (scenarioSlug).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { formatViolation } from '../protocol/json-schema.js';
import { rulesOfTags, scenarioSlug } from '../report/index.js';
import { roleOfProject } from '../report/playwright-reporter.js';
import type { Role } from '../report/index.js';
import { BoundedText } from './bounded-text.js';
import { RunSetupError } from './errors.js';
import { listingCache } from './listing-cache.js';
import { listArguments, PLAYWRIGHT_CLI } from './playwright-cli.js';
import type { ListedSuite, PlaywrightList } from './schemas/playwright-list.schema.js';
import { validatePlaywrightList } from './validate.js';

/** One scenario as listed: a test of a target project. */
export interface CatalogueScenario {
  role: Role;
  project: string;
  /** scenarioSlug of `titles`: the id results and reports use. */
  id: string;
  /** Describe titles below the file, then the test title. */
  titles: string[];
  /** `titles` joined with ` › `, as the report shows it. */
  title: string;
  /** Relative to the Playwright config's folder. */
  file: string;
  line: number;
  /** Every tag, with its `@`. */
  tags: string[];
  /** The rule keys the tags name (what the scenario proves; the edition maps them to items). */
  rules: string[];
  /** The text Playwright matches `--grep` against: project, file, titles, tags. */
  grepText: string;
}

/** What the listing found. */
export interface Catalogue {
  scenarios: CatalogueScenario[];
  /** Target projects per role, in config order. */
  projects: Record<Role, string[]>;
  /** Playwright's load errors (a spec file that does not compile, a bad config). */
  errors: string[];
}

/** Playwright's way of saying that the listed projects hold no test: an empty catalogue, not an error. */
const NO_TESTS = /^Error: No tests found/;

function scenariosOfSuite(suite: ListedSuite, titles: string[], projectRoles: Map<string, Role>, into: CatalogueScenario[]): void {
  for (const spec of suite.specs) {
    const specTitles = [...titles, spec.title];
    const tags = spec.tags.map((tag) => (tag.startsWith('@') ? tag : `@${tag}`));
    for (const test of spec.tests) {
      const role = projectRoles.get(test.projectName);
      if (!role) continue;
      into.push({
        role,
        project: test.projectName,
        id: scenarioSlug(specTitles),
        titles: specTitles,
        title: specTitles.join(' › '),
        file: spec.file,
        line: spec.line,
        tags,
        rules: rulesOfTags(tags),
        grepText: ['', test.projectName, spec.file, ...specTitles, ...tags].join(' '),
      });
    }
  }
  for (const child of suite.suites ?? []) scenariosOfSuite(child, [...titles, child.title], projectRoles, into);
}

/** The catalogue of a validated listing (pure). Projects without a target role are left out. */
export function catalogueOf(list: PlaywrightList): Catalogue {
  const projectRoles = new Map<string, Role>();
  const projects: Record<Role, string[]> = { server: [], client: [] };
  for (const project of list.config.projects) {
    const role = roleOfProject({ name: project.name, metadata: project.metadata as Record<string, unknown> | undefined });
    if (!role) continue;
    projectRoles.set(project.name, role);
    projects[role].push(project.name);
  }
  const scenarios: CatalogueScenario[] = [];
  // A top-level suite is a file: its title is not part of a scenario's titles.
  for (const file of list.suites) scenariosOfSuite(file, [], projectRoles, scenarios);
  const errors = (list.errors ?? [])
    .map((e) => {
      const where = e.location?.file ? ` (${e.location.file}${e.location.line ? `:${e.location.line}` : ''})` : '';
      return `${(e.message ?? 'unknown error').split('\n')[0] ?? ''}${where}`;
    })
    .filter((message) => !NO_TESTS.test(message));
  return { scenarios, projects, errors };
}

/** Largest listing accepted, in characters (a catalogue of thousands of tests is far smaller). */
const MAX_LISTING_CHARS = 64 * 1024 * 1024;
/** Longest a listing may take before dmct gives up on it. */
const LISTING_TIMEOUT_MS = 180_000;

/**
 * Lists the tests of the given projects of a Playwright config by spawning
 * `playwright test --list --reporter=json`. Throws RunSetupError when Playwright cannot load the
 * config or a spec file, or prints something that is not a listing.
 */
export async function listScenarios(config: string, projects: readonly string[], cwd: string = process.cwd()): Promise<Catalogue> {
  const cache = listingCache(resolve(cwd, config), projects);
  const cached = cache?.read();
  if (cached !== undefined) {
    const catalogue = catalogueOfListing(cached);
    if (catalogue !== undefined) return catalogue;
  }
  const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, [PLAYWRIGHT_CLI, ...listArguments(config, projects)], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: LISTING_TIMEOUT_MS,
    });
    let out = '';
    let tooLong = false;
    const err = new BoundedText(16 * 1024);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (out.length + chunk.length > MAX_LISTING_CHARS) {
        tooLong = true;
        child.kill();
      } else out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.append(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      if (tooLong) reject(new RunSetupError(`playwright test --list (${config}): printed more than ${MAX_LISTING_CHARS} characters`));
      else resolve({ stdout: out, stderr: err.text(), code: exitCode });
    });
  });
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    const firstLine = (stderr.trim() || stdout.trim()).split('\n')[0] ?? '';
    throw new RunSetupError(
      `${config}: Playwright could not list the scenarios (exit ${code ?? 'by signal'}): ${firstLine || 'no output'}`,
    );
  }
  const checked = validatePlaywrightList(data);
  if (!checked.ok) {
    throw new RunSetupError(checked.violations.map((v) => formatViolation(`playwright test --list (${config})`, v)));
  }
  const catalogue = catalogueOf(checked.value);
  if (catalogue.errors.length > 0)
    throw new RunSetupError(catalogue.errors.map((e) => `${config}: Playwright could not load the scenarios: ${e}`));
  // A cache that cannot be written (a read-only checkout) only costs the next run its listing.
  await cache?.write(stdout).catch(() => undefined);
  return catalogue;
}

/** The catalogue of a cached listing, or undefined when the entry is unusable (then dmct lists again). */
function catalogueOfListing(text: string): Catalogue | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const checked = validatePlaywrightList(data);
  if (!checked.ok) return undefined;
  const catalogue = catalogueOf(checked.value);
  return catalogue.errors.length > 0 ? undefined : catalogue;
}
