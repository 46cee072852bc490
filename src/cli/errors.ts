/** Process exit codes of every dmct command (README "Exit codes"). */
export const EXIT = {
  /** Conformant / valid / consistent. */
  ok: 0,
  /** A non-conformance (or a protocol violation) was found. */
  nonConformant: 1,
  /** Usage or configuration error: bad flag, unreadable or invalid input file. */
  usage: 2,
  /** No failure, but the run could not judge everything (inconclusive or error items). */
  incomplete: 3,
} as const;

/**
 * A mistake in what the user gave dmct (flags, files, configuration). The CLI prints its
 * message as one line prefixed `dmct: ` and exits 2, with no stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
