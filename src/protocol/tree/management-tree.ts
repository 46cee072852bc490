import { cloneNode, type TreeNode } from './node.js';

/** One MO instance: identified by MOID + MIID, unique in the tree (section 6.1.1.1, 6.3). */
export interface MoInstance {
  readonly moid: string;
  readonly miid: string;
  /** The instance root node; its `name` names the root member of dmmo+json (section 7.2.1.4). */
  root: TreeNode;
  /** Cache validator, changed on every modification of the instance (section 11.1). */
  cv: string;
}

/** A modification of the tree: the instance and the path (node names below its root) touched. */
export interface TreeChange {
  moid: string;
  miid: string;
  /** Node names from the instance root down to the changed node; `[]` = the whole instance. */
  path: string[];
  kind: 'replaced' | 'created' | 'deleted';
}

/**
 * The management tree of a DM client (section 6.3): MO instances keyed by MOID and MIID, the
 * DDF URL of each MOID (section 6.4, MOS `DDF`), one cache validator per instance (section 11).
 * Pure data: no I/O. Every modification goes through `recordChange`, which renews the
 * instance's cache validator and tells the change listeners (SUB, section 5.3.11).
 */
export class ManagementTree {
  private readonly byMoid = new Map<string, Map<string, MoInstance>>();
  private readonly ddfs = new Map<string, string>();
  private readonly listeners = new Set<(change: TreeChange) => void>();
  private revision = 0;

  /** Adds (or replaces) an instance; the root is copied. */
  addInstance(moid: string, miid: string, root: TreeNode): MoInstance {
    let instances = this.byMoid.get(moid);
    if (!instances) {
      instances = new Map();
      this.byMoid.set(moid, instances);
    }
    const instance: MoInstance = { moid, miid, root: cloneNode(root), cv: this.nextValidator() };
    instances.set(miid, instance);
    this.notify({ moid, miid, path: [], kind: 'created' });
    return instance;
  }

  /** Removes an instance; false when there was none. */
  removeInstance(moid: string, miid: string): boolean {
    const removed = this.byMoid.get(moid)?.delete(miid) ?? false;
    if (removed) this.notify({ moid, miid, path: [], kind: 'deleted' });
    return removed;
  }

  /** The instance with that MOID and MIID (section 6.1.1.1, mo-inst = MIID). */
  instance(moid: string, miid: string): MoInstance | undefined {
    return this.byMoid.get(moid)?.get(miid);
  }

  /** Every instance of a MOID, in creation order. */
  instancesOf(moid: string): MoInstance[] {
    return [...(this.byMoid.get(moid)?.values() ?? [])];
  }

  /** Every MOID with at least one instance or a known DDF. */
  moids(): string[] {
    const all = new Set([...this.ddfs.keys()]);
    for (const [moid, instances] of this.byMoid) if (instances.size > 0) all.add(moid);
    return [...all];
  }

  /** Records the DDF URL of a MOID (section 6.4; Package#1 MOS `DDF`, section 5.2.2). */
  setDdf(moid: string, url: string): void {
    this.ddfs.set(moid, url);
  }

  /** The DDF URL of a MOID, if known (section 6.4). */
  ddf(moid: string): string | undefined {
    return this.ddfs.get(moid);
  }

  /**
   * A free MIID for a new instance (the client assigns MIIDs, section 5.3.1): the preferred one
   * when it is free, else the preferred one with the smallest free numeric suffix.
   */
  freeMiid(moid: string, preferred: string): string {
    const taken = this.byMoid.get(moid);
    if (!taken?.has(preferred)) return preferred;
    let n = 2;
    while (taken.has(`${preferred}-${n}`)) n++;
    return `${preferred}-${n}`;
  }

  /** Renews the instance's cache validator and tells the listeners (section 11.1). */
  recordChange(instance: MoInstance, path: string[], kind: TreeChange['kind']): void {
    instance.cv = this.nextValidator();
    this.notify({ moid: instance.moid, miid: instance.miid, path, kind });
  }

  /** Calls the listener after every modification; returns the function that removes it. */
  onChange(listener: (change: TreeChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private nextValidator(): string {
    this.revision += 1;
    return `r${this.revision}`;
  }

  private notify(change: TreeChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
