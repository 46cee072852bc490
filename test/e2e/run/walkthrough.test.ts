/**
 * docs/test-your-device.md runs as written: in a fresh folder, its blocks in order — each
 * `json <file>` block is saved under that name, each `sh` line runs (a serving command is started
 * and left up until the end), and each command exits as its comment says. The targets are
 * started by the walkthrough's own commands and reached only through the claims it writes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { docCommand, expectedExit, runCommand, startServing, type DocCommand, type Serving } from './doc-commands.js';
import { ROOT } from './dmct-process.js';

type Step = { kind: 'file'; name: string; text: string } | ({ kind: 'command'; serving: boolean } & DocCommand);

/** The walkthrough's fenced blocks, in document order. */
function walkthroughSteps(): Step[] {
  const text = readFileSync(join(ROOT, 'docs/test-your-device.md'), 'utf8');
  const steps: Step[] = [];
  for (const block of text.matchAll(/^```(\w+)(?: (\S+))?\n([\s\S]*?)^```$/gm)) {
    const [, lang, name, body = ''] = block;
    if (lang === 'json' && name !== undefined) steps.push({ kind: 'file', name, text: body });
    else if (lang === 'sh') {
      for (const line of body.split('\n').filter((l) => l.trim() !== '')) {
        const command = docCommand(line);
        steps.push({ kind: 'command', serving: /serves until Ctrl-C/.test(command.comment), ...command });
      }
    }
  }
  return steps;
}

describe('docs/test-your-device.md', { timeout: 600_000 }, () => {
  const steps = walkthroughSteps();
  const serving: Serving[] = [];
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dmct-walkthrough-'));
  });
  after(async () => {
    for (const peer of serving) await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds complete commands and valid claims files, and drives both roles', () => {
    const commands = steps.filter((s) => s.kind === 'command');
    const files = steps.filter((s) => s.kind === 'file');
    assert.deepEqual(
      files.map((f) => f.name),
      ['my-server.json', 'my-client.json'],
    );
    for (const file of files) assert.doesNotThrow(() => JSON.parse(file.text), file.name);
    for (const { line, command } of commands) {
      assert.match(command, /^npx dmct \S/, line);
      assert.doesNotMatch(command, /<[^>]*>|\.\.\.|…/, line);
    }
    assert.equal(commands.filter((c) => c.serving).length, 2, 'one server and one client under test');
    assert.equal(commands.filter((c) => / run --claims /.test(c.command)).length, 2);
  });

  it('runs every step as written: both targets pass from their claims alone', async () => {
    for (const step of steps) {
      if (step.kind === 'file') {
        writeFileSync(join(dir, step.name), step.text);
        continue;
      }
      if (step.serving) {
        serving.push(await startServing(step.command, dir));
        continue;
      }
      const outcome = await runCommand(step.command, dir);
      assert.equal(outcome.code, expectedExit(step.comment), `${step.command}\n${outcome.output.slice(-3000)}`);
      assert.doesNotMatch(outcome.output, /internal error|\n\s+at /, step.command);
      if (/ run --claims /.test(step.command))
        assert.match(outcome.output, /Overall: CONFORMANT \(exit 0\) — 26 applicable items passed/, step.command);
      if (/ --format junit/.test(step.command)) assert.match(outcome.output, /<testsuites[\s\S]*tests="26"/, step.command);
    }
  });
});
