/**
 * Runs commands side by side, a few at a time, and keeps their output readable: it comes out
 * command by command, in the order given — the first unfinished command streams, each later one is
 * held until those before it have ended. Used by `npm run lint` (scripts/lint.ts).
 */
import { spawn } from 'node:child_process';

/** One command to run. */
export interface Job {
  name: string;
  command: string;
  args: readonly string[];
}

/** How a command ended, and how long it ran. */
export interface JobResult {
  name: string;
  seconds: number;
  code: number;
}

interface Running {
  held: Buffer[];
  live: boolean;
  done: Promise<JobResult>;
}

function start(job: Job, live: boolean): Running {
  const started = performance.now();
  const child = spawn(job.command, job.args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  const running: Running = { held: [], live, done: Promise.resolve({ name: job.name, seconds: 0, code: 0 }) };
  // Held output keeps its order across stdout and stderr, and goes to stdout when released.
  const out = (chunk: Buffer) => (running.live ? process.stdout.write(chunk) : running.held.push(chunk));
  child.stdout?.on('data', out);
  child.stderr?.on('data', out);
  running.done = new Promise((resolve) => {
    const end = (code: number) => resolve({ name: job.name, seconds: (performance.now() - started) / 1000, code });
    child.on('error', (error) => {
      out(Buffer.from(`${job.name}: ${error.message}\n`));
      end(127);
    });
    child.on('close', (code, signal) => end(code ?? (signal ? 128 : 1)));
  });
  return running;
}

/** Runs `jobs`, at most `concurrency` at a time, in order; resolves with every result, in order. */
export async function runSideBySide(jobs: readonly Job[], concurrency: number): Promise<JobResult[]> {
  let free = Math.max(1, concurrency);
  const waiting: (() => void)[] = [];
  const slot = () => (free > 0 ? ((free -= 1), Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve)));
  const release = () => (waiting.length > 0 ? waiting.shift()?.() : (free += 1));
  // Slots are handed out first come, first served: the jobs start in order.
  const runs = jobs.map(async (job, index) => {
    await slot();
    const run = start(job, index === 0);
    void run.done.then(release);
    return run;
  });
  const results: JobResult[] = [];
  for (const started of runs) {
    const run = await started;
    // Its turn: what it wrote so far, then the rest as it comes.
    for (const chunk of run.held.splice(0)) process.stdout.write(chunk);
    run.live = true;
    results.push(await run.done);
  }
  return results;
}
