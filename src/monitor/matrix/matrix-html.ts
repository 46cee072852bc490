/**
 * The matrix page: one self-contained HTML file (inline CSS, no script, no network; a
 * Content-Security-Policy allowing only that style, by hash, as the report page's does), rendered
 * from matrix.json alone. An accessible table: a caption, column headers for the servers, row
 * headers for the clients, and in each cell both sides' verdicts in words (colour only repeats
 * them) and a link to the pair's report. Every string from the claims is escaped by `html`.
 */
import { createHash } from 'node:crypto';
import { html, safe, type SafeHtml } from '../../report/writers/html-template.js';
import { matrixPageModel, type CellSide, type MatrixCell, type MatrixPageModel } from './page-model.js';
import type { MatrixIndex, MatrixPeer } from './schemas/matrix.schema.js';

const STYLE = `
:root{--conformant:#2e7d32;--non-conformant:#c62828;--incomplete:#b26a00;--not-run:#757575;font-family:system-ui,sans-serif;color:#212121}
body{margin:0 auto;max-width:1400px;padding:16px 24px;overflow-wrap:anywhere}
h1{font-size:1.4em;margin:0 0 4px}
.overall{font-size:1.2em;font-weight:bold;padding:8px 12px;border-radius:4px;color:#fff;display:inline-block}
.overall.conformant{background:var(--conformant)}.overall.non-conformant{background:var(--non-conformant)}.overall.incomplete{background:var(--incomplete)}
.scroll-x{overflow-x:auto;max-width:100%}
table.matrix{border-collapse:collapse;margin-top:12px}
table.matrix caption{text-align:left;font-weight:bold;padding:4px 0}
table.matrix th,table.matrix td{border:1px solid #ccc;padding:6px 8px;vertical-align:top}
table.matrix th{background:#f5f5f5;text-align:left}
.impl{display:block;font-weight:normal;color:#555;font-size:.85em}
.side{display:block;margin-bottom:2px}
.badge{display:inline-block;border-radius:3px;color:#fff;font-size:.85em;padding:1px 6px}
.badge.conformant{background:var(--conformant)}.badge.non-conformant{background:var(--non-conformant)}.badge.incomplete{background:var(--incomplete)}.badge.not-run{background:var(--not-run)}
.counts,.problem,.initiated{display:block;color:#555;font-size:.8em}
.problem{color:var(--incomplete)}
`;

/** The page's Content-Security-Policy: nothing but its own inline style; no script at all. */
export const MATRIX_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

function peerHeader(peer: MatrixPeer, scope: 'row' | 'col'): SafeHtml {
  return html`<th scope="${scope}" data-peer="${peer.name}"><code>${peer.name}</code><span class="impl">${peer.implementation}</span></th>`;
}

function sideView(role: 'client' | 'server', side: CellSide): SafeHtml {
  return html`<span class="side" data-role="${role}" title="${side.reason}">${role}: <span class="badge verdict ${side.verdict}">${side.verdict}</span><span class="counts">${side.counts}</span></span>`;
}

function cellView(cell: MatrixCell, client: string, server: string): SafeHtml {
  if (cell.kind === 'not-run')
    return html`<td data-client="${client}" data-server="${server}"><span class="badge not-run">not run</span></td>`;
  return html`<td data-client="${client}" data-server="${server}">${sideView('client', cell.client)}${sideView('server', cell.server)}<span class="initiated">sessions: ${cell.initiated}</span>${
    cell.problem === undefined ? '' : html`<span class="problem">${cell.problem}</span>`
  }<a href="${cell.href}" aria-label="report of ${cell.label}">report</a></td>`;
}

function renderPage(model: MatrixPageModel): string {
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${MATRIX_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${model.title}</title>
<style>${safe(STYLE)}</style></head>
<body>
<header><h1>${model.title}</h1>
<p id="overall" class="overall ${model.overall.verdict}">${model.overall.verdict} (exit ${model.overall.exitCode}) — ${model.overall.reason}</p>
<p>Edition ${model.edition}; written ${model.generated}. Each cell: the verdict of the client (row) and of the server (column) in their session, judged passively through the monitor, and the pair's report.</p></header>
<div class="scroll-x"><table class="matrix">
<caption>Clients (rows) against servers (columns)</caption>
<thead><tr><td></td>${model.servers.map((s) => peerHeader(s, 'col'))}</tr></thead>
<tbody>${model.rows.map(
    (row) =>
      html`<tr data-client="${row.client.name}">${peerHeader(row.client, 'row')}${row.cells.map((cell, i) =>
        cellView(cell, row.client.name, model.servers[i]?.name ?? ''),
      )}</tr>`,
  )}</tbody>
</table></div>
</body></html>
`;
  return page.value;
}

/** The matrix page (index.html of the matrix folder) for a matrix.json. */
export function writeMatrixHtml(index: MatrixIndex): string {
  return renderPage(matrixPageModel(index));
}
