/**
 * The `dmct run` end of the operator relay (src/harness/operator-relay.ts): while the scenarios
 * run, it watches the run's operator folder, puts each worker's question to the person at the
 * terminal, one at a time and oldest first, and writes their answer back. Only a run whose stdin
 * is a terminal opens a desk; otherwise workers get no folder and manual steps are inconclusive.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { operatorFiles, writeJsonAtomic } from '../harness/operator-relay.js';
import { operatorPromptText, operatorReply } from '../harness/operator.js';
import { operatorQuestionSchema, type OperatorQuestion } from '../harness/schemas/operator-question.schema.js';
import { compileSchema } from '../protocol/json-schema.js';

const validateQuestion = compileSchema<OperatorQuestion>(operatorQuestionSchema);

export interface OperatorDeskOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** How often the folder is looked at (default 200 ms). */
  pollMs?: number;
  now?: () => number;
}

export interface OperatorDesk {
  /** Stops watching and lets go of the input. */
  close(): void;
}

/** Opens the desk on `dir` (created if needed). */
export async function openOperatorDesk(dir: string, options: OperatorDeskOptions): Promise<OperatorDesk> {
  await mkdir(dir, { recursive: true });
  const now = options.now ?? Date.now;
  const seen = new Set<string>();
  const waiting: OperatorQuestion[] = [];
  let current: OperatorQuestion | undefined;
  let lines: Interface | undefined;
  let scanning = false;
  let closed = false;

  const stillAsked = (question: OperatorQuestion) =>
    Date.parse(question.deadline) > now() && existsSync(join(dir, operatorFiles.question(question.id)));

  const showNext = () => {
    current = undefined;
    while (waiting.length > 0) {
      const next = waiting.shift() as OperatorQuestion;
      if (!stillAsked(next)) continue;
      current = next;
      options.output.write(operatorPromptText(next.prompt, Date.parse(next.deadline) - now()));
      return;
    }
  };

  const answer = async (line: string) => {
    const question = current;
    if (question === undefined) return;
    if (stillAsked(question)) await writeJsonAtomic(join(dir, operatorFiles.answer(question.id)), operatorReply(line));
    else options.output.write('(too late: the scenario no longer waits for this)\n');
    showNext();
  };

  const scan = async () => {
    if (scanning || closed) return;
    scanning = true;
    try {
      if (current !== undefined && !stillAsked(current)) {
        options.output.write('(no answer in time: the scenario went on without it)\n');
        showNext();
      }
      const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => operatorFiles.isQuestion(name) && !seen.has(name));
      for (const name of names) {
        seen.add(name);
        const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
        let data: unknown;
        try {
          data = text === undefined ? undefined : JSON.parse(text);
        } catch {
          data = undefined;
        }
        const checked = validateQuestion(data);
        if (checked.ok && checked.value.id === operatorFiles.idOf(name)) waiting.push(checked.value);
      }
      waiting.sort((a, b) => a.askedAt.localeCompare(b.askedAt));
      if (current === undefined && waiting.length > 0) {
        lines ??= createInterface({ input: options.input, terminal: false }).on('line', (line) => void answer(line));
        showNext();
      }
    } finally {
      scanning = false;
    }
  };

  const timer = setInterval(() => void scan(), options.pollMs ?? 200);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
      lines?.close();
    },
  };
}
