import type { Violation } from '../violation.js';

/** Options of every package parser. */
export interface ParseOptions {
  /**
   * Accept the erratum forms of the text's examples (bare-number statuses of App F and App I, a
   * single dmmo+json object) as warnings instead of errors.
   */
  lenient?: boolean;
}

/**
 * What a parser returns: the typed value when the body is structurally valid (after lenient
 * normalisation), and every violation found. Semantic findings do not remove the value.
 */
export interface ParseResult<T> {
  value?: T;
  violations: Violation[];
}

/**
 * Thrown by the builders when dmct's own code asks for a body the text does not allow: a bug of
 * dmct, never a finding about a target.
 */
export class PackageBuildError extends Error {
  override readonly name = 'PackageBuildError';

  constructor(
    what: string,
    readonly problems: readonly string[],
  ) {
    super(`cannot build ${what}: ${problems.join('; ')}`);
  }

  /** From the error-severity violations a parser reported about the would-be body. */
  static from(what: string, violations: readonly Violation[]): PackageBuildError {
    return new PackageBuildError(
      what,
      violations.filter((v) => v.severity === 'error').map((v) => `${v.pointer ?? ''} ${v.message} (${v.rule})`.trim()),
    );
  }
}
