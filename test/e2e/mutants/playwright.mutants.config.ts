/**
 * The mutant matrices of both roles in ONE Playwright invocation: each role's suite runs against
 * its embedded reference peer clean and with each fault switch on. DMCT_MUTANT_MATRIX makes the
 * role fixtures register every suite once per fault set, in a group carrying the `dmct-faults`
 * annotation (fixtures/mutant-groups.ts); each worker keeps one peer per fault set it meets
 * (fixtures/target-pool.ts). dmct's reporter writes every result to DMCT_RESULTS_FILE.
 * DMCT_MUTANT_ROLE (`server` or `client`) limits it to one role; DMCT_MUTANT_FAULTS (comma list)
 * limits the fault sets, for a quick look at a few.
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { MARK_DECLARED_FAILURES } from '../../../fixtures/mutant-expectations.js';
import { faultGroupsGrep, matrixFaultSets, MUTANT_MATRIX_ENV } from '../../../fixtures/mutant-groups.js';
import { CRASH_MARKER_DIR_ENV } from '../../../src/reference/client/crash-marker.js';
import type { FaultRole } from '../../../src/reference/faults/index.js';

const roleEnv = process.env['DMCT_MUTANT_ROLE'];
const roles: FaultRole[] = roleEnv === 'server' || roleEnv === 'client' ? [roleEnv] : ['server', 'client'];
const workers = Number(process.env['DMCT_WORKERS'] ?? availableParallelism());

// Set in the runner before its workers start (they inherit both):
// the role fixtures group the suites by fault set,
process.env[MUTANT_MATRIX_ENV] = '1';
// and one crash marker folder per run keeps a reference client that crashed down when
// Playwright replaces its worker.
process.env[CRASH_MARKER_DIR_ENV] ??= mkdtempSync(join(tmpdir(), 'dmct-crash-'));

/**
 * A role's fault sets dealt to as many projects as there are worker slots, each project run by
 * ONE worker in file order: a fault set's scenarios then meet one peer in the order a single
 * worker of its own would (a fault whose effect outlives a scenario, a crash, needs that), and a
 * worker process — Playwright, the harness — is started per project, not per fault switch:
 * starting workers was most of the matrix's cost. With both roles, the slots run the server
 * projects side by side, then the client ones.
 */
function roleProjects(role: FaultRole) {
  const sets = matrixFaultSets(role);
  const shards = Math.max(1, Math.min(sets.length, workers));
  return Array.from({ length: shards }, (_, shard) => ({
    name: `${role}-matrix-${shard + 1}`,
    testDir: `../../../suites/${role}-target`,
    workers: 1,
    grep: faultGroupsGrep(sets.filter((_, index) => index % shards === shard)),
    metadata: { role, [MARK_DECLARED_FAILURES]: true },
  }));
}

export default defineConfig({
  timeout: 30_000,
  // The matrix is CPU-bound now that absence waits end on the embedded peer's word.
  workers,
  retries: 0,
  outputDir: process.env['DMCT_MUTANT_OUTPUT'] ?? '../../../test-results/mutants',
  reporter: [['../../../src/report/playwright-reporter.ts']],
  projects: roles.flatMap(roleProjects),
});
