/**
 * The mutant matrices of both roles in ONE Playwright invocation: per role a
 * clean project plus one project per fault switch of the role's reference peer, each running the
 * role's suite against the embedded peer with that one switch on (project metadata `faults`).
 * dmct's reporter writes every result to DMCT_RESULTS_FILE; each result carries the `dmct-faults`
 * annotation of its project. DMCT_MUTANT_ROLE (`server` or `client`) limits it to one role;
 * DMCT_MUTANT_FAULTS (comma list) limits the fault projects, for a quick look at a few.
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { MARK_DECLARED_FAILURES } from '../../../fixtures/mutant-expectations.js';
import { CRASH_MARKER_DIR_ENV } from '../../../src/reference/client/crash-marker.js';
import { faultsOfRole, type FaultRole } from '../../../src/reference/faults/index.js';

const roleEnv = process.env['DMCT_MUTANT_ROLE'];
const roles: FaultRole[] = roleEnv === 'server' || roleEnv === 'client' ? [roleEnv] : ['server', 'client'];
const only = (process.env['DMCT_MUTANT_FAULTS'] ?? '').split(',').filter((name) => name !== '');

// One crash marker folder per run, fixed in the runner before its workers start (they inherit it):
// a reference client that crashed stays down when Playwright replaces its worker.
process.env[CRASH_MARKER_DIR_ENV] ??= mkdtempSync(join(tmpdir(), 'dmct-crash-'));

/**
 * Each project runs its files in one worker, in file order (a fault whose effect outlives a worker,
 * a crash, needs that), and the projects run side by side: a worker process — Playwright, the
 * harness, the embedded peer — is started once per project instead of once per project and
 * worker slot, and starting workers is most of the matrix's cost.
 */
function roleProjects(role: FaultRole) {
  const faults = faultsOfRole(role).filter((fault) => only.length === 0 || only.includes(fault.name));
  const testDir = `../../../suites/${role}-target`;
  return [
    { name: `${role}-clean`, testDir, workers: 1, metadata: { role, faults: [] } },
    ...faults.map((fault) => ({
      name: `${role}-${fault.name}`,
      testDir,
      workers: 1,
      metadata: { role, faults: [fault.name], [MARK_DECLARED_FAILURES]: true },
    })),
  ];
}

export default defineConfig({
  timeout: 30_000,
  // The matrix is CPU-bound (worker start-up) now that absence waits end on the embedded peer's word.
  workers: Number(process.env['DMCT_WORKERS'] ?? availableParallelism()),
  retries: 0,
  outputDir: process.env['DMCT_MUTANT_OUTPUT'] ?? '../../../test-results/mutants',
  reporter: [['../../../src/report/playwright-reporter.ts']],
  projects: roles.flatMap(roleProjects),
});
