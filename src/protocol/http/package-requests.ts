import { validatePackage3Against } from '../commands/validate-package3.js';
import { ACCEPT_MISSING_SEVERITY, PACKAGE2_HTTP_STATUS } from '../interpretations/packages.js';
import { parsePackage1 } from '../packages/package1.js';
import { parsePackage2 } from '../packages/package2.js';
import { parsePackage3 } from '../packages/package3.js';
import type { Package1ParseOptions } from '../packages/package1.js';
import type { ParseOptions } from '../packages/parse-result.js';
import type { Package1 } from '../schemas/package1.schema.js';
import type { Package2 } from '../schemas/package2.schema.js';
import type { Package3 } from '../schemas/package3.schema.js';
import type { Violation } from '../violation.js';
import { acceptWeight, isSupportedRequestType, parseAccept } from './accept.js';
import { HEADERS, getHeader, type HeaderBag } from './headers.js';
import { MEDIA_TYPES, PACKAGE_MEDIA_TYPES, parseMediaType } from './media-types.js';
import { parseMultipartPackage3, type MultipartDataPart } from './multipart.js';
import { appendAll } from '../json-limits.js';

/** An HTTP request as dmct saw it. */
export interface HttpRequestView {
  method: string;
  headers: HeaderBag;
  body: string | Uint8Array | undefined;
}

/** An HTTP response as dmct saw it. */
export interface HttpResponseView {
  status: number;
  headers: HeaderBag;
  body: string | Uint8Array | undefined;
}

/** Options of {@link checkPackageRequest}. */
export interface PackageRequestOptions extends Package1ParseOptions {
  /** The DevInfo DevID the client must send in OMADM-DevID (§5.2.2, §5.2.4). */
  devId?: string;
  /** For a Package#3: the Package#2 it answers, to check statuses and GET data parts. */
  package2?: Package2;
}

/** What {@link checkPackageRequest} found: the parsed package when its body was valid. */
export interface PackageRequestCheck {
  violations: Violation[];
  package1?: Package1;
  package3?: Package3;
  /** GET data parts of a multipart Package#3, by zero-based command index (App F). */
  parts?: Map<number, MultipartDataPart>;
}

const SECTION: Record<1 | 3, string> = { 1: '5.2.2', 3: '5.2.4' };

function checkEnvelope(request: HttpRequestView, expected: 1 | 3, options: PackageRequestOptions): Violation[] {
  const violations: Violation[] = [];
  const section = SECTION[expected];
  if (request.method !== 'POST') {
    violations.push({
      rule: 'http-method',
      section,
      severity: 'error',
      message: `Package#${expected} must be an HTTP POST, got ${request.method}`,
    });
  }
  const contentType = getHeader(request.headers, HEADERS.contentType);
  if (contentType === undefined) {
    violations.push({
      rule: 'http-content-type-missing',
      section: '5.5',
      severity: 'error',
      message: `Package#${expected} has no Content-Type (a server answers 415)`,
    });
  } else if (!isSupportedRequestType(contentType, expected)) {
    violations.push({
      rule: 'http-content-type',
      section: expected === 1 ? '7.2.1.1' : '7.2.1.3',
      severity: 'error',
      message: `Package#${expected} has Content-Type ${JSON.stringify(contentType)}, expected ${PACKAGE_MEDIA_TYPES[expected].join(' or ')} (a server answers 415)`,
    });
  }
  const devId = getHeader(request.headers, HEADERS.devId);
  if (devId === undefined || devId.trim() === '') {
    violations.push({
      rule: 'http-devid-missing',
      section,
      severity: 'error',
      message: `Package#${expected} has no ${HEADERS.devId} header`,
    });
  } else if (options.devId !== undefined && devId.trim() !== options.devId) {
    violations.push({
      rule: 'http-devid-mismatch',
      section,
      severity: 'error',
      message: `${HEADERS.devId} is ${JSON.stringify(devId)}, but DevInfo DevID is ${JSON.stringify(options.devId)}`,
    });
  }
  const accept = getHeader(request.headers, HEADERS.accept);
  if (accept === undefined) {
    violations.push({
      rule: 'http-accept-missing',
      section: '5.5',
      severity: ACCEPT_MISSING_SEVERITY,
      message: `Package#${expected} has no Accept header`,
    });
  } else {
    const parsed = parseAccept(accept);
    appendAll(violations, parsed.violations);
    if (parsed.ranges.length > 0 && acceptWeight(parsed.ranges, MEDIA_TYPES.package2) === 0) {
      violations.push({
        rule: 'http-accept-excludes-package2',
        section: '5.5',
        severity: 'warning',
        message: `Accept ${JSON.stringify(accept)} excludes ${MEDIA_TYPES.package2} (a server answers 406)`,
      });
    }
  }
  return violations;
}

/**
 * Checks a client's HTTP request carrying Package#1 or Package#3 (§5.2.2, §5.2.4, §5.5, App F):
 * POST, Content-Type, OMADM-DevID, Accept; then the body (JSON, or multipart for Package#3), and,
 * given `package2`, the statuses against it. Never throws.
 */
export function checkPackageRequest(
  request: HttpRequestView,
  expectedPackage: 1 | 3,
  options: PackageRequestOptions = {},
): PackageRequestCheck {
  const violations = checkEnvelope(request, expectedPackage, options);
  const body = request.body ?? '';
  if (expectedPackage === 1) {
    const parsed = parsePackage1(body, options);
    return parsed.value
      ? { violations: [...violations, ...parsed.violations], package1: parsed.value }
      : { violations: [...violations, ...parsed.violations] };
  }
  const contentType = getHeader(request.headers, HEADERS.contentType) ?? '';
  if (parseMediaType(contentType)?.essence === MEDIA_TYPES.multipart) {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const multipart = parseMultipartPackage3(contentType, bytes, options);
    appendAll(violations, multipart.violations);
    if (multipart.package3 && options.package2) {
      appendAll(
        violations,
        validatePackage3Against(options.package2, multipart.package3, { dataPartIndexes: [...multipart.parts.keys()] }),
      );
    }
    return multipart.package3
      ? { violations, package3: multipart.package3, parts: multipart.parts }
      : { violations, parts: multipart.parts };
  }
  const parsed = parsePackage3(body, options);
  appendAll(violations, parsed.violations);
  if (!parsed.value) return { violations };
  if (options.package2) appendAll(violations, validatePackage3Against(options.package2, parsed.value, { dataPartIndexes: [] }));
  return { violations, package3: parsed.value };
}

/**
 * Checks a server's HTTP response carrying Package#2 (§5.2.3, §5.5): status
 * 200, Content-Type, a well-formed OMADM-Accept when present, then the Package#2 itself.
 */
export function checkPackage2Response(
  response: HttpResponseView,
  options: ParseOptions = {},
): { violations: Violation[]; package2?: Package2 } {
  const violations: Violation[] = [];
  if (response.status !== PACKAGE2_HTTP_STATUS.expected) {
    const success = response.status >= 200 && response.status < 300;
    violations.push({
      rule: 'http-status-package2',
      section: '5.2.3',
      severity: success ? PACKAGE2_HTTP_STATUS.otherSuccessSeverity : 'error',
      message: `the response carrying Package#2 has status ${response.status}; the text uses ${PACKAGE2_HTTP_STATUS.expected}`,
    });
  }
  const contentType = getHeader(response.headers, HEADERS.contentType);
  if (parseMediaType(contentType ?? '')?.essence !== MEDIA_TYPES.package2) {
    violations.push({
      rule: contentType === undefined ? 'http-content-type-missing' : 'http-content-type',
      section: '7.2.1.2',
      severity: 'error',
      message: `Package#2 has Content-Type ${JSON.stringify(contentType ?? null)}, expected ${MEDIA_TYPES.package2}`,
    });
  }
  const omadmAccept = getHeader(response.headers, HEADERS.omadmAccept);
  if (omadmAccept !== undefined) {
    appendAll(
      violations,
      parseAccept(omadmAccept, HEADERS.omadmAccept).violations.map((v) => ({ ...v, rule: 'http-omadm-accept-syntax' })),
    );
  }
  const parsed = parsePackage2(response.body ?? '', options);
  appendAll(violations, parsed.violations);
  return parsed.value ? { violations, package2: parsed.value } : { violations };
}
