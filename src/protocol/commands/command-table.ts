import { INFERRED_PARAMETER_ORDERS } from '../interpretations/packages.js';
import { STATUS_CODES, isApplicationStatusCode } from './status-codes.js';

/** The twelve DM commands of §5.3.1–§5.3.12, in the order of the text. */
export const COMMAND_NAMES = ['HGET', 'HPUT', 'HPOST', 'DELETE', 'EXEC', 'GET', 'SHOW', 'CONT', 'END', 'DEFAULT', 'SUB', 'UNSUB'] as const;

/** A DM command name (§5.3). */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** What a positional parameter holds (§5.3, §6.1, §6.2, §6.3). */
export type ParameterKind = 'ServerURI' | 'ClientURI' | 'MOID';

/** One positional parameter: its kind and how many values it takes (`max: null` = unbounded). */
export interface ParameterSpec {
  name: ParameterKind;
  min: number;
  max: number | null;
}

/** Support level of a command per side (§5.3, App B). */
export type Support = 'MUST' | 'SHOULD';

/** One DM command as data (§5.3, App C). */
export interface CommandSpec {
  name: CommandName;
  section: string;
  /** Positional parameters, in order (§5.3; for EXEC, DEFAULT and SUB inferred from the order of each parameter table). */
  params: readonly ParameterSpec[];
  server: Support;
  client: Support;
  /**
   * Its SCR item in each table edition: the 2013 CR seed numbers HGET…DEFAULT 014–023 like the
   * approved 2016 text, and has no SUB/UNSUB (its 024 is the Generic Alert).
   */
  scrItem: { seed2013?: string; approved2016: string };
  /** What the client does, in our words. */
  summary: string;
  /** False for END only: no status is ever sent for it (§5.3.9). */
  getsStatus: boolean;
  /** True for EXEC only: the one command that may answer 202 and report later (§5.4.1). */
  mayReportAsync: boolean;
  /** Codes App C names for this command besides the "All" ones (and 403/404 where they apply). */
  specificCodes: readonly number[];
  /** Every App C code allowed in its status (1000–1999 aside, see {@link isStatusAllowed}). */
  statusCodes: readonly number[];
}

const one = (name: ParameterKind): ParameterSpec => ({ name, min: 1, max: 1 });
const optional = (name: ParameterKind): ParameterSpec => ({ name, min: 0, max: 1 });
const many = (name: ParameterKind): ParameterSpec => ({ name, min: 1, max: null });
const inOrder = (names: readonly ParameterKind[]): ParameterSpec[] => names.map(one);

function allowedCodes(name: CommandName): number[] {
  if (name === 'END') return [];
  const noForbiddenOrNotFound = name === 'SHOW' || name === 'CONT';
  return STATUS_CODES.filter((info) => {
    if (info.appliesTo === 'all') return true;
    if (info.appliesTo === 'all-but-show-cont-end') return !noForbiddenOrNotFound;
    return info.appliesTo.includes(name);
  }).map((info) => info.code);
}

type Row = Omit<CommandSpec, 'statusCodes' | 'specificCodes' | 'getsStatus' | 'mayReportAsync' | 'scrItem'> & { scr: string };

function spec(row: Row): CommandSpec {
  const { scr, ...rest } = row;
  const statusCodes = allowedCodes(row.name);
  const common = new Set(allowedCodes('SHOW'));
  const base = row.name === 'SHOW' || row.name === 'CONT' ? common : new Set([...common, 403, 404]);
  return {
    ...rest,
    scrItem: row.name === 'SUB' || row.name === 'UNSUB' ? { approved2016: scr } : { seed2013: scr, approved2016: scr },
    getsStatus: row.name !== 'END',
    mayReportAsync: row.name === 'EXEC',
    specificCodes: statusCodes.filter((code) => !base.has(code)),
    statusCodes,
  };
}

/** The command table (§5.3.1–§5.3.12, App C). */
export const COMMANDS: readonly CommandSpec[] = [
  spec({
    name: 'HGET',
    section: '5.3.1',
    params: [one('ServerURI'), optional('ClientURI')],
    server: 'MUST',
    client: 'MUST',
    scr: 'DM-PACK-014',
    summary: 'HTTP GET the ServerURI and store the data at the ClientURI, or where the client chooses (reported in URI)',
  }),
  spec({
    name: 'HPUT',
    section: '5.3.2',
    params: [one('ServerURI'), many('ClientURI')],
    server: 'MUST',
    client: 'MUST',
    scr: 'DM-PACK-015',
    summary: 'HTTP PUT the data at every ClientURI to the ServerURI',
  }),
  spec({
    name: 'HPOST',
    section: '5.3.3',
    params: [one('ServerURI'), many('ClientURI')],
    server: 'MUST',
    client: 'MUST',
    scr: 'DM-PACK-016',
    summary: 'HTTP POST the data at every ClientURI to the ServerURI',
  }),
  spec({
    name: 'DELETE',
    section: '5.3.4',
    params: [one('ClientURI')],
    server: 'MUST',
    client: 'MUST',
    scr: 'DM-PACK-017',
    summary: 'delete the node and, for an interior node, its subtree',
  }),
  spec({
    name: 'EXEC',
    section: '5.3.5',
    params: [one(INFERRED_PARAMETER_ORDERS.EXEC[0]), optional(INFERRED_PARAMETER_ORDERS.EXEC[1])],
    server: 'MUST',
    client: 'MUST',
    scr: 'DM-PACK-018',
    summary: 'execute the node; with a ServerURI the result is reported asynchronously (202, then a Generic Alert)',
  }),
  spec({
    name: 'GET',
    section: '5.3.6',
    params: [one('ClientURI')],
    server: 'MUST',
    client: 'SHOULD',
    scr: 'DM-PACK-019',
    summary: 'return the data at the ClientURI inside the session (multipart Package#3, App F)',
  }),
  spec({
    name: 'SHOW',
    section: '5.3.7',
    params: [one('ServerURI')],
    server: 'MUST',
    client: 'SHOULD',
    scr: 'DM-PACK-020',
    summary: 'open the web browser on the ServerURI and go on with the next command',
  }),
  spec({
    name: 'CONT',
    section: '5.3.8',
    params: [one('ServerURI')],
    server: 'MUST',
    client: 'MUST',
    scr: 'DM-PACK-021',
    summary: 'send every further Package#3 of the session to the ServerURI',
  }),
  spec({
    name: 'END',
    section: '5.3.9',
    params: [],
    server: 'MUST',
    client: 'MUST',
    scr: 'DM-PACK-022',
    summary: 'run the rest of the package, send no Package#3: the session is over',
  }),
  spec({
    name: 'DEFAULT',
    section: '5.3.10',
    params: inOrder(INFERRED_PARAMETER_ORDERS.DEFAULT),
    server: 'MUST',
    client: 'SHOULD',
    scr: 'DM-PACK-023',
    summary: 'remember the ServerURI as the fallback source of the MOID',
  }),
  spec({
    name: 'SUB',
    section: '5.3.11',
    params: inOrder(INFERRED_PARAMETER_ORDERS.SUB),
    server: 'SHOULD',
    client: 'SHOULD',
    scr: 'DM-PACK-024',
    summary: 'on any change under the ClientURI, HTTP PUT the subtree to the ServerURI',
  }),
  spec({
    name: 'UNSUB',
    section: '5.3.12',
    params: [one('ClientURI')],
    server: 'SHOULD',
    client: 'SHOULD',
    scr: 'DM-PACK-025',
    summary: 'cancel the SUB with exactly this ClientURI',
  }),
];

const BY_NAME = new Map<string, CommandSpec>(COMMANDS.map((command) => [command.name, command]));

/** The table row of a command name (case-sensitive, as in §7.2.1.2), or `undefined`. */
export function commandSpec(name: string): CommandSpec | undefined {
  return BY_NAME.get(name);
}

/**
 * True when a Package#3 may answer `command` with `code` (App C, plus 1000–1999 for every
 * command that gets a status). Whether 202 is right for a given EXEC is the validator's concern.
 */
export function isStatusAllowed(command: CommandSpec, code: number): boolean {
  if (!command.getsStatus) return false;
  return command.statusCodes.includes(code) || isApplicationStatusCode(code);
}

/** Fewest and most parameters a command takes (`max: null` = unbounded). */
export function parameterCount(command: CommandSpec): { min: number; max: number | null } {
  let min = 0;
  let max: number | null = 0;
  for (const param of command.params) {
    min += param.min;
    max = max === null || param.max === null ? null : max + param.max;
  }
  return { min, max };
}

/**
 * Assigns positional values to the command's parameters: each takes as many as it may while
 * leaving enough for the ones after it. `undefined` when the count does not fit.
 */
export function assignParameters(command: CommandSpec, values: readonly string[]): { kind: ParameterKind; value: string }[] | undefined {
  const { min, max } = parameterCount(command);
  if (values.length < min || (max !== null && values.length > max)) return undefined;
  const assigned: { kind: ParameterKind; value: string }[] = [];
  let next = 0;
  command.params.forEach((param, index) => {
    const neededAfter = command.params.slice(index + 1).reduce((sum, later) => sum + later.min, 0);
    const available = values.length - next - neededAfter;
    const take = Math.max(param.min, Math.min(param.max ?? available, available));
    for (const value of values.slice(next, next + take)) assigned.push({ kind: param.name, value });
    next += take;
  });
  return assigned;
}
