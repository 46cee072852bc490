import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  evaluate,
  formatRequirement,
  parseRequirement,
  referencesOf,
  RequirementSyntaxError,
  type Requirement,
} from '../../../src/scr/index.js';

/** fast-check seed: fixed for reproducible runs, overridable to explore (`DMCT_FC_SEED=…`); fast-check prints it on failure. */
const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20260202);

const A = 'DM-PACK-001-C-O';
const B = 'DM-PACK-002-C-O';
const C = 'DM-PACK-003-C-O';

function shape(text: string): string {
  return formatRequirement(parseRequirement(text));
}

/** Every assignment of true/false to A, B, C. */
const ASSIGNMENTS = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => new Set([A, B, C].filter((_, i) => (bits >> i) & 1)));

describe('parseRequirement: structure and precedence (NOT > AND > OR)', () => {
  it('binds AND tighter than OR', () => {
    assert.equal(shape(`${A} OR ${B} AND ${C}`), `(${A} OR (${B} AND ${C}))`);
    assert.equal(shape(`${A} AND ${B} OR ${C}`), `((${A} AND ${B}) OR ${C})`);
  });

  it('binds NOT tighter than AND', () => {
    assert.equal(shape(`NOT ${A} AND ${B}`), `(NOT ${A} AND ${B})`);
    assert.equal(shape(`NOT (${A} AND ${B})`), `NOT (${A} AND ${B})`);
    assert.equal(shape(`NOT NOT ${A}`), `NOT NOT ${A}`);
  });

  it('lets parentheses override precedence, and keeps AND/OR chains flat', () => {
    assert.equal(shape(`(${A} OR ${B}) AND ${C}`), `((${A} OR ${B}) AND ${C})`);
    assert.equal(shape(`${A} AND ${B} AND ${C}`), `(${A} AND ${B} AND ${C})`);
    assert.equal(shape(`((${A}))`), A);
  });

  it('parses the longest requirement of the approved tables (DM-PACK-002-C-O, Appendix B)', () => {
    const text =
      'DM-PACK-003-C-O AND DM-PACK-004-C-O AND (DM-PACK-005-C-O OR DM-PACK-006-C-O OR DM-PACK-007-C-O OR DM-PACK-008-C-O OR DM-PACK-009-C-O OR DM-PACK-010-C-O)';
    assert.equal(
      shape(text),
      '(DM-PACK-003-C-O AND DM-PACK-004-C-O AND (DM-PACK-005-C-O OR DM-PACK-006-C-O OR DM-PACK-007-C-O OR DM-PACK-008-C-O OR DM-PACK-009-C-O OR DM-PACK-010-C-O))',
    );
    assert.equal(evaluate(text, new Set(['DM-PACK-003-C-O', 'DM-PACK-004-C-O', 'DM-PACK-009-C-O'])), true);
    assert.equal(evaluate(text, new Set(['DM-PACK-003-C-O', 'DM-PACK-004-C-O'])), false);
  });

  it('returns null for an empty or blank column', () => {
    assert.equal(parseRequirement(''), null);
    assert.equal(parseRequirement('  \t'), null);
  });

  it('records 1-based positions', () => {
    const tree = parseRequirement(`NOT ${A} OR ${B}`) as Extract<Requirement, { kind: 'or' }>;
    assert.equal(tree.kind, 'or');
    assert.equal(tree.operands[0]?.position, 1);
    assert.equal(tree.operands[1]?.position, 24);
  });
});

describe('evaluate', () => {
  const cases: [string, (a: boolean, b: boolean, c: boolean) => boolean][] = [
    [`${A} OR ${B} AND ${C}`, (a, b, c) => a || (b && c)],
    [`NOT ${A} AND ${B}`, (a, b) => !a && b],
    [`(${A} OR ${B}) AND ${C}`, (a, b, c) => (a || b) && c],
    [`NOT (${A} OR ${B})`, (a, b) => !(a || b)],
    [A, (a) => a],
  ];
  for (const [text, truth] of cases) {
    it(`follows the truth table of ${text}`, () => {
      for (const set of ASSIGNMENTS) assert.equal(evaluate(text, set), truth(set.has(A), set.has(B), set.has(C)), [...set].join(','));
    });
  }

  it('holds for an empty requirement', () => {
    assert.equal(evaluate(null, new Set()), true);
    assert.equal(evaluate('', new Set()), true);
  });

  it('accepts a predicate instead of a set', () => {
    assert.equal(
      evaluate(`${A} AND ${B}`, (id) => id !== C),
      true,
    );
  });
});

describe('parseRequirement: errors name the 1-based position and what was expected', () => {
  const errors: [string, number, string][] = [
    [`${A} AND`, 20, 'position 20: expected an item id, NOT or "(", found end of expression'],
    [`(${A}`, 17, 'position 17: expected ")" to close the "(" at position 1, found end of expression'],
    [`${A} ${B}`, 17, `position 17: expected AND, OR or end of expression, found "${B}"`],
    [`${A} )`, 17, 'position 17: expected AND, OR or end of expression (no "(" to close), found ")"'],
    [`${A} & ${B}`, 17, 'position 17: expected an item id, NOT, "(" or ")", found "&"'],
    [`${A} and ${B}`, 17, 'position 17: expected the operator in upper case (AND), found "and"'],
    [`${A} AND DM-PACK-14-C-O`, 31, 'position 31: expected a digit (the three-digit number) in item id "DM-PACK-14-C-O", found "-"'],
    [`OR ${A}`, 1, 'position 1: expected an item id, NOT or "(", found "OR"'],
    ['()', 2, 'position 2: expected an item id, NOT or "(", found ")"'],
  ];
  for (const [text, position, message] of errors) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      assert.throws(
        () => parseRequirement(text),
        (err: unknown) => err instanceof RequirementSyntaxError && err.position === position && err.message === message,
      );
    });
  }

  it('repairs misspelt ids only when asked', () => {
    assert.throws(() => parseRequirement('DM-SEC-013-C-0 AND DM-SEC-014-C-O'), RequirementSyntaxError);
    assert.deepEqual(referencesOf(parseRequirement('DM-SEC-013-C-0 AND DM-SEC-014-C-O', { normaliseIds: true })), [
      'DM-SEC-013-C-O',
      'DM-SEC-014-C-O',
    ]);
  });
});

describe('referencesOf', () => {
  it('lists each referenced id once, in order of appearance', () => {
    assert.deepEqual(referencesOf(parseRequirement(`${B} AND (${A} OR NOT ${B}) OR ${C}`)), [B, A, C]);
    assert.deepEqual(referencesOf(null), []);
  });
});

describe('round trip (property)', () => {
  const ids = ['DM-PACK-001-C-O', 'DM-PACK-002-C-O', 'DM-PACK-003-C-M', 'DM-SEC-004-C-O'];
  const { tree } = fc.letrec<{ tree: Requirement }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...ids).map((id): Requirement => ({ kind: 'item', id, position: 0 })),
      tie('tree').map((operand): Requirement => ({ kind: 'not', operand, position: 0 })),
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((operands): Requirement => ({ kind: 'and', operands, position: 0 })),
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((operands): Requirement => ({ kind: 'or', operands, position: 0 })),
    ),
  }));
  const reference = (node: Requirement, set: ReadonlySet<string>): boolean =>
    node.kind === 'item'
      ? set.has(node.id)
      : node.kind === 'not'
        ? !reference(node.operand, set)
        : node.kind === 'and'
          ? node.operands.every((o) => reference(o, set))
          : node.operands.some((o) => reference(o, set));

  it('evaluating the parsed printout of a tree gives what the tree means', () => {
    fc.assert(
      fc.property(tree, fc.subarray(ids), (node, supported) => {
        const set = new Set(supported);
        const text = formatRequirement(node);
        assert.equal(evaluate(text, set), reference(node, set), text);
        assert.equal(
          formatRequirement(parseRequirement(text)),
          formatRequirement(parseRequirement(formatRequirement(parseRequirement(text)))),
        );
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
