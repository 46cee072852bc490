import type { DefaultSource } from './schemas/client-state.schema.js';

/**
 * ServerURIs remembered by DEFAULT (section 5.3.10): one per MOID, a new DEFAULT replacing the old
 * one. Kept raw: placeholders are filled when the ServerURI is used (App I.3).
 */
export class DefaultSources {
  private readonly byMoid = new Map<string, string>();

  set(moid: string, serverUri: string): void {
    this.byMoid.set(moid, serverUri);
  }

  get(moid: string): string | undefined {
    return this.byMoid.get(moid);
  }

  list(): DefaultSource[] {
    return [...this.byMoid].map(([moid, serverUri]) => ({ moid, serverUri }));
  }
}
