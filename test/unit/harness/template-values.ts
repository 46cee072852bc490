import assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderTemplate, type TemplateValues } from '../../../src/harness/template.js';

/** fast-check seed: fixed for reproducible runs, overridable to explore (`DMCT_FC_SEED=…`). */
export const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20260102);

/**
 * Values that break a naively quoted shell command; the ones that act aim at `victim` (a folder
 * to remove) and `canary` (a file to create), so a test that runs them can see whether they acted.
 */
export function hostileValues(victim: string, canary: string): string[] {
  return [
    `'; rm -rf ${victim} #`,
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    `"; touch ${canary}; echo "`,
    `'\\''; touch ${canary}; '`,
    `a\nb; touch ${canary}`,
    '$HOME ~ * ? [a] {x,y} \\ \\\\ ! & | < > ;',
    '',
  ];
}

/** Any text without a NUL byte, hostile values among them. */
export function templateText(hostile: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(fc.constantFrom(...hostile), fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' }))
    .filter((s) => !s.includes('\0'));
}

/** The rendered template, asserting it renders. */
export function rendered(template: string, values: TemplateValues, context: Parameters<typeof renderTemplate>[2]): string {
  const result = renderTemplate(template, values, context);
  assert.ok(result.ok, result.ok ? '' : result.problem);
  return result.text;
}

/** A value that runs `touch <pwned>` wherever a shell would expand or execute it. */
export const touchingValue = (pwned: string): string => `$(touch ${pwned})\n touch ${pwned} #'"\`touch ${pwned}\``;
