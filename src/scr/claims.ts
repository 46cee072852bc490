import { readFileSync } from 'node:fs';
import { compileSchema, formatViolation, type SchemaViolation } from '../protocol/json-schema.js';
import { encodePointerPart, explainClaimsViolations } from './claims-violations.js';
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
export const SHELL_DELIVERY_PLACEHOLDERS = ['hex'] as const;

/** A `{{name}}` placeholder; blanks inside the braces are allowed, as the renderer (src/harness/template.ts) allows them. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function checkListsDisjoint(claims: Claims): SchemaViolation[] {
  const implemented = claims.implements ?? [];
  return (claims.notImplemented ?? []).flatMap((id, index) => {
    const other = implemented.indexOf(id);
    return other < 0
      ? []
      : [{ pointer: `/notImplemented/${index}`, rule: 'disjoint', message: `"${id}" is also listed in /implements/${other}` }];
  });
}

function checkTemplate(text: string, pointer: string, allowed: readonly string[], claims: Claims): SchemaViolation[] {
  const found: SchemaViolation[] = [];
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
  return fields.flatMap(([field, text]) => checkTemplate(text, `${pointer}/${field}`, allowed, claims));
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
  if (shell) found.push(...checkTemplate(shell.command, '/client/notification/shell/command', SHELL_DELIVERY_PLACEHOLDERS, claims));
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
    ? [...checkListsDisjoint(result.value), ...checkPlaceholders(result.value)]
    : explainClaimsViolations(data, result.violations);
  if (violations.length > 0) throw new ClaimsError(violations.map((v) => formatViolation(source, v)));
  return data as Claims;
}

/**
 * Reads and validates a claims file (see {@link parseClaims}). Throws a {@link ClaimsError}
 * whose lines each name the file as given, the JSON pointer and the rule.
 */
export function loadClaims(path: string): Claims {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(err));
    throw new ClaimsError([`${path}: cannot read the claims file (${reason})`]);
  }
  return parseClaims(text, path);
}
