/**
 * Operators for scenarios that run inside Playwright workers, whose stdin is never the terminal:
 * a worker's question goes as a file into the run's operator folder, the `dmct run` at the
 * terminal shows it and writes the answer back (src/run/operator-desk.ts). Without that folder
 * (CI, piped input) the terminal operator answers `inconclusive` at once, as before.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileSchema } from '../protocol/json-schema.js';
import { terminalOperator, type Operator, type OperatorOutcome } from './operator.js';
import { operatorAnswerSchema, type OperatorAnswer } from './schemas/operator-answer.schema.js';
import type { OperatorQuestion } from './schemas/operator-question.schema.js';

/** The environment variable naming the operator folder `dmct run` watches (set only when it has a terminal). */
export const OPERATOR_DIR_ENV = 'DMCT_OPERATOR_DIR';

const validateAnswer = compileSchema<OperatorAnswer>(operatorAnswerSchema);

/** File names of a question and its answer in the operator folder. */
export const operatorFiles = {
  question: (id: string): string => `${id}.question.json`,
  answer: (id: string): string => `${id}.answer.json`,
  isQuestion: (name: string): boolean => name.endsWith('.question.json'),
  idOf: (name: string): string => name.slice(0, -'.question.json'.length),
};

/** Writes a file so that a reader sees all of it or nothing (temporary file, then rename). */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(value)}\n`);
  await rename(temp, path);
}

/**
 * An operator that asks through `dir`: writes the question, then waits for the answer file at
 * most `timeoutMs` (checking every `pollMs`). A missing or malformed answer is inconclusive.
 */
export function relayedOperator(dir: string, pollMs = 100): Operator {
  return {
    async ask(prompt, timeoutMs): Promise<OperatorOutcome> {
      const now = Date.now();
      const question: OperatorQuestion = {
        id: `${now.toString(36)}-${randomBytes(6).toString('hex')}`,
        prompt,
        askedAt: new Date(now).toISOString(),
        deadline: new Date(now + timeoutMs).toISOString(),
      };
      const questionFile = join(dir, operatorFiles.question(question.id));
      const answerFile = join(dir, operatorFiles.answer(question.id));
      try {
        await writeJsonAtomic(questionFile, question);
      } catch (error) {
        return { ok: false, inconclusive: `the operator could not be asked: ${error instanceof Error ? error.message : String(error)}` };
      }
      try {
        while (Date.now() < now + timeoutMs) {
          const text = await readFile(answerFile, 'utf8').catch(() => undefined);
          if (text !== undefined) {
            let data: unknown;
            try {
              data = JSON.parse(text);
            } catch {
              return { ok: false, inconclusive: 'the operator answer file is not JSON' };
            }
            const checked = validateAnswer(data);
            return checked.ok ? checked.value : { ok: false, inconclusive: 'the operator answer file breaks its schema' };
          }
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
        return { ok: false, inconclusive: `no operator answer within ${timeoutMs} ms` };
      } finally {
        await rm(questionFile, { force: true });
        await rm(answerFile, { force: true });
      }
    },
  };
}

/** The operator of this process: relayed through `dmct run` when it set an operator folder, else the terminal's. */
export function defaultOperator(env: NodeJS.ProcessEnv = process.env): Operator {
  const dir = env[OPERATOR_DIR_ENV];
  return dir !== undefined && dir !== '' ? relayedOperator(dir) : terminalOperator();
}
