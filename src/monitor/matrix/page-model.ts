/**
 * The matrix page's model, from matrix.json alone: one row per client, one column per server,
 * each cell the pair's two side verdicts and the link to its report, or "not run".
 */
import { REPORT_FILES } from '../../report/writers/folder.js';
import type { Initiation, MatrixIndex, MatrixOverall, MatrixPeer, SideVerdict } from './schemas/matrix.schema.js';

/** One side of a judged pair as the page shows it. */
export interface CellSide {
  verdict: SideVerdict['verdict'];
  /** "2 passed, 1 failed, 40 open" */
  counts: string;
  reason: string;
}

/** One cell: a judged pair, or a pair that was not run (interrupted, or the matrix stopped). */
export type MatrixCell =
  | { kind: 'judged'; client: CellSide; server: CellSide; href: string; label: string; initiated: string; problem?: string }
  | { kind: 'not-run'; label: string };

export interface MatrixRow {
  client: MatrixPeer;
  cells: MatrixCell[];
}

export interface MatrixPageModel {
  title: string;
  overall: MatrixOverall;
  edition: string;
  generated: string;
  servers: MatrixPeer[];
  rows: MatrixRow[];
}

function sideOf(verdict: SideVerdict): CellSide {
  return {
    verdict: verdict.verdict,
    counts: `${verdict.passed} passed, ${verdict.failed} failed, ${verdict.open} open`,
    reason: verdict.reason,
  };
}

/** Which sessions the pair started, in words: "client-initiated, server-initiated (udp)", or what did not start. */
export function initiatedText(initiations: readonly Initiation[]): string {
  if (initiations.length === 0) return 'no session started';
  return initiations
    .map((i) => `${i.by}-initiated${i.via === undefined ? '' : ` (${i.via})`}${i.started ? '' : ': not started'}`)
    .join(', ');
}

/** Builds the page's model; every pair of the index lands in its client's row and its server's column. */
export function matrixPageModel(index: MatrixIndex): MatrixPageModel {
  const byPair = new Map(index.pairs.map((p) => [`${p.client}\u0000${p.server}`, p]));
  const rows = index.clients.map((client) => ({
    client,
    cells: index.servers.map((server): MatrixCell => {
      const label = `${client.name} with ${server.name}`;
      const pair = byPair.get(`${client.name}\u0000${server.name}`);
      if (!pair) return { kind: 'not-run', label };
      return {
        kind: 'judged',
        client: sideOf(pair.verdicts.client),
        server: sideOf(pair.verdicts.server),
        href: `${pair.folder}/${REPORT_FILES.html}`,
        label,
        initiated: initiatedText(pair.initiations),
        ...(pair.problem === undefined ? {} : { problem: pair.problem }),
      };
    }),
  }));
  return {
    title: `dmct interop matrix: ${index.clients.length} × ${index.servers.length}`,
    overall: index.overall,
    edition: index.edition,
    generated: index.endTime,
    servers: index.servers,
    rows,
  };
}
