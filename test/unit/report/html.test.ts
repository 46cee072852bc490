import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapeHtml, html } from '../../../src/report/writers/html-template.js';
import { hexDump, lifelines, sequenceChart } from '../../../src/report/writers/html-exchange.js';
import { CONTENT_SECURITY_POLICY, writeHtml } from '../../../src/report/writers/html.js';
import { HOSTILE, hostileReport, message, sampleReport } from './data/sample-run.js';

function inline(page: string, tag: 'script' | 'style'): string[] {
  return [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
}

function hash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

describe('writeHtml', () => {
  it('is one self-contained page whose CSP allows only its own style and script', () => {
    const page = writeHtml(sampleReport());
    const scripts = inline(page, 'script');
    const styles = inline(page, 'style');
    assert.equal(scripts.length, 1);
    assert.equal(styles.length, 1);
    assert.equal(page.match(/<script/g)?.length, 1);
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`));
    assert.ok(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'; "));
    assert.ok(CONTENT_SECURITY_POLICY.includes(`script-src ${hash(scripts[0] ?? '')};`));
    assert.ok(CONTENT_SECURITY_POLICY.includes(`style-src ${hash(styles[0] ?? '')};`));
    assert.ok(!/\s(src|href)=/.test(page), 'loads nothing');
    assert.ok(!/\sstyle=/.test(page), 'no style attribute (the CSP would block it)');
    assert.ok(!page.includes('url('), 'no CSS url()');
  });

  it('has one expandable item per SCR item, with its role and verdict for the filters; fail, error and inconclusive open', () => {
    const report = sampleReport();
    const page = writeHtml(report);
    for (const item of report.items) {
      const open = ['fail', 'error', 'inconclusive'].includes(item.verdict) ? ' open' : '';
      assert.ok(
        page.includes(`<details class="item" id="item-${item.id}" data-role="${item.role}" data-verdict="${item.verdict}"${open}>`),
        item.id,
      );
    }
    const order = [...page.matchAll(/<details class="item" id="item-[^"]+" data-role="[^"]+" data-verdict="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(order, [
      'fail',
      'fail',
      'error',
      'inconclusive',
      'untested',
      'pass',
      'pass',
      'pass',
      'not-applicable',
      'not-applicable',
    ]);
    assert.ok(page.includes('<p id="overall" class="overall non-conformant">non-conformant (exit 1) — 2 applicable items failed</p>'));
  });

  it('marks the failing step in the sequence chart and opens it in the raw messages', () => {
    const page = writeHtml(sampleReport());
    assert.match(page, /<g class="msg http-request failing" data-seq="5"><title>#5 target → dmct: Package#3/);
    assert.match(
      page,
      /<li class="raw failing" data-seq="5"><details open><summary><span class="fail-badge">✗ failing step<\/span> #5 target → dmct · Package#3/,
    );
  });

  it('escapes every string of the report (a hostile target cannot inject markup)', () => {
    const page = writeHtml(hostileReport());
    for (const payload of HOSTILE) {
      assert.ok(!page.includes(payload), `raw payload ${payload}`);
      assert.ok(page.includes(escapeHtml(payload)), `escaped payload ${payload}`);
    }
    assert.equal(page.match(/<script/g)?.length, 1);
    assert.equal(page.match(/<img/g), null);
    assert.equal(page.match(/<iframe/g), null);
    assert.equal(page.match(/<\/svg>/g)?.length, page.match(/<svg /g)?.length, 'every <svg> closed by us only');
  });
});

describe('the HTML building blocks', () => {
  it('the html tag escapes interpolations but not nested html', () => {
    const text = '<b>"x" & \'y\'</b>';
    assert.equal(
      html`<p title="${text}">${text}${html`<i>${text}</i>`}</p>`.value,
      '<p title="&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;">&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;<i>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</i></p>',
    );
    assert.equal(html`${[1, 'a<', null, undefined, false]}`.value, '1a&lt;');
  });

  it('escaped text never contains markup characters (property, seeded)', () => {
    const seed = 7;
    try {
      fc.assert(
        fc.property(fc.string(), (s) => !/[<>"']/.test(escapeHtml(s))),
        { seed, numRuns: 500 },
      );
    } catch (err) {
      throw new Error(`property failed with seed ${seed}: ${String(err)}`);
    }
  });

  it('orders lifelines dmct, target, then the endpoints as they appear', () => {
    assert.deepEqual(
      lifelines([message(1, 'target', 'repository', 'HGET'), message(2, 'web', 'target', 'page'), message(3, 'dmct', 'target', 'x')]),
      ['dmct', 'target', 'repository', 'web'],
    );
  });

  it('draws one arrow per message and one lifeline per party', () => {
    const svg = sequenceChart({
      messages: [
        message(1, 'dmct', 'target', 'Package#1'),
        message(2, 'target', 'gcm', 'push'),
        message(3, 'dmct', 'dmct', 'wait', { kind: 'note' }),
      ],
      findings: [],
    }).value;
    assert.equal(svg.match(/<g class="party">/g)?.length, 3);
    assert.equal(svg.match(/<g class="msg /g)?.length, 3);
    assert.equal(svg.match(/<rect class="note"/g)?.length, 1);
    assert.ok(!svg.includes('failing'));
  });

  it('dumps binary bodies as hex, 16 bytes a line', () => {
    assert.equal(
      hexDump('2080010400112233445566778899aabbccddeeff00'),
      '0000  20 80 01 04 00 11 22 33 44 55 66 77 88 99 aa bb\n0010  cc dd ee ff 00',
    );
    assert.equal(hexDump(''), '');
  });
});

describe('escapeHtml: characters that hide or reorder text', () => {
  it('shows NUL, other C0 controls and U+202E as visible escapes, keeps tab and newline', () => {
    assert.equal(escapeHtml('a\u0000b\u202Ec\u0007\td\ne\u2066'), 'a\\u{0000}b\\u{202E}c\\u{0007}\td\ne\\u{2066}');
  });
});
