import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { RunPlan } from '../../../src/report/index.js';
import { effectiveMode, ProgressTracker, progressView, statusText, type ProgressEvent } from '../../../src/run/index.js';

const item = (id: string, role: 'server' | 'client', scenarios: string[]) => ({
  id,
  function: 'f',
  section: '5.2',
  role,
  status: 'M' as const,
  applicability: { kind: 'applicable' as const, why: 'status M' },
  scenarios: scenarios.map((s) => ({ id: s, title: s })),
});

const PLAN: RunPlan = {
  edition: 'dm20-cr-2013',
  roles: ['server', 'client'],
  targets: [],
  items: [
    item('DM-PACK-001-S-M', 'server', ['a', 'b']),
    item('DM-PACK-011-S-M', 'server', ['b']),
    item('DM-PACK-001-C-M', 'client', ['c']),
    item('DM-PACK-002-C-M', 'client', []),
  ],
};

const end = (role: 'server' | 'client', id: string, verdict: 'pass' | 'fail' | 'error' | 'inconclusive', final = true): ProgressEvent => ({
  type: 'scenario-end',
  role,
  id,
  title: id,
  final,
  verdict,
});

describe('ProgressTracker', () => {
  it('counts items done when all their scenarios ended, and the failures so far', () => {
    const tracker = new ProgressTracker(PLAN);
    tracker.apply({
      type: 'begin',
      scenarios: [
        { role: 'server', id: 'a' },
        { role: 'server', id: 'b' },
        { role: 'client', id: 'c' },
      ],
    });
    tracker.apply({ type: 'scenario-begin', role: 'server', id: 'b', title: '5.2 flow › b' });
    assert.deepEqual(tracker.snapshot(), {
      itemsDone: 0,
      itemsTotal: 3,
      scenariosDone: 0,
      scenariosTotal: 3,
      failed: 0,
      errors: 0,
      inconclusive: 0,
      running: ['5.2 flow › b'],
    });
    tracker.apply(end('server', 'b', 'fail', false));
    assert.equal(tracker.snapshot().scenariosDone, 0, 'an attempt that will be retried is not done');
    tracker.apply(end('server', 'b', 'fail'));
    tracker.apply(end('client', 'c', 'error'));
    assert.deepEqual(tracker.snapshot(), {
      itemsDone: 2,
      itemsTotal: 3,
      scenariosDone: 2,
      scenariosTotal: 3,
      failed: 1,
      errors: 1,
      inconclusive: 0,
      running: [],
    });
  });

  it('counts only the scenarios of its shard', () => {
    const tracker = new ProgressTracker(PLAN);
    tracker.apply({ type: 'begin', scenarios: [{ role: 'client', id: 'c' }] });
    tracker.apply(end('server', 'a', 'pass'));
    assert.deepEqual(tracker.snapshot(), {
      itemsDone: 0,
      itemsTotal: 1,
      scenariosDone: 0,
      scenariosTotal: 1,
      failed: 0,
      errors: 0,
      inconclusive: 0,
      running: [],
    });
  });
});

describe('statusText', () => {
  const snapshot = {
    itemsDone: 2,
    itemsTotal: 3,
    scenariosDone: 5,
    scenariosTotal: 9,
    failed: 1,
    errors: 0,
    inconclusive: 2,
    running: ['5.2.1 Package#0 › VER\u001b[31m', 'x'],
  };

  it('shows items, scenarios, failures and the current scenario without control characters', () => {
    assert.equal(
      statusText(snapshot, 200),
      'dmct run · items 2/3 · scenarios 5/9 · 1 failed · 2 inconclusive · ▶ 5.2.1 Package#0 › VER [31m (+1)',
    );
  });

  it('fits the width', () => {
    const text = statusText(snapshot, 30);
    assert.equal([...text].length, 30);
    assert.ok(text.endsWith('…'));
  });
});

describe('progress views', () => {
  it('auto is a status line only on a terminal outside CI', () => {
    assert.equal(effectiveMode('auto', { isTTY: true }, {}), 'status');
    assert.equal(effectiveMode('auto', { isTTY: true }, { CI: 'true' }), 'lines');
    assert.equal(effectiveMode('auto', { isTTY: false }, {}), 'lines');
    assert.equal(effectiveMode('lines', { isTTY: false }, { CI: '1' }), 'lines');
  });

  it('lines prints one plain line per finished scenario and per run error', () => {
    let out = '';
    const stream = new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) });
    const view = progressView('lines', PLAN, stream);
    view.onEvent(end('server', 'a', 'pass'));
    view.onEvent(end('server', 'b', 'fail', false));
    view.onEvent({ ...end('server', 'b', 'fail'), reason: 'DM-PACK-001-S-M fail — x' } as ProgressEvent);
    view.onEvent({ type: 'error', message: 'Error: spec failed to load\u001b[0m' });
    view.close();
    assert.equal(out, '✓ pass server a\n✗ fail server b — DM-PACK-001-S-M fail — x\n! Error: spec failed to load [0m\n');
  });
});
