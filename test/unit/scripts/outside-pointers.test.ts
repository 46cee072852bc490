/** The lint check that keeps comments citing OMA sections, not documents outside the repository. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOutsidePointers } from '../../../scripts/check-outside-pointers.js';

describe('findOutsidePointers', () => {
  it('finds each kind of pointer outside the repository, with its line', () => {
    const text = [
      '/** ERRATUM E1 (digest 15, 4.3) */',
      ' * reading (open question B.5), see also',
      ' * the mutant matrix (style.md practice 11) and design.md "role"',
      '// fixed for issue 6 point 2; docs/notes/run.md',
      '// digest §3.4 and the dm20-digest file',
    ].join('\n');
    assert.deepEqual(
      findOutsidePointers(text).map((p) => `${p.line}:${p.text}`),
      [
        '1:ERRATUM E1',
        '1:digest 1',
        '2:open question',
        '3:style.md',
        '3:design.md',
        '4:issue 6',
        '4:docs/notes/',
        '5:digest §',
        '5:dm20-digest',
      ],
    );
  });

  it('leaves OMA citations and the protocol word "digest" alone', () => {
    const text = [
      '/** SHA256-DIGEST over the notification (§5.2.1.2, App E.1) */',
      'if (digest === undefined) inconclusive("no digest slot", ref);',
      'bytes.set(digest.subarray(0, 32)); // tissue 5 is no issue',
      '// an OR group with several open members',
    ].join('\n');
    assert.deepEqual(findOutsidePointers(text), []);
  });
});
