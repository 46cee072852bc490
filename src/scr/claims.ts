import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { compileSchema, formatViolation, type SchemaViolation } from '../protocol/json-schema.js';
import { encodePointerPart, explainClaimsViolations } from './claims-violations.js';
import { shellPlaceholderProblem } from '../harness/template.js';
import { ClaimsError } from './errors.js';
import { claimsSchema, type Claims, type Trigger } from './schemas/claims.schema.js';

const validateClaims = compileSchema<Claims>(claimsSchema);

/** Placeholders every trigger template may use (claims.schema.json `Template`). */
export const COMMON_PLACEHOLDERS = ['devId', 'serverId', 'adminUrl', 'adminToken'] as const;

/**
 * The placeholders each trigger of the IXIT may use besides {@link COMMON_PLACEHOLDERS}, keyed by
 * the trigger's JSON pointer in a claims file.
 */
export const TRIGGER_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  '/server/triggers/notify': ['options'],
  '/server/triggers/queueCommand': ['command', 'params'],
  '/server/triggers/queuePackage2': ['package2'],
  '/client/clientInitiated': [],
  '/client/needMoid': ['moid'],
};

/** Placeholders of the client-target shell delivery command (claims.schema.json `ShellDelivery`). */
export const SHELL_DELIVERY_PLACEHOLDERS = ['hex', 'base64', 'file', 'devId'] as const;

/** A `{{name}}` placeholder; blanks inside the braces are allowed, as the renderer (src/harness/template.ts) allows them. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Each id once per list, and no id in both lists; one pass over each list (a Map, not indexOf). */
function checkLists(claims: Claims): SchemaViolation[] {
  const found: SchemaViolation[] = [];
  const firstIndex = (list: readonly string[], name: string): Map<string, number> => {
    const seen = new Map<string, number>();
    list.forEach((id, index) => {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else found.push({ pointer: `/${name}/${index}`, rule: 'uniqueItems', message: `"${id}" is listed twice (first at /${name}/${first})` });
    });
    return seen;
  };
  const implemented = firstIndex(claims.implements ?? [], 'implements');
  const declined = firstIndex(claims.notImplemented ?? [], 'notImplemented');
  for (const [id, index] of declined) {
    const other = implemented.get(id);
    if (other !== undefined) found.push({ pointer: `/notImplemented/${index}`, rule: 'disjoint', message: `"${id}" is also listed in /implements/${other}` });
  }
  return found;
}

function checkTemplate(text: string, pointer: string, allowed: readonly string[], claims: Claims, shell = false): SchemaViolation[] {
  const found: SchemaViolation[] = [];
  const unsafe = shell ? shellPlaceholderProblem(text) : undefined;
  if (unsafe !== undefined) found.push({ pointer, rule: 'shell-placeholder', message: unsafe });
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!allowed.includes(name)) {
      const known = allowed.map((n) => `{{${n}}}`).join(', ');
      found.push({ pointer, rule: 'placeholder', message: `unknown placeholder {{${name}}} (allowed here: ${known})` });
    } else if ((name === 'adminUrl' || name === 'adminToken') && claims[name] === undefined) {
      found.push({ pointer, rule: 'placeholder', message: `uses {{${name}}} but /${name} is not set` });
    }
  }
  return found;
}

function checkTriggerTemplates(claims: Claims, pointer: string, trigger: Trigger): SchemaViolation[] {
  const allowed = [...COMMON_PLACEHOLDERS, ...(TRIGGER_PLACEHOLDERS[pointer] ?? [])];
  const fields: [string, string][] = [];
  if (trigger.kind === 'http') {
    fields.push(['url', trigger.url]);
    for (const [name, value] of Object.entries(trigger.headers ?? {})) {
      if (value !== undefined) fields.push([`headers/${encodePointerPart(name)}`, value]);
    }
    if (trigger.body !== undefined) fields.push(['body', trigger.body]);
  } else if (trigger.kind === 'shell') {
    fields.push(['command', trigger.command]);
  } else {
    fields.push(['prompt', trigger.prompt]);
  }
  return fields.flatMap(([field, text]) => checkTemplate(text, `${pointer}/${field}`, allowed, claims, trigger.kind === 'shell'));
}

function checkPlaceholders(claims: Claims): SchemaViolation[] {
  const triggers: [string, Trigger | undefined][] = [
    ['/server/triggers/notify', claims.server?.triggers?.notify],
    ['/server/triggers/queueCommand', claims.server?.triggers?.queueCommand],
    ['/server/triggers/queuePackage2', claims.server?.triggers?.queuePackage2],
    ['/client/clientInitiated', claims.client?.clientInitiated],
    ['/client/needMoid', claims.client?.needMoid],
  ];
  const found = triggers.flatMap(([pointer, trigger]) => (trigger ? checkTriggerTemplates(claims, pointer, trigger) : []));
  const shell = claims.client?.notification.shell;
  if (shell) found.push(...checkTemplate(shell.command, '/client/notification/shell/command', SHELL_DELIVERY_PLACEHOLDERS, claims, true));
  return found;
}

/**
 * Validates the text of a claims file (ICS + IXIT; claims.schema.json) and returns it typed.
 * Beyond the schema: implements and notImplemented must not share an item, and trigger
 * templates may only use the placeholders of their trigger. Every problem becomes one line
 * `<source> <pointer>: <message> (<rule>)`; all are thrown together as a {@link ClaimsError}.
 * Item ids are checked against the SCR tables later, by computeApplicability.
 */
export function parseClaims(text: string, source: string): Claims {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (err) {
    throw new ClaimsError([`${source}: not valid JSON: ${(err as Error).message}`]);
  }
  const result = validateClaims(data);
  const violations = result.ok
    ? [...checkLists(result.value), ...checkPlaceholders(result.value)]
    : explainClaimsViolations(data, result.violations);
  if (violations.length > 0) throw new ClaimsError(violations.map((v) => formatViolation(source, v)));
  return data as Claims;
}

/**
 * Reads and validates a claims file (see {@link parseClaims}). Throws a {@link ClaimsError}
 * whose lines each name the file as given, the JSON pointer and the rule.
 */
export function loadClaims(path: string): Claims {
  const read = readClaimsText(path);
  if (!read.ok) throw new ClaimsError([`${path}: cannot read the claims file (${read.reason})`]);
  return parseClaims(read.text, path);
}

/** Largest claims file read; a claims file is a few kilobytes. */
export const MAX_CLAIMS_BYTES = 1024 * 1024;

/**
 * The text of a claims file, read bounded: a regular file only (a FIFO, a device such as
 * /dev/zero or a directory is refused without blocking: the open is non-blocking and the type is
 * checked on the open descriptor), at most {@link MAX_CLAIMS_BYTES}, strict UTF-8.
 */
export function readClaimsText(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(err)) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > MAX_CLAIMS_BYTES) return { ok: false, reason: `${stat.size} bytes, over the ${MAX_CLAIMS_BYTES}-byte limit` };
    const buffer = Buffer.alloc(MAX_CLAIMS_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CLAIMS_BYTES) return { ok: false, reason: `over the ${MAX_CLAIMS_BYTES}-byte limit` };
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    } catch {
      return { ok: false, reason: 'not UTF-8 text' };
    }
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  } finally {
    closeSync(fd);
  }
}
