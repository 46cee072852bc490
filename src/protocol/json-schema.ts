import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { registeredSchemas } from './schema-registry.js';

// ajv itself loads only when a schema has no precompiled validator (src/build/precompiled-validators.ts):
// its compiler is a large part of a short command's start-up.
const require = createRequire(import.meta.url);
const loadAjv = (): { Ajv2020: typeof Ajv2020; addFormats: (ajv: Ajv2020) => unknown } => ({
  Ajv2020: (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020,
  addFormats: require('ajv-formats') as (ajv: Ajv2020) => unknown,
});

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

/** Gives the validator compiled ahead of time for a schema, or undefined (then ajv compiles it). */
export type PrecompiledValidatorSource = (schema: object) => ValidateFunction | undefined;
let precompiled: PrecompiledValidatorSource | undefined;

/**
 * Lets the process supply validators compiled ahead of time (src/build/precompiled-validators.ts,
 * installed by the entry points); this module reads no files itself.
 */
export function usePrecompiledValidators(source: PrecompiledValidatorSource | undefined): void {
  precompiled = source;
}

/** The one ajv instance of the process (draft 2020-12, all errors, strict, formats). */
export function sharedAjv(): Ajv2020 {
  shared ??= createAjv();
  return shared;
}

/** The ajv options every dmct schema is compiled with (also part of a precompiled validator's fingerprint). */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true } as const;

/** A fresh ajv instance configured the way every dmct schema expects (`code`: for the build's standalone output). */
export function createAjv(code?: Options['code']): Ajv2020 {
  const { Ajv2020: Ajv, addFormats } = loadAjv();
  const ajv = new Ajv({ ...AJV_OPTIONS, ...(code === undefined ? {} : { code }) });
  addFormats(ajv);
  return ajv;
}

/** Adds the dmct schemas loaded so far (schema-registry.ts) that ajv lacks, so that cross-schema `$ref`s resolve. */
function addRegisteredSchemas(ajv: Ajv2020): void {
  for (const [id, schema] of registeredSchemas()) {
    if (ajv.schemas[id] === undefined && ajv.refs[id] === undefined) ajv.addSchema(schema);
  }
}

/** An ajv instance whose compiled validators can be written out as standalone code (src/build/). */
export function createStandaloneAjv(): Ajv2020 {
  const { _ } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return createAjv({ source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` });
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
 * Returns a validator that reports every violation; the schema is compiled once, on the first
 * validation (schemas with an `$id` are cached by ajv).
 */
export function compileSchema<T>(schema: object): SchemaValidator<T> {
  // Compiled on first use: modules declare their validators at load time, and most processes
  // (a worker, one CLI command) use few of them, so eager compiles were most of start-up.
  let compiled: ValidateFunction | undefined;
  const compile = (): ValidateFunction => {
    const ahead = precompiled?.(schema);
    if (ahead !== undefined) return ahead;
    const ajv = sharedAjv();
    addRegisteredSchemas(ajv);
    const id = (schema as { $id?: unknown }).$id;
    return (typeof id === 'string' && ajv.getSchema(id)) || ajv.compile(schema);
  };
  return (data: unknown) => {
    compiled ??= compile();
    const validate = compiled;
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
