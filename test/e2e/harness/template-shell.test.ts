/**
 * End-to-end half of the template tests (test/unit/harness/template.test.ts): rendered shell
 * commands are run by a real `/bin/sh`, which is the only judge of what words it builds.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { shellEnvironment } from '../../../src/harness/template.js';
import { SEED, hostileValues, rendered, templateText, touchingValue } from '../../unit/harness/template-values.js';

const scratch = mkdtempSync(join(tmpdir(), 'dmct-template-'));
const canary = join(scratch, 'pwned');
// The executed payloads only ever aim at this scratch folder, so a quoting bug cannot do harm.
const victim = join(scratch, 'victim');
mkdirSync(victim);
after(() => rmSync(scratch, { recursive: true, force: true }));
const HOSTILE = hostileValues(victim, canary);

/** What `sh` prints for `printf %s <rendered>`: the words the shell really built. */
function shellPrints(command: string): string {
  return execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8' });
}

describe('renderTemplate: shell, run by /bin/sh', () => {
  it('passes hostile values to the command literally, whatever quotes surround the placeholder', () => {
    for (const value of HOSTILE) {
      assert.equal(shellPrints(rendered('printf %s {{v}}', { v: value }, 'shell')), value);
      assert.equal(shellPrints(rendered("printf %s '{{v}}'", { v: value }, 'shell')), value);
      assert.equal(shellPrints(rendered('printf %s "{{v}}"', { v: value }, 'shell')), value);
      assert.equal(shellPrints(rendered('printf %s "<{{v}}>"\'|{{v}}|\'', { v: value }, 'shell')), `<${value}>|${value}|`);
    }
    assert.equal(existsSync(canary), false, 'a hostile value ran a command');
    assert.equal(existsSync(victim), true, 'a hostile value removed a folder');
  });

  it('keeps any value literal (property)', () => {
    fc.assert(
      fc.property(
        templateText(HOSTILE),
        fc.constantFrom('printf %s {{v}}', "printf %s '{{v}}'", 'printf %s "{{v}}"', 'printf %s x\\"{{v}}'),
        (value, template) => {
          const prefix = template.endsWith('x\\"{{v}}') ? 'x"' : '';
          assert.equal(shellPrints(rendered(template, { v: value }, 'shell')), prefix + value);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
    assert.equal(existsSync(canary), false);
    assert.equal(existsSync(victim), true);
  });
});

describe('renderTemplate: shell constructs where quoting does not hold, run by /bin/sh', () => {
  const pwned = join(scratch, 'pwned-env');
  const value = touchingValue(pwned);

  it('the same value given as DMCT_V through the environment stays data in those constructs', () => {
    const env = { ...process.env, ...shellEnvironment({ v: value }) };
    execFileSync('/bin/sh', ['-c', 'cat <<EOF >/dev/null\n$DMCT_V\nEOF\necho "${X:-$DMCT_V}" >/dev/null; echo hi # $DMCT_V'], { env });
    assert.equal(existsSync(pwned), false);
  });
});
