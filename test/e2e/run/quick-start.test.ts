/**
 * The README's Quick start runs as written: every command of its block, in order, in a fresh
 * folder that sees the repository's fixtures/ (as the repository's own folder does). A command
 * exits 0 unless its comment says `(exit N)`; the last, a server, must come up and stop on Ctrl-C.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './dmct-process.js';

/** The commands of the README's Quick start block, each with its comment. */
function quickStartCommands(): { line: string; command: string; comment: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [command = '', comment = ''] = line.split(/\s+#\s/, 2);
      return { line, command: command.trim(), comment };
    });
}

/** `npx dmct …` as the shell reads it, with npx standing for this checkout's dmct. */
function shellOf(command: string): string {
  const dmct = join(ROOT, 'bin', 'dmct.js');
  return `npx() { [ "$1" = dmct ] || exit 127; shift; exec node '${dmct}' "$@"; }\n${command}`;
}

function run(command: string, cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('bash', ['-c', shellOf(command)], { cwd, env: { ...process.env, CI: '', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** Starts a serving command, waits for its banner, stops it as Ctrl-C does. */
function serveAndStop(command: string, cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('bash', ['-c', shellOf(command)], { cwd, env: { ...process.env, CI: '', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stopped = false;
  const onData = (c: Buffer) => {
    output += c.toString();
    if (!stopped && output.includes('Stop with Ctrl-C')) stopped = child.kill('SIGINT');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('README Quick start', { timeout: 300_000 }, () => {
  const commands = quickStartCommands();
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dmct-quick-start-'));
    symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds only complete commands: dmct commands, no placeholders, no elisions', () => {
    assert.ok(commands.length >= 8, `found ${commands.length} commands`);
    for (const { line, command } of commands) {
      assert.match(command, /^npx dmct \S/, line);
      assert.doesNotMatch(command, /<[^>]*>|\.\.\.|…/, line);
    }
  });

  it('runs every command as written, in order', async () => {
    const last = commands.at(-1);
    for (const entry of commands) {
      const serving = entry === last && / sim (server|client)\b/.test(entry.command);
      const outcome = serving ? await serveAndStop(entry.command, dir) : await run(entry.command, dir);
      const expected = Number(/\(exit (\d)\)/.exec(entry.comment)?.[1] ?? 0);
      assert.equal(outcome.code, expected, `${entry.command}\n${outcome.output.slice(-2000)}`);
      assert.doesNotMatch(outcome.output, /internal error|\n\s+at /, entry.command);
      if (serving) assert.match(outcome.output, /SIGINT: reference (server|client) stopped\./);
    }
  });
});
