import { createInterface } from 'node:readline';
import { chalkStderr } from 'chalk';

/** What asking a person gave: done, or why the scenario cannot count on it. */
export type OperatorOutcome = { ok: true; detail: string } | { ok: false; inconclusive: string };

/** Someone at the test fest who can act on the device or server when dmct cannot. */
export interface Operator {
  /** Shows `prompt` and waits for confirmation at most `timeoutMs`. */
  ask(prompt: string, timeoutMs: number): Promise<OperatorOutcome>;
}

export interface TerminalOperatorOptions {
  /** Default `process.stdin`; only a terminal counts as an operator. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Default `process.stderr` (stdout stays free for `--json` output). */
  output?: NodeJS.WritableStream;
}

/**
 * A prompt that also names the DM server URL the device must use (its DM account's server
 * address): an operator working a device by hand needs it to point the device at dmct.
 */
export function promptNamingDmServer(prompt: string, dmServerUrl: string | undefined): string {
  return dmServerUrl === undefined ? prompt : `${prompt}\nThe device's DM server (DM account server URL): ${dmServerUrl}`;
}

/** How a question is put to the operator at the terminal (also by `dmct run` for its workers). */
export function operatorPromptText(prompt: string, timeoutMs: number): string {
  return (
    `\n${chalkStderr.bold.yellow('dmct needs an operator:')} ${prompt}\n` +
    chalkStderr.dim(`Press Enter when done, or type s and Enter to skip (${Math.round(timeoutMs / 1000)} s).`) +
    '\n'
  );
}

/** The operator's reply to a prompt, read from one line: `s` or `skip` declines, anything else confirms. */
export function operatorReply(line: string): OperatorOutcome {
  const answer = line.trim().toLowerCase();
  return answer === 's' || answer === 'skip'
    ? { ok: false, inconclusive: 'the operator skipped the action' }
    : { ok: true, detail: 'confirmed by the operator' };
}

/** Reason given when nobody can answer (CI, piped input). */
export const NO_OPERATOR = 'no operator (stdin is not a terminal)';

/**
 * The operator at dmct's terminal: the prompt goes to stderr; Enter confirms, `s` (or `skip`)
 * declines. When stdin is not a terminal the answer is inconclusive at once, so CI never hangs.
 */
export function terminalOperator(options: TerminalOperatorOptions = {}): Operator {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  return {
    ask(prompt, timeoutMs) {
      if (input.isTTY !== true) return Promise.resolve({ ok: false, inconclusive: NO_OPERATOR });
      output.write(operatorPromptText(prompt, timeoutMs));
      return new Promise<OperatorOutcome>((resolve) => {
        const lines = createInterface({ input, terminal: false });
        let settled = false;
        const finish = (outcome: OperatorOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          lines.close();
          resolve(outcome);
        };
        const timer = setTimeout(() => finish({ ok: false, inconclusive: `no operator answer within ${timeoutMs} ms` }), timeoutMs);
        lines.once('line', (line) => finish(operatorReply(line)));
        lines.once('close', () => finish({ ok: false, inconclusive: 'stdin closed before the operator answered' }));
      });
    },
  };
}
