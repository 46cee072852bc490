import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  initiatedText,
  MATRIX_CONTENT_SECURITY_POLICY,
  matrixPageModel,
  writeMatrixHtml,
  type MatrixIndex,
  type MatrixPeer,
} from '../../../../src/monitor/matrix/index.js';
import { pairResult } from './matrix-fixtures.js';

const peerOf = (role: 'client' | 'server', name: string, implementation = `${name} 1.0`): MatrixPeer => ({
  name,
  role,
  file: `${name}.json`,
  sha256: '0'.repeat(64),
  implementation,
});

function index(overrides: Partial<MatrixIndex> = {}): MatrixIndex {
  return {
    dmctVersion: '0.0.0-test',
    edition: 'dm20-2016',
    startTime: '2026-12-08T00:00:00.000Z',
    endTime: '2026-12-08T00:01:00.000Z',
    clients: [peerOf('client', 'phone'), peerOf('client', 'tablet')],
    servers: [peerOf('server', 'acme'), peerOf('server', 'globex')],
    pairs: [
      pairResult('phone', 'acme', ['conformant', 'incomplete']),
      pairResult('tablet', 'globex', ['non-conformant', 'conformant'], 'trigger sessionWith: slow'),
      pairResult('phone', 'globex', ['incomplete', 'non-conformant']),
    ],
    overall: { verdict: 'non-conformant', exitCode: 1, reason: '2 of 4 pairs show a non-conformance' },
    ...overrides,
  };
}

describe('matrixPageModel', () => {
  it('puts each pair in its client row and server column; a pair missing from the index is "not run"', () => {
    const model = matrixPageModel(index());
    assert.deepEqual(
      model.rows.map((r) => r.client.name),
      ['phone', 'tablet'],
    );
    assert.deepEqual(
      model.servers.map((s) => s.name),
      ['acme', 'globex'],
    );
    const [phone, tablet] = model.rows;
    assert.equal(phone?.cells[0]?.kind, 'judged');
    const cell = phone?.cells[1];
    assert.ok(cell?.kind === 'judged');
    assert.equal(cell.client.verdict, 'incomplete');
    assert.equal(cell.server.verdict, 'non-conformant');
    assert.equal(cell.server.counts, '2 passed, 1 failed, 0 open');
    assert.equal(cell.href, 'pairs/phone__globex/index.html');
    assert.deepEqual(tablet?.cells[0], { kind: 'not-run', label: 'tablet with acme' });
    const problem = tablet?.cells[1];
    assert.ok(problem?.kind === 'judged');
    assert.equal(problem.problem, 'trigger sessionWith: slow');
    assert.equal(cell.initiated, 'client-initiated');
  });

  it('says which sessions a pair started, and which did not start', () => {
    const pair = {
      ...pairResult('phone', 'acme', ['incomplete', 'incomplete']),
      initiations: [
        { by: 'client', started: true },
        { by: 'server', via: 'http', started: false, reason: 'no Package#0 came through the relay' },
      ],
    } satisfies MatrixIndex['pairs'][number];
    const cell = matrixPageModel(index({ pairs: [pair] })).rows[0]?.cells[0];
    assert.ok(cell?.kind === 'judged');
    assert.equal(cell.initiated, 'client-initiated, server-initiated (http): not started');
    assert.equal(initiatedText([]), 'no session started');
    assert.match(
      writeMatrixHtml(index({ pairs: [pair] })),
      /<span class="initiated">sessions: client-initiated, server-initiated \(http\): not started<\/span>/,
    );
  });
});

describe('writeMatrixHtml', () => {
  it('writes a table with column and row headers, both verdicts in words and a link per judged cell', () => {
    const page = writeMatrixHtml(index());
    assert.equal((page.match(/<th scope="col"/g) ?? []).length, 2);
    assert.equal((page.match(/<th scope="row"/g) ?? []).length, 2);
    assert.equal((page.match(/<td data-client=/g) ?? []).length, 4);
    assert.equal((page.match(/<a href="pairs\/[a-z]+__[a-z]+\/index\.html"/g) ?? []).length, 3);
    assert.match(page, /client: <span class="badge verdict non-conformant">non-conformant<\/span>/);
    assert.match(page, /not run/);
    assert.match(page, /<caption>/);
  });

  it('allows only its own style: no script, no remote asset, and the claims text escaped', () => {
    const hostile = index({ clients: [peerOf('client', 'phone', '<script>alert(1)</script> "x"'), peerOf('client', 'tablet')] });
    const page = writeMatrixHtml(hostile);
    assert.doesNotMatch(page, /<script/i);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;x&quot;/);
    assert.doesNotMatch(page, /(?:src|href)="(?:https?:)?\/\//);
    assert.match(MATRIX_CONTENT_SECURITY_POLICY, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(MATRIX_CONTENT_SECURITY_POLICY, /script-src/);
  });
});
