import type { ClientUri, NodeValueCondition } from '../addressing/client-uri.js';
import { parseClientUri } from '../addressing/client-uri.js';
import { UNRESOLVED_CLIENT_URI_STATUS } from '../interpretations/tree.js';
import { leafValueToText } from './leaf-values.js';
import type { ManagementTree, MoInstance } from './management-tree.js';
import type { NodeLocation } from './location.js';
import { childNamed, isInterior, type TreeNode } from './node.js';

/** Why a ClientURI did not resolve, with the Appendix C status a client answers. */
export interface ResolutionError {
  ok: false;
  /** 400 for a malformed ClientURI, else `UNRESOLVED_CLIENT_URI_STATUS` (404). */
  status: number;
  reason: string;
}

/** The locations a ClientURI addresses (one, or several for a wildcard, section 6.1.2). */
export type Resolution = { ok: true; locations: NodeLocation[] } | ResolutionError;

function unresolved(reason: string): ResolutionError {
  return { ok: false, status: UNRESOLVED_CLIENT_URI_STATUS, reason };
}

function leafAt(node: TreeNode, path: readonly string[]): TreeNode | undefined {
  let current: TreeNode | undefined = node;
  for (const name of path) current = current && childNamed(current, name);
  return current;
}

/** True when every `nv` field for `xName` holds at `node` (section 6.1.1.3, node-value). */
function satisfies(node: TreeNode, xName: string, conditions: readonly NodeValueCondition[]): boolean {
  return conditions
    .filter((condition) => condition.xName === xName)
    .every((condition) => {
      const target = leafAt(node, condition.path);
      return target !== undefined && !isInterior(target) && target.value !== undefined && leafValueToText(target.value) === condition.value;
    });
}

function selectInstances(tree: ManagementTree, uri: ClientUri): MoInstance[] | ResolutionError {
  const all = tree.instancesOf(uri.moid);
  const selector = uri.instance;
  switch (selector.kind) {
    case 'miid': {
      const found = tree.instance(uri.moid, selector.miid);
      return found ? [found] : unresolved(`no instance ${selector.miid} of ${uri.moid}`);
    }
    case 'only':
      if (all.length === 1) return all;
      return unresolved(
        all.length === 0 ? `no instance of ${uri.moid}` : `${all.length} instances of ${uri.moid}, an empty mo-inst needs exactly one`,
      );
    case 'all':
      return all.length > 0 ? all : unresolved(`no instance of ${uri.moid}`);
    case 'x-name': {
      const matching = all.filter((instance) => satisfies(instance.root, selector.name, uri.query.nv));
      if (matching.length === 1) return matching;
      return unresolved(`${matching.length} instances of ${uri.moid} satisfy the nv fields of (${selector.name}), exactly one is needed`);
    }
  }
}

/**
 * Resolves a parsed ClientURI against the tree (section 6.1.2): step 1 picks the instance(s) by
 * mo-inst, step 2 walks the path — real names match exactly, an x-name must match exactly one
 * runtime-named (`<x>`) child satisfying its `nv` fields, `*` takes every runtime-named child.
 * Named nodes are reachable by their real name only (section 6.1.1.2). Without a wildcard the
 * result is exactly one location; with one, every match (at least one).
 */
export function resolveClientUri(tree: ManagementTree, uri: ClientUri): Resolution {
  const instances = selectInstances(tree, uri);
  if (!Array.isArray(instances)) return instances;
  let frontier: NodeLocation[] = instances.map((instance) => ({ instance, path: [], node: instance.root }));
  for (const segment of uri.path) {
    const next: NodeLocation[] = [];
    for (const location of frontier) {
      const children = location.node.children ?? [];
      const step = (child: TreeNode): void => {
        next.push({ instance: location.instance, path: [...location.path, child.name], node: child });
      };
      if (segment.kind === 'real-name') {
        const child = childNamed(location.node, segment.name);
        if (child) step(child);
      } else if (segment.kind === 'wildcard') {
        children.filter((child) => child.unnamed).forEach(step);
      } else {
        const matching = children.filter((child) => child.unnamed && satisfies(child, segment.name, uri.query.nv));
        if (matching.length > 1)
          return unresolved(`${matching.length} nodes satisfy the nv fields of (${segment.name}), exactly one is needed`);
        matching.forEach(step);
      }
    }
    frontier = next;
  }
  if (frontier.length === 0) return unresolved(`no node at ${uri.moid} path /${uri.path.map(describeSegment).join('/')}`);
  return { ok: true, locations: frontier };
}

function describeSegment(segment: ClientUri['path'][number]): string {
  return segment.kind === 'wildcard' ? '*' : segment.kind === 'x-name' ? `(${segment.name})` : segment.name;
}

/** Parses then resolves a ClientURI text; a malformed one gives status 400 (Appendix C). */
export function resolveClientUriText(tree: ManagementTree, text: string): Resolution & { uri?: ClientUri } {
  const parsed = parseClientUri(text);
  if (!parsed.value) {
    const first = parsed.violations.find((violation) => violation.severity === 'error');
    return { ok: false, status: 400, reason: first?.message ?? `malformed ClientURI ${JSON.stringify(text)}` };
  }
  return { ...resolveClientUri(tree, parsed.value), uri: parsed.value };
}
