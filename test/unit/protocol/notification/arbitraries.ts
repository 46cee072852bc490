import fc from 'fast-check';
import type { ConnectionTypeName, NotificationInput } from '../../../../src/protocol/notification/index.js';

/**
 * How many inputs a fuzz test feeds: a fixed-seed sample of `sample` in the test run, `full` under
 * `npm run fuzz` (DMCT_FUZZ=full), or the count DMCT_FUZZ_RUNS gives.
 */
export function fuzzRuns(sample: number, full: number): number {
  const given = Number(process.env['DMCT_FUZZ_RUNS']);
  if (Number.isInteger(given) && given > 0) return given;
  return process.env['DMCT_FUZZ'] === 'full' ? full : sample;
}

/** Seed of every property and fuzz test here: fixed, overridable with DMCT_FUZZ_SEED. */
export const SEED = Number(process.env['DMCT_FUZZ_SEED'] ?? 20_160_209);

/** Runs a fast-check property with SEED and puts the seed first in any failure message. */
export function assertProperty<T>(property: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(property, { seed: SEED, numRuns });
  } catch (err) {
    throw new Error(`property failed with DMCT_FUZZ_SEED=${SEED}: ${(err as Error).message}`, { cause: err });
  }
}

const conTypes = fc
  .tuple(fc.uniqueArray(fc.constantFrom<ConnectionTypeName>('CELLULAR', 'WLAN', 'WIRELINE'), { maxLength: 3 }), fc.boolean())
  .map(([list, any]) => (any ? [...list, 'ANY_AVAILABLE' as const] : list))
  .filter((list) => list.length > 0) as fc.Arbitrary<NonNullable<NotificationInput['preferredConTypes']>>;

/** Any valid NotificationInput (§5.2.1.2), with a 4-byte-safe timestamp. */
export const notificationInput: fc.Arbitrary<NotificationInput> = fc.record(
  {
    serverId: fc.string({ unit: 'grapheme', maxLength: 40 }),
    preferredConTypes: conTypes,
    notificationId: fc.integer({ min: 0, max: 0xffff }),
    digest: fc.boolean(),
    timestamp: fc.integer({ min: 0, max: 0xffff_ffff }),
    reqMos: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Digest credentials: arbitrary secret and auth-data bytes. */
export const credentials = fc.record({
  secret: fc.uint8Array({ maxLength: 32 }),
  authData: fc.uint8Array({ maxLength: 32 }),
});

type Mutation =
  | { kind: 'flip'; index: number; bit: number }
  | { kind: 'set'; index: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), index: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('set' as const), index: fc.nat(), value: fc.nat(255) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const size = bytes.length;
  switch (m.kind) {
    case 'flip':
    case 'set': {
      if (size === 0) return bytes;
      const out = bytes.slice();
      const i = m.index % size;
      out[i] = m.kind === 'flip' ? out[i]! ^ (1 << m.bit) : m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, m.at % (size + 1));
    case 'insert': {
      const at = m.at % (size + 1);
      return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    }
    case 'delete': {
      const at = m.at % (size + 1);
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + m.count)]);
    }
  }
}

/** `base` bytes after 1–4 bit flips, byte overwrites, truncations, insertions or deletions. */
export function mutated(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([bytes, ms]) => ms.reduce(apply, bytes));
}
