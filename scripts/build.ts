// `npm run build` (and `npm install`, through `prepare`): bundles the CLI for a fast start of
// bin/dmct.js, then precompiles the JSON Schema validators (precompile-validators.ts) into
// node_modules/.cache/dmct/validators.
//
// The bundle is dist/cli/main.js plus one chunk per lazily imported command. Every dmct module
// finds its files relative to itself two folders below the project root (`../../scr/`,
// `../../package.json`, …), and so does every file of dist/cli/, so those paths hold unchanged.
// Our own code and the small CLI libraries (yargs, chalk) are bundled: Node 20's ESM loader pays
// per module, and that was most of a short command's start-up. Playwright, msw, ajv and tsx stay
// packages. esbuild only strips types; type checking is the lint's job.
//
// The stamp gets the build's start time, so a source saved during the build counts as newer and
// bin/dmct.js runs the sources until the next build.
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

let esbuild: typeof import('esbuild');
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('dmct build: esbuild is not installed (a production install); bin/dmct.js will run the sources through tsx\n');
  process.exit(0);
}

const started = new Date();
rmSync(dist, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  external: ['@playwright/test', 'playwright', 'playwright-core', 'msw', 'ajv', 'ajv-formats', 'tsx', 'esbuild', 'fsevents'],
  // Bundled CommonJS dependencies call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __dmctCreateRequire } from 'node:module'; const require = __dmctCreateRequire(import.meta.url);" },
});

const precompiled = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/precompile-validators.ts'], { cwd: root, stdio: 'inherit' });
if (precompiled.status !== 0) process.stderr.write('dmct build: precompiling the validators failed; they will be compiled at run time\n');

const stamp = `${dist}.build-stamp`;
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
