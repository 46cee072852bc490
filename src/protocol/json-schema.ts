import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext the default import is the module object.
const addFormats = addFormatsModule.default;

/** One rule of a JSON Schema that a document broke, located by JSON Pointer. */
export interface SchemaViolation {
  /** JSON Pointer into the document (`""` is the document itself). */
  pointer: string;
  /** The schema keyword that failed, e.g. `required`, `enum`, `type`. */
  rule: string;
  /** What is wrong, in plain words. */
  message: string;
}

export type SchemaResult<T> = { ok: true; value: T } | { ok: false; violations: SchemaViolation[] };

/** A compiled validator: never throws, returns the typed value or every violation. */
export type SchemaValidator<T> = (data: unknown) => SchemaResult<T>;

let shared: Ajv2020 | undefined;

/** The one ajv instance of the process (draft 2020-12, all errors, strict, formats). */
export function sharedAjv(): Ajv2020 {
  shared ??= createAjv();
  return shared;
}

/** A fresh ajv instance configured the way every dmct schema expects. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

function describe(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    pointer = `${pointer}/${String(params['missingProperty'])}`;
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    pointer = `${pointer}/${String(params['additionalProperty'])}`;
    message = 'is not allowed here';
  } else if (error.keyword === 'enum') {
    message = `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { pointer, rule: error.keyword, message };
}

/**
 * Compiles a schema once (schemas with an `$id` are cached by ajv) and returns a validator
 * that reports every violation.
 */
export function compileSchema<T>(schema: object): SchemaValidator<T> {
  const ajv = sharedAjv();
  const id = (schema as { $id?: unknown }).$id;
  const validate = (typeof id === 'string' && ajv.getSchema(id)) || ajv.compile(schema);
  return (data: unknown) => {
    if (validate(data)) return { ok: true, value: data as T };
    // `if`/`then` and `anyOf` wrappers only repeat what their sub-errors say.
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
    return { ok: false, violations: errors.map(describe) };
  };
}

/** `<source> <pointer>: <message> (<rule>)` — the one-line form used in CLI errors. */
export function formatViolation(source: string, violation: SchemaViolation): string {
  return `${source} ${violation.pointer === '' ? '/' : violation.pointer}: ${violation.message} (${violation.rule})`;
}
