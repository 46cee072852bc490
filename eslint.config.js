// @ts-check
import tseslint from 'typescript-eslint';

const ioModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'dgram', 'child_process', 'http2', 'tls'].flatMap((m) => [m, `node:${m}`]);

/**
 * The layers of dmct, lowest first, and the folders each one may not import (README
 * "Architecture"). Every src/ folder, fixtures/ and suites/ is listed. A relative import is
 * matched by the first folder it names after its `../` steps (and an optional `src/`), so
 * `../../harness/x.js` is "harness" from anywhere; `except` lists the paths below a forbidden
 * folder that stay allowed.
 */
const layers = [
  // The wire model is pure: no I/O and nothing else of dmct.
  {
    folder: 'src/protocol',
    forbidden: ['build', 'report', 'scr', 'transport', 'harness', 'reference', 'load', 'run', 'cli'],
    why: 'src/protocol imports nothing else of dmct.',
  },
  {
    folder: 'src/build',
    forbidden: ['report', 'scr', 'transport', 'harness', 'reference', 'load', 'run', 'cli'],
    why: 'src/build sees src/protocol only.',
  },
  // The reporter reads SCR item ids with the one item-id grammar of src/scr.
  {
    folder: 'src/report',
    forbidden: ['transport', 'harness', 'reference', 'load', 'run', 'cli'],
    why: 'src/report sees src/protocol, src/build and src/scr only.',
  },
  // The claims check validates trigger templates with the renderer's own placeholder rule.
  {
    folder: 'src/scr',
    forbidden: ['report', 'transport', 'harness', 'reference', 'load', 'run', 'cli'],
    except: ['harness/template.js'],
    why: 'src/scr sees src/protocol (and the template rule) only.',
  },
  // Transport records into the evidence model's types, and knows nothing of judging or of the peers.
  {
    folder: 'src/transport',
    forbidden: ['build', 'report', 'scr', 'harness', 'reference', 'load', 'run', 'cli'],
    except: ['report/schemas/'],
    why: 'src/transport sees src/protocol and the evidence types only.',
  },
  {
    folder: 'src/harness',
    forbidden: ['build', 'scr', 'reference', 'load', 'run', 'cli'],
    why: "src/harness (the judge's engines) never uses the reference peers.",
  },
  {
    folder: 'src/reference',
    forbidden: ['build', 'report', 'scr', 'harness', 'load', 'run', 'cli'],
    why: 'src/reference (the peers) shares only src/protocol and src/transport with the judge.',
  },
  // The passive judge reads captures with the protocol model and reports with the reporter; the
  // live monitor relays traffic with the transport layer.
  {
    folder: 'src/monitor',
    forbidden: ['build', 'harness', 'reference', 'load', 'run', 'cli'],
    // The interop matrix starts each pair's session with the client's claims trigger.
    except: ['harness/triggers.js', 'harness/trace-recorder.js', 'harness/template.js'],
    why: 'src/monitor sees src/protocol, src/transport, src/scr and src/report only (and the trigger runner).',
  },
  { folder: 'src/load', forbidden: ['build', 'scr', 'run', 'cli'], why: 'src/load sits below src/run and src/cli.' },
  { folder: 'src/run', forbidden: ['load', 'cli'], why: 'src/run sits below src/cli.' },
  { folder: 'src/cli', forbidden: [], why: '' },
  // Workers read the run's environment contract; nothing else of the runner.
  {
    folder: 'fixtures',
    forbidden: ['load', 'run', 'cli'],
    except: ['run/run-env.js'],
    why: 'fixtures/ hand scenarios the harness, never the runner.',
  },
];

/** A pattern matching relative imports whose first folder is one of `folders`, except `except`. */
function importsOf(folders, except = []) {
  const allowed = except.map((path) => `(?!${path.replace(/[.]/g, '\\.')})`).join('');
  return `^(?:\\.\\.?/)+(?:src/)?${allowed}(?:${folders.join('|')})/`;
}

const layerBoundaries = [
  ...layers.map(({ folder, forbidden, except, why }) => {
    const patterns = [
      ...(forbidden.length === 0 ? [] : [{ regex: importsOf(forbidden, except), message: why }]),
      ...(folder.startsWith('src/')
        ? [
            {
              regex: importsOf(['fixtures', 'suites', 'test', 'scripts', 'bench']),
              message: 'src/ never imports scenarios, fixtures, tests or scripts.',
            },
          ]
        : []),
    ];
    const paths = folder === 'src/protocol' ? ioModules.map((name) => ({ name, message: 'src/protocol is pure: no I/O.' })) : [];
    return { files: [`${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
  }),
  {
    // Scenarios see the harness only through fixtures/.
    files: ['suites/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/*', '**/src/**'], message: 'suites/ import fixtures/ only.' }] }],
    },
  },
];

/**
 * Scenarios and fixtures name rules (`<section>/<slug>`), never an SCR item id: the item of a
 * finding is the run edition's item holding the rule (fixtures/verify.ts), so an item id written
 * in a check would be wrong under another edition's numbering.
 */
const ITEM_ID = String.raw`/DM-[A-Z]+-\d{3}-[CS]-[MO0]/`;
const ITEM_ID_MESSAGE =
  'Name a rule key (`<section>/<slug>`, scr/<edition>/rules.json), not an SCR item id: the run edition gives the item.';
const noItemIds = {
  files: ['suites/**/*.ts', 'fixtures/**/*.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: `Literal[value=${ITEM_ID}]`, message: ITEM_ID_MESSAGE },
      { selector: `TemplateElement[value.raw=${ITEM_ID}]`, message: ITEM_ID_MESSAGE },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'reports/**', 'test-results/**', 'playwright-report/**', '**/*.schema.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test runs describe/it itself; their promises are not for the test file to await.
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layer boundaries (README "Architecture"): each folder names what it may NOT import.
  ...layerBoundaries,
  noItemIds,
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
