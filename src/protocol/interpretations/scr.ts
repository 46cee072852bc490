/**
 * Readings of Appendix B (Static Conformance Requirements) and of the standard MO identifiers
 * that the sources leave INFERRED or get wrong (ERRATUM). Each constant is one reading;
 * docs/notes/scr.md lists them with the reason.
 */

/** One repair of a known misspelling of an SCR item id. */
export interface ScrIdTypoFix {
  /** Short name, shown when the repair is applied. */
  name: string;
  /** What to find (global). */
  pattern: RegExp;
  /** What to put instead. */
  replacement: string;
}

/**
 * ERRATUM (digest 13.1 and E13): the approved Appendix B spells some ids wrongly: a stray space
 * (`DM-SEC-002- C-O`) and the digit zero for the status letter O (`DM-SEC-013-C-0`, also inside
 * a requirement). Reading: both are typos of the obvious id. They are repaired on import, only
 * for editions that set `normaliseItemIds`, and the original spelling is kept as an alias. Role
 * letters that contradict their table (`DM-MEC-005-C-O` in B.2) and duplicated ids are NOT
 * repaired: which row is meant cannot be told, so loading reports them.
 */
export const SCR_ID_TYPO_FIXES: readonly ScrIdTypoFix[] = [
  { name: 'whitespace removed', pattern: /\s+/g, replacement: '' },
  { name: 'status digit 0 read as letter O', pattern: /-0$/g, replacement: '-O' },
];

/**
 * INFERRED (digest 13.2): the SCR notation document (OMA-ORG-SCR_Rules_and_Procedures) was not
 * found. The tables only use upper-case `AND` and `OR` with parentheses; `NOT` is accepted for
 * completeness. Reading: operators are upper-case words, precedence NOT > AND > OR (the usual
 * Boolean order; no DM 2.0 row mixes AND and OR without parentheses, so no row depends on it).
 * A lower-case `and` is rejected rather than guessed.
 */
export const SCR_EXPRESSION_KEYWORDS = { and: 'AND', or: 'OR', not: 'NOT' } as const;

/**
 * ERRATUM (digest E4): the MO definitions of section 12 give DevInfo and DMAcc version 1.2 while
 * the examples use `oma-dm-devinfo:1.0` and `oma-dm-dmacc:2.0`. Reading: the MO definitions are
 * normative; the claims file (IXIT `moids`) can override each MOID for a target that uses the
 * other spelling. claims.schema.json repeats these as its defaults (a unit test keeps them equal).
 */
export const STANDARD_MOIDS = {
  devInfo: 'urn:oma:mo:oma-dm-devinfo:1.2',
  dmAcc: 'urn:oma:mo:oma-dm-dmacc:1.2',
  dacmo: 'urn:oma:mo:oma-dm-dacmo:1.0',
  sessionInfo: 'urn:oma:mo:oma-sessioninfomo:1.0',
} as const;
