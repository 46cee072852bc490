/**
 * `npm test`: runs the test tiers (each an npm script) in stages, stops after the first stage in
 * which a tier fails, and prints how long each tier took at the end — so a slow tier shows in every
 * CI log. An argument `a+b` is one stage whose tiers run side by side (scripts/side-by-side.ts:
 * their output still comes out tier by tier): a tier that waits on deadlines or spawns leaves a
 * core idle for the other.
 * Usage: node --import tsx scripts/test-tiers.ts <script>[+<script>…]…
 */
import { type Job, type JobResult, runSideBySide } from './side-by-side.js';

function tierJob(script: string): Job {
  const npm = process.env['npm_execpath'];
  // Under npm, re-use the npm that started us; otherwise the one on PATH.
  const [command, args] = npm ? [process.execPath, [npm, 'run', '--silent', script]] : ['npm', ['run', '--silent', script]];
  return { name: script, command, args };
}

function format(times: readonly JobResult[], wall: number): string {
  const total = 'total (wall)';
  const width = Math.max(...times.map((t) => t.name.length), total.length);
  const line = (name: string, seconds: number, note = '') => `  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(7)} s${note}`;
  return ['test tiers:', ...times.map((t) => line(t.name, t.seconds, t.code === 0 ? '' : `  (exit ${t.code})`)), line(total, wall)].join(
    '\n',
  );
}

const stages = process.argv.slice(2).map((stage) => stage.split('+').filter((script) => script !== ''));
if (stages.length === 0 || stages.some((stage) => stage.length === 0)) {
  process.stderr.write('usage: test-tiers.ts <npm script>[+<npm script>…]…\n');
  process.exit(2);
}
const started = performance.now();
const times: JobResult[] = [];
let failed = 0;
for (const stage of stages) {
  const stageTimes = await runSideBySide(stage.map(tierJob), stage.length);
  times.push(...stageTimes);
  failed = stageTimes.find((time) => time.code !== 0)?.code ?? 0;
  if (failed !== 0) break;
}
process.stdout.write(`\n${format(times, (performance.now() - started) / 1000)}\n`);
process.exit(failed);
