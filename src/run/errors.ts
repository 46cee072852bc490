/**
 * A run that cannot start as asked: a bad flag value, a claims file that does not fit the run,
 * a scenario catalogue Playwright cannot load. Each problem is one self-contained line (what,
 * where, what to do); `dmct run` prints them and exits 2, with no stack trace.
 */
export class RunSetupError extends Error {
  override readonly name = 'RunSetupError';
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}
