/**
 * Every reading of the DM 2.0 text that the digest marks UNCONFIRMED, INFERRED or ERRATUM lives
 * in exactly one named constant of this folder, so that a change of reading is one edit.
 * The README's "Spec interpretations" section lists each of them.
 */
export * from './client-target.js';
export * from './notification.js';
export * from './packages.js';
export * from './reference-client.js';
export * from './scr.js';
export * from './server-target.js';
export * from './tree.js';
