import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeConsole } from '../../../src/report/writers/console.js';
import { hostileReport, sampleReport } from './data/sample-run.js';

describe('writeConsole', () => {
  it('prints the item table, the failures and the overall line in plain text', () => {
    const text = writeConsole(sampleReport(), { color: false });
    const lines = text.split('\n');
    assert.ok(!text.includes('\u001b'), 'no escape sequence without colour');
    assert.ok(lines.includes('DM-PACK-013-C-M  client  M    ✗ fail            Support of Package#3 (5.2.4)'));
    assert.ok(lines.includes('DM-PACK-019-C-O  client  O    · not-applicable  Support of GET Command (5.3) — not claimed'));
    assert.ok(
      lines.includes(
        '      DM-PACK-013-C-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: one of [no Package#3 after a Package#2 with END, the session closed] · actual: Package#3 POST with 1 status · exchange #5',
      ),
    );
    assert.ok(
      lines.includes(
        '      ▶ #5 target → dmct: Package#3 · POST http://127.0.0.1:50123/dm · 22 bytes application/vnd.oma.dm.response+json',
      ),
    );
    assert.ok(lines.includes('      -> The rule that no package 3 after end checks (DM-PACK-013-C-M)'));
    assert.ok(lines.includes('    no scenario covers this item'));
    assert.equal(lines.at(-2), 'Overall: NON-CONFORMANT (exit 1) — 2 applicable items failed');
  });

  it('colours verdicts with chalk when asked', () => {
    const text = writeConsole(sampleReport(), { color: true });
    assert.ok(text.includes('\u001b[31m✗ fail'), 'fail in red');
    assert.ok(text.includes('\u001b[32m✓ pass'), 'pass in green');
    assert.equal(text.replace(/\u001b\[[0-9;]*m/g, ''), writeConsole(sampleReport(), { color: false }));
  });

  it('never passes a terminal escape from the target through', () => {
    const plain = writeConsole(hostileReport(), { color: false });
    assert.ok(!plain.includes('\u001b'));
    assert.ok(plain.includes('\\x1b[31mred\\x1b[0m'), 'shown escaped instead');
    const coloured = writeConsole(hostileReport(), { color: true });
    assert.ok(!coloured.includes('\u001b[31mred'), 'the payload does not colour the terminal');
  });
});

describe('writeConsole and static claims findings', () => {
  it('prints a static finding once, not again as the item reason', async () => {
    const { judgeItem } = await import('../../../src/report/build-report.js');
    const report = sampleReport();
    const index = report.items.findIndex((i) => i.scenarios.length === 0);
    assert.ok(index >= 0, 'the sample has an item without scenarios');
    const { verdict: _v, reason: _r, ...rest } = report.items[index]!;
    const message = 'DM-PACK-011-C-M is mandatory but listed in notImplemented';
    report.items[index] = judgeItem({ ...rest, staticFindings: [{ rule: 'mandatory-item-not-implemented', message }] });
    const text = writeConsole(report, { color: false });
    assert.equal(text.split(message).length - 1, 1, text);
  });
});
