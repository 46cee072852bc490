import { APPLICATION_STATUS_CODES, STATUS_CODE_SECTION, STATUS_406_COMMANDS } from '../interpretations/packages.js';

/** The class of a status code (App C): 2xx, 3xx, 4xx, 5xx, or 1xxx application specific. */
export type StatusClass = 'successful' | 'redirection' | 'originator-exception' | 'recipient-exception' | 'application-specific';

/** One row of Appendix C. */
export interface StatusCodeInfo {
  code: number;
  label: string;
  /** When a client uses it, in our words. */
  meaning: string;
  class: StatusClass;
  /**
   * The commands it applies to: `all` (every command that gets a status), `all-but-show-cont-end`,
   * or a list of command names.
   */
  appliesTo: 'all' | 'all-but-show-cont-end' | readonly string[];
  section: string;
}

const row = (code: number, label: string, meaning: string, cls: StatusClass, appliesTo: StatusCodeInfo['appliesTo']): StatusCodeInfo => ({
  code,
  label,
  meaning,
  class: cls,
  appliesTo,
  section: STATUS_CODE_SECTION,
});

/** Appendix C, complete: the only codes a Package#3 may carry, 1000–1999 aside. */
export const STATUS_CODES: readonly StatusCodeInfo[] = [
  row(
    200,
    'OK',
    'success; HPUT/HPOST: at least one ClientURI sent; SHOW: UI session started; DEFAULT: command received',
    'successful',
    'all',
  ),
  row(202, 'Accepted', 'the result will be reported asynchronously in a Generic Alert', 'successful', ['EXEC']),
  row(204, 'No Content', 'success, the target exists but holds no data', 'successful', ['GET']),
  row(304, 'Not Modified', 'cv given, access allowed, instance unchanged', 'redirection', ['GET', 'HPUT', 'HPOST']),
  row(400, 'Bad Request', 'malformed command syntax', 'originator-exception', 'all'),
  row(403, 'Forbidden', 'the server lacks the access rights', 'originator-exception', 'all-but-show-cont-end'),
  row(
    404,
    'Not Found',
    'ClientURI not found (UNSUB: not used by an earlier SUB; DEFAULT: MOID not supported)',
    'originator-exception',
    'all-but-show-cont-end',
  ),
  row(405, 'Command Not Allowed', 'EXEC on a non-executable node, DELETE of a permanent or mandatory node', 'originator-exception', [
    'EXEC',
    'DELETE',
  ]),
  row(406, 'Not Acceptable', 'none of the server-requested formats is supported', 'originator-exception', STATUS_406_COMMANDS),
  row(415, 'Unsupported Media Type', 'the retrieved data is not recognized', 'originator-exception', ['HGET']),
  row(419, 'ServerURI Error', 'the HTTP GET, PUT or POST to the ServerURI failed', 'originator-exception', ['HGET', 'HPUT', 'HPOST']),
  row(500, 'Internal Error', 'unexpected condition', 'recipient-exception', 'all'),
  row(501, 'Not Implemented', 'command not supported or not recognized', 'recipient-exception', 'all'),
  row(503, 'Service Unavailable', 'temporary overload or maintenance', 'recipient-exception', 'all'),
  row(506, 'Device Full', 'not enough storage', 'recipient-exception', ['HGET']),
  row(507, 'User Rejected', 'the user refused', 'recipient-exception', 'all'),
];

const BY_CODE = new Map(STATUS_CODES.map((info) => [info.code, info]));

/** True for the application-specific range 1000–1999 (App C). */
export function isApplicationStatusCode(code: number): boolean {
  return Number.isInteger(code) && code >= APPLICATION_STATUS_CODES.min && code <= APPLICATION_STATUS_CODES.max;
}

/**
 * The Appendix C row of a status code, a synthesized row for 1000–1999 (App C's recommended
 * grouping: 12xx success, 13xx redirection, 14xx originator, 15xx recipient), or `undefined` for
 * a code the text does not define.
 */
export function statusCodeInfo(code: number): StatusCodeInfo | undefined {
  const known = BY_CODE.get(code);
  if (known) return known;
  if (!isApplicationStatusCode(code)) return undefined;
  const group = Math.floor(code / 100) % 10;
  const meaning =
    group === 2
      ? 'application-specific success'
      : group === 3
        ? 'application-specific redirection'
        : group === 4
          ? 'application-specific originator exception'
          : group === 5
            ? 'application-specific recipient exception'
            : 'application-specific';
  return row(code, 'Application specific', meaning, 'application-specific', 'all');
}
