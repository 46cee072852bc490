/**
 * The README's Quick start runs as written: every command of its block, in order, in a fresh
 * folder that sees the repository's fixtures/ (as the repository's own folder does). A command
 * exits 0 unless its comment says `(exit N)`; the last, a server, must come up and stop on Ctrl-C.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { docCommand, expectedExit, runCommand, startServing, type DocCommand } from './doc-commands.js';
import { ROOT } from './dmct-process.js';

/** The commands of the README's Quick start block, each with its comment. */
function quickStartCommands(): DocCommand[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(docCommand);
}

/** Starts a serving command, waits for its banner, stops it as Ctrl-C does. */
async function serveAndStop(command: string, cwd: string): Promise<{ code: number | null; output: string }> {
  return (await startServing(command, cwd)).stop();
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
      const outcome = serving ? await serveAndStop(entry.command, dir) : await runCommand(entry.command, dir);
      const expected = expectedExit(entry.comment);
      assert.equal(outcome.code, expected, `${entry.command}\n${outcome.output.slice(-2000)}`);
      assert.doesNotMatch(outcome.output, /internal error|\n\s+at /, entry.command);
      if (serving) assert.match(outcome.output, /SIGINT: reference (server|client) stopped\./);
    }
  });
});
