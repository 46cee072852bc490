import { parseClientUri, type ClientUri } from '../../protocol/addressing/client-uri.js';
import type { NodeLocation } from '../../protocol/tree/location.js';
import type { ManagementTree, TreeChange } from '../../protocol/tree/management-tree.js';
import { resolveClientUri } from '../../protocol/tree/resolve.js';
import type { Subscription } from './schemas/client-state.schema.js';

interface ActiveSubscription extends Subscription {
  uri: ClientUri;
  /** Instances and paths the ClientURI resolved to when last looked at. */
  watched: { moid: string; miid: string; path: string[] }[];
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, i) => path[i] === name);
}

/**
 * The client's SUBs (section 5.3.11): keyed by the exact ClientURI text (UNSUB must repeat it,
 * section 5.3.12). Tree changes at, below or above a watched node mark the subscription; `flush`
 * hands each marked one, once, to the deliverer (HTTP PUT of the subtree), so several changes made
 * by one command give one PUT.
 */
export class Subscriptions {
  private readonly active = new Map<string, ActiveSubscription>();
  private readonly marked = new Set<string>();

  constructor(private readonly tree: ManagementTree) {
    tree.onChange((change) => this.observe(change));
  }

  /** Adds (or renews) a SUB; false when its ClientURI is malformed or addresses nothing. */
  add(clientUri: string, serverUri: string): boolean {
    const uri = parseClientUri(clientUri).value;
    if (!uri) return false;
    const resolution = resolveClientUri(this.tree, uri);
    if (!resolution.ok) return false;
    this.active.set(clientUri, { clientUri, serverUri, uri, watched: resolution.locations.map(watch) });
    return true;
  }

  /** Cancels the SUB with exactly this ClientURI; false when there is none (UNSUB → 404). */
  remove(clientUri: string): boolean {
    this.marked.delete(clientUri);
    return this.active.delete(clientUri);
  }

  list(): Subscription[] {
    return [...this.active.values()].map(({ clientUri, serverUri }) => ({ clientUri, serverUri }));
  }

  /** Delivers every subscription changed since the last flush, in the order they were made. */
  async flush(deliver: (subscription: Subscription, locations: NodeLocation[]) => Promise<void>): Promise<void> {
    const due = [...this.active.values()].filter((sub) => this.marked.has(sub.clientUri));
    this.marked.clear();
    for (const sub of due) {
      const resolution = resolveClientUri(this.tree, sub.uri);
      if (!resolution.ok) continue;
      sub.watched = resolution.locations.map(watch);
      await deliver({ clientUri: sub.clientUri, serverUri: sub.serverUri }, resolution.locations);
    }
  }

  private observe(change: TreeChange): void {
    for (const sub of this.active.values()) {
      if (sub.uri.moid !== change.moid) continue;
      const hit = sub.watched.some((w) => w.miid === change.miid && (isPrefix(w.path, change.path) || isPrefix(change.path, w.path)));
      const newInstance = change.path.length === 0 && sub.uri.instance.kind !== 'miid';
      if (hit || newInstance) this.marked.add(sub.clientUri);
    }
  }
}

function watch(location: NodeLocation): { moid: string; miid: string; path: string[] } {
  return { moid: location.instance.moid, miid: location.instance.miid, path: location.path };
}
