import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate as validateCtrf } from 'ctrf';
import jsonld from 'jsonld';
import { writeCtrf } from '../../../src/report/writers/ctrf.js';
import { scrItemIri, writeEarl } from '../../../src/report/writers/earl.js';
import { hostileReport, sampleReport } from './data/sample-run.js';

const EARL = 'http://www.w3.org/ns/earl#';

/** The report's EARL as RDF quads, produced by the jsonld processor (no network: inline context). */
async function quads(doc: Record<string, unknown>): Promise<string[]> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  return nquads.split('\n').filter((l) => l !== '');
}

describe('writeEarl', () => {
  it('is JSON-LD a JSON-LD processor reads into one earl:Assertion per item', async () => {
    const report = sampleReport();
    const lines = await quads(writeEarl(report));
    const assertions = lines.filter((l) => l.endsWith(`<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${EARL}Assertion> .`));
    assert.equal(assertions.length, report.items.length);
    for (const term of ['assertedBy', 'subject', 'test', 'result', 'mode']) {
      assert.equal(lines.filter((l) => l.includes(` <${EARL}${term}> `)).length, report.items.length, `earl:${term} on every assertion`);
    }
    assert.ok(lines.some((l) => l.includes(`<${EARL}mode> <${EARL}automatic>`)));
  });

  it('maps verdicts to EARL outcomes (inconclusive and error → cantTell)', async () => {
    const lines = await quads(writeEarl(sampleReport()));
    const outcomes = lines
      .filter((l) => l.includes(` <${EARL}outcome> `))
      .map((l) => /<http:\/\/www\.w3\.org\/ns\/earl#(\w+)> \.$/.exec(l)?.[1]);
    assert.deepEqual(outcomes.sort(), [
      'cantTell',
      'cantTell',
      'failed',
      'failed',
      'inapplicable',
      'inapplicable',
      'passed',
      'passed',
      'passed',
      'untested',
    ]);
  });

  it('names each SCR item by an IRI of its edition and dates each result', async () => {
    const lines = await quads(writeEarl(sampleReport()));
    assert.equal(scrItemIri('2013-cr', 'DM-PACK-013-C-M'), 'https://dmct.dev/scr/2013-cr#DM-PACK-013-C-M');
    assert.ok(
      lines.some((l) =>
        l.startsWith('<https://dmct.dev/scr/2013-cr#DM-PACK-013-C-M> <http://purl.org/dc/terms/title> "Support of Package#3" .'),
      ),
    );
    assert.ok(
      lines.some((l) =>
        l.includes('<http://purl.org/dc/terms/date> "2026-11-24T10:00:04.250Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'),
      ),
    );
    assert.ok(lines.some((l) => l.includes('<http://usefulinc.com/ns/doap#name> "dmct"')));
  });

  it('keeps hostile text as literals', async () => {
    const lines = await quads(writeEarl(hostileReport()));
    assert.equal(lines.filter((l) => l.includes(`<${EARL}Assertion>`)).length, 10);
  });
});

describe('writeCtrf', () => {
  it('validates with the CTRF reference implementation', () => {
    for (const report of [sampleReport(), hostileReport()]) {
      const result = validateCtrf(writeCtrf(report));
      assert.ok(result.valid, JSON.stringify(result.errors));
    }
    const broken = writeCtrf(sampleReport()) as { results: { tests: { status: string }[] } };
    if (broken.results.tests[0]) broken.results.tests[0].status = 'inconclusive';
    assert.equal(validateCtrf(broken).valid, false, 'the validator does reject a non-CTRF status');
  });

  it('maps verdicts to CTRF statuses and keeps the native verdict in rawStatus', () => {
    const ctrf = writeCtrf(sampleReport()) as {
      results: { summary: Record<string, unknown>; tests: { name: string; status: string; rawStatus: string }[] };
    };
    const byId = Object.fromEntries(ctrf.results.tests.map((t) => [t.name.split(' ')[0], [t.status, t.rawStatus]]));
    assert.deepEqual(byId, {
      'DM-PACK-001-S-M': ['passed', 'pass'],
      'DM-PACK-002-S-M': ['other', 'inconclusive'],
      'DM-PACK-012-S-M': ['failed', 'fail'],
      'DM-PACK-014-S-M': ['other', 'error'],
      'DM-PACK-021-S-M': ['pending', 'untested'],
      'DM-PACK-001-C-M': ['passed', 'pass'],
      'DM-PACK-003-C-M': ['skipped', 'not-applicable'],
      'DM-PACK-013-C-M': ['failed', 'fail'],
      'DM-PACK-019-C-O': ['skipped', 'not-applicable'],
      'DM-PACK-022-C-M': ['passed', 'pass'],
    });
    const { extra: _extra, ...summary } = ctrf.results.summary;
    assert.deepEqual(summary, {
      tests: 10,
      passed: 3,
      failed: 2,
      skipped: 2,
      pending: 1,
      other: 2,
      start: Date.parse('2026-11-24T10:00:00.000Z'),
      stop: Date.parse('2026-11-24T10:00:04.250Z'),
      duration: 4250,
    });
  });
});
