/**
 * A cache of Playwright's scenario listing (catalogue.ts). Listing loads every spec file and all
 * it imports, which takes seconds; its result depends only on the files under the config's
 * folder and on Playwright itself. The key is a digest of Playwright's version, the config, the
 * projects, and the path and content of every file under the config's folder (dependencies, VCS
 * data and run output left out), so any edit lists again, and a file only touched (a checkout, a
 * restored CI cache) does not: a hit spawns no Playwright.
 * DMCT_LISTING_CACHE=0 turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { writeFileAtomic } from '../report/index.js';
import { PLAYWRIGHT_VERSION } from './playwright-cli.js';

/** Folders whose contents never change what Playwright lists. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'reports', 'test-results', 'playwright-report', 'blob-report']);
const PREFIX = 'listing-';

export const LISTING_CACHE_ENV = 'DMCT_LISTING_CACHE';

function fingerprintTree(root: string, into: ReturnType<typeof createHash>): void {
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        let content: Buffer;
        try {
          content = readFileSync(path);
        } catch {
          continue;
        }
        into.update(`${relative(root, path)}\0${content.length}\0`).update(content);
      }
    }
  };
  walk(root);
}

/** Where listings are kept: the project's node_modules/.cache/dmct when there is one. */
function cacheFolder(configDir: string): string {
  const modules = join(configDir, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'dmct') : join(tmpdir(), 'dmct-cache');
}

export interface ListingCache {
  /** The cached listing text, if this exact tree was listed before. */
  read(): string | undefined;
  /** Keeps a listing that Playwright produced and dmct accepted (drops older ones). */
  write(listing: string): Promise<void>;
}

/** The cache entry of listing `projects` of `config` (absolute path) as the files are now; undefined when off. */
export function listingCache(config: string, projects: readonly string[], env: NodeJS.ProcessEnv = process.env): ListingCache | undefined {
  if (env[LISTING_CACHE_ENV] === '0') return undefined;
  const configDir = dirname(config);
  const hash = createHash('sha256').update(JSON.stringify([PLAYWRIGHT_VERSION, config, [...projects].sort()]));
  fingerprintTree(configDir, hash);
  const folder = cacheFolder(configDir);
  const file = join(folder, `${PREFIX}${hash.digest('hex').slice(0, 40)}.json`);
  return {
    read: () => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    write: async (listing) => {
      try {
        for (const name of readdirSync(folder)) if (name.startsWith(PREFIX)) rmSync(join(folder, name), { force: true });
      } catch {
        // no folder yet
      }
      await writeFileAtomic(file, listing);
    },
  };
}
