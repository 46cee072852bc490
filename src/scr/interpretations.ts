/**
 * Readings of Appendix B (Static Conformance Requirements) and of the standard MO identifiers
 * that the sources leave INFERRED or get wrong (ERRATUM). Each constant is one reading;
 * docs/reference/interpretations.md lists them with the reasons.
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
 * ERRATUM (Appendix B of the approved 2016 text): some ids are misprinted: a stray space
 * (`DM-SEC-002- C-O`) and the digit zero for the status letter O (`DM-SEC-013-C-0`, also inside
 * the requirement of DM-BOOT-006-C-O). Reading: both are typos of the obvious id. They are
 * repaired on import, only for editions that set `normaliseItemIds` (dm20-2016 does), and the
 * printed spelling is kept as an alias; claims files use the repaired id. Role letters that
 * contradict their table and duplicated ids are NOT repaired by rule, since the right id cannot
 * be told from the text: the edition's table gives its reading of each such row (`printedId`
 * beside `id`, with an ERRATUM note), and loading rejects any other. In B.2 the GCM row, printed
 * `DM-MEC-004-S-O` (a second 004 after WAP Push `DM-MEC-004-S-M`), is read `DM-MEC-005-S-O`,
 * and the "other notification mechanism" row, printed `DM-MEC-005-C-O`, is read
 * `DM-MEC-006-S-O`: the numbers these mechanisms have in B.1. The first printed id stays an
 * alias; the second is not one, as it is the id of the client's GCM item.
 */
export const SCR_ID_TYPO_FIXES: readonly ScrIdTypoFix[] = [
  { name: 'whitespace removed', pattern: /\s+/g, replacement: '' },
  { name: 'status digit 0 read as letter O', pattern: /-0$/g, replacement: '-O' },
];

/**
 * INFERRED (Appendix B): the SCR notation document (OMA-ORG-SCR_Rules_and_Procedures) was not
 * found. The tables only use upper-case `AND` and `OR` with parentheses; `NOT` is accepted for
 * completeness. Reading: operators are upper-case words, precedence NOT > AND > OR (the usual
 * Boolean order; no DM 2.0 row mixes AND and OR without parentheses, so no row depends on it).
 * A lower-case `and` is rejected rather than guessed.
 */
export const SCR_EXPRESSION_KEYWORDS = { and: 'AND', or: 'OR', not: 'NOT' } as const;

/**
 * ERRATUM (§12.1, §12.2): the MO definitions of section 12 give DevInfo and DMAcc version 1.2 while
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
