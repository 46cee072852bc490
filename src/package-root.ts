/**
 * dmct's own files (scr/, fixtures/claims/, package.json, the Playwright config) found from the
 * package folder, wherever the running module sits: in src/ from a checkout, in the bundled CLI
 * (dist/cli/) or in the JavaScript build of the scenarios (dist/pw/…, deeper), where the build may
 * inline a module into a file of another folder, so a fixed `../../` would be wrong.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'dmct';

function isDmctPackage(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** The nearest folder at or above `start` holding dmct's package.json. */
export function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isDmctPackage(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`dmct: no dmct package.json above ${start}`);
  }
}

/** dmct's package folder. */
export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside dmct's package folder. */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

/** dmct's package.json version. */
export const DMCT_VERSION: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

/**
 * dmct runs from an installed package (somewhere under node_modules/), where Playwright loads
 * files as they are, without compiling TypeScript: the scenarios run from their JavaScript build.
 */
export const INSTALLED: boolean = PACKAGE_ROOT.split(sep).includes('node_modules');
