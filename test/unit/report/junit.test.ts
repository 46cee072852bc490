import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type TestCase, type TestSuites } from 'junit2json';
import { escapeXml, writeJunit } from '../../../src/report/writers/junit.js';
import { mergeReports } from '../../../src/report/merge.js';
import { hostileReport, HOSTILE, sampleReport } from './data/sample-run.js';

/** Parsed by junit2json (xml2js), a JUnit consumer from npm, not by our own reader. */
async function parsed(xml: string): Promise<TestSuites> {
  const result = await parse(xml);
  assert.ok(result && 'testsuite' in result, 'a <testsuites> root');
  return result as TestSuites;
}

function testcase(suites: TestSuites, id: string): TestCase {
  const found = suites.testsuite?.flatMap((s) => s.testcase ?? []).find((t) => t.name?.startsWith(`${id} `));
  assert.ok(found, `testcase ${id}`);
  return found;
}

describe('writeJunit', () => {
  it('writes one suite per role and one test case per SCR item, with the counts', async () => {
    const xml = writeJunit(sampleReport());
    const suites = await parsed(xml);
    assert.equal(suites.name, 'dmct');
    assert.deepEqual(
      suites.testsuite?.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped]),
      [
        ['server-target', 5, 1, 3, 0],
        ['client-target', 5, 1, 0, 2],
      ],
    );
    assert.deepEqual([suites.tests, suites.failures, suites.errors], [10, 2, 3]);
    assert.match(xml, /<testsuites name="dmct" tests="10" failures="2" errors="3" skipped="2"/);
    const cases = suites.testsuite?.[0]?.testcase ?? [];
    assert.deepEqual(cases[0] && [cases[0].classname, cases[0].name], ['server', 'DM-PACK-001-S-M Support of DM Package flow']);
  });

  it('maps each verdict to the JUnit element CI reads', async () => {
    const suites = await parsed(writeJunit(sampleReport()));
    const pass = testcase(suites, 'DM-PACK-001-S-M');
    assert.equal(pass.failure, undefined);
    assert.equal(pass.error, undefined);
    assert.equal(pass.skipped, undefined);

    const fail = testcase(suites, 'DM-PACK-013-C-M');
    assert.equal(
      fail.failure?.[0]?.message,
      'DM-PACK-013-C-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: one of [no Package#3 after a Package#2 with END, the session closed] · actual: Package#3 POST with 1 status · exchange #5',
    );
    assert.equal(fail.failure?.[0]?.type, 'fail');
    const body = fail.failure?.[0]?.inner ?? '';
    for (const line of [
      'rule: Package#3 sent after END',
      'section: 5.2.4',
      'expected: one of [',
      'actual: Package#3 POST with 1 status',
      'trace:',
      '> #5 target → dmct: Package#3',
    ]) {
      assert.ok(body.includes(line), `failure body has "${line}"`);
    }

    const error = testcase(suites, 'DM-PACK-014-S-M');
    assert.equal(error.error?.[0]?.message, "TypeError: Cannot read properties of undefined (reading 'url')");

    assert.deepEqual(testcase(suites, 'DM-PACK-019-C-O').skipped, [{ message: 'not-applicable: not claimed' }]);
  });

  it('keeps inconclusive and untested items distinct and visible: an error of their own type, never a neutral skip', async () => {
    const suites = await parsed(writeJunit(sampleReport()));
    const inconclusive = testcase(suites, 'DM-PACK-002-S-M');
    assert.equal(inconclusive.skipped, undefined);
    assert.equal(inconclusive.error?.[0]?.type, 'inconclusive');
    assert.equal(inconclusive.error?.[0]?.message, 'inconclusive: no notification trigger configured in the claims (ixit.triggers.notify)');
    assert.match(inconclusive.error?.[0]?.inner ?? '', /^DM-PACK-002-S-M inconclusive — Support of Package#0/);
    const untested = testcase(suites, 'DM-PACK-021-S-M');
    assert.equal(untested.skipped, undefined);
    assert.deepEqual([untested.error?.[0]?.type, untested.error?.[0]?.message], ['untested', 'untested: no scenario covers this item']);
  });

  it('reads as not passed when every item is inconclusive (an interrupted run), with the counts per verdict in suite properties', async () => {
    const report = sampleReport();
    for (const item of report.items) item.verdict = 'inconclusive';
    for (const total of report.totals)
      total.verdicts = { 'not-applicable': 0, pass: 0, untested: 0, inconclusive: total.items, fail: 0, error: 0 };
    const xml = writeJunit(report);
    const suites = await parsed(xml);
    assert.deepEqual([suites.tests, suites.failures, suites.errors], [10, 0, 10]);
    assert.match(xml, /<testsuites name="dmct" tests="10" failures="0" errors="10" skipped="0"/);
    const properties = suites.testsuite?.[0]?.properties ?? [];
    assert.deepEqual(
      properties
        .filter((p) => p.name?.startsWith('dmct.') && !['dmct.edition', 'dmct.target', 'dmct.overall'].includes(p.name))
        .map((p) => [p.name, p.value]),
      [
        ['dmct.not-applicable', 0],
        ['dmct.pass', 0],
        ['dmct.untested', 0],
        ['dmct.inconclusive', 5],
        ['dmct.fail', 0],
        ['dmct.error', 0],
      ],
    );
  });

  it('tells CI the native verdict of every test case in a property', async () => {
    const xml = writeJunit(sampleReport());
    assert.match(
      xml,
      /<testcase classname="server" name="DM-PACK-002-S-M Support of Package#0" time="0.250">\n {6}<properties><property name="dmct.verdict" value="inconclusive"\/>/,
    );
    assert.match(xml, /<property name="dmct.overall" value="non-conformant"\/>/);
  });

  it('escapes everything a target sends, so the XML still parses and keeps the text', async () => {
    const report = hostileReport();
    const xml = writeJunit(report);
    assert.ok(!xml.includes('<script>'), 'no raw markup from the report');
    const suites = await parsed(xml);
    const fail = testcase(suites, 'DM-PACK-013-C-M');
    assert.ok(
      fail.failure?.[0]?.inner?.includes(`actual: Package#3 POST with 1 status ${HOSTILE[1] ?? 'x'}`),
      'the payload survives as text',
    );
  });

  it('escapes XML specials and drops characters XML cannot carry', () => {
    assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    assert.equal(escapeXml('a\u0000b\u001bc\ud800d\t\n'), 'a\ufffdb\ufffdc\ufffdd\t\n');
    assert.equal(escapeXml('\ud83d\ude00'), '\ud83d\ude00');
  });

  it('renders a merged report like any other', async () => {
    const report = sampleReport();
    const suites = await parsed(writeJunit(mergeReports([report, report])));
    assert.equal(suites.tests, 10);
  });
});
