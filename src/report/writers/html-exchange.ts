/**
 * A scenario's exchange for the HTML report: a message sequence chart (inline SVG, one lifeline
 * per party: dmct, the target, dmct's endpoints) with the failing step marked, and beside it the
 * raw messages (headers, bodies; binary bodies as a hex dump plus the decoded fields).
 */
import type { TraceMessage } from '../schemas/evidence.schema.js';
import type { ScenarioReport } from '../schemas/report.schema.js';
import { html, type SafeHtml } from './html-template.js';
import { messageSummary } from './trace-text.js';

const COLUMN = 170;
const MARGIN = 20;
const HEAD_TOP = 10;
const HEAD_HEIGHT = 26;
const FIRST_ROW = 64;
const ROW = 36;
const LABEL_CHARS = 28;

/** The lifelines of a chart: dmct and the target first, then every other party as it appears. */
export function lifelines(messages: readonly TraceMessage[]): string[] {
  const parties = ['dmct', 'target'];
  for (const m of messages) for (const party of [m.from, m.to]) if (!parties.includes(party)) parties.push(party);
  return parties;
}

/** The seq of the step a scenario failed at: its first fail finding's, else its first finding's. */
export function failingSeq(scenario: Pick<ScenarioReport, 'findings'>): number | undefined {
  return (scenario.findings.find((f) => f.verdict === 'fail' && f.seq !== undefined) ?? scenario.findings.find((f) => f.seq !== undefined))
    ?.seq;
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function arrow(m: TraceMessage, row: number, x: (party: string) => number, failing: boolean): SafeHtml {
  const y = FIRST_ROW + row * ROW;
  const label = shorten(`#${m.seq} ${m.label}`, LABEL_CHARS);
  const classes = ['msg', m.kind, failing ? 'failing' : ''].filter(Boolean).join(' ');
  const title = html`<title>${messageSummary(m)}</title>`;
  const mark = (at: number) => (failing ? html`<text class="fail-mark" x="${at - 16}" y="${y + 4}">✗</text>` : '');
  if (m.kind === 'note' || m.from === m.to) {
    const cx = x(m.from);
    return html`<g class="${classes}" data-seq="${m.seq}">${title}${mark(cx - COLUMN / 2 + 10)}<rect class="note" x="${cx - COLUMN / 2 + 10}" y="${y - 15}" width="${COLUMN - 20}" height="22" rx="3"/><text x="${cx}" y="${y}" text-anchor="middle">${label}</text></g>`;
  }
  const x1 = x(m.from);
  const x2 = x(m.to);
  const dir = x2 > x1 ? 1 : -1;
  return html`<g class="${classes}" data-seq="${m.seq}">${title}${mark(Math.min(x1, x2))}<line x1="${x1}" y1="${y}" x2="${x2 - dir}" y2="${y}"/><polygon points="${x2},${y} ${x2 - 9 * dir},${y - 4} ${x2 - 9 * dir},${y + 4}"/><text x="${(x1 + x2) / 2}" y="${y - 6}" text-anchor="middle">${label}</text></g>`;
}

/** The message sequence chart of a scenario's exchange, as inline SVG. */
export function sequenceChart(scenario: Pick<ScenarioReport, 'messages' | 'findings'>): SafeHtml {
  const messages = [...scenario.messages].sort((a, b) => a.seq - b.seq);
  const parties = lifelines(messages);
  const centre = (party: string) => MARGIN + COLUMN / 2 + parties.indexOf(party) * COLUMN;
  const width = 2 * MARGIN + parties.length * COLUMN;
  const height = FIRST_ROW + messages.length * ROW;
  const failing = failingSeq(scenario);
  const heads = parties.map((party) => {
    const cx = centre(party);
    return html`<g class="party"><rect x="${cx - COLUMN / 2 + 8}" y="${HEAD_TOP}" width="${COLUMN - 16}" height="${HEAD_HEIGHT}" rx="4"/><text x="${cx}" y="${HEAD_TOP + 17}" text-anchor="middle">${shorten(party, 20)}</text><line class="lifeline" x1="${cx}" y1="${HEAD_TOP + HEAD_HEIGHT}" x2="${cx}" y2="${height - 4}"/></g>`;
  });
  const arrows = messages.map((m, row) => arrow(m, row, centre, m.seq === failing));
  return html`<svg class="msc" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="message sequence chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${heads}${arrows}</svg>`;
}

/** Characters of a body or decoded form the page shows per message (report.json keeps what the evidence kept). */
const MAX_SHOWN_CHARS = 16 * 1024;
/** Bytes of a binary body the page shows as a hex dump per message. */
const MAX_SHOWN_HEX_BYTES = 4 * 1024;

/** The first `max` characters of a text, with how many more report.json holds. */
function shownPart(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… ${text.length - max} more characters in report.json`;
}

/** `20 80 01 04 …`, 16 bytes a line with the offset in front. */
export function hexDump(hex: string): string {
  const bytes = hex.match(/.{1,2}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) lines.push(`${i.toString(16).padStart(4, '0')}  ${bytes.slice(i, i + 16).join(' ')}`);
  return lines.join('\n');
}

function rawMessage(m: TraceMessage, failing: boolean): SafeHtml {
  const headers = Object.entries(m.http?.headers ?? {});
  const http = m.http;
  const start = [http?.method, http?.url, http?.status === undefined ? undefined : `HTTP ${http.status}`]
    .filter((x) => x !== undefined)
    .join(' ');
  const body = m.body;
  const bodyView = body
    ? html`<p class="body-meta">body: ${body.size} bytes${body.mediaType ? ` · ${body.mediaType}` : ''}${body.truncated ? ' · truncated' : ''}${body.sha256 !== undefined ? ` · SHA-256 ${body.sha256}` : ''}</p>
        ${body.text !== undefined ? html`<pre class="body-text">${shownPart(body.text, MAX_SHOWN_CHARS)}</pre>` : ''}
        ${body.hex !== undefined ? html`<pre class="body-hex">${hexDump(body.hex.slice(0, 2 * MAX_SHOWN_HEX_BYTES))}${body.hex.length > 2 * MAX_SHOWN_HEX_BYTES ? `\n… ${body.hex.length / 2 - MAX_SHOWN_HEX_BYTES} more bytes in report.json` : ''}</pre>` : ''}`
    : '';
  return html`<li class="${failing ? 'raw failing' : 'raw'}" data-seq="${m.seq}"><details${failing ? html` open` : ''}><summary>${failing ? html`<span class="fail-badge">✗ failing step</span> ` : ''}#${m.seq} ${m.from} → ${m.to} · ${m.label}${start ? ` · ${start}` : ''}</summary>
    <p class="time">${m.kind} · ${m.time}</p>
    ${headers.length > 0 ? html`<table class="headers">${headers.map(([k, v]) => html`<tr><th>${k}</th><td>${v ?? ''}</td></tr>`)}</table>` : ''}
    ${bodyView}
    ${m.decoded !== undefined ? html`<p class="body-meta">decoded:</p><pre class="decoded">${shownPart(JSON.stringify(m.decoded, null, 2), MAX_SHOWN_CHARS)}</pre>` : ''}
    ${m.violations?.length ? html`<ul class="violations">${m.violations.map((v) => html`<li>${v.severity} ${v.rule} (${v.section}): ${v.message}${v.pointer !== undefined ? ` at ${v.pointer}` : ''}${v.offset !== undefined ? ` at byte ${v.offset}` : ''}</li>`)}</ul>` : ''}
  </details></li>`;
}

/** The chart and the raw messages of one scenario, side by side. */
export function exchangeView(scenario: Pick<ScenarioReport, 'messages' | 'findings'>): SafeHtml {
  if (scenario.messages.length === 0) return html`<p class="no-exchange">No message was exchanged.</p>`;
  const failing = failingSeq(scenario);
  const messages = [...scenario.messages].sort((a, b) => a.seq - b.seq);
  return html`<div class="exchange"><div class="chart">${sequenceChart(scenario)}</div><ol class="raw-messages">${messages.map((m) => rawMessage(m, m.seq === failing))}</ol></div>`;
}
