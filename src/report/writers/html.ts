/**
 * The HTML report: one self-contained page (inline CSS and one inline script, no network). A
 * Content-Security-Policy allows only that style and that script, by hash; the script only
 * toggles classes and `open` for the role and verdict filters, the search box and `#item-…` deep
 * links, and never writes report data into the page (it writes counts and clears the search).
 * Every string from the report is escaped by the `html` template tag. The items that need a
 * reader come first and open (fail, error, inconclusive, then untested, then the rest), so the
 * page leads to the failure; the layout has no fixed widths, so it reads on a 360 px screen.
 */
import { MAX_REPORT_BYTES, boundReport } from '../report-bounds.js';
import { createHash } from 'node:crypto';
import { failureMessage } from '../failure-message.js';
import type { ItemReport, Report, RoleTotals, ScenarioReport } from '../schemas/report.schema.js';
import { VERDICTS, type Verdict } from '../verdict.js';
import { exchangeView } from './html-exchange.js';
import { html, safe, type SafeHtml } from './html-template.js';
import { location } from './trace-text.js';

const STYLE = `
:root{--pass:#2e7d32;--fail:#c62828;--error:#6a1b9a;--inconclusive:#b26a00;--untested:#757575;--not-applicable:#9e9e9e;font-family:system-ui,sans-serif;color:#212121}
body{margin:0 auto;max-width:1400px;padding:16px 24px;overflow-wrap:anywhere}
h1{font-size:1.4em;margin:0 0 4px}h2{font-size:1.1em;margin:20px 0 8px}
.overall{font-size:1.2em;font-weight:bold;padding:8px 12px;border-radius:4px;color:#fff;display:inline-block}
.overall.conformant{background:var(--pass)}.overall.non-conformant{background:var(--fail)}.overall.incomplete{background:var(--inconclusive)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:.9em}dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
.warnings{color:var(--inconclusive)}
table.counts{border-collapse:collapse;font-size:.9em;overflow-wrap:normal}table.counts td,table.counts th{border:1px solid #ddd;padding:2px 8px;text-align:right}
svg.summary{display:block;width:100%;max-width:640px;height:auto}svg.summary text{font-size:14px}
.scroll-x{overflow-x:auto;max-width:100%}
.seg.v-pass,.v-pass .dot{fill:var(--pass)}.seg.v-fail{fill:var(--fail)}.seg.v-error{fill:var(--error)}.seg.v-inconclusive{fill:var(--inconclusive)}.seg.v-untested{fill:var(--untested)}.seg.v-not-applicable{fill:var(--not-applicable)}
.badge{display:inline-block;min-width:7.5em;text-align:center;border-radius:3px;color:#fff;font-size:.8em;padding:1px 4px;margin-right:4px}
.badge.v-pass{background:var(--pass)}.badge.v-fail{background:var(--fail)}.badge.v-error{background:var(--error)}.badge.v-inconclusive{background:var(--inconclusive)}.badge.v-untested{background:var(--untested)}.badge.v-not-applicable{background:var(--not-applicable)}.badge.non-strict{background:#b58900;min-width:0}
#filters{position:sticky;top:0;background:#fafafa;border:1px solid #e0e0e0;padding:6px 10px;display:flex;flex-wrap:wrap;gap:12px;align-items:center;z-index:1}
#filters button[aria-pressed=true]{font-weight:bold;outline:2px solid #1565c0}
#filters input[type=search]{min-width:0;width:16em;max-width:100%}
.hidden{display:none}
details.item{border-bottom:1px solid #eee;padding:4px 0;scroll-margin-top:7em}details.item:target>summary{background:#fff8e1}details.item>summary{cursor:pointer}
.reason{color:#555;font-size:.9em}.section,.loc,.status{color:#777;font-size:.85em}
.item-body{margin:6px 0 6px 24px}
details.scenario{margin:6px 0;border-left:3px solid #ddd;padding-left:8px}
ul.findings li{font-family:ui-monospace,monospace;font-size:.85em}
blockquote{margin:4px 0;padding-left:8px;border-left:3px solid #bbb;color:#444}
.exchange{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}
.chart{overflow-x:auto;max-width:100%}
svg.msc text{font-size:11px;font-family:ui-monospace,monospace}
svg.msc .party rect{fill:#e3f2fd;stroke:#1565c0}svg.msc .lifeline{stroke:#90a4ae;stroke-dasharray:4 3}
svg.msc .msg line{stroke:#37474f;stroke-width:1.5}svg.msc .msg polygon{fill:#37474f}
svg.msc .msg.http-response line{stroke-dasharray:6 3}svg.msc .msg.datagram line{stroke-dasharray:2 2}
svg.msc .note{fill:#fff8e1;stroke:#b26a00}
svg.msc .msg.failing line{stroke:var(--fail);stroke-width:2.5}svg.msc .msg.failing polygon{fill:var(--fail)}svg.msc .msg.failing text{fill:var(--fail);font-weight:bold}
svg.msc .fail-mark{fill:var(--fail);font-size:14px}
ol.raw-messages{flex:1;box-sizing:border-box;min-width:min(360px,100%);margin:0;padding-left:20px;font-size:.85em}
li.raw.failing>details>summary{color:var(--fail);font-weight:bold}
.fail-badge{background:var(--fail);color:#fff;border-radius:3px;padding:0 4px}
pre{background:#f5f5f5;padding:6px;overflow-x:auto;max-height:320px;white-space:pre-wrap;word-break:break-all}
table.headers{font-size:.9em;border-collapse:collapse}table.headers th{text-align:left;padding-right:8px;vertical-align:top}
@media (max-width:600px){body{padding:8px}#filters{position:static;gap:6px}.item-body{margin-left:8px}details.scenario{padding-left:4px}ol.scenarios,ol.raw-messages{padding-left:16px}}
`;

const SCRIPT = `
(function () {
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  var items = all('details.item');
  var roleButtons = all('[data-filter-role]');
  var verdictButtons = all('[data-filter-verdict]');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown-count');
  var empty = document.getElementById('no-match');
  var role = 'all';
  var verdict = 'all';
  function press(buttons, attribute, value) {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute(attribute) === value)); });
  }
  function found(item, query) {
    var summary = item.querySelector('summary');
    return query === '' || (summary ? summary.textContent : '').toLowerCase().indexOf(query) >= 0;
  }
  function apply() {
    var query = search.value.trim().toLowerCase();
    var count = 0;
    items.forEach(function (item) {
      var visible = (role === 'all' || item.getAttribute('data-role') === role) && (verdict === 'all' || item.getAttribute('data-verdict') === verdict) && found(item, query);
      item.classList.toggle('hidden', !visible);
      if (visible) count++;
    });
    press(roleButtons, 'data-filter-role', role);
    press(verdictButtons, 'data-filter-verdict', verdict);
    shown.textContent = String(count);
    empty.classList.toggle('hidden', count !== 0);
  }
  function openLinkedItem() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (id.indexOf('item-') !== 0) return;
    var item = document.getElementById(id);
    if (!item || items.indexOf(item) < 0) return;
    if (item.classList.contains('hidden')) { role = 'all'; verdict = 'all'; search.value = ''; apply(); }
    item.open = true;
    item.scrollIntoView();
  }
  roleButtons.forEach(function (b) { b.addEventListener('click', function () { role = b.getAttribute('data-filter-role'); apply(); }); });
  verdictButtons.forEach(function (b) { b.addEventListener('click', function () { verdict = b.getAttribute('data-filter-verdict'); apply(); }); });
  search.addEventListener('input', apply);
  window.addEventListener('hashchange', openLinkedItem);
  apply();
  openLinkedItem();
})();
`;

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The page's Content-Security-Policy: nothing but its own inline style and script. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${cspHash(STYLE)}; script-src ${cspHash(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

function meta(report: Report): SafeHtml {
  const m = report.meta;
  const rows: [string, string][] = [
    ['edition', m.edition],
    ...m.targets.map((t): [string, string] => [`${t.role} target`, `${t.description} (${t.kind})`]),
    ['claims', m.claims ? `${m.claims.file} (sha256 ${m.claims.sha256})` : 'none'],
    ['run', `${m.startTime} → ${m.endTime} (${(m.durationMs / 1000).toFixed(1)} s)${m.interrupted ? ' · interrupted' : ''}`],
    ['shards', m.shards.length > 0 ? m.shards.map((s) => `${s.current}/${s.total}`).join(', ') : 'not sharded'],
    ['versions', `dmct ${m.dmctVersion} · Playwright ${m.playwrightVersion} · Node ${m.nodeVersion}`],
  ];
  if (m.runId !== undefined) rows.push(['run id', m.runId]);
  return html`<dl class="meta">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    ${m.warnings?.length ? html`<ul class="warnings">${m.warnings.map((w) => html`<li>warning: ${w}</li>`)}</ul>` : ''}`;
}

function summaryChart(totals: readonly RoleTotals[]): SafeHtml {
  const barWidth = 360;
  const most = Math.max(1, ...totals.map((t) => t.items));
  const rows = totals.map((total, row) => {
    const y = 8 + row * 30;
    let x = 60;
    const segments = VERDICTS.filter((v) => total.verdicts[v] > 0).map((v) => {
      const width = (total.verdicts[v] / most) * barWidth;
      const segment = html`<rect class="seg v-${v}" data-verdict="${v}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="20"><title>${total.role}: ${total.verdicts[v]} ${v}</title></rect>`;
      x += width;
      return segment;
    });
    return html`<g class="role-bar" data-role="${total.role}"><text x="0" y="${y + 14}">${total.role}</text>${segments}<text x="${(x + 6).toFixed(1)}" y="${y + 14}">${total.items} items</text></g>`;
  });
  const height = 16 + totals.length * 30;
  // No width or height: the CSS scales the viewBox to the page, so the whole bar stays visible on a phone.
  return html`<svg class="summary" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="verdicts per role" viewBox="0 0 ${barWidth + 140} ${height}" preserveAspectRatio="xMinYMin meet">${rows}</svg>`;
}

function countsTable(totals: readonly RoleTotals[]): SafeHtml {
  return html`<div class="scroll-x"><table class="counts"><tr><th>role</th><th>items</th>${VERDICTS.map((v) => html`<th>${v}</th>`)}</tr>
    ${totals.map((t) => html`<tr data-role="${t.role}"><th>${t.role}</th><td>${t.items}</td>${VERDICTS.map((v) => html`<td data-verdict="${v}">${t.verdicts[v]}</td>`)}</tr>`)}</table></div>`;
}

/** The order items are listed in: what needs a reader first, in table order within a verdict. */
const READING_ORDER: readonly Verdict[] = ['fail', 'error', 'inconclusive', 'untested', 'pass', 'not-applicable'];
/** Items shown open: the reader came for these. */
const OPEN_VERDICTS: ReadonlySet<Verdict> = new Set(['fail', 'error', 'inconclusive']);

function readingOrder(items: readonly ItemReport[]): ItemReport[] {
  const rank = (item: ItemReport) => {
    const place = READING_ORDER.indexOf(item.verdict);
    return place < 0 ? READING_ORDER.length : place;
  };
  return [...items].sort((a, b) => rank(a) - rank(b));
}

function filters(report: Report): SafeHtml {
  const roles = report.totals.map((t) => t.role);
  const count = (v: Verdict) => report.items.filter((i) => i.verdict === v).length;
  const verdicts = READING_ORDER.filter((v) => count(v) > 0);
  return html`<nav id="filters" aria-label="filters">
    <span role="group" aria-label="verdict"><button type="button" data-filter-verdict="all" aria-pressed="true">all (${report.items.length})</button>${verdicts.map((v) => html` <button type="button" class="v-${v}" data-filter-verdict="${v}" aria-pressed="false">${v} (${count(v)})</button>`)}</span>
    ${roles.length > 1 ? html`<span role="group" aria-label="role">role: <button type="button" data-filter-role="all" aria-pressed="true">all</button>${roles.map((r) => html` <button type="button" data-filter-role="${r}" aria-pressed="false">${r}</button>`)}</span>` : ''}
    <input type="search" id="search" aria-label="search items by id, function or reason" placeholder="search id, function, reason">
    <span>showing <span id="shown-count">${report.items.length}</span> of ${report.items.length}</span>
  </nav>`;
}

function badge(verdict: string): SafeHtml {
  return html`<span class="badge v-${verdict}">${verdict}</span>`;
}

/** A badge counting the SHOULD departures beside a verdict; empty without any. */
function nonStrictBadge(nonStrict: readonly string[] | undefined): SafeHtml | string {
  const count = nonStrict?.length ?? 0;
  return count === 0
    ? ''
    : html`<span class="badge non-strict" title="SHOULD departures: they fail nothing unless --strict">non-strict ${count}</span>`;
}

function scenarioView(s: ScenarioReport, open: boolean): SafeHtml {
  const lines = s.findings.map(failureMessage);
  const findings = s.findings.map((f, i) => html`<li class="finding v-${f.verdict}">${lines[i]}</li>`);
  return html`<li><details class="scenario" data-verdict="${s.verdict}" data-scenario="${s.id}"${safe(open ? ' open' : '')}>
    <summary>${badge(s.verdict)}${nonStrictBadge(s.nonStrict)}${s.title} <span class="loc">${location(s)}${s.retries > 0 ? ` · ${s.retries} retries` : ''}${s.ran ? '' : ' · not run'}</span></summary>
    ${s.reason !== undefined && !lines.includes(s.reason) ? html`<p class="reason">${s.reason}</p>` : ''}
    ${findings.length > 0 ? html`<ul class="findings">${findings}</ul>` : ''}
    ${s.requirements.map((q) => html`<blockquote class="requirement">${q}</blockquote>`)}
    ${s.errors?.length ? html`<pre class="errors">${s.errors.join('\n\n')}</pre>` : ''}
    ${s.notes?.length ? html`<ul class="notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
    ${exchangeView(s)}
  </details></li>`;
}

function itemView(item: ItemReport): SafeHtml {
  const open = OPEN_VERDICTS.has(item.verdict);
  // A failing or erring item opens its scenarios with that verdict too: the finding and the chart lead.
  const openScenario = (s: ScenarioReport) => open && item.verdict !== 'inconclusive' && s.verdict === item.verdict;
  return html`<details class="item" id="item-${item.id}" data-role="${item.role}" data-verdict="${item.verdict}"${safe(open ? ' open' : '')}>
  <summary>${badge(item.verdict)}${nonStrictBadge(item.nonStrict)}<code>${item.id}</code> ${item.function} <span class="section">(${item.section})</span> <span class="status">${item.status === 'M' ? 'mandatory' : 'optional'} · ${item.role}</span>${item.reason !== undefined ? html` <span class="reason">— ${item.reason}</span>` : ''}</summary>
  <div class="item-body">
    <p class="applicability">${item.applicability.kind}: ${item.applicability.why}</p>
    ${item.staticFindings.length > 0 ? html`<ul class="static-findings">${item.staticFindings.map((f) => html`<li>claims: ${f.message} (${f.rule}${f.pointer !== undefined ? ` at ${f.pointer}` : ''})</li>`)}</ul>` : ''}
    ${item.scenarios.length > 0 ? html`<ol class="scenarios">${item.scenarios.map((s) => scenarioView(s, openScenario(s)))}</ol>` : html`<p>No scenario.</p>`}
  </div></details>`;
}

/** Largest index.html written, in bytes. */
export const MAX_HTML_BYTES = 16 * 1000 * 1000;

/**
 * The report as one self-contained HTML page, at most {@link MAX_HTML_BYTES}: escaping can make
 * the page several times report.json's size (a body of `<` grows fourfold), so a page over the
 * cap is made again from the report with its evidence thinned to a smaller cap.
 */
export function writeHtml(report: Report): string {
  let page = renderHtml(report);
  for (let cap = MAX_REPORT_BYTES / 2; Buffer.byteLength(page) > MAX_HTML_BYTES && cap >= 100_000; cap /= 2)
    page = renderHtml(boundReport(report, cap));
  return page;
}

function renderHtml(report: Report): string {
  const overall = report.overall;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dmct report — ${overall.verdict}</title>
<style>${safe(STYLE)}</style></head>
<body>
<header><h1>dmct conformance report</h1>
<p id="overall" class="overall ${overall.verdict}">${overall.verdict} (exit ${overall.exitCode}) — ${overall.reason}</p>
${meta(report)}</header>
<section id="summary"><h2>Verdicts per role</h2>${summaryChart(report.totals)}${countsTable(report.totals)}</section>
<h2>SCR items</h2>
${filters(report)}
<section id="items">${readingOrder(report.items).map(itemView)}</section>
<p id="no-match" class="hidden">No item matches the filters.</p>
<script>${safe(SCRIPT)}</script>
</body></html>
`;
  return page.value;
}
