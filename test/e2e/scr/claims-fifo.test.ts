/**
 * End-to-end half of "reading a claims file is bounded" (test/unit/scr/claims.test.ts): a FIFO,
 * made by the `mkfifo` program, is refused without blocking on its missing writer.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadClaims, readClaimsText } from '../../../src/scr/index.js';

describe('reading a claims file is bounded (FIFO)', () => {
  it('refuses a FIFO without blocking', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dmct-claims-'));
    try {
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      assert.deepEqual(readClaimsText(fifo), { ok: false, reason: 'not a regular file' });
      assert.throws(
        () => loadClaims(fifo),
        (error: Error) => error.message.includes(`${fifo}: cannot read the claims file (not a regular file)`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
