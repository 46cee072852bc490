import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { compileSchema, formatViolation, type SchemaViolation } from '../protocol/json-schema.js';
import { checkTransportSecurity } from './claims-tls.js';
import { encodePointerPart, explainClaimsViolations } from './claims-violations.js';
import { shellPlaceholderProblem } from '../harness/template.js';
import { ClaimsError } from './errors.js';
import { claimsSchema, type Claims, type Trigger } from './schemas/claims.schema.js';

const validateClaims = compileSchema<Claims>(claimsSchema);

/** Placeholders every trigger template may use (claims.schema.json `Template`). */
export const COMMON_PLACEHOLDERS = ['devId', 'serverId', 'adminUrl', 'adminToken', 'dmct'] as const;

/**
 * The placeholders each trigger of the IXIT may use besides {@link COMMON_PLACEHOLDERS}, keyed by
 * the trigger's JSON pointer in a claims file.
 */
export const TRIGGER_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  '/server/triggers/notify': ['options'],
  '/server/triggers/queueCommand': ['command', 'params'],
  '/server/triggers/queuePackage2': ['package2'],
  '/client/clientInitiated': [],
  '/client/sessionWith': ['serverUrl'],
  '/client/needMoid': ['moid'],
  '/hooks/setup': [],
  '/hooks/reset': [],
  '/hooks/teardown': [],
};

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

const DEFS = (claimsSchema as unknown as { $defs: Record<string, SchemaNode> }).$defs;

/** A local `#/$defs/` reference resolved; another schema's is not followed (undefined: any member accepted). */
function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  const ref = node?.$ref;
  if (ref === undefined) return node;
  return ref.startsWith('#/$defs/') ? DEFS[ref.slice('#/$defs/'.length)] : undefined;
}

/**
 * Why a placeholder path does not address a member of the documented trigger input
 * (claims.schema.json `TriggerInput`), or undefined: object members by name, array items by index.
 */
function pathProblem(path: string): string | undefined {
  let node = deref(DEFS['TriggerInput']);
  const walked: string[] = [];
  for (const key of path.split('.')) {
    if (node === undefined) return undefined;
    if (node.properties !== undefined) {
      if (!Object.hasOwn(node.properties, key)) {
        const known = Object.keys(node.properties).join(', ');
        return walked.length === 0 ? undefined : `{{${walked.join('.')}}} has no member "${key}" (its members: ${known})`;
      }
      node = deref(node.properties[key]);
    } else if (node.items !== undefined) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) return `{{${walked.join('.')}}} is a list: address an item by its index, not "${key}"`;
      node = deref(node.items);
    } else if (walked.length > 0) {
      return `{{${walked.join('.')}}} has no members`;
    }
    walked.push(key);
  }
  return undefined;
}

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
      else
        found.push({ pointer: `/${name}/${index}`, rule: 'uniqueItems', message: `"${id}" is listed twice (first at /${name}/${first})` });
    });
    return seen;
  };
  const implemented = firstIndex(claims.implements ?? [], 'implements');
  const declined = firstIndex(claims.notImplemented ?? [], 'notImplemented');
  for (const [id, index] of declined) {
    const other = implemented.get(id);
    if (other !== undefined)
      found.push({ pointer: `/notImplemented/${index}`, rule: 'disjoint', message: `"${id}" is also listed in /implements/${other}` });
  }
  return found;
}

/** A client that claims Package#0 must say how dmct delivers one. */
function checkClientNotification(claims: Claims): SchemaViolation[] {
  if (claims.client === undefined || claims.client.notification !== undefined || !(claims.implements ?? []).includes('DM-PACK-002-C-O'))
    return [];
  return [
    {
      pointer: '/client/notification',
      rule: 'required',
      message: 'is required when the client claims Package#0 (DM-PACK-002-C-O in /implements)',
    },
  ];
}

function checkTemplate(text: string, pointer: string, allowed: readonly string[], claims: Claims, shell = false): SchemaViolation[] {
  const found: SchemaViolation[] = [];
  const unsafe = shell ? shellPlaceholderProblem(text) : undefined;
  if (unsafe !== undefined) found.push({ pointer, rule: 'shell-placeholder', message: unsafe });
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    const root = name.split('.')[0] ?? '';
    const problem = allowed.includes(root) ? pathProblem(name) : undefined;
    if (!allowed.includes(root)) {
      const known = allowed.map((n) => `{{${n}}}`).join(', ');
      found.push({ pointer, rule: 'placeholder', message: `unknown placeholder {{${name}}} (allowed here: ${known})` });
    } else if (problem !== undefined) {
      found.push({ pointer, rule: 'placeholder', message: problem });
    } else if ((name === 'adminUrl' || name === 'adminToken') && claims[name] === undefined) {
      found.push({ pointer, rule: 'placeholder', message: `uses {{${name}}} but /${name} is not set` });
    }
  }
  return found;
}

function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function checkTriggerTemplates(
  claims: Claims,
  pointer: string,
  trigger: Trigger,
  extra = TRIGGER_PLACEHOLDERS[pointer],
): SchemaViolation[] {
  const allowed = [...COMMON_PLACEHOLDERS, ...(extra ?? [])];
  const fields: [string, string][] = [];
  if (trigger.kind === 'http') {
    fields.push(['url', trigger.url]);
    for (const [name, value] of Object.entries(trigger.headers ?? {})) {
      if (value !== undefined) fields.push([`headers/${encodePointerPart(name)}`, value]);
    }
    if (trigger.body !== undefined) fields.push(['body', trigger.body]);
  } else if (trigger.kind === 'shell') {
    fields.push(['command', trigger.command]);
  } else if (trigger.kind === 'manual') {
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
    ['/client/sessionWith', claims.client?.sessionWith],
    ['/client/needMoid', claims.client?.needMoid],
  ];
  const found = triggers.flatMap(([pointer, trigger]) => (trigger ? checkTriggerTemplates(claims, pointer, trigger) : []));
  for (const name of ['setup', 'reset', 'teardown'] as const) {
    const hook = claims.hooks?.[name];
    if (hook === undefined) continue;
    const pointer = `/hooks/${name}`;
    found.push(...checkTriggerTemplates(claims, `${pointer}/run`, hook.run, TRIGGER_PLACEHOLDERS[pointer]));
    if (hook.ready?.url !== undefined) found.push(...checkTemplate(hook.ready.url, `${pointer}/ready/url`, COMMON_PLACEHOLDERS, claims));
    if (hook.ready?.line !== undefined && regexProblem(hook.ready.line) !== undefined) {
      found.push({
        pointer: `${pointer}/ready/line`,
        rule: 'pattern',
        message: `not a regular expression: ${regexProblem(hook.ready.line) ?? ''}`,
      });
    }
  }
  const shell = claims.client?.notification?.shell;
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
    ? [
        ...checkLists(result.value),
        ...checkClientNotification(result.value),
        ...checkPlaceholders(result.value),
        ...checkTransportSecurity(result.value),
      ]
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

/**
 * Reads and validates the claims file of one side (`role`), with the SHA-256 of its text (what a
 * report or a resumed interop matrix pins). Throws a {@link ClaimsError} as {@link loadClaims}
 * does, and one naming `givenAs` when the file claims the other role.
 */
export function loadRoleClaims(path: string, role: Claims['role'], givenAs: string): { claims: Claims; sha256: string } {
  const read = readClaimsText(path);
  if (!read.ok) throw new ClaimsError([`${path}: cannot read the claims file (${read.reason})`]);
  const claims = parseClaims(read.text, path);
  if (claims.role !== role) throw new ClaimsError([`${path}: claims of a ${claims.role}, given as ${givenAs}`]);
  return { claims, sha256: createHash('sha256').update(read.text, 'utf8').digest('hex') };
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
