/**
 * The scenarios of both target projects as `dmct run` lists them (src/run/catalogue.ts): one
 * `playwright test --list` for the whole tree, kept in the listing cache, so `npm run lint`, the
 * coverage tests and `dmct run` share one listing while no file changes.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { listScenarios, type CatalogueScenario } from '../../../src/run/catalogue.js';
import { DEFAULT_PLAYWRIGHT_CONFIG, targetProjectPatterns } from '../../../src/run/playwright-cli.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A listed scenario with its tags as Playwright prints them (without the `@`). */
export interface ListedScenario extends Omit<CatalogueScenario, 'tags'> {
  tags: string[];
}

let listing: Promise<ListedScenario[]> | undefined;

/** Every scenario of the role's target project; fails when Playwright reports a load error. */
export async function listedScenarios(role: 'server' | 'client'): Promise<ListedScenario[]> {
  listing ??= listScenarios(DEFAULT_PLAYWRIGHT_CONFIG, targetProjectPatterns(['server', 'client']), ROOT).then((catalogue) => {
    assert.deepEqual(catalogue.errors, []);
    return catalogue.scenarios.map((scenario) => ({ ...scenario, tags: scenario.tags.map((tag) => tag.replace(/^@/, '')) }));
  });
  return (await listing).filter((scenario) => scenario.role === role);
}
