/**
 * `npm run test:unit`: runs test/unit/**\/*.test.ts in one test process per core instead of one
 * per file. Each process (scripts/unit-shard.ts) takes the next file nobody has taken from a
 * shared queue and imports it inside a suite named after it, so its hooks and tests stay its own;
 * loading tsx and the modules under test once per process instead of once per file was most of
 * the tier's CPU. A file marked OWN_PROCESS_MARK runs alone in its own process, as before.
 * Every process starts with the in-process guard (scripts/unit-in-process-guard.ts); the spec
 * report goes to stderr, TAP to stdout, and the exit code is the test runner's.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLAIMS_FOLDER, QUEUE_FILE, UNIT_QUEUE_ENV } from './unit-shard.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * A unit test file that holds this line runs in a process of its own: it tests what loading a
 * module does to process-wide state, which the other files of a shared process would have loaded.
 */
export const OWN_PROCESS_MARK = '// unit tier: own process';

/** Every unit test file, relative to the root, sorted (Node 20 has no fs glob). */
function unitTestFiles(): string[] {
  return (readdirSync(join(ROOT, 'test/unit'), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `test/unit/${file}`)
    .sort();
}

const files = unitTestFiles();
const own = files.filter((file) => readFileSync(join(ROOT, file), 'utf8').includes(OWN_PROCESS_MARK));
const shared = files.filter((file) => !own.includes(file));
const slots = Math.max(1, availableParallelism());

const queue = mkdtempSync(join(tmpdir(), 'dmct-unit-'));
mkdirSync(join(queue, CLAIMS_FOLDER));
writeFileSync(join(queue, QUEUE_FILE), JSON.stringify(shared.map((file) => join(ROOT, file))));
// node:test runs files; each shard is a file that loads the shard module.
const shardModule = pathToFileURL(fileURLToPath(new URL('./unit-shard.ts', import.meta.url))).href;
const shards = Array.from({ length: Math.min(slots, shared.length) }, (_, index) => {
  const file = join(queue, `shard-${index + 1}.mjs`);
  writeFileSync(file, `import ${JSON.stringify(shardModule)};\n`);
  return file;
});

const args = [
  '--import',
  'tsx',
  '--import',
  './scripts/unit-in-process-guard.ts',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stderr',
  '--test-reporter=tap',
  '--test-reporter-destination=stdout',
  `--test-concurrency=${slots}`,
  // The few own-process files first: a shard that starts later still finds work in the queue.
  ...own,
  ...shards,
];
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, [UNIT_QUEUE_ENV]: queue } });
  child.on('error', () => resolve(127));
  child.on('close', (exit, signal) => resolve(exit ?? (signal ? 128 : 1)));
});
// A shard that left early (a test calling process.exit) must not leave files unrun unnoticed.
const taken = readdirSync(join(queue, CLAIMS_FOLDER)).length;
rmSync(queue, { recursive: true, force: true });
if (taken < shared.length) {
  process.stderr.write(`unit tier: ${shared.length - taken} of ${shared.length} test files were never run\n`);
  process.exit(code === 0 ? 1 : code);
}
process.exit(code);
