#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (built by `npm run build`, and by `npm pack` for the
// package) when it is at least as new as every file under src/; otherwise — an edited checkout,
// or no build — the TypeScript sources through tsx, so dmct never runs stale code.
// DMCT_FROM_SOURCE=1 forces the sources. An installed package has no tsx (a development
// dependency): it always runs dist/, which its tarball ships. Start-up time matters here: `dmct scr check` is meant to sit in pre-commit hooks.
import { readdirSync, statSync } from 'node:fs';

const BUILD_STAMP = new URL('../dist/.build-stamp', import.meta.url);
const SOURCES = new URL('../src/', import.meta.url);

/** Newest modification time under `dir`, or Infinity when it cannot be read. */
function newestMtimeMs(dir) {
  let newest = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
    }
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return newest;
}

function builtIsFresh() {
  if (process.env.DMCT_FROM_SOURCE === '1') return false;
  try {
    return statSync(BUILD_STAMP).mtimeMs >= newestMtimeMs(SOURCES);
  } catch {
    return false;
  }
}

/** tsx's loader, or undefined when it is not installed (an installed package). */
async function tsxLoader() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const tsx = builtIsFresh() ? undefined : await tsxLoader();
if (tsx === undefined) {
  await import('../dist/cli/main.js');
} else {
  tsx.register();
  await import('../src/cli/main.ts');
}
