import type { ManagementTree } from '../../protocol/tree/management-tree.js';
import type { TreeNode } from '../../protocol/tree/node.js';
import { hasMoFault } from '../faults/client-faults-mo.js';
import type { FaultSet } from '../faults/types.js';

/**
 * The reference client's Device Description Framework documents (section 6.4: the DM 1.3 DDF,
 * DTD version 1.2), written from the MO instances it holds: one Node description per named node
 * and one per group of unnamed (`<x>`) siblings, with its access types, format, occurrence,
 * scope, title and type. An MO the client holds no instance of is described by its root alone.
 * The DDF fault switches each break one element group here.
 */

/** Who wrote the DDFs (MgmtTree Man and Mod, section 6.4). */
export interface DdfAuthor {
  man: string;
  mod: string;
}

/** The media type the DDFs are served with (the DM 1.3 DDF media type). */
export const DDF_MEDIA_TYPE = 'application/vnd.syncml.dmddf+xml';

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** A DDF element: `<name>` holding text or elements, or `<name/>`. */
function element(name: string, content: string | readonly string[] = ''): string {
  const inner = typeof content === 'string' ? escapeXml(content) : content.join('');
  return inner === '' && typeof content !== 'string' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

/** Sibling descriptions: each named node once, the unnamed ones once for all (they share a definition). */
function describedChildren(node: TreeNode): { node: TreeNode; many: boolean }[] {
  const children = node.children ?? [];
  const unnamed = children.filter((child) => child.unnamed);
  const named = children.filter((child) => !child.unnamed).map((child) => ({ node: child, many: false }));
  return unnamed[0] === undefined ? named : [...named, { node: unnamed[0], many: true }];
}

function properties(node: TreeNode, many: boolean, moid: string | undefined, faults: FaultSet<string>): string {
  const access = node.access.map((type) => (type === 'Get' && hasMoFault(faults, 'ddf-access-type-unknown') ? 'Read' : type));
  const format = node.format === 'chr' && hasMoFault(faults, 'ddf-format-unknown') ? 'string' : node.format;
  const occurrence = hasMoFault(faults, 'ddf-occurrence-unknown') ? 'Many' : many ? 'ZeroOrMore' : 'One';
  const type = hasMoFault(faults, 'ddf-dftype-empty')
    ? []
    : moid !== undefined || node.format === 'node'
      ? [element('DDFName', moid ?? '')]
      : [element('MIME', 'text/plain')];
  return element('DFProperties', [
    element(
      'AccessType',
      access.map((name) => element(name, [])),
    ),
    element('Description', `${node.unnamed ? 'runtime-named ' : ''}${node.format === 'node' ? 'interior node' : `${node.format} leaf`}`),
    element('DFFormat', [element(format, [])]),
    element('Occurrence', [element(occurrence, [])]),
    element('Scope', [element(node.scope === 'dynamic' ? 'Dynamic' : 'Permanent', [])]),
    element('DFTitle', node.name),
    element('DFType', type),
    ...(node.format === 'chr' ? [element('CaseSense', [element('CS', [])])] : []),
  ]);
}

/** The Node description of `node` and, below it, of its children; `moid` marks an instance root. */
function nodeDescription(node: TreeNode, many: boolean, faults: FaultSet<string>, moid?: string): string {
  const leafWithoutName = node.format !== 'node' && hasMoFault(faults, 'ddf-node-without-name');
  return element('Node', [
    ...(leafWithoutName ? [] : [element('NodeName', node.unnamed ? '' : node.name)]),
    properties(node, many, moid, faults),
    ...describedChildren(node).map((child) => nodeDescription(child.node, child.many, faults)),
  ]);
}

/** The root of an MO the client holds no instance of: an unnamed interior node it may create. */
function bareRoot(): TreeNode {
  return { name: '', format: 'node', access: ['Get', 'Add'], scope: 'dynamic', unnamed: true, children: [] };
}

/** The DDF of `moid` as the client serves it (section 6.4), or undefined for an MOID it does not know. */
export function ddfDocument(tree: ManagementTree, moid: string, author: DdfAuthor, faults: FaultSet<string>): string | undefined {
  if (!tree.moids().includes(moid)) return undefined;
  const root = tree.instancesOf(moid)[0]?.root ?? bareRoot();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE MgmtTree PUBLIC "-//OMA//DTD-DM-DDF 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/DM_DDF-V1_2.dtd">',
    element('MgmtTree', [
      ...(hasMoFault(faults, 'ddf-without-verdtd') ? [] : [element('VerDTD', '1.2')]),
      element('Man', author.man),
      element('Mod', author.mod),
      nodeDescription({ ...root, unnamed: true }, true, faults, moid),
    ]),
    '',
  ].join('\n');
}
