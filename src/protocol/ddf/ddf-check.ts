/**
 * Checks of a Device Description Framework document against the elements section 6.4 keeps from
 * the DM 1.3 DDF (its DTD: MgmtTree (VerDTD, Man?, Mod?, Node+); Node (NodeName, Path?,
 * RTProperties?, DFProperties, (Node* | Value?)); DFProperties (AccessType, DefaultValue?,
 * Description?, DFFormat, Occurrence?, Scope?, DFTitle?, DFType, CaseSense?)). The elements
 * section 6.4 lets a DM 2.0 implementation ignore (RTProperties and what it holds) are skipped;
 * DFFormat and DFType may be absent (their SCR items are optional). Element order is not judged.
 */
import type { XmlElement } from './xml-elements.js';

/** The rule keys of the DDF element groups, one obligation each (section 6.4). */
export const DDF_RULES = {
  /** MgmtTree, VerDTD, Man, Mod: the document element and its header. */
  mgmtTree: '6.4/ddf-mgmt-tree',
  /** Node, NodeName, Path, Value: the node descriptions. */
  node: '6.4/ddf-node',
  /** DFProperties and AccessType: each node's properties and its access types. */
  accessType: '6.4/ddf-access-type',
  /** DFFormat and the format elements (b64 ... float). */
  format: '6.4/ddf-format',
  /** DFType, MIME, DDFName. */
  type: '6.4/ddf-type',
  /** DefaultValue, Description, Occurrence, Scope, DFTitle, CaseSense. */
  propertyValues: '6.4/ddf-property-values',
} as const;

/** One of the DDF rule keys. */
export type DdfRule = (typeof DDF_RULES)[keyof typeof DDF_RULES];

/** One departure from section 6.4, with where in the document it is. */
export interface DdfProblem {
  rule: DdfRule;
  /** E.g. `MgmtTree/Node[DevInfo]/Node[DevID]/DFProperties`. */
  where: string;
  message: string;
}

/** What a DDF check found: the problems, and which rules had at least one element to judge. */
export interface DdfReport {
  problems: DdfProblem[];
  judged: Set<DdfRule>;
}

/** The format elements of DFFormat (section 6.4; the node formats of 6.3.1). */
export const DDF_FORMAT_ELEMENTS = ['b64', 'bin', 'bool', 'chr', 'int', 'node', 'null', 'xml', 'date', 'time', 'float'] as const;
/** The access type elements of the DM 1.3 DDF. */
export const DDF_ACCESS_ELEMENTS = ['Add', 'Copy', 'Delete', 'Exec', 'Get', 'Replace'] as const;
const OCCURRENCES = ['One', 'ZeroOrOne', 'ZeroOrMore', 'OneOrMore', 'ZeroOrN', 'OneOrN'];
const SCOPES = ['Permanent', 'Dynamic'];
const CASE_SENSES = ['CS', 'CIS'];
/** Elements section 6.4 lets DM 2.0 ignore, wherever they stand. */
const IGNORED = new Set(['RTProperties', 'ACL', 'Format', 'Name', 'Size', 'Title', 'TStamp', 'Type', 'VerNo']);
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;.*)?$/;

class Checker {
  readonly problems: DdfProblem[] = [];
  readonly judged = new Set<DdfRule>();

  problem(rule: DdfRule, where: string, message: string): void {
    this.problems.push({ rule, where, message });
  }

  /** The children named `name`; more than `max` of them is a problem of `rule`. */
  some(parent: XmlElement, name: string, rule: DdfRule, where: string, max = 1): XmlElement[] {
    const found = parent.children.filter((child) => child.name === name);
    if (found.length > max) this.problem(rule, where, `${name} appears ${found.length} times (at most ${max})`);
    return found;
  }

  /** Checks that `element` holds character data only. */
  textOnly(element: XmlElement, rule: DdfRule, where: string): void {
    if (element.children.length > 0)
      this.problem(rule, where, `${element.name} holds elements (${element.children.map((c) => c.name).join(', ')}), not text`);
  }

  /** Checks that `element` holds exactly one empty element out of `allowed` (an enumeration). */
  oneOf(element: XmlElement, allowed: readonly string[], rule: DdfRule, where: string, textAllowed: readonly string[] = []): void {
    const [choice, ...more] = element.children;
    if (choice === undefined || more.length > 0) {
      const held = element.children.map((child) => child.name).join(', ') || 'nothing';
      this.problem(rule, where, `${element.name} must hold exactly one of ${allowed.join(', ')}; it holds ${held}`);
      return;
    }
    if (!allowed.includes(choice.name)) {
      this.problem(rule, where, `${element.name} holds ${choice.name}, none of ${allowed.join(', ')}`);
      return;
    }
    if (choice.children.length > 0 || (choice.text.trim() !== '' && !textAllowed.includes(choice.name)))
      this.problem(rule, where, `${element.name}/${choice.name} must be empty`);
  }

  unknown(element: XmlElement, known: readonly string[], rule: DdfRule, where: string): void {
    for (const child of element.children)
      if (!known.includes(child.name) && !IGNORED.has(child.name))
        this.problem(rule, where, `${child.name} is no DDF element allowed in ${element.name}`);
  }

  mgmtTree(root: XmlElement): void {
    const rule = DDF_RULES.mgmtTree;
    this.judged.add(rule);
    if (root.name !== 'MgmtTree') this.problem(rule, root.name, `the document element is ${root.name}, not MgmtTree`);
    const where = root.name;
    const [verDtd] = this.some(root, 'VerDTD', rule, where);
    if (verDtd === undefined) this.problem(rule, where, 'MgmtTree has no VerDTD');
    else {
      this.textOnly(verDtd, rule, `${where}/VerDTD`);
      if (verDtd.text.trim() === '') this.problem(rule, `${where}/VerDTD`, 'VerDTD is empty: it names the DTD version');
    }
    for (const name of ['Man', 'Mod'])
      for (const element of this.some(root, name, rule, where)) this.textOnly(element, rule, `${where}/${name}`);
    const nodes = root.children.filter((child) => child.name === 'Node');
    if (nodes.length === 0) this.problem(rule, where, 'MgmtTree describes no Node');
    this.unknown(root, ['VerDTD', 'Man', 'Mod', 'Node'], rule, where);
    for (const node of nodes) this.node(node, where);
  }

  node(node: XmlElement, parent: string): void {
    const rule = DDF_RULES.node;
    this.judged.add(rule);
    const names = this.some(node, 'NodeName', rule, `${parent}/Node`);
    const name = names[0]?.text.trim();
    const where = `${parent}/Node[${name === undefined ? '?' : name === '' ? '<x>' : name}]`;
    if (names.length === 0) this.problem(rule, where, 'the Node has no NodeName');
    for (const element of [...names, ...this.some(node, 'Path', rule, where), ...this.some(node, 'Value', rule, where)])
      this.textOnly(element, rule, `${where}/${element.name}`);
    const children = node.children.filter((child) => child.name === 'Node');
    if (children.length > 0 && node.children.some((child) => child.name === 'Value'))
      this.problem(rule, where, 'the Node has both child Nodes and a Value');
    this.unknown(node, ['NodeName', 'Path', 'DFProperties', 'Node', 'Value'], rule, where);
    const properties = this.some(node, 'DFProperties', DDF_RULES.accessType, where);
    if (properties.length === 0) this.problem(DDF_RULES.accessType, where, 'the Node has no DFProperties');
    for (const element of properties) this.properties(element, `${where}/DFProperties`, children.length > 0);
    for (const child of children) this.node(child, where);
  }

  properties(properties: XmlElement, where: string, hasChildNodes: boolean): void {
    this.judged.add(DDF_RULES.accessType);
    this.accessType(properties, where);
    this.format(properties, where, hasChildNodes);
    this.type(properties, where);
    this.values(properties, where);
    const known = ['AccessType', 'DefaultValue', 'Description', 'DFFormat', 'Occurrence', 'Scope', 'DFTitle', 'DFType', 'CaseSense'];
    this.unknown(properties, known, DDF_RULES.accessType, where);
  }

  accessType(properties: XmlElement, where: string): void {
    const rule = DDF_RULES.accessType;
    const found = this.some(properties, 'AccessType', rule, where);
    if (found.length === 0) this.problem(rule, where, 'DFProperties has no AccessType');
    for (const accessType of found) {
      const seen = new Set<string>();
      for (const child of accessType.children) {
        if (!(DDF_ACCESS_ELEMENTS as readonly string[]).includes(child.name))
          this.problem(rule, `${where}/AccessType`, `${child.name} is none of ${DDF_ACCESS_ELEMENTS.join(', ')}`);
        else if (child.children.length > 0 || child.text.trim() !== '')
          this.problem(rule, `${where}/AccessType`, `AccessType/${child.name} must be empty`);
        if (seen.has(child.name)) this.problem(rule, `${where}/AccessType`, `${child.name} appears twice`);
        seen.add(child.name);
      }
      if (accessType.text.trim() !== '') this.problem(rule, `${where}/AccessType`, 'AccessType holds text, not access type elements');
    }
  }

  format(properties: XmlElement, where: string, hasChildNodes: boolean): void {
    const rule = DDF_RULES.format;
    for (const format of this.some(properties, 'DFFormat', rule, where)) {
      this.judged.add(rule);
      this.oneOf(format, DDF_FORMAT_ELEMENTS, rule, `${where}/DFFormat`);
      const chosen = format.children[0]?.name;
      if (hasChildNodes && format.children.length === 1 && chosen !== 'node')
        this.problem(rule, `${where}/DFFormat`, `a Node with child Nodes has the format ${chosen ?? '?'}, not node`);
    }
  }

  type(properties: XmlElement, where: string): void {
    const rule = DDF_RULES.type;
    for (const type of this.some(properties, 'DFType', rule, where)) {
      this.judged.add(rule);
      const [choice, ...more] = type.children;
      if (choice === undefined || more.length > 0 || !['MIME', 'DDFName'].includes(choice.name)) {
        const held = type.children.map((child) => child.name).join(', ') || 'nothing';
        this.problem(rule, `${where}/DFType`, `DFType must hold exactly one MIME or DDFName; it holds ${held}`);
        continue;
      }
      this.textOnly(choice, rule, `${where}/DFType/${choice.name}`);
      const value = choice.text.trim();
      if (choice.name === 'MIME' && !MEDIA_TYPE.test(value))
        this.problem(rule, `${where}/DFType/MIME`, `MIME ${JSON.stringify(value.slice(0, 80))} is not a media type`);
    }
  }

  values(properties: XmlElement, where: string): void {
    const rule = DDF_RULES.propertyValues;
    for (const name of ['DefaultValue', 'Description', 'DFTitle'])
      for (const element of this.some(properties, name, rule, where)) {
        this.judged.add(rule);
        this.textOnly(element, rule, `${where}/${name}`);
      }
    const enumerations: [string, readonly string[], readonly string[]][] = [
      ['Occurrence', OCCURRENCES, ['ZeroOrN', 'OneOrN']],
      ['Scope', SCOPES, []],
      ['CaseSense', CASE_SENSES, []],
    ];
    for (const [name, allowed, counted] of enumerations)
      for (const element of this.some(properties, name, rule, where)) {
        this.judged.add(rule);
        this.oneOf(element, allowed, rule, `${where}/${name}`, counted);
        const choice = element.children[0];
        if (
          element.children.length === 1 &&
          choice !== undefined &&
          counted.includes(choice.name) &&
          !/^[1-9][0-9]*$/.test(choice.text.trim())
        )
          this.problem(rule, `${where}/${name}`, `${name}/${choice.name} must hold a positive count N`);
      }
  }
}

/** Checks a DDF document's elements (section 6.4), given its document element. */
export function checkDdf(root: XmlElement): DdfReport {
  const checker = new Checker();
  checker.mgmtTree(root);
  return { problems: checker.problems, judged: checker.judged };
}
