/**
 * Every reading of the DM 2.0 wire format that the text leaves unconfirmed, inferred or wrong
 * (UNCONFIRMED, INFERRED, ERRATUM) lives in exactly one named constant of this folder, so that a
 * change of reading is one edit. Readings that belong to another layer live in that layer's
 * `interpretations.ts` (SCR tables: src/scr, dmct's engines: src/harness, the reference client:
 * src/reference/client, client-target scenarios: fixtures/client-target). The README's "Spec
 * interpretations" section lists all of them.
 */
export * from './notification.js';
export * from './packages.js';
export * from './tree.js';
