/**
 * `npm test`: runs the test tiers in order (each an npm script), stops at the first that fails, and
 * prints how long each tier took at the end — so a slow tier shows in every CI log.
 * Usage: node --import tsx scripts/test-tiers.ts <script>…
 */
import { spawn } from 'node:child_process';

interface TierTime {
  script: string;
  seconds: number;
  code: number;
}

function runScript(script: string): Promise<number> {
  const npm = process.env['npm_execpath'];
  // Under npm, re-use the npm that started us; otherwise the one on PATH.
  const [command, args] = npm ? [process.execPath, [npm, 'run', '--silent', script]] : ['npm', ['run', '--silent', script]];
  return new Promise((resolve) => {
    const child = spawn(command, args as string[], { stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function format(times: readonly TierTime[]): string {
  const width = Math.max(...times.map((t) => t.script.length));
  const total = times.reduce((sum, t) => sum + t.seconds, 0);
  const line = (name: string, seconds: number, note = '') => `  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(7)} s${note}`;
  return [
    'test tiers:',
    ...times.map((t) => line(t.script, t.seconds, t.code === 0 ? '' : `  (exit ${t.code})`)),
    line('total', total),
  ].join('\n');
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write('usage: test-tiers.ts <npm script>…\n');
  process.exit(2);
}
const times: TierTime[] = [];
let failed = 0;
for (const script of scripts) {
  const started = performance.now();
  const code = await runScript(script);
  times.push({ script, seconds: (performance.now() - started) / 1000, code });
  if (code !== 0) {
    failed = code;
    break;
  }
}
process.stdout.write(`\n${format(times)}\n`);
process.exit(failed);
