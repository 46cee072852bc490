import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { NO_OPERATOR, terminalOperator } from '../../../src/harness/operator.js';

/** A stream that claims to be a terminal, and what was printed to the operator. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return { input, output, printed: () => printed };
}

describe('terminal operator', () => {
  it('is inconclusive at once when stdin is not a terminal', async () => {
    const output = new PassThrough();
    const operator = terminalOperator({ input: new PassThrough(), output });
    assert.deepEqual(await operator.ask('press the button', 60_000), { ok: false, inconclusive: NO_OPERATOR });
    assert.equal(output.read(), null, 'nothing is printed when nobody can answer');
  });

  it('prints the prompt and takes Enter as confirmation', async () => {
    const terminal = fakeTerminal();
    const answer = terminalOperator(terminal).ask('press the button on the device', 5000);
    terminal.input.write('\n');
    assert.deepEqual(await answer, { ok: true, detail: 'confirmed by the operator' });
    assert.match(terminal.printed(), /press the button on the device/);
    assert.match(terminal.printed(), /Press Enter when done/);
  });

  it('takes s as a refusal', async () => {
    const terminal = fakeTerminal();
    const answer = terminalOperator(terminal).ask('x', 5000);
    terminal.input.write('s\n');
    assert.deepEqual(await answer, { ok: false, inconclusive: 'the operator skipped the action' });
  });

  it('gives up after the time-out', async () => {
    const terminal = fakeTerminal();
    assert.deepEqual(await terminalOperator(terminal).ask('x', 50), { ok: false, inconclusive: 'no operator answer within 50 ms' });
  });

  it('is inconclusive when stdin ends first', async () => {
    const terminal = fakeTerminal();
    const answer = terminalOperator(terminal).ask('x', 5000);
    terminal.input.end();
    assert.deepEqual(await answer, { ok: false, inconclusive: 'stdin closed before the operator answered' });
  });
});
