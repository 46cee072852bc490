/**
 * Lint step: lists both roles' scenarios as `dmct run` does (src/run/catalogue.ts), so a scenario
 * file that does not load or an unknown SCR tag fails lint. The listing lands in the listing
 * cache, where the coverage tests and `dmct run` find it while no file changes.
 */
import { fileURLToPath } from 'node:url';
import { listScenarios } from '../src/run/catalogue.js';
import { DEFAULT_PLAYWRIGHT_CONFIG, targetProjectPatterns } from '../src/run/playwright-cli.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const catalogue = await listScenarios(DEFAULT_PLAYWRIGHT_CONFIG, targetProjectPatterns(['server', 'client']), ROOT);
if (catalogue.errors.length > 0) {
  process.stderr.write(`playwright test --list: ${catalogue.errors.join('\n')}\n`);
  process.exit(1);
}
if (catalogue.scenarios.length === 0) {
  process.stderr.write('playwright test --list: no scenario listed\n');
  process.exit(1);
}
