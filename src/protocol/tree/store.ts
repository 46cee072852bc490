import type { ClientUri } from '../addressing/client-uri.js';
import { parseClientUri } from '../addressing/client-uri.js';
import { NEW_INSTANCE_MIID_FALLBACK } from '../interpretations/tree.js';
import { MIID_PATTERN } from '../interpretations/packages.js';
import type { MoDataEntry } from '../schemas/mo-data.schema.js';
import { formatOfJson, leafValueFromJson, leafValueFromText } from './leaf-values.js';
import { locationUri, type NodeLocation } from './location.js';
import type { ManagementTree, MoInstance } from './management-tree.js';
import { allows, childNamed, cloneNode, isInterior, type AccessType, type TreeNode } from './node.js';
import { resolveClientUri } from './resolve.js';

/** Data fetched for HGET (section 5.3.1): dmmo+json entries, or one raw leaf value (`text/plain`). */
export type StoreInput = { kind: 'mo-data'; entries: MoDataEntry[] } | { kind: 'text'; text: string };

/**
 * Outcome of storing: the concrete ClientURIs written (reported in the status `URI` array,
 * section 5.2.4), or the Appendix C status of the failure.
 */
export type StoreResult = { ok: true; uris: string[] } | { ok: false; status: number; reason: string };

/** Asked before an MO is written: false → 403 (section 10, only provisioned MOIDs). */
export type MoidPermission = (moid: string) => boolean;

class StoreFailure extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Deepest MO data accepted: deeper nesting is refused (415) rather than risking the stack. */
const MAX_DEPTH = 64;

/** Access types given to nodes that HGET creates: the creator gets full rights (section 10). */
const CREATED_ACCESS: readonly AccessType[] = ['Add', 'Delete', 'Get', 'Replace'];

/** A value for a message: JSON, cut short. */
function shown(json: unknown): string {
  const text = JSON.stringify(json) ?? String(json);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A node built from JSON data. Nodes HGET creates are dynamic; they are runtime-named (`<x>`,
 * addressable by x-name and `*`) because nothing but the data names them.
 */
function nodeFromJson(name: string, json: unknown, depth = 0): TreeNode {
  if (depth > MAX_DEPTH) throw new StoreFailure(415, `MO data nests deeper than ${MAX_DEPTH} levels`);
  if (!MIID_PATTERN.test(name))
    throw new StoreFailure(415, `member ${JSON.stringify(name)} is not a node name (1*unreserved, section 6.1.1)`);
  const format = formatOfJson(json);
  if (format === undefined) throw new StoreFailure(415, `member ${JSON.stringify(name)} holds a JSON array, which no node format takes`);
  const node: TreeNode = { name, format, access: CREATED_ACCESS, scope: 'dynamic', unnamed: true };
  if (format === 'node')
    node.children = Object.entries(json as Record<string, unknown>).map(([child, value]) => nodeFromJson(child, value, depth + 1));
  else node.value = json as TreeNode['value'];
  return node;
}

/** Writes a JSON value onto an existing node (a copy), checking formats and access types. */
function writeJson(node: TreeNode, json: unknown): void {
  if (!isInterior(node)) {
    const value = leafValueFromJson(node.format as Exclude<TreeNode['format'], 'node'>, json);
    if (value === undefined) throw new StoreFailure(415, `leaf ${node.name} (${node.format}) cannot hold ${shown(json)}`);
    if (node.value === value) return;
    if (!allows(node, 'Replace')) throw new StoreFailure(403, `leaf ${node.name} does not allow Replace`);
    node.value = value;
    return;
  }
  if (!isPlainObject(json)) throw new StoreFailure(415, `interior node ${node.name} needs a JSON object, got ${shown(json)}`);
  const kept: TreeNode[] = [];
  for (const child of node.children ?? []) {
    if (child.name in json || child.scope === 'permanent') kept.push(child);
    else if (!allows(child, 'Delete')) throw new StoreFailure(403, `node ${child.name} would be removed but does not allow Delete`);
  }
  for (const [name, value] of Object.entries(json)) {
    const existing = kept.find((child) => child.name === name);
    if (existing) writeJson(existing, value);
    else {
      if (!allows(node, 'Add')) throw new StoreFailure(403, `node ${node.name} does not allow adding ${name}`);
      kept.push(nodeFromJson(name, value));
    }
  }
  node.children = kept;
}

function replaceAt(instance: MoInstance, path: readonly string[], replacement: TreeNode): void {
  if (path.length === 0) {
    instance.root = replacement;
    return;
  }
  let parent = instance.root;
  for (const name of path.slice(0, -1)) parent = childNamed(parent, name) ?? parent;
  parent.children = (parent.children ?? []).map((child) => (child.name === replacement.name ? replacement : child));
}

function singleMember(entry: MoDataEntry): [string, unknown] {
  const members = Object.entries(entry.MOData);
  const [first] = members;
  if (members.length !== 1 || !first) throw new StoreFailure(415, `MOData must hold exactly one member, it holds ${members.length}`);
  return first;
}

function storeIntoLocation(tree: ManagementTree, location: NodeLocation, input: StoreInput): void {
  const copy = cloneNode(location.node);
  if (input.kind === 'text') {
    if (isInterior(copy)) throw new StoreFailure(415, `text/plain data cannot be stored into interior node ${copy.name}`);
    const value = leafValueFromText(copy.format as Exclude<TreeNode['format'], 'node'>, input.text);
    if (value === undefined) throw new StoreFailure(415, `text ${JSON.stringify(input.text.slice(0, 50))} is not a ${copy.format} value`);
    writeJson(copy, value);
  } else {
    if (input.entries.length !== 1)
      throw new StoreFailure(415, `${input.entries.length} MO data objects cannot be stored at one ClientURI`);
    writeJson(copy, singleMember(input.entries[0] as MoDataEntry)[1]);
  }
  replaceAt(location.instance, location.path, copy);
  tree.recordChange(location.instance, location.path, 'replaced');
}

function newMiid(tree: ManagementTree, moid: string, rootName: string): string {
  return tree.freeMiid(moid, MIID_PATTERN.test(rootName) ? rootName : NEW_INSTANCE_MIID_FALLBACK);
}

function newInstanceRoot(entry: MoDataEntry): TreeNode {
  const [rootName, json] = singleMember(entry);
  if (!isPlainObject(json)) throw new StoreFailure(415, `the root member ${JSON.stringify(rootName)} of a new instance must be an object`);
  return nodeFromJson(rootName, json);
}

function createInstance(tree: ManagementTree, moid: string, root: TreeNode, miid?: string): string {
  const instance = tree.addInstance(moid, miid ?? newMiid(tree, moid, root.name), root);
  return locationUri({ instance, path: [] });
}

function createChild(tree: ManagementTree, parent: NodeLocation, name: string, input: StoreInput): string {
  if (!isInterior(parent.node)) throw new StoreFailure(404, `${locationUri(parent)} is a leaf and cannot hold ${name}`);
  if (!allows(parent.node, 'Add')) throw new StoreFailure(403, `node ${parent.node.name} does not allow adding ${name}`);
  if (input.kind === 'text') throw new StoreFailure(415, `text/plain data cannot create node ${name}: its format is unknown`);
  if (input.entries.length !== 1) throw new StoreFailure(415, `${input.entries.length} MO data objects cannot be stored at one ClientURI`);
  const child = nodeFromJson(name, singleMember(input.entries[0] as MoDataEntry)[1]);
  const copy = cloneNode(parent.node);
  copy.children = [...(copy.children ?? []), child];
  replaceAt(parent.instance, parent.path, copy);
  const path = [...parent.path, name];
  tree.recordChange(parent.instance, path, 'created');
  return locationUri({ instance: parent.instance, path });
}

/** Where a ClientURI that does not resolve may still receive data: a new instance or a new child. */
function storeAtMissing(tree: ManagementTree, target: ClientUri, input: StoreInput): string {
  if (target.path.length === 0 && (target.instance.kind === 'only' || target.instance.kind === 'miid')) {
    if (input.kind === 'text') throw new StoreFailure(415, 'text/plain data cannot create an MO instance');
    if (input.entries.length !== 1)
      throw new StoreFailure(415, `${input.entries.length} MO data objects cannot be stored at one ClientURI`);
    if (target.instance.kind === 'only' && tree.instancesOf(target.moid).length > 1) {
      throw new StoreFailure(
        404,
        `${tree.instancesOf(target.moid).length} instances of ${target.moid}, an empty mo-inst needs exactly one`,
      );
    }
    const root = newInstanceRoot(input.entries[0] as MoDataEntry);
    return createInstance(tree, target.moid, root, target.instance.kind === 'miid' ? target.instance.miid : undefined);
  }
  const last = target.path.at(-1);
  if (last?.kind !== 'real-name') throw new StoreFailure(404, 'the ClientURI resolves to no node');
  const parent = resolveClientUri(tree, { ...target, path: target.path.slice(0, -1) });
  if (!parent.ok || parent.locations.length !== 1) throw new StoreFailure(404, 'the ClientURI resolves to no node');
  return createChild(tree, parent.locations[0] as NodeLocation, last.name, input);
}

function run(action: () => string[]): StoreResult {
  try {
    return { ok: true, uris: action() };
  } catch (error) {
    if (error instanceof StoreFailure) return { ok: false, status: error.status, reason: error.message };
    throw error;
  }
}

/**
 * Stores HGET data at a ClientURI (section 5.3.1: "replacing all existing data"). The target
 * must resolve to one node, whose subtree is replaced (permanent children the data omits are
 * kept); when it does not resolve, an instance root (`<MOID>//` or `<MOID>/<MIID>/`) gets a new
 * instance and a missing last real-name segment a new child. Nothing changes on failure.
 * Statuses (Appendix C): 400 wildcard target, 403 access type or MOID not permitted, 404 no
 * place, 415 data that does not fit.
 */
export function storeAtClientUri(
  tree: ManagementTree,
  target: ClientUri,
  input: StoreInput,
  permitted: MoidPermission = () => true,
): StoreResult {
  return run(() => {
    if (!permitted(target.moid)) throw new StoreFailure(403, `the server may not manage ${target.moid}`);
    if (target.instance.kind === 'all' || target.path.some((segment) => segment.kind === 'wildcard')) {
      throw new StoreFailure(400, 'HGET cannot store at a ClientURI with a wildcard');
    }
    const resolution = resolveClientUri(tree, target);
    if (!resolution.ok) return [storeAtMissing(tree, target, input)];
    const location = resolution.locations[0] as NodeLocation;
    storeIntoLocation(tree, location, input);
    return [locationUri(location)];
  });
}

/**
 * Stores HGET data without a ClientURI (section 5.3.1: the client chooses the place and reports
 * it): every dmmo+json entry becomes a new instance of the MOID its `ClientURI` names, with a
 * client-assigned MIID (reading `NEW_INSTANCE_MIID_FALLBACK`). Raw text has no place → 415.
 */
export function storeWithoutClientUri(tree: ManagementTree, input: StoreInput, permitted: MoidPermission = () => true): StoreResult {
  return run(() => {
    if (input.kind === 'text') throw new StoreFailure(415, 'a text/plain value needs a ClientURI to be stored');
    if (input.entries.length === 0) throw new StoreFailure(415, 'the MO data array is empty');
    const instances = input.entries.map((entry) => {
      const parsed = parseClientUri(entry.ClientURI);
      if (!parsed.value) throw new StoreFailure(415, `MO data ClientURI ${JSON.stringify(entry.ClientURI)} is malformed`);
      if (!permitted(parsed.value.moid)) throw new StoreFailure(403, `the server may not manage ${parsed.value.moid}`);
      return { moid: parsed.value.moid, root: newInstanceRoot(entry) };
    });
    return instances.map(({ moid, root }) => createInstance(tree, moid, root));
  });
}
