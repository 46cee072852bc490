import { DDF_RULES, fetchDdfs, judgeDdfRule, type DdfRule } from '../../fixtures/client-target/ddf-read.js';
import { test } from '../../fixtures/client-target/index.js';

/** The DDF element groups of section 6.4, one scenario each: rule key, elements, what the DDF requires of them. */
const GROUPS: readonly { rule: DdfRule; what: string; title: string; requirement: string }[] = [
  {
    rule: DDF_RULES.mgmtTree,
    what: 'MgmtTree, VerDTD, Man and Mod',
    title: 'each DDF is an XML MgmtTree with its VerDTD, optional Man and Mod, and Node descriptions',
    requirement:
      'DM 2.0 reuses the DM 1.3 DDF (6.4): the document element MgmtTree holds one VerDTD (the DTD version), at most one Man and one Mod (text), and one or more Node elements.',
  },
  {
    rule: DDF_RULES.node,
    what: 'Node, NodeName, Path and Value',
    title: 'each Node description has one NodeName, at most one Path and Value, and child Nodes or a Value',
    requirement:
      'A DDF Node holds one NodeName (empty for a node named at run time), optionally a Path and a Value (text), its DFProperties, and either child Node elements or a Value (6.4, DM 1.3 DDF).',
  },
  {
    rule: DDF_RULES.accessType,
    what: 'DFProperties and AccessType',
    title: "each Node has DFProperties whose AccessType holds only the DDF's access type elements",
    requirement:
      'Every DDF Node holds one DFProperties, which holds one AccessType made of the empty elements Add, Copy, Delete, Exec, Get and Replace, each at most once (6.4, DM 1.3 DDF).',
  },
  {
    rule: DDF_RULES.format,
    what: 'DFFormat and the format elements',
    title: 'each DFFormat holds exactly one format element, node for a Node with children',
    requirement:
      'DFFormat holds exactly one of the empty format elements b64, bin, bool, chr, int, node, null, xml, date, time, float; a Node with child Nodes is of format node (6.4, 6.3.1).',
  },
  {
    rule: DDF_RULES.type,
    what: 'DFType, MIME and DDFName',
    title: 'each DFType holds exactly one MIME (a media type) or DDFName',
    requirement: 'DFType holds exactly one MIME, a media type, or one DDFName, text naming the type of an interior node (6.4, DM 1.3 DDF).',
  },
  {
    rule: DDF_RULES.propertyValues,
    what: 'DefaultValue, Description, Occurrence, Scope, DFTitle and CaseSense',
    title: 'Occurrence, Scope and CaseSense hold one of their values; DefaultValue, Description and DFTitle are text',
    requirement:
      'Within DFProperties, DefaultValue, Description and DFTitle are text, at most once each; Occurrence holds one of One, ZeroOrOne, ZeroOrMore, OneOrMore, ZeroOrN, OneOrN (the last two with a count), Scope one of Permanent, Dynamic, CaseSense one of CS, CIS (6.4, DM 1.3 DDF).',
  },
];

test.describe('6.4 DDF', () => {
  for (const group of GROUPS)
    test(
      group.title,
      { tag: [`@${group.rule}`], annotation: [{ type: 'requirement', description: group.requirement }] },
      async ({ sessions, recorder }) => {
        judgeDdfRule(await fetchDdfs(sessions, recorder), group.rule, group.what);
      },
    );
});
