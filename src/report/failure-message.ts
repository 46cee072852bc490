/**
 * The one shape of a failure line:
 *
 *   DM-PACK-013-S-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: one of [a, b] · actual: c · exchange #3
 *
 * Fixtures build the messages they throw with these functions and every writer prints the same
 * line, so the functions stay free of dependencies (types only) and are pinned word for word by
 * test/unit/report/failure-message.test.ts.
 */
import type { Finding } from './schemas/evidence.schema.js';

/** Longest value (an expected alternative, the actual value) kept in a one-line message. */
export const MAX_VALUE_LENGTH = 120;

const SEPARATOR = ' · ';

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a target made safe for one line of a terminal, a JUnit attribute or an HTML title:
 * line breaks and tabs become `\n`, `\r`, `\t`; other control characters (ANSI escapes
 * included) become `\xNN` or `\u{NNNN}`; text longer than `max` is cut with `…(+N)` naming what
 * was cut.
 */
export function oneLine(text: string, max: number = Number.POSITIVE_INFINITY): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named !== undefined) return named;
    const code = c.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
  const chars = Array.from(escaped);
  if (chars.length <= max) return escaped;
  return `${chars.slice(0, max).join('')}…(+${chars.length - max})`;
}

/** `a` for one acceptable outcome, `one of [a, b]` for several, `(nothing listed)` for none. */
export function formatExpected(expected: readonly string[]): string {
  const values = expected.map((value) => oneLine(value, MAX_VALUE_LENGTH));
  if (values.length === 0) return '(nothing listed)';
  if (values.length === 1) return values[0] ?? '';
  return `one of [${values.join(', ')}]`;
}

/** `exchange #3`: the trace message a finding points at. */
export function exchangeRef(seq: number): string {
  return `exchange #${seq}`;
}

/**
 * `DM-PACK-013-S-M fail — Package#3 sent after END (MUST, 5.2.4)`: item, verdict, rule, and the
 * keyword (when the finding has one) and section it cites.
 */
export function findingHeadline(finding: Pick<Finding, 'item' | 'verdict' | 'rule' | 'section' | 'keyword'>): string {
  const cited = finding.keyword === undefined ? oneLine(finding.section) : `${finding.keyword}, ${oneLine(finding.section)}`;
  return `${oneLine(finding.item)} ${finding.verdict} — ${oneLine(finding.rule)} (${cited})`;
}

/**
 * The full one-line failure message of a finding (headline · expected · actual · exchange). An
 * inconclusive finding that names no expectation (a trigger failed, a precondition did not hold)
 * has no `expected:` part: the reason in `actual` says it all.
 */
export function failureMessage(finding: Finding): string {
  const parts = [findingHeadline(finding)];
  if (finding.expected.length > 0) parts.push(`expected: ${formatExpected(finding.expected)}`);
  parts.push(`actual: ${oneLine(finding.actual, MAX_VALUE_LENGTH)}`);
  if (finding.seq !== undefined) parts.push(exchangeRef(finding.seq));
  return parts.join(SEPARATOR);
}
