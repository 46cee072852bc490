import { before } from 'node:test';
import { describeClientMatrix } from './client-matrix.js';
import { runMatrices, type MatrixRun } from './matrix.js';
import { describeServerMatrix } from './server-matrix.js';

/** Both roles' mutant matrices from one Playwright invocation (matrix.ts). */
let runs: Record<'server' | 'client', MatrixRun> | undefined;
before(async () => {
  runs = await runMatrices();
});
const runOf = (role: 'server' | 'client') => () => {
  if (runs === undefined) throw new Error('the matrix did not run');
  return runs[role];
};
describeServerMatrix(runOf('server'));
describeClientMatrix(runOf('client'));
