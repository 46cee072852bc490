import assert from 'node:assert/strict';
import { watch } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { OPERATOR_DIR_ENV, defaultOperator, operatorFiles, relayedOperator } from '../../../src/harness/operator-relay.js';
import { NO_OPERATOR } from '../../../src/harness/operator.js';
import { openOperatorDesk } from '../../../src/run/operator-desk.js';

/** A terminal to type into, what the desk printed on it, and a wait for a text to appear there. */
function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  /**
   * Resolves when `text` has been printed (checked on every write, no polling), or rejects after
   * `timeoutMs`; that deadline also keeps the process alive while the desk (whose timer does not) works.
   */
  const shows = (text: string, timeoutMs = 10_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (!printed.includes(text)) return;
        output.off('data', check);
        clearTimeout(deadline);
        resolve();
      };
      const deadline = setTimeout(() => {
        output.off('data', check);
        reject(new Error(`"${text}" not shown within ${timeoutMs} ms; printed: ${printed}`));
      }, timeoutMs);
      output.on('data', check);
      check();
    });
  return { input, output, printed: () => printed, shows };
}

/** Resolves with the question files in `dir` once there are `count` of them (the folder is watched, not polled). */
async function questionsAsked(dir: string, count: number): Promise<string[]> {
  const watcher = watch(dir);
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const look = () =>
        readdir(dir).then((names) => {
          const questions = names.filter(operatorFiles.isQuestion);
          if (questions.length >= count) resolve(questions);
        }, reject);
      watcher.on('change', () => void look());
      watcher.on('error', reject);
      void look();
    });
  } finally {
    watcher.close();
  }
}

describe('operator relay: a worker asks, dmct run at the terminal answers', { timeout: 20_000 }, () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-operator-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('confirms with Enter and leaves no files behind', async () => {
    const tty = terminal();
    const desk = await openOperatorDesk(dir, { input: tty.input, output: tty.output, pollMs: 10 });
    try {
      const asked = relayedOperator(dir, 10).ask('make the server send a notification', 5000);
      await tty.shows('make the server send a notification');
      tty.input.write('\n');
      assert.deepEqual(await asked, { ok: true, detail: 'confirmed by the operator' });
      assert.deepEqual(await readdir(dir), []);
    } finally {
      desk.close();
    }
  });

  it('puts questions one at a time, oldest first; s skips', async (t) => {
    // The clock is set, not waited for: the second question is asked a second after the first (the test's mock ends with it).
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const operator = relayedOperator(dir, 10);
    const first = operator.ask('first action', 5000);
    t.mock.timers.tick(1000);
    const second = operator.ask('second action', 5000);
    await questionsAsked(dir, 2);
    // Both wait before the desk opens, so the look that shows the first has seen the second too.
    const tty = terminal();
    const desk = await openOperatorDesk(dir, { input: tty.input, output: tty.output, pollMs: 10 });
    try {
      await tty.shows('first action');
      assert.ok(!tty.printed().includes('second action'), 'the second waits for the first answer');
      tty.input.write('s\n');
      assert.deepEqual(await first, { ok: false, inconclusive: 'the operator skipped the action' });
      await tty.shows('second action');
      tty.input.write('done\n');
      assert.deepEqual(await second, { ok: true, detail: 'confirmed by the operator' });
    } finally {
      desk.close();
    }
  });

  it('is inconclusive when nobody answers in time, and the desk says the scenario went on', async () => {
    const tty = terminal();
    const desk = await openOperatorDesk(dir, { input: tty.input, output: tty.output, pollMs: 10 });
    try {
      const outcome = await relayedOperator(dir, 10).ask('press the button', 150);
      assert.deepEqual(outcome, { ok: false, inconclusive: 'no operator answer within 150 ms' });
      await tty.shows('the scenario went on');
    } finally {
      desk.close();
    }
  });

  it('ignores question files that break the schema', async () => {
    await writeFile(join(dir, operatorFiles.question('bogus')), '{"id":"bogus","prompt":"<script>"}');
    const asked = relayedOperator(dir, 10).ask('a valid question', 5000);
    await questionsAsked(dir, 2);
    // The desk's first look sees both files: it shows the valid question and nothing of the other.
    const tty = terminal();
    const desk = await openOperatorDesk(dir, { input: tty.input, output: tty.output, pollMs: 10 });
    try {
      await tty.shows('a valid question');
      assert.doesNotMatch(tty.printed(), /<script>|bogus/);
      tty.input.write('\n');
      assert.deepEqual(await asked, { ok: true, detail: 'confirmed by the operator' });
      assert.doesNotMatch(tty.printed(), /<script>|bogus/);
    } finally {
      desk.close();
      await rm(join(dir, operatorFiles.question('bogus')), { force: true });
    }
  });

  it('takes a malformed answer file as inconclusive', async () => {
    const asking = relayedOperator(dir, 10).ask('anything', 2000);
    const [question] = await questionsAsked(dir, 1);
    assert.ok(question, 'the question was written');
    await writeFile(join(dir, operatorFiles.answer(operatorFiles.idOf(question))), '{"ok":"yes"}');
    assert.deepEqual(await asking, { ok: false, inconclusive: 'the operator answer file breaks its schema' });
  });

  it('relays only when dmct run set an operator folder; otherwise, without a terminal, is inconclusive at once', async () => {
    const unreachable = await defaultOperator({ [OPERATOR_DIR_ENV]: join(dir, 'no-such-folder') }).ask('x', 1000);
    assert.equal(unreachable.ok, false);
    assert.match(unreachable.ok ? '' : unreachable.inconclusive, /^the operator could not be asked/);
    assert.deepEqual(await defaultOperator({}).ask('x', 5000), { ok: false, inconclusive: NO_OPERATOR });
  });
});
