import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedText } from '../../../src/run/bounded-text.js';

describe('BoundedText', () => {
  it('keeps everything under the limit', () => {
    const text = new BoundedText(10);
    text.append('abc');
    text.append('def');
    assert.equal(text.text(), 'abcdef');
  });

  it('keeps the last characters and says how many were dropped', () => {
    const text = new BoundedText(5);
    text.append('abcd');
    text.append('efgh');
    text.append('ij');
    assert.equal(text.text(), '…(5 characters dropped)…fghij');
  });
});
