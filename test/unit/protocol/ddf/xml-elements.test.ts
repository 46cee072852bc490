import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readXmlElements } from '../../../../src/protocol/ddf/xml-elements.js';

const LIMITS = { maxChars: 10_000, maxDepth: 4, maxElements: 20 };

describe('readXmlElements', () => {
  it('reads elements, attributes, text, CDATA and references, skipping the prolog, comments and the doctype', () => {
    const read = readXmlElements(
      '\uFEFF<?xml version="1.0"?>\n<!DOCTYPE MgmtTree PUBLIC "-//OMA//DTD-DM-DDF 1.2//EN" "x.dtd" [ <!ENTITY e "boom"> ]>\n' +
        '<!-- c --><MgmtTree a=\'1\' b="&lt;&#65;&#x42;"><VerDTD>1.2</VerDTD><Man><![CDATA[a<b]]> &amp; c</Man><Node/></MgmtTree>\n<!-- end -->',
      LIMITS,
    );
    assert.ok(read.ok, read.ok ? '' : read.error);
    assert.equal(read.root.name, 'MgmtTree');
    assert.deepEqual(read.root.attributes, { a: '1', b: '<AB' });
    assert.deepEqual(
      read.root.children.map((child) => [child.name, child.text]),
      [
        ['VerDTD', '1.2'],
        ['Man', 'a<b & c'],
        ['Node', ''],
      ],
    );
  });

  it('refuses what is not one well-formed document, and never expands a declared entity', () => {
    for (const [text, error] of [
      ['<a><b></a>', /closes <b>/],
      ['<a>', /never closed/],
      ['<a/><b/>', /after the document element/],
      ['<a>&e;</a>', /not a predefined/],
      ['<a>x & y</a>', /bare "&"/],
      ['<a x=1/>', /not quoted/],
      ['<a x="1" x="2"/>', /repeated/],
      ['just text', /element was expected/],
    ] as const) {
      const read = readXmlElements(text, LIMITS);
      assert.equal(read.ok, false, text);
      assert.match(read.ok ? '' : read.error, error, text);
    }
  });

  it('keeps within its bounds of size, depth and element count', () => {
    const long = readXmlElements('<a>' + 'x'.repeat(10_000) + '</a>', LIMITS);
    assert.match(long.ok ? '' : long.error, /over 10000 characters/);
    const deep = readXmlElements('<a><a><a><a><a/></a></a></a></a>', LIMITS);
    assert.match(deep.ok ? '' : deep.error, /deeper than 4/);
    const many = readXmlElements(`<a>${'<b/>'.repeat(20)}</a>`, LIMITS);
    assert.match(many.ok ? '' : many.error, /more than 20 elements/);
  });
});
