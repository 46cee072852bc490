/**
 * The scenario catalogue: every test of the target projects with its role, stable id, titles,
 * rule tags and location, read once from `playwright test --list --reporter=json` (which runs
 * nothing). Tags come without the `@` there; the ids are the reporter's (scenarioSlug).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { formatViolation } from '../protocol/json-schema.js';
import { rulesOfTags, scenarioSlug } from '../report/index.js';
import { roleFolderOf } from '../report/contract.js';
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
  /**
   * The start of Playwright's grep text shared by the scenarios of this role in this project (after
   * the root suite's empty title): the project name and a space when the project tests one role,
   * else the project name and the file's path up to its role folder (`targets suites/server-target/`).
   */
  selector: string;
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
  /** Target projects per role, in config order (a project testing both roles is in both). */
  projects: Record<Role, string[]>;
  /** Playwright's load errors (a spec file that does not compile, a bad config). */
  errors: string[];
}

/** Playwright's way of saying that the listed projects hold no test: an empty catalogue, not an error. */
const NO_TESTS = /^Error: No tests found/;

/** The role of a listed test and its grep selector: its project's role, else its file's folder's. */
function roleOfListed(
  projectName: string,
  file: string,
  projectRoles: ReadonlyMap<string, Role>,
): { role: Role; selector: string } | undefined {
  const declared = projectRoles.get(projectName);
  if (declared !== undefined) return { role: declared, selector: `${projectName} ` };
  // Only the role folder itself: the listing names the file relative to its root directory, which
  // differs from the test directory Playwright's grep text starts from (an installed package lists
  // `../../suites/server-target/…`, its grep text has `server-target/…`).
  const byFolder = roleFolderOf(file);
  return byFolder === undefined ? undefined : { role: byFolder.role, selector: `${projectName} ${byFolder.role}-target/` };
}

function scenariosOfSuite(suite: ListedSuite, titles: string[], projectRoles: Map<string, Role>, into: CatalogueScenario[]): void {
  for (const spec of suite.specs) {
    const specTitles = [...titles, spec.title];
    const tags = spec.tags.map((tag) => (tag.startsWith('@') ? tag : `@${tag}`));
    for (const test of spec.tests) {
      const listed = roleOfListed(test.projectName, spec.file, projectRoles);
      if (!listed) continue;
      into.push({
        role: listed.role,
        project: test.projectName,
        selector: listed.selector,
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

/**
 * The catalogue of a validated listing (pure). A project's scenarios are of its role
 * (roleOfProject), or — a project naming none — of their file's folder's; tests of neither are left out.
 */
export function catalogueOf(list: PlaywrightList): Catalogue {
  const projectRoles = new Map<string, Role>();
  for (const project of list.config.projects) {
    const role = roleOfProject({ name: project.name, metadata: project.metadata as Record<string, unknown> | undefined });
    if (role) projectRoles.set(project.name, role);
  }
  const scenarios: CatalogueScenario[] = [];
  // A top-level suite is a file: its title is not part of a scenario's titles.
  for (const file of list.suites) scenariosOfSuite(file, [], projectRoles, scenarios);
  const projects: Record<Role, string[]> = { server: [], client: [] };
  for (const project of list.config.projects) {
    for (const role of ['server', 'client'] as const) {
      const declared = projectRoles.get(project.name);
      if (declared === role || (declared === undefined && scenarios.some((s) => s.role === role && s.project === project.name)))
        projects[role].push(project.name);
    }
  }
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
