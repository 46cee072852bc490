import { formatViolation, type SchemaValidator } from '../../protocol/json-schema.js';
import { problem, problemResponse, type Problem } from './problem.js';

/** Largest request body the reference server reads (the served ports also cap it, with 413). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A request body, or the answer that refuses it. */
export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; response: Response };

/** A request body, or the problem that refuses it (413 over the cap, 400 unreadable). */
export type BodyBytes = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/**
 * Reads a request body of at most `maxBytes`. A declared or actual size above it is refused
 * with 413, so an in-process caller gets the same answer the served port gives.
 */
export async function readBodyBytes(request: Request, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<BodyBytes> {
  const tooLarge = (size: string) =>
    problem(413, 'body-too-large', 'Request body too large', `the body of ${size} bytes exceeds the ${maxBytes}-byte limit`);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, problem: tooLarge(String(declared)) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.arrayBuffer());
  } catch {
    return { ok: false, problem: problem(400, 'body-unreadable', 'Request body unreadable', 'the request body could not be read') };
  }
  if (bytes.length > maxBytes) return { ok: false, problem: tooLarge(String(bytes.length)) };
  return { ok: true, bytes };
}

/** {@link readBodyBytes} with the refusal as a response. */
export async function readBody(request: Request, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<BodyResult> {
  const body = await readBodyBytes(request, maxBytes);
  return body.ok ? body : { ok: false, response: problemResponse(body.problem) };
}

/** The `type/subtype` of a Content-Type or Accept entry, lower-cased, without parameters. */
export function mediaEssence(value: string | null | undefined): string | undefined {
  const essence = value?.split(';', 1)[0]?.trim().toLowerCase();
  return essence === undefined || essence === '' ? undefined : essence;
}

/** A JSON admin body validated against its schema, or the 400/413/415 that refuses it. */
export type JsonInput<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads an admin request's JSON body and validates it against `validate`; the refusal names the
 * JSON pointer and the schema rule of every violation, in the CLI's one-line form.
 */
export async function readJsonInput<T>(request: Request, validate: SchemaValidator<T>, what: string): Promise<JsonInput<T>> {
  const essence = mediaEssence(request.headers.get('content-type'));
  if (essence !== undefined && essence !== 'application/json' && !essence.endsWith('+json')) {
    return {
      ok: false,
      response: problemResponse(
        problem(415, 'unsupported-media-type', 'Unsupported media type', `${what} must be application/json, not ${essence}`),
      ),
    };
  }
  const body = await readBody(request);
  if (!body.ok) return body;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, response: problemResponse(problem(400, 'invalid-json', 'Invalid JSON', `${what}: ${detail}`)) };
  }
  const result = validate(data);
  if (!result.ok) {
    const detail = result.violations.map((v) => formatViolation(what, v)).join('; ');
    return { ok: false, response: problemResponse(problem(400, 'schema-violation', 'Request does not match its schema', detail)) };
  }
  return { ok: true, value: result.value };
}
