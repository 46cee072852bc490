/**
 * W3C EARL 1.0 (Evaluation and Report Language, http://www.w3.org/ns/earl#) as JSON-LD: one
 * earl:Assertion per SCR item, asserted by dmct (earl:Software), about the target of the item's
 * role (earl:TestSubject), for the item as an earl:TestRequirement.
 *
 * Outcomes: pass → earl:passed, fail → earl:failed, inconclusive and error → earl:cantTell,
 * not-applicable → earl:inapplicable, untested → earl:untested.
 */
import type { Report, Verdict } from '../schemas/report.schema.js';
import type { Role } from '../schemas/run-plan.schema.js';

/** The EARL outcome value of each verdict. */
export const EARL_OUTCOMES: Record<Verdict, string> = {
  pass: 'earl:passed',
  fail: 'earl:failed',
  inconclusive: 'earl:cantTell',
  error: 'earl:cantTell',
  'not-applicable': 'earl:inapplicable',
  untested: 'earl:untested',
};

const CONTEXT = {
  earl: 'http://www.w3.org/ns/earl#',
  dct: 'http://purl.org/dc/terms/',
  doap: 'http://usefulinc.com/ns/doap#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** The IRI dmct gives an SCR item of an edition. */
export function scrItemIri(edition: string, id: string): string {
  return `https://dmct.dev/scr/${encodeURIComponent(edition)}#${encodeURIComponent(id)}`;
}

function subjectId(role: Role): string {
  return `_:target-${role}`;
}

/** The report as an EARL 1.0 JSON-LD document (an object; serialize with JSON.stringify). */
export function writeEarl(report: Report): Record<string, unknown> {
  const m = report.meta;
  const assertor = {
    '@id': '_:dmct',
    '@type': ['earl:Assertor', 'earl:Software', 'doap:Project'],
    'doap:name': 'dmct',
    'doap:release': { 'doap:revision': m.dmctVersion },
    'dct:description': 'Conformance test harness and SCR checker for the OMA Device Management 2.0 protocol',
  };
  const subjects = m.targets.map((t) => ({
    '@id': subjectId(t.role),
    '@type': ['earl:TestSubject'],
    'dct:title': `DM ${t.role} target`,
    'dct:description': `${t.description} (${t.kind})`,
    ...(t.url !== undefined ? { 'dct:source': t.url } : {}),
  }));
  const date = { '@value': m.endTime, '@type': 'xsd:dateTime' };
  const assertions = report.items.map((item) => {
    const result: Record<string, unknown> = {
      '@type': 'earl:TestResult',
      'earl:outcome': { '@id': EARL_OUTCOMES[item.verdict] },
      'dct:date': date,
      'dct:description': `${item.verdict}${item.reason !== undefined ? `: ${item.reason}` : ''}`,
    };
    const info = [
      ...item.scenarios
        .filter((s) => s.verdict !== 'pass')
        .map((s) => `${s.id}: ${s.verdict}${s.reason !== undefined ? ` — ${s.reason}` : ''}`),
      ...(item.nonStrict ?? []).map((line) => `non-strict: ${line}`),
    ];
    if (info.length > 0) result['earl:info'] = info.join('\n');
    return {
      '@type': 'earl:Assertion',
      'earl:assertedBy': { '@id': '_:dmct' },
      'earl:subject': { '@id': subjectId(item.role) },
      'earl:test': {
        '@id': scrItemIri(m.edition, item.id),
        '@type': 'earl:TestRequirement',
        'dct:identifier': item.id,
        'dct:title': item.function,
        'dct:description': `section ${item.section}, ${item.status === 'M' ? 'mandatory' : 'optional'}`,
      },
      'earl:mode': { '@id': 'earl:automatic' },
      'earl:result': result,
    };
  });
  return { '@context': CONTEXT, '@graph': [assertor, ...subjects, ...assertions] };
}
