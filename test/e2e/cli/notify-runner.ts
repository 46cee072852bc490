/**
 * Test helper, run as a child process by notify-command.test.ts: executes many `dmct notify …`
 * invocations in this one process (one tsx start instead of one per case) with the same failure
 * handling as src/cli/main.ts, and prints `{ code, stdout, stderr }` per case as JSON.
 * Usage: node --import tsx notify-runner.ts '<JSON array of argument arrays>'
 */
import chalk from 'chalk';
import yargs from 'yargs';
import { notifyCommand } from '../../../src/cli/commands/notify.js';
import { EXIT, UsageError } from '../../../src/cli/errors.js';

export interface RunnerResult {
  code: number;
  stdout: string;
  stderr: string;
}

chalk.level = 0;
const write = process.stdout.write.bind(process.stdout);

async function run(args: string[]): Promise<RunnerResult> {
  const chunks: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1'));
    return true;
  }) as typeof process.stdout.write;
  process.exitCode = undefined;
  let stderr = '';
  try {
    await yargs(['notify', ...args])
      .command(notifyCommand)
      .strict()
      .fail((message, err) => {
        throw err ?? new UsageError(message.split('\n')[0] ?? message);
      })
      .parseAsync();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    stderr = `dmct: ${err.message}\n`;
    process.exitCode = EXIT.usage;
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: chunks.join(''), stderr };
}

const cases = JSON.parse(process.argv[2] ?? '[]') as string[][];
const results: RunnerResult[] = [];
for (const args of cases) results.push(await run(args));
write(JSON.stringify(results));
