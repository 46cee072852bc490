/**
 * Which targets a run tests, and with which claims: per role, either the
 * embedded reference peer (no claims and no `--target` given: its sample claims, optionally with
 * fault switches) or an external implementation described by the vendor's claims file (ICS +
 * IXIT), optionally pointed elsewhere with `--target`. Also the run's SCR edition, each item's
 * applicability, and the claims digest the report carries.
 */
import { createHash } from 'node:crypto';
import { referenceClaimsOf } from './run-env.js';
import { findFault } from '../reference/faults/index.js';
import type { ClaimsRef, Role, TargetInfo } from '../report/index.js';
import { computeApplicability, DEFAULT_EDITION, loadEdition, parseClaims, readClaimsText } from '../scr/index.js';
import type { ApplicabilityReport, Claims, Edition } from '../scr/index.js';
import { displayPath } from '../scr/errors.js';
import { RunSetupError } from './errors.js';

/** The roles a run can test, in the order reports list them. */
export const RUN_ROLES: readonly Role[] = ['server', 'client'];

/** `--role` values. */
export const ROLE_CHOICES = ['server', 'client', 'both'] as const;
export type RoleChoice = (typeof ROLE_CHOICES)[number];

/** What the user asked for on the command line. */
export interface TargetRequest {
  role?: RoleChoice;
  /** Claims files whose `role` decides which target each describes. */
  claims?: readonly string[];
  claimsServer?: string;
  claimsClient?: string;
  /** The target's address: a server's DM URL, or a client's admin (test-control) URL. */
  target?: string;
  /** Fault switches of the embedded reference peer. */
  faults?: readonly string[];
  /** SCR edition: the reference peers' claims of that edition; given claims must name it. */
  edition?: string;
}

/** One role of the run: its target and the claims it is judged by. */
export interface RoleSetup {
  role: Role;
  /** The claims file as given (or the reference peer's sample claims). */
  claimsFile: string;
  /** The claims the workers read: the file's, with `--target` applied. */
  claims: Claims;
  /** The claims text the workers read; differs from the file when `--target` rewrote it. */
  claimsText: string;
  /** True when `--target` rewrote the claims (the text must then be written for the workers). */
  rewritten: boolean;
  embedded: boolean;
  target: TargetInfo;
  applicability: ApplicabilityReport;
}

/** The targets of a run. */
export interface RunTargets {
  roles: Role[];
  setups: RoleSetup[];
  edition: Edition;
  /** True when every target is an embedded reference peer (the workers start them). */
  embedded: boolean;
  faults: string[];
  claims: ClaimsRef;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function readText(path: string): string {
  const read = readClaimsText(path);
  if (!read.ok) throw new RunSetupError(`${path}: cannot read the claims file (${read.reason})`);
  return read.text;
}

interface GivenClaims {
  file: string;
  text: string;
  claims: Claims;
  flag: string;
}

function given(file: string, flag: string, expected?: Role): GivenClaims {
  const text = readText(file);
  const claims = parseClaims(text, file);
  if (expected && claims.role !== expected) {
    throw new RunSetupError(`${file} /role: "${claims.role}", but ${flag} takes the claims of a ${expected} target (role)`);
  }
  return { file, text, claims, flag };
}

/** The claims files given, by role; two files for one role is an error. */
function claimsByRole(request: TargetRequest): Map<Role, GivenClaims> {
  const all = [
    ...(request.claims ?? []).map((file) => given(file, '--claims')),
    ...(request.claimsServer === undefined ? [] : [given(request.claimsServer, '--claims-server', 'server')]),
    ...(request.claimsClient === undefined ? [] : [given(request.claimsClient, '--claims-client', 'client')]),
  ];
  const byRole = new Map<Role, GivenClaims>();
  for (const claims of all) {
    const previous = byRole.get(claims.claims.role);
    if (previous) {
      throw new RunSetupError(
        `${claims.file}: a second claims file for the ${claims.claims.role} target (${previous.flag} ${previous.file} already gives it); give one per role`,
      );
    }
    byRole.set(claims.claims.role, claims);
  }
  return byRole;
}

function faultRoles(faults: readonly string[]): Role[] {
  const unknown = faults.filter((name) => !findFault(name));
  if (unknown.length > 0) {
    throw new RunSetupError(
      `--fault ${unknown.map((n) => `"${n}"`).join(', ')}: no such fault switch of the reference peers (dmct sim faults lists them)`,
    );
  }
  return RUN_ROLES.filter((role) => faults.some((name) => findFault(name)?.role === role));
}

/** The roles of the run: `--role`, else the roles claims or faults name, else both. */
function chooseRoles(request: TargetRequest, claimed: readonly Role[], faulted: readonly Role[]): Role[] {
  if (request.role === 'both') return [...RUN_ROLES];
  if (request.role) return [request.role];
  if (claimed.length > 0) return RUN_ROLES.filter((role) => claimed.includes(role));
  if (faulted.length > 0) return [...faulted];
  if (request.target !== undefined)
    throw new RunSetupError('--target names one target: add --role server or --role client, and its --claims');
  return [...RUN_ROLES];
}

function checkTargetUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RunSetupError(`--target "${url}": not a URL (give e.g. http://192.0.2.10:8080/dm)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new RunSetupError(`--target "${url}": must be an http: or https: URL`);
}

/**
 * Applies `--target` to a claims file's text: a server target's DM endpoint (`server.url`), or a
 * client target's admin API (`adminUrl`, which its triggers reach through `{{adminUrl}}`).
 */
export function retarget(given: { file: string; text: string; claims: Claims }, url: string): { text: string; claims: Claims } {
  checkTargetUrl(url);
  const data = JSON.parse(given.text) as Record<string, unknown>;
  if (given.claims.role === 'server') {
    data['server'] = { ...(data['server'] as Record<string, unknown>), url };
  } else {
    if (!given.text.includes('{{adminUrl}}')) {
      throw new RunSetupError(
        `--target sets adminUrl of the client target, but ${given.file} uses no {{adminUrl}} in its triggers; edit the claims instead`,
      );
    }
    data['adminUrl'] = url;
  }
  const text = `${JSON.stringify(data, null, 2)}\n`;
  return { text, claims: parseClaims(text, `${given.file} (with --target ${url})`) };
}

/**
 * The DM server URL a client target's DM account must name (SrvURI): dmct's DM endpoint at the
 * advertised host (fixtures/client-target/target.ts serves it there).
 */
export function dmServerUrlOf(claims: Claims): string | undefined {
  const endpoint = claims.client?.dmEndpoint;
  if (endpoint === undefined) return undefined;
  const host = claims.network?.advertisedHost ?? claims.network?.bindHost ?? '127.0.0.1';
  const port = endpoint.port ?? 8080;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port === 0 ? '<a free port per scenario>' : port}${endpoint.path ?? '/dm'}`;
}

function describeExternal(claims: Claims): { url?: string; description: string } {
  const { name, version, vendor } = claims.implementation;
  const product = `${name} ${version} (${vendor})`;
  if (claims.server) return { url: claims.server.url, description: `${product} at ${claims.server.url}` };
  const notification = claims.client?.notification;
  const reach =
    notification?.transport === 'udp'
      ? `notified over UDP ${notification.udp?.host ?? '127.0.0.1'}:${notification.udp?.port ?? 2948}`
      : notification?.transport === 'http'
        ? `notified at ${notification.http?.url ?? '?'}`
        : `notified by ${notification?.transport ?? 'no transport'}`;
  const url = claims.adminUrl;
  const dmServer = dmServerUrlOf(claims);
  const described = `${product}, ${reach}${url === undefined ? '' : `, admin ${url}`}${dmServer === undefined ? '' : `; its DM server: ${dmServer}`}`;
  return url === undefined ? { description: described } : { url, description: described };
}

function claimsRefOf(setups: readonly RoleSetup[]): ClaimsRef {
  const named = setups.map((s) => ({
    role: s.role,
    file: s.rewritten ? `${displayPath(s.claimsFile)} (rewritten by --target)` : displayPath(s.claimsFile),
    sha256: sha256(s.claimsText),
  }));
  const [only] = named;
  if (only && named.length === 1) return { file: only.file, sha256: only.sha256 };
  // Two claims files: one digest over both, so shards of one run (and only those) merge.
  return {
    file: named.map((n) => `${n.role}: ${n.file}`).join('; '),
    sha256: sha256(named.map((n) => `${n.role} ${n.sha256}\n`).join('')),
  };
}

/**
 * Resolves the run's targets from the command line (see the module comment). Every mistake is a
 * RunSetupError (or a ClaimsError / ScrTableError from src/scr) naming the flag or the file.
 */
export function resolveTargets(request: TargetRequest): RunTargets {
  const faults = [...new Set(request.faults ?? [])];
  const byRole = claimsByRole(request);
  const roles = chooseRoles(request, [...byRole.keys()], faultRoles(faults));

  for (const [role, claims] of byRole) {
    if (!roles.includes(role))
      throw new RunSetupError(`${claims.file}: claims of a ${role} target, but the run tests the ${roles.join(' and ')} target (--role)`);
  }
  const external = roles.filter((role) => byRole.has(role));
  if (external.length > 0 && external.length < roles.length) {
    const missing = roles.filter((role) => !byRole.has(role));
    throw new RunSetupError(
      `--role ${request.role ?? 'both'} needs claims for every role tested: add --claims-${missing.join(' and --claims-')} (or give no claims to test the reference peers)`,
    );
  }
  const embedded = external.length === 0;
  if (request.target !== undefined) {
    if (roles.length !== 1) throw new RunSetupError('--target names one target: use it with --role server or --role client');
    if (embedded)
      throw new RunSetupError(
        `--target needs the claims (IXIT) of the ${roles[0]} target: add --claims <file> (start from: dmct claims init --role ${roles[0]})`,
      );
  }
  if (faults.length > 0) {
    if (!embedded)
      throw new RunSetupError('--fault switches a fault on in the embedded reference peer; it cannot be used with --claims or --target');
    const foreign = faults.filter((name) => !roles.includes(findFault(name)?.role as Role));
    if (foreign.length > 0)
      throw new RunSetupError(`--fault ${foreign.join(', ')}: not a fault of the ${roles.join(' or ')} reference peer (--role)`);
    if (roles.length > 1)
      throw new RunSetupError('--fault: fault switches apply to one reference peer per run; add --role server or --role client');
  }

  const setups = roles.map((role): Omit<RoleSetup, 'applicability'> => {
    const claims = byRole.get(role);
    if (!claims) {
      const editionName = request.edition ?? DEFAULT_EDITION;
      const file = referenceClaimsOf(editionName, role);
      if (file === undefined)
        throw new RunSetupError(
          `--edition ${editionName}: dmct has no reference ${role} claims for this edition (fixtures/claims/${editionName}/${role}.json); test a target of yours with --claims`,
        );
      const text = readText(file);
      const description = `embedded reference ${role}${faults.length > 0 ? ` with fault${faults.length > 1 ? 's' : ''} ${faults.join(', ')}` : ''}`;
      return {
        role,
        claimsFile: file,
        claims: parseClaims(text, file),
        claimsText: text,
        rewritten: false,
        embedded: true,
        target: { role, kind: 'embedded', description },
      };
    }
    const effective = request.target === undefined ? claims : { ...claims, ...retarget(claims, request.target) };
    const { url, description } = describeExternal(effective.claims);
    const target: TargetInfo = url === undefined ? { role, kind: 'external', description } : { role, kind: 'external', url, description };
    return {
      role,
      claimsFile: claims.file,
      claims: effective.claims,
      claimsText: effective.text,
      rewritten: request.target !== undefined,
      embedded: false,
      target,
    };
  });

  if (request.edition !== undefined) {
    const other = setups.find((s) => (s.claims.edition ?? DEFAULT_EDITION) !== request.edition);
    if (other !== undefined)
      throw new RunSetupError(
        `--edition ${request.edition}, but ${displayPath(other.claimsFile)} names edition ${other.claims.edition ?? DEFAULT_EDITION} (its "edition"): a run judges claims under the edition they were written for`,
      );
  }
  const editions = [...new Set(setups.map((s) => s.claims.edition ?? DEFAULT_EDITION))];
  if (editions.length > 1) {
    throw new RunSetupError(
      `the claims name different SCR editions (${setups.map((s) => `${displayPath(s.claimsFile)}: ${s.claims.edition ?? DEFAULT_EDITION}`).join(', ')}); one run uses one edition`,
    );
  }
  const edition = loadEdition(editions[0] ?? DEFAULT_EDITION);
  const judged = setups.map((s) => ({
    ...s,
    applicability: computeApplicability(edition, s.claims, { source: displayPath(s.claimsFile) }),
  }));
  return { roles, setups: judged, edition, embedded, faults, claims: claimsRefOf(judged) };
}
