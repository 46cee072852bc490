import { checkClientUri } from '../addressing/client-uri.js';
import { MALFORMED_COMMAND_EXPECTED_CODES, STATUS_CODE_SECTION, UNKNOWN_COMMAND_EXPECTED_CODES } from '../interpretations/packages.js';
import type { Package2 } from '../schemas/package2.schema.js';
import type { Package3 } from '../schemas/package3.schema.js';
import type { Violation } from '../violation.js';
import { assignParameters, commandSpec, isStatusAllowed } from './command-table.js';
import { isImmediateSuccessForAsyncExec } from '../interpretations/packages.js';
import { statusCodeInfo } from './status-codes.js';
import { appendAll } from '../json-limits.js';

/** Options of {@link validatePackage3Against}. */
export interface Package3AgainstOptions {
  /**
   * Zero-based command indexes of the data parts that came with the Package#3 (App F): `[]` for
   * a plain JSON Package#3. When omitted, GET data is not checked.
   */
  dataPartIndexes?: readonly number[];
}

const describe = (code: number): string => {
  const info = statusCodeInfo(code);
  return info ? `${code} ${info.label}` : `${code}`;
};

/** The status rules for one command/status pair (App C, §5.4.1, §5.3.1). */
function checkStatus(entry: readonly string[], status: Package3['Status'][number], index: number): Violation[] {
  const [name = '', ...params] = entry;
  const command = commandSpec(name);
  const pointer = `/Status/${index}/sc`;
  const sc = status.sc;
  if (!command || !assignParameters(command, params)) {
    const expected = command ? MALFORMED_COMMAND_EXPECTED_CODES : UNKNOWN_COMMAND_EXPECTED_CODES;
    if (expected.includes(sc)) return [];
    return [
      {
        rule: command ? 'status-malformed-command' : 'status-unknown-command',
        section: STATUS_CODE_SECTION,
        severity: 'warning',
        message: `command ${index} (${JSON.stringify(name)}) is ${command ? 'malformed' : 'unknown'}; expected ${expected.join(' or ')}, got ${describe(sc)}`,
        pointer,
      },
    ];
  }
  const violations: Violation[] = [];
  if (sc === 202 && !command.mayReportAsync) {
    violations.push({
      rule: 'status-async-not-exec',
      section: '5.4.1',
      severity: 'error',
      message: `${command.name} answered 202 Accepted; only EXEC may report asynchronously`,
      pointer,
    });
  } else if (statusCodeInfo(sc) && !isStatusAllowed(command, sc)) {
    violations.push({
      rule: 'status-code-not-allowed',
      section: STATUS_CODE_SECTION,
      severity: 'error',
      message: `${describe(sc)} is not a status of ${command.name}; allowed: ${command.statusCodes.join(', ')}, 1000–1999`,
      pointer,
    });
  }
  if (command.name === 'EXEC' && params.length === 2 && isImmediateSuccessForAsyncExec(sc)) {
    violations.push({
      rule: 'exec-async-required',
      section: '5.4.1',
      severity: 'error',
      message: `EXEC with a ServerURI must report its result asynchronously (202 Accepted, then a Generic Alert); got ${describe(sc)}`,
      pointer,
    });
  }
  if (command.name === 'HGET' && sc === 200) {
    if (params.length === 1 && (status.URI === undefined || status.URI.length === 0)) {
      violations.push({
        rule: 'hget-uri-missing',
        section: '5.3.1',
        severity: 'error',
        message: 'HGET without ClientURI succeeded but its status lists no URI where the data was stored',
        pointer: `/Status/${index}`,
      });
    }
    (status.URI ?? []).forEach((uri, j) => appendAll(violations, checkClientUri(uri, `/Status/${index}/URI/${j}`)));
  }
  return violations;
}

function checkDataParts(package2: Package2, package3: Package3, indexes: readonly number[]): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set(indexes);
  for (const index of seen) {
    const name = package2.CMD[index]?.[0];
    const sc = package3.Status[index]?.sc;
    if (name !== 'GET' || sc !== 200) {
      violations.push({
        rule: 'multipart-part-unexpected',
        section: 'App F',
        severity: 'error',
        message: `data part "${index}" answers ${name === undefined ? 'no command' : `command ${name}`}${sc === undefined ? '' : ` with status ${sc}`}; parts carry the data of GETs answered 200`,
        pointer: `/Status/${index}`,
      });
    }
  }
  package2.CMD.forEach((entry, index) => {
    if (entry[0] === 'GET' && package3.Status[index]?.sc === 200 && !seen.has(index)) {
      violations.push({
        rule: 'get-data-missing',
        section: 'App F',
        severity: 'error',
        message: `GET ${index} answered 200 but no data part "${index}" came with the Package#3`,
        pointer: `/Status/${index}`,
      });
    }
  });
  return violations;
}

/**
 * Checks that a Package#3 answers a Package#2 (§5.2.4, §7.2.1.3, App C, §5.4.1, App F): no
 * Package#3 at all after a Package#2 with END; one status per command in the same order; each
 * code allowed for its command; 202 only for EXEC; EXEC with a ServerURI answered 202; HGET
 * without ClientURI reports its URIs; with `dataPartIndexes`, one data part per GET answered 200.
 */
export function validatePackage3Against(package2: Package2, package3: Package3, options: Package3AgainstOptions = {}): Violation[] {
  const endIndex = package2.CMD.findIndex((entry) => entry[0] === 'END');
  if (endIndex >= 0) {
    return [
      {
        rule: 'package3-after-end',
        section: '5.2.4',
        severity: 'error',
        message: `the Package#2 carried END (command ${endIndex}), so no Package#3 may answer it`,
        pointer: '',
      },
    ];
  }
  const violations: Violation[] = [];
  if (package3.Status.length !== package2.CMD.length) {
    violations.push({
      rule: 'status-count',
      section: '7.2.1.3',
      severity: 'error',
      message: `Package#2 had ${package2.CMD.length} command(s) but Package#3 carries ${package3.Status.length} status(es)`,
      pointer: '/Status',
    });
  }
  const paired = Math.min(package3.Status.length, package2.CMD.length);
  for (let i = 0; i < paired; i++) {
    const entry = package2.CMD[i];
    const status = package3.Status[i];
    if (entry && status) appendAll(violations, checkStatus(entry, status, i));
  }
  if (options.dataPartIndexes) appendAll(violations, checkDataParts(package2, package3, options.dataPartIndexes));
  return violations;
}
