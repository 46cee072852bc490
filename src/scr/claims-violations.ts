import { compileSchema, type SchemaValidator, type SchemaViolation } from '../protocol/json-schema.js';
import { ItemIdSyntaxError, parseItemId } from './item-id.js';
import { claimsSchema, type Trigger } from './schemas/claims.schema.js';

type Json = Record<string, unknown>;

function decodePointer(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export function encodePointerPart(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value a JSON Pointer names in a document, if any. */
export function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of decodePointer(pointer)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Json)[part];
  }
  return value;
}

const TRIGGER_BRANCHES = claimsSchema.$defs.Trigger.oneOf.map((branch) => {
  const name = branch.$ref.slice('#/$defs/'.length) as 'HttpTrigger' | 'ShellTrigger' | 'ManualTrigger';
  return { kind: claimsSchema.$defs[name].properties.kind.const as string, name };
});
const TRIGGER_KINDS = TRIGGER_BRANCHES.map((branch) => JSON.stringify(branch.kind)).join(', ');
const branchValidators = new Map<string, SchemaValidator<Trigger>>();

/** The validator of the trigger branch (`$defs/Trigger/oneOf`) a kind names, compiled on first use. */
function triggerBranch(kind: unknown): SchemaValidator<Trigger> | undefined {
  const branch = TRIGGER_BRANCHES.find((b) => b.kind === kind);
  if (!branch) return undefined;
  let validate = branchValidators.get(branch.kind);
  if (!validate) {
    // The branch $ref resolves through the claims schema, which its module registered (schema-registry.ts).
    validate = compileSchema<Trigger>({ $ref: `${claimsSchema.$id}#/$defs/${branch.name}` });
    branchValidators.set(branch.kind, validate);
  }
  return validate;
}

/**
 * ajv reports a failed `oneOf` with the errors of every branch. Triggers are the only `oneOf` of
 * claims.schema.json, and only the branch their `kind` names matters: re-check the value against that branch alone, or report the kind.
 */
function narrowTriggerViolations(data: unknown, violations: SchemaViolation[]): SchemaViolation[] {
  let result = violations;
  for (const union of violations.filter((v) => v.rule === 'oneOf')) {
    const at = union.pointer;
    result = result.filter((v) => v.pointer !== at && !v.pointer.startsWith(`${at}/`));
    const value = valueAt(data, at);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      result.push({ pointer: at, rule: 'type', message: `must be an object with "kind" ${TRIGGER_KINDS}` });
      continue;
    }
    const kind = (value as Json)['kind'];
    const branch = triggerBranch(kind);
    if (!branch) {
      result.push(
        kind === undefined
          ? { pointer: `${at}/kind`, rule: 'required', message: 'is required' }
          : { pointer: `${at}/kind`, rule: 'enum', message: `must be one of ${TRIGGER_KINDS}` },
      );
      continue;
    }
    const checked = branch(value);
    if (!checked.ok) result.push(...checked.violations.map((v) => ({ ...v, pointer: `${at}${v.pointer}` })));
  }
  return result;
}

/** A role section given for the other role fails as a `false` schema; say why, and drop its sub-errors. */
function explainRoleSections(data: unknown, violations: SchemaViolation[]): SchemaViolation[] {
  let result = violations;
  for (const section of ['/client', '/server']) {
    if (!violations.some((v) => v.pointer === section && v.rule === 'false schema')) continue;
    const role = JSON.stringify(valueAt(data, '/role'));
    result = result.filter((v) => v.pointer !== section && !v.pointer.startsWith(`${section}/`));
    result.push({ pointer: section, rule: 'false schema', message: `is not allowed when role is ${role}` });
  }
  return result;
}

/** The credential pairs of NotificationCredentials: each value as UTF-8 text or as hex, not both. */
const CREDENTIAL_PAIRS = [
  ['secret', 'secretHex'],
  ['authData', 'authDataHex'],
] as const;

/** A credential given twice fails a bare `not`; name the pair instead. */
function explainCredentialPairs(data: unknown, violations: SchemaViolation[]): SchemaViolation[] {
  const pointers = new Set(violations.filter((v) => v.rule === 'not' && v.pointer.endsWith('/notification')).map((v) => v.pointer));
  if (pointers.size === 0) return violations;
  const result = violations.filter((v) => !(v.rule === 'not' && pointers.has(v.pointer)));
  for (const pointer of pointers) {
    const value = valueAt(data, pointer) as Json;
    for (const [text, hex] of CREDENTIAL_PAIRS) {
      if (text in value && hex in value) result.push({ pointer, rule: 'not', message: `give ${text} or ${hex}, not both` });
    }
  }
  return result;
}

/** Says where a listed item id breaks the id grammar, instead of quoting the schema's pattern. */
function explainItemIdPatterns(data: unknown, violations: SchemaViolation[]): SchemaViolation[] {
  return violations.map((violation) => {
    if (violation.rule !== 'pattern' || !/^\/(implements|notImplemented)\/\d+$/.test(violation.pointer)) return violation;
    const value = String(valueAt(data, violation.pointer));
    try {
      parseItemId(value);
    } catch (err) {
      if (err instanceof ItemIdSyntaxError) return { ...violation, message: err.message };
      throw err;
    }
    return { ...violation, message: `"${value}" is not an item id of the DM enabler` };
  });
}

/** Rewrites of ajv's violations into what the user must change, applied in order. */
const EXPLAINERS: readonly ((data: unknown, violations: SchemaViolation[]) => SchemaViolation[])[] = [
  narrowTriggerViolations,
  explainRoleSections,
  explainCredentialPairs,
  explainItemIdPatterns,
];

/**
 * Turns ajv's violations of claims.schema.json into what the user must change: one branch of a
 * trigger union instead of all three, why a role section is refused, which credential is given
 * twice, where an item id breaks the grammar.
 */
export function explainClaimsViolations(data: unknown, violations: SchemaViolation[]): SchemaViolation[] {
  return EXPLAINERS.reduce((found, explain) => explain(data, found), violations);
}
