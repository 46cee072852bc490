/**
 * The dmct JSON Schemas loaded in this process, by `$id`. Every generated `*.schema.ts` module
 * registers its schema when it loads and imports the modules of the schemas it `$ref`s
 * (scripts/gen-schema-modules.ts), so whenever a schema is here, so is everything it refers to.
 * compileSchema adds them to ajv before it compiles, which is what makes a cross-schema `$ref`
 * such as `https://dmct.dev/schemas/violation.schema.json` resolve without the caller naming it.
 * Kept apart from json-schema.ts so that loading a schema module does not load ajv.
 */
const schemas = new Map<string, object>();

/** Records a dmct schema under its `$id`; the first one loaded wins (a module loaded twice holds the same JSON). */
export function registerSchema(schema: { readonly $id: string }): void {
  if (!schemas.has(schema.$id)) schemas.set(schema.$id, schema);
}

/** Every registered schema, by `$id`, in load order. */
export function registeredSchemas(): ReadonlyMap<string, object> {
  return schemas;
}
