import { HttpResponse } from 'msw';
import type { Violation } from '../../protocol/violation.js';

/** Media type of every error body the reference server sends (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** An RFC 9457 problem document: why a request was refused, with the rules it broke. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  violations?: Violation[];
}

/**
 * A problem document for `status`, typed by a kebab-case slug (`https://dmct.dev/problems/<slug>`).
 * Only errors are listed in `violations`; warnings never refuse a request.
 */
export function problem(status: number, slug: string, title: string, detail: string, violations?: readonly Violation[]): Problem {
  const body: Problem = { type: `https://dmct.dev/problems/${slug}`, title, status, detail };
  const errors = (violations ?? []).filter((v) => v.severity === 'error');
  if (errors.length > 0) body.violations = errors;
  return body;
}

/** The HTTP response carrying a problem document, with any extra headers. */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(body, { status: body.status, headers: { 'content-type': PROBLEM_MEDIA_TYPE, ...headers } });
}

/** `detail` text for a list of violations: each one as `<pointer>: <message> (<rule>, §<section>)`. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => `${v.pointer !== undefined ? `${v.pointer === '' ? '/' : v.pointer}: ` : ''}${v.message} (${v.rule}, §${v.section})`)
    .join('; ');
}
