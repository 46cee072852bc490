import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dmct } from '../run/dmct-process.js';
import { assertItemsPass } from './items-pass.js';
/** The DM-SEC items of the client table that the 2016 reference client claims apply to. */
const ITEMS = [
  'DM-SEC-001-C-M',
  'DM-SEC-002-C-O',
  'DM-SEC-003-C-M',
  'DM-SEC-004-C-M',
  'DM-SEC-005-C-O',
  'DM-SEC-006-C-M',
  'DM-SEC-007-C-O',
  'DM-SEC-008-C-O',
  'DM-SEC-009-C-O',
  'DM-SEC-010-C-O',
  'DM-SEC-011-C-O',
  'DM-SEC-012-C-M',
];

/**
 * dmct plays the DM server of the embedded reference client over HTTPS with a CA made for the
 * run, demanding Basic and Digest credentials (§9.2), from the 2016 reference claims alone.
 */
describe('dmct run --role client over HTTPS with Basic and Digest (end to end)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-https-client-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes every applicable DM-SEC item of the client table', { timeout: 600_000 }, async () => {
    const out = join(dir, 'out');
    const outcome = await dmct(
      ['run', '--role', 'client', '--edition', 'dm20-2016', '--out', out, '--progress', 'off', '--only', ...ITEMS],
      { CI: '1', DMCT_WORKERS: '1' },
    );
    // 1 (a fail) is told item by item below; anything else is a crash or a usage error.
    assert.ok([0, 1, 3].includes(outcome.code ?? -1), `dmct run exited ${String(outcome.code)}: ${outcome.stderr}`);
    await assertItemsPass(out, ITEMS);
  });
});
