/**
 * Builds `playwright test --list --reporter=json` output (the part dmct reads) for planner and
 * catalogue tests, so catalogues come from the same code path as a real listing.
 */
import { catalogueOf, type CatalogueScenario, type PlaywrightList } from '../../../src/run/index.js';

/** One test of a listing: its project, describe titles, title, tags (without `@`) and line. */
export interface ListedTest {
  project: 'server-target' | 'client-target' | 'targets' | 'browser';
  file: string;
  describe?: string;
  title: string;
  tags: string[];
  line: number;
}

/** A listing of the given tests, grouped by file and describe block as Playwright groups them. */
export function listing(tests: readonly ListedTest[], errors: string[] = []): PlaywrightList {
  const files = [...new Set(tests.map((t) => t.file))];
  return {
    config: {
      rootDir: '/repo',
      projects: [
        { name: 'server-target', metadata: { role: 'server' } },
        { name: 'client-target', metadata: { role: 'client' } },
        // dmct's own config: both roles in one project, each scenario's role from its folder.
        { name: 'targets', metadata: {} },
        { name: 'browser', metadata: {} },
      ],
    },
    suites: files.map((file) => {
      const inFile = tests.filter((t) => t.file === file);
      const spec = (t: ListedTest) => ({ title: t.title, tags: t.tags, file, line: t.line, tests: [{ projectName: t.project }] });
      const describes = [...new Set(inFile.flatMap((t) => (t.describe === undefined ? [] : [t.describe])))];
      return {
        title: file,
        file,
        line: 0,
        specs: inFile.filter((t) => t.describe === undefined).map(spec),
        suites: describes.map((title) => ({ title, file, line: 1, specs: inFile.filter((t) => t.describe === title).map(spec) })),
      };
    }),
    errors: errors.map((message) => ({ message })),
  };
}

/** The catalogue scenarios of a listing. */
export function scenariosOf(tests: readonly ListedTest[]): CatalogueScenario[] {
  return catalogueOf(listing(tests)).scenarios;
}

/** A small catalogue of both roles: flow, Package#0 header checks, and a multi-tag scenario. */
export const SAMPLE_TESTS: readonly ListedTest[] = [
  {
    project: 'server-target',
    file: 'suites/server-target/5.2-flow.spec.ts',
    describe: '5.2 Package flow',
    title: 'Package#2 answers Package#1',
    tags: ['5.2/package-flow', '5.2.2/package1'],
    line: 4,
  },
  {
    project: 'server-target',
    file: 'suites/server-target/5.2-flow.spec.ts',
    describe: '5.2 Package flow',
    title: 'Package#2 carries commands',
    tags: ['5.2.3/package2'],
    line: 9,
  },
  {
    project: 'client-target',
    file: 'suites/client-target/5.2.1-package-0.spec.ts',
    describe: '5.2.1 Package#0',
    title: 'notification opens a session',
    tags: ['5.2.1/package0'],
    line: 7,
  },
  {
    project: 'client-target',
    file: 'suites/client-target/5.2.1-package-0.spec.ts',
    describe: '5.2.1 Package#0',
    title: 'VER other than 2 is dropped',
    tags: ['5.2.1.1/ver-header'],
    line: 12,
  },
  {
    project: 'client-target',
    file: 'suites/client-target/5.2.1-package-0.spec.ts',
    describe: '5.2.1 Package#0',
    title: 'OC mismatch is dropped',
    tags: ['5.2.1.1/oc-header', 'slow'],
    line: 20,
  },
  {
    project: 'client-target',
    file: 'suites/client-target/5.2-flow.spec.ts',
    title: 'session with GET',
    tags: ['5.2/package-flow', '5.3.6/get'],
    line: 3,
  },
  {
    project: 'client-target',
    file: 'suites/client-target/5.3-show.spec.ts',
    title: 'SHOW opens a web page',
    tags: ['5.3.7/show'],
    line: 5,
  },
  { project: 'browser', file: 'test/browser/report.spec.ts', title: 'report page', tags: [], line: 1 },
];
