import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDdf, DDF_RULES, type DdfRule } from '../../../../src/protocol/ddf/ddf-check.js';
import { readXmlElements } from '../../../../src/protocol/ddf/xml-elements.js';

const LEAF_PROPERTIES =
  '<DFProperties><AccessType><Get/><Replace/></AccessType><DefaultValue>x</DefaultValue><Description>d</Description>' +
  '<DFFormat><chr/></DFFormat><Occurrence><ZeroOrN>3</ZeroOrN></Occurrence><Scope><Permanent/></Scope><DFTitle>t</DFTitle>' +
  '<DFType><MIME>text/plain</MIME></DFType><CaseSense><CIS/></CaseSense></DFProperties>';

/** A DDF with one interior root and one leaf; `leaf` replaces the leaf's properties, `header` the MgmtTree header. */
function ddf(options: { leaf?: string; header?: string; leafName?: string } = {}): string {
  return (
    `<MgmtTree>${options.header ?? '<VerDTD>1.2</VerDTD><Man>m</Man><Mod>n</Mod>'}` +
    '<Node><NodeName/><Path>./x</Path><DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat>' +
    '<DFType><DDFName>urn:x</DDFName></DFType><RTProperties><ACL>Get=*</ACL></RTProperties></DFProperties>' +
    `<Node>${options.leafName ?? '<NodeName>Leaf</NodeName>'}${options.leaf ?? LEAF_PROPERTIES}<Value>v</Value></Node></Node></MgmtTree>`
  );
}

function problemsOf(text: string): { rule: DdfRule; message: string }[] {
  const read = readXmlElements(text);
  assert.ok(read.ok, read.ok ? '' : read.error);
  return checkDdf(read.root).problems.map(({ rule, message }) => ({ rule, message }));
}

describe('checkDdf', () => {
  it('accepts a DDF using every element section 6.4 keeps, ignoring RTProperties, and judges every group', () => {
    const read = readXmlElements(ddf());
    assert.ok(read.ok);
    const report = checkDdf(read.root);
    assert.deepEqual(report.problems, []);
    assert.deepEqual([...report.judged].sort(), Object.values(DDF_RULES).sort());
  });

  it('accepts a DDF without the optional DFFormat and DFType, and with an empty AccessType', () => {
    assert.deepEqual(problemsOf(ddf({ leaf: '<DFProperties><AccessType/></DFProperties>' })), []);
  });

  it('puts each departure under the one rule of its element group', () => {
    const cases: [string, DdfRule, RegExp][] = [
      [ddf({ header: '<Man>m</Man>' }), DDF_RULES.mgmtTree, /no VerDTD/],
      [ddf().replace('<MgmtTree>', '<Tree>').replace('</MgmtTree>', '</Tree>'), DDF_RULES.mgmtTree, /not MgmtTree/],
      [ddf({ leafName: '' }), DDF_RULES.node, /no NodeName/],
      [ddf({ leafName: '<NodeName>a</NodeName><NodeName>b</NodeName>' }), DDF_RULES.node, /NodeName appears 2 times/],
      [ddf({ leaf: LEAF_PROPERTIES.replace('<Get/>', '<Read/>') }), DDF_RULES.accessType, /Read is none of/],
      [ddf({ leaf: '' }), DDF_RULES.accessType, /no DFProperties/],
      [ddf({ leaf: LEAF_PROPERTIES.replace('<chr/>', '<string/>') }), DDF_RULES.format, /holds string/],
      [ddf().replace('<node/>', '<chr/>'), DDF_RULES.format, /child Nodes has the format chr/],
      [ddf({ leaf: LEAF_PROPERTIES.replace('<MIME>text/plain</MIME>', '') }), DDF_RULES.type, /DFType must hold exactly one/],
      [ddf({ leaf: LEAF_PROPERTIES.replace('text/plain', 'plain') }), DDF_RULES.type, /not a media type/],
      [ddf({ leaf: LEAF_PROPERTIES.replace('<ZeroOrN>3</ZeroOrN>', '<Many/>') }), DDF_RULES.propertyValues, /Occurrence holds Many/],
      [ddf({ leaf: LEAF_PROPERTIES.replace('<ZeroOrN>3</ZeroOrN>', '<ZeroOrN/>') }), DDF_RULES.propertyValues, /positive count/],
      [ddf({ leaf: LEAF_PROPERTIES.replace('<CIS/>', '<CS/><CIS/>') }), DDF_RULES.propertyValues, /exactly one of CS, CIS/],
    ];
    for (const [text, rule, message] of cases) {
      const problems = problemsOf(text);
      assert.equal(problems.length, 1, `${message}: ${JSON.stringify(problems)}`);
      assert.equal(problems[0]?.rule, rule);
      assert.match(problems[0]?.message ?? '', message);
    }
  });
});
