// `npm run build` (and `npm pack`/`npm publish`, through `prepack`): bundles the CLI for a fast
// start of bin/dmct.js, bundles what Playwright loads (config, scenarios, reporters) as JavaScript
// for an installed package, then precompiles the JSON Schema validators (precompile-validators.ts)
// into node_modules/.cache/dmct/validators.
//
// The CLI bundle is dist/cli/main.js plus one chunk per lazily imported command. Our own code and
// the small CLI libraries (yargs, chalk) are bundled: Node 20's ESM loader pays per module, and
// that was most of a short command's start-up.
//
// dist/pw/ mirrors the source layout (dist/pw/playwright.config.js, dist/pw/suites/…/*.spec.js,
// dist/pw/src/report/playwright-reporter.js) plus shared chunks: Playwright compiles no TypeScript
// under node_modules, so an installed dmct runs these (src/run/playwright-cli.ts). Modules find
// dmct's files through src/package-root.ts, which holds wherever the bundler puts them.
//
// msw is bundled into both, so the package has no dependency with an install script a user must
// approve; Playwright, ajv and ajv-formats stay packages. esbuild only strips types; type checking
// is the lint's job.
//
// The stamp gets the build's start time, so a source saved during the build counts as newer and
// bin/dmct.js runs the sources until the next build.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
/** Every scenario file, relative to the root (Node 20 has no fs glob). */
function specFiles(): string[] {
  return (readdirSync(`${root}suites`, { recursive: true }) as string[]).filter((f) => f.endsWith('.spec.ts')).map((f) => `suites/${f}`);
}

const common = {
  absWorkingDir: root,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['@playwright/test', 'playwright', 'playwright-core', 'ajv', 'ajv-formats', 'tsx', 'esbuild', 'fsevents'],
  // Bundled CommonJS dependencies call require(); ESM output has none of its own.
  banner: {
    js: "import { createRequire as __dmctCreateRequire } from 'node:module'; const require = __dmctCreateRequire(import.meta.url);",
  },
} satisfies import('esbuild').BuildOptions;

/**
 * yargs' help layout (cliui, wrap-ansi) measures text with string-width, whose module makes an
 * `Intl.Segmenter` and four Unicode-property regular expressions when it loads: V8's first Intl
 * object builds its set of ICU locales and each `\p{…}` is looked up in ICU, together about a
 * third of a short command's CPU beyond Node's own start, and yargs lays out the help after every
 * command it runs. In the CLI bundle every `string-width` import gets a front that answers
 * printable ASCII itself (its width is its length, as string-width's own first test says) and
 * loads string-width, the hoisted copy, on the first other text (esbuild defers a required ESM
 * module's evaluation to the require). cliui's and wrap-ansi's older copies have the same API.
 */
const lazyStringWidth: import('esbuild').Plugin = {
  name: 'lazy-string-width',
  setup(build) {
    const real = fileURLToPath(import.meta.resolve('string-width'));
    build.onResolve({ filter: /^string-width$/ }, () => ({ path: 'string-width', namespace: 'lazy-string-width' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: [
        'let real;',
        'export default function stringWidth(text, options) {',
        '  if (typeof text === "string" && /^[\\u0020-\\u007E]*$/.test(text)) return text.length;',
        `  real ??= require(${JSON.stringify(real)}).default;`,
        '  return real(text, options);',
        '}',
      ].join('\n'),
    }));
  },
};
await esbuild.build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  chunkNames: '[name]-[hash]',
  plugins: [lazyStringWidth],
});
await esbuild.build({
  ...common,
  entryPoints: ['playwright.config.ts', 'src/report/playwright-reporter.ts', 'src/run/progress-reporter.ts', ...specFiles()],
  outbase: '.',
  outdir: 'dist/pw',
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
});

const precompiled = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/precompile-validators.ts'], { cwd: root, stdio: 'inherit' });
if (precompiled.status !== 0) process.stderr.write('dmct build: precompiling the validators failed; they will be compiled at run time\n');

const stamp = `${dist}.build-stamp`;
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
