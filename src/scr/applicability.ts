import { evaluate } from './expression.js';
import { findItem, type Edition, type ScrItem } from './edition.js';
import { findPlaceholders } from './claims-placeholders.js';
import { ClaimsError } from './errors.js';
import { pulledInItems } from './pull-in.js';
import type { ApplicabilityKind, ApplicabilityReport, ClaimsFinding, ItemApplicability } from './schemas/applicability.schema.js';
import type { Claims } from './schemas/claims.schema.js';

/** Options of {@link computeApplicability}. */
export interface ApplicabilityOptions {
  /** How to name the claims file in messages (default `claims`). */
  source?: string;
}

/** Applicability kinds whose items the implementation must show evidence for (their scenarios run). */
export const APPLICABLE_KINDS: readonly ApplicabilityKind[] = ['mandatory', 'conditionally-mandatory', 'optional-claimed'];

interface ListedItem {
  id: string;
  pointer: string;
}

function listed(claims: Claims): { implemented: ListedItem[]; notImplemented: ListedItem[] } {
  return {
    implemented: (claims.implements ?? []).map((id, i) => ({ id, pointer: `/implements/${i}` })),
    notImplemented: (claims.notImplemented ?? []).map((id, i) => ({ id, pointer: `/notImplemented/${i}` })),
  };
}

/** The canonical id of every listed item, per list; unknown ids (in either list) are a usage error naming their pointers. */
function resolveListed(edition: Edition, lists: ListedItem[][], source: string): Map<string, ListedItem>[] {
  const unknown: string[] = [];
  const resolved = lists.map((entries) => {
    const byId = new Map<string, ListedItem>();
    for (const entry of entries) {
      const item = findItem(edition, entry.id);
      if (item) byId.set(item.id, entry);
      else unknown.push(`${source} ${entry.pointer}: unknown SCR item "${entry.id}" in edition ${edition.name} (scr-item)`);
    }
    return byId;
  });
  if (unknown.length > 0) throw new ClaimsError(unknown);
  return resolved;
}

/**
 * Whether the implementation supports an item: listed in implements; or mandatory, applicable and
 * not declared in notImplemented. With precondition semantics an M item applies only when its
 * requirement holds, so support follows requirements (memoised; the integrity check guarantees
 * there is no cycle).
 */
function supportOf(edition: Edition, claimed: ReadonlySet<string>, declined: ReadonlySet<string>): (id: string) => boolean {
  const memo = new Map<string, boolean>();
  const supported = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const item = findItem(edition, id);
    const value =
      !declined.has(id) &&
      (claimed.has(id) ||
        (item?.status === 'M' && (edition.requirementSemantics === 'implication' || evaluate(item.expression, supported))));
    memo.set(id, value);
    return value;
  };
  return supported;
}

/** Plain words for why a referenced item counts as supported or not. */
function referenceState(
  edition: Edition,
  id: string,
  claimed: ReadonlySet<string>,
  declined: ReadonlySet<string>,
  supported: (id: string) => boolean,
): string {
  if (declined.has(id)) return `${id} is declared not implemented`;
  if (claimed.has(id)) return `${id} is claimed`;
  if (supported(id)) return `${id} is mandatory`;
  return findItem(edition, id)?.status === 'M' ? `${id} is not applicable` : `${id} is not claimed`;
}

/** What judging one item needs to know about the claims. */
interface ClaimsView {
  edition: Edition;
  implemented: ReadonlyMap<string, ListedItem>;
  notImplemented: ReadonlyMap<string, ListedItem>;
  claimed: ReadonlySet<string>;
  declined: ReadonlySet<string>;
  supported: (id: string) => boolean;
  /** Implication semantics: unclaimed items a required item's requirement needs, with that item. */
  pulledBy: ReadonlyMap<string, string>;
}

/** One item's applicability, the reason, and the static findings about it. */
function judgeItem(item: ScrItem, view: ClaimsView): { applicability: ApplicabilityKind; why: string; findings: ClaimsFinding[] } {
  const { edition, implemented, notImplemented, claimed, declined, supported, pulledBy } = view;
  const states = item.references.map((ref) => referenceState(edition, ref, claimed, declined, supported)).join('; ');
  const holds = evaluate(item.expression, supported);
  const requirementWords = `requirement ${item.requirement} ${holds ? 'holds' : 'is false'} (${states})`;
  const claimEntry = implemented.get(item.id);
  const declineEntry = notImplemented.get(item.id);
  const precondition = edition.requirementSemantics === 'precondition';
  const findings: ClaimsFinding[] = [];

  if (precondition && !holds) {
    if (claimEntry) {
      findings.push({
        item: item.id,
        rule: 'claimed-item-not-applicable',
        message: `${item.id} is claimed but not applicable: ${requirementWords}`,
        pointer: claimEntry.pointer,
      });
    }
    return { applicability: 'not-applicable', why: requirementWords, findings };
  }

  const conditional = precondition && item.expression !== null;
  let applicability: ApplicabilityKind;
  let why: string;
  if (item.status === 'M') {
    applicability = conditional ? 'conditionally-mandatory' : 'mandatory';
    why = conditional ? `status M and ${requirementWords}` : item.expression === null ? 'status M, no requirement' : 'status M';
    if (declineEntry) {
      findings.push({
        item: item.id,
        rule: 'mandatory-item-not-implemented',
        message: `${item.id} is mandatory (${why}) but listed in notImplemented`,
        pointer: declineEntry.pointer,
      });
    }
  } else if (pulledBy.has(item.id)) {
    const by = pulledBy.get(item.id) ?? '';
    applicability = 'conditionally-mandatory';
    why = `status O, not claimed; required because ${by} is required and its requirement ${findItem(edition, by)?.requirement ?? ''} needs it`;
  } else {
    applicability = claimEntry ? 'optional-claimed' : 'optional-not-claimed';
    const listedAs = claimEntry ? 'claimed in implements' : declineEntry ? 'declared in notImplemented' : 'not claimed';
    why = conditional ? `status O, ${listedAs}; ${requirementWords}` : `status O, ${listedAs}`;
  }
  if (!precondition && supported(item.id) && !holds) {
    findings.push({
      item: item.id,
      rule: 'requirement-not-satisfied',
      message: `${item.id} is supported, so its requirement ${item.requirement} must hold but is false (${states})`,
      ...(claimEntry ? { pointer: claimEntry.pointer } : {}),
    });
  }
  return { applicability, why, findings };
}

/**
 * Computes, under a claims file, each item's applicability with a human reason, and the static
 * non-conformances of the claims (Appendix B; the edition's requirementSemantics):
 *
 * - precondition (2013 CR): requirement false → `not-applicable`; M with a requirement that holds
 *   → `conditionally-mandatory`; a claimed item whose requirement is false is a finding.
 * - implication (2016): M → `mandatory`; an unclaimed O item that a required item's requirement
 *   needs → `conditionally-mandatory` (pulled in); a supported item whose requirement is false
 *   under the claims is a finding (the claims are inconsistent).
 * - both: an applicable mandatory item in notImplemented, and an item of the other role's table
 *   in either list, are findings.
 *
 * Values still holding the template's placeholder are listed apart (`placeholders`): they make the
 * claims unready to test with, not inconsistent with the tables.
 *
 * An id that is in neither table of the edition throws a {@link ClaimsError} (a usage error)
 * naming its JSON pointer, e.g. `claims.json /implements/3: unknown SCR item "DM-PACK-099-C-O"`.
 */
export function computeApplicability(edition: Edition, claims: Claims, options: ApplicabilityOptions = {}): ApplicabilityReport {
  const source = options.source ?? 'claims';
  const lists = listed(claims);
  const [implemented = new Map<string, ListedItem>(), notImplemented = new Map<string, ListedItem>()] = resolveListed(
    edition,
    [lists.implemented, lists.notImplemented],
    source,
  );
  const claimed = new Set(implemented.keys());
  const declined = new Set(notImplemented.keys());
  const supported = supportOf(edition, claimed, declined);
  const pulledBy =
    edition.requirementSemantics === 'implication'
      ? pulledInItems(
          edition.tables[claims.role].items.map((item) => item.id),
          { expressionOf: (id) => findItem(edition, id)?.expression ?? null, supported, declined: (id) => declined.has(id) },
        )
      : new Map<string, string>();
  const view: ClaimsView = { edition, implemented, notImplemented, claimed, declined, supported, pulledBy };
  const findings: ClaimsFinding[] = [];

  for (const [id, entry] of [...implemented, ...notImplemented]) {
    const item = findItem(edition, id);
    if (item && item.role !== claims.role) {
      const misprint = edition.tables[claims.role].items.find((own) => own.printedId === id);
      const hint = misprint ? ` (the ${claims.role} table prints ${misprint.id} as ${id}; list ${misprint.id})` : '';
      findings.push({
        item: id,
        rule: 'other-role-item',
        message: `${id} is a ${item.role} item; a ${claims.role} implementation cannot list it${hint}`,
        pointer: entry.pointer,
      });
    }
  }

  const items = edition.tables[claims.role].items.map((item): ItemApplicability => {
    const judged = judgeItem(item, view);
    findings.push(...judged.findings);
    return {
      id: item.id,
      function: item.function,
      section: item.section,
      status: item.status,
      requirement: item.requirement,
      applicability: judged.applicability,
      why: judged.why,
      supported: supported(item.id),
    };
  });

  const { name, vendor, version } = claims.implementation;
  return {
    source,
    edition: edition.name,
    requirementSemantics: edition.requirementSemantics,
    role: claims.role,
    implementation: { name, vendor, version },
    items,
    findings,
    consistent: findings.length === 0,
    placeholders: findPlaceholders(claims),
  };
}

/**
 * The test plan's item list: the items of the role's table whose scenarios must run under the
 * claims (mandatory, conditionally mandatory, and claimed optional items; Appendix B).
 */
export function applicableItems(edition: Edition, claims: Claims, options: ApplicabilityOptions = {}): ItemApplicability[] {
  return computeApplicability(edition, claims, options).items.filter((item) => APPLICABLE_KINDS.includes(item.applicability));
}
