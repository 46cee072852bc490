/**
 * What `dmct run` hands its Playwright workers (fixtures/run-config.ts reads it back): the
 * environment variables, and the claims files of the reference peers used when none is named.
 */
import { existsSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import { DEFAULT_EDITION } from '../scr/index.js';

/** The side the target plays (claims `role`). */
export type TargetRole = 'server' | 'client';

/** Environment variables the fixtures read. */
export const RUN_ENV = {
  /** Claims file of a server target (default: the reference server's, fixtures/claims/). */
  claimsServer: 'DMCT_CLAIMS_SERVER',
  /** Claims file of a client target (default: the reference client's, fixtures/claims/). */
  claimsClient: 'DMCT_CLAIMS_CLIENT',
  /**
   * Folder that relative paths in the server's claims (module triggers, shell commands) resolve
   * against; default the claims file's own folder. A claims file rewritten by --target keeps its
   * original's folder through it.
   */
  claimsDirServer: 'DMCT_CLAIMS_DIR_SERVER',
  /** The same for the client's claims. */
  claimsDirClient: 'DMCT_CLAIMS_DIR_CLIENT',
  /** `1` (default): start the embedded reference peer of the role in the worker; `0`: the claims' URLs are a real target. */
  embedded: 'DMCT_EMBEDDED',
  /** Comma-separated fault switches of the embedded peer (a mutant run); project metadata `faults` wins. */
  faults: 'DMCT_FAULTS',
  /** SCR table edition; default the claims' `edition`, else the default edition. */
  edition: 'DMCT_EDITION',
} as const;

/** The sample claims of the reference peers, used when no claims file is named. */
export const REFERENCE_CLAIMS: Readonly<Record<TargetRole, string>> = {
  server: packagePath('fixtures', 'claims', 'reference-server.json'),
  client: packagePath('fixtures', 'claims', 'reference-client.json'),
};

/**
 * The reference peers' claims under an SCR edition: the default edition's are
 * {@link REFERENCE_CLAIMS}; another edition's live in `fixtures/claims/<edition>/<role>.json`.
 * Undefined when the package ships none for that edition.
 */
export function referenceClaimsOf(edition: string, role: TargetRole): string | undefined {
  if (edition === DEFAULT_EDITION) return REFERENCE_CLAIMS[role];
  const file = packagePath('fixtures', 'claims', edition, `${role}.json`);
  return existsSync(file) ? file : undefined;
}
