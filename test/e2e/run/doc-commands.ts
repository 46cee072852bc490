/**
 * Runs the commands a document shows, as a reader pastes them: `npx dmct …` stands for this
 * checkout's dmct, a comment `(exit N)` names the exit code expected (0 otherwise), and a
 * command whose comment says it serves until Ctrl-C is started and left serving.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './dmct-process.js';

export interface DocCommand {
  line: string;
  command: string;
  comment: string;
}

/** One line of a `sh` block: the command and its `#` comment. */
export function docCommand(line: string): DocCommand {
  const [command = '', comment = ''] = line.split(/\s+#\s/, 2);
  return { line, command: command.trim(), comment };
}

/** The exit code a command's comment promises. */
export function expectedExit(comment: string): number {
  return Number(/\(exit (\d)\)/.exec(comment)?.[1] ?? 0);
}

/** `npx dmct …` as the shell reads it, with npx standing for this checkout's dmct. */
function shellOf(command: string): string {
  const dmct = join(ROOT, 'bin', 'dmct.js');
  return `npx() { [ "$1" = dmct ] || exit 127; shift; exec node '${dmct}' "$@"; }\n${command}`;
}

function spawnShell(command: string, cwd: string): { child: ChildProcess; output: () => string; done: Promise<number | null> } {
  const child = spawn('bash', ['-c', shellOf(command)], {
    cwd,
    env: { ...process.env, CI: '', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, done };
}

/** Runs a command to its end. */
export async function runCommand(command: string, cwd: string): Promise<{ code: number | null; output: string }> {
  const shell = spawnShell(command, cwd);
  const code = await shell.done;
  return { code, output: shell.output() };
}

/** A serving command started and up (its banner ends in "Stop with Ctrl-C"); `stop` sends Ctrl-C's SIGINT. */
export interface Serving {
  stop(): Promise<{ code: number | null; output: string }>;
}

/** Starts a serving command and resolves once it is up, or rejects with its output when it ends first. */
export function startServing(command: string, cwd: string): Promise<Serving> {
  const shell = spawnShell(command, cwd);
  const stop = async () => {
    shell.child.kill('SIGINT');
    const code = await shell.done;
    return { code, output: shell.output() };
  };
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (shell.output().includes('Stop with Ctrl-C')) {
        shell.child.stdout?.off('data', onData);
        shell.child.stderr?.off('data', onData);
        resolve({ stop });
      }
    };
    shell.child.stdout?.on('data', onData);
    shell.child.stderr?.on('data', onData);
    void shell.done.then((code) => reject(new Error(`${command} ended (exit ${code}) before serving:\n${shell.output()}`)));
  });
}
