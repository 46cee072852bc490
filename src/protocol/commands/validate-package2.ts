import { checkClientUri } from '../addressing/client-uri.js';
import { checkMoid } from '../addressing/moid.js';
import { checkServerUri } from '../addressing/server-uri.js';
import {
  EMPTY_CMD_SEVERITY,
  END_NOT_LAST_SEVERITY,
  MALFORMED_COMMAND_EXPECTED_CODES,
  UNKNOWN_COMMAND_EXPECTED_CODES,
} from '../interpretations/packages.js';
import { checkStructure } from '../packages/structure.js';
import type { Package2 } from '../schemas/package2.schema.js';
import type { Violation } from '../violation.js';
import { COMMAND_NAMES, assignParameters, commandSpec, parameterCount, type CommandSpec, type ParameterKind } from './command-table.js';
import { appendAll } from '../json-limits.js';

function describeParameters(command: CommandSpec): string {
  const { min, max } = parameterCount(command);
  const count = max === min ? `${min}` : max === null ? `${min} or more` : `${min}–${max}`;
  const names = command.params.map((p) => `${p.name}${p.min === 0 ? '?' : ''}${p.max === null ? '+' : ''}`).join(', ');
  return `${count} parameter${max === 1 && min === 1 ? '' : 's'}${names === '' ? '' : ` (${names})`}`;
}

function checkParameter(kind: ParameterKind, value: string, pointer: string): Violation[] {
  if (kind === 'ServerURI') return checkServerUri(value, pointer);
  if (kind === 'ClientURI') return checkClientUri(value, pointer);
  return checkMoid(value, pointer);
}

/** Checks one `CMD` entry of a structurally valid Package#2 (§5.3, §7.2.1.2). */
function checkCommand(entry: readonly string[], index: number, last: number): Violation[] {
  const [name = '', ...params] = entry;
  const command = commandSpec(name);
  if (!command) {
    const hint = (COMMAND_NAMES as readonly string[]).includes(name.toUpperCase()) ? ` (names are upper case: ${name.toUpperCase()})` : '';
    return [
      {
        rule: 'command-unknown',
        section: '5.3',
        severity: 'error',
        message: `unknown command ${JSON.stringify(name)}${hint}; a client answers ${UNKNOWN_COMMAND_EXPECTED_CODES.join(' or ')}`,
        pointer: `/CMD/${index}/0`,
      },
    ];
  }
  const violations: Violation[] = [];
  if (command.name === 'END' && index < last) {
    violations.push({
      rule: 'command-end-not-last',
      section: '5.3.9',
      severity: END_NOT_LAST_SEVERITY,
      message: `END is followed by ${last - index} more command(s), whose statuses can never be reported`,
      pointer: `/CMD/${index}`,
    });
  }
  const assigned = assignParameters(command, params);
  if (!assigned) {
    violations.push({
      rule: 'command-param-count',
      section: command.section,
      severity: 'error',
      message: `${command.name} takes ${describeParameters(command)}, got ${params.length}; a client answers ${MALFORMED_COMMAND_EXPECTED_CODES.join(' or ')}`,
      pointer: `/CMD/${index}`,
    });
    return violations;
  }
  assigned.forEach((param, j) => appendAll(violations, checkParameter(param.kind, param.value, `/CMD/${index}/${j + 1}`)));
  return violations;
}

/**
 * The checks of a structurally valid Package#2 beyond its schema (§5.2.3, §5.3): known command
 * names, parameter counts, ClientURI / ServerURI / MOID syntax of each parameter, END placement,
 * an empty CMD (App C).
 */
export function checkPackage2(pkg: Package2): Violation[] {
  const violations: Violation[] = [];
  if (pkg.CMD.length === 0) {
    violations.push({
      rule: 'package2-cmd-empty',
      section: '5.2.3',
      severity: EMPTY_CMD_SEVERITY,
      message: 'CMD holds no command (and so no END)',
      pointer: '/CMD',
    });
  }
  pkg.CMD.forEach((entry, i) => appendAll(violations, checkCommand(entry, i, pkg.CMD.length - 1)));
  return violations;
}

/**
 * Validates a Package#2 value (§5.2.3, §7.2.1.2): schema first (non-string parameters, empty
 * entries…), then {@link checkPackage2}. Every violation names the command and parameter by
 * pointer, e.g. `/CMD/2/1`. Never throws.
 */
export function validatePackage2(pkg: unknown): Violation[] {
  const structure = checkStructure('package2', pkg);
  if (structure.value) return [...structure.violations, ...checkPackage2(structure.value)];
  return [...structure.violations, ...checkWellFormedEntries(pkg)];
}

/**
 * When the schema fails, the entries that are themselves well formed (non-empty arrays of
 * strings) are still checked, so one report names every broken command.
 */
export function checkWellFormedEntries(pkg: unknown): Violation[] {
  const cmd = pkg !== null && typeof pkg === 'object' ? (pkg as Record<string, unknown>)['CMD'] : undefined;
  if (!Array.isArray(cmd)) return [];
  const last = cmd.length - 1;
  return cmd.flatMap((entry: unknown, i) =>
    Array.isArray(entry) && entry.length > 0 && entry.every((item) => typeof item === 'string')
      ? checkCommand(entry as string[], i, last)
      : [],
  );
}
