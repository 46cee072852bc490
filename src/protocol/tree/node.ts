/**
 * Node formats of the management tree (section 6.3.1, "Format"; section 6.4 DDF format
 * elements). `node` is an interior node; every other format is a leaf.
 */
export const NODE_FORMATS = ['node', 'null', 'b64', 'bin', 'bool', 'chr', 'int', 'xml', 'date', 'time', 'float'] as const;

/** One node format (section 6.3.1). */
export type NodeFormat = (typeof NODE_FORMATS)[number];

/** Access types a node may allow (section 6.3.1, "Min. Access Type"; section 6.3.1.1). */
export const ACCESS_TYPES = ['Add', 'Delete', 'Exec', 'Get', 'Replace'] as const;

/** One access type (section 6.3.1). */
export type AccessType = (typeof ACCESS_TYPES)[number];

/** The JSON value a leaf holds once parsed (section 7.2.1.4: "the type of the DDF format"). */
export type LeafValue = string | number | boolean | null;

/**
 * Permanent nodes cannot be created, deleted or renamed by a server; dynamic nodes are created
 * by HGET and removed by DELETE (section 6.3.1.2).
 */
export type NodeScope = 'permanent' | 'dynamic';

/** One node of an MO instance (section 6.3.1). Interior nodes carry `children`, leaves `value`. */
export interface TreeNode {
  /** The node's real name among its siblings (section 6.3.1.3). */
  name: string;
  format: NodeFormat;
  access: readonly AccessType[];
  scope: NodeScope;
  /**
   * True for a node the MO definition names `<x>` (named at run time): only such nodes can be
   * addressed by an x-name or `*` (section 6.1.1.2).
   */
  unnamed: boolean;
  /** A leaf's content; absent when the leaf has no content (GET answers 204, Appendix C). */
  value?: LeafValue;
  /** An interior node's children, in insertion order. */
  children?: TreeNode[];
}

/** True for an interior node (section 6.3.1, format `node`). */
export function isInterior(node: TreeNode): boolean {
  return node.format === 'node';
}

/** True when the node allows the access type (section 6.3.1.1). */
export function allows(node: TreeNode, access: AccessType): boolean {
  return node.access.includes(access);
}

/** The child with that real name, if any (section 6.1.2, step 2: real names match exactly). */
export function childNamed(node: TreeNode, name: string): TreeNode | undefined {
  return node.children?.find((child) => child.name === name);
}

/** A deep copy, so that a stored subtree never aliases data handed in or out. */
export function cloneNode(node: TreeNode): TreeNode {
  const copy: TreeNode = { ...node, access: [...node.access] };
  if (node.children) copy.children = node.children.map(cloneNode);
  return copy;
}
