import type { AccessType, LeafValue, NodeFormat, NodeScope, TreeNode } from './node.js';

/** Options shared by the node builders; defaults describe a permanent, named, Get-only node. */
export interface NodeOptions {
  access?: readonly AccessType[];
  scope?: NodeScope;
  /** The MO definition names this node `<x>` (section 6.1.1.2). */
  unnamed?: boolean;
}

const DEFAULT_ACCESS: readonly AccessType[] = ['Get'];

/** An interior node (section 6.3.1, format `node`). */
export function interior(name: string, children: TreeNode[], options: NodeOptions = {}): TreeNode {
  return {
    name,
    format: 'node',
    access: options.access ?? DEFAULT_ACCESS,
    scope: options.scope ?? 'permanent',
    unnamed: options.unnamed ?? false,
    children,
  };
}

/** A leaf (section 6.3.1); `value` undefined = a leaf without content. */
export function leaf(name: string, format: Exclude<NodeFormat, 'node'>, value: LeafValue | undefined, options: NodeOptions = {}): TreeNode {
  const node: TreeNode = {
    name,
    format,
    access: options.access ?? DEFAULT_ACCESS,
    scope: options.scope ?? 'permanent',
    unnamed: options.unnamed ?? false,
  };
  if (value !== undefined) node.value = value;
  return node;
}
