/**
 * The DM 2.0 wire model (approved text OMA-TS-DM_Protocol-V2_0-20160209-A): pure functions and
 * data, no I/O. Every decoder and validator reports problems as `Violation`s and never throws.
 */
export * from './violation.js';
export * from './json-schema.js';
export * from './interpretations/index.js';
export * from './addressing/index.js';
export * from './commands/index.js';
export * from './packages/index.js';
export * from './http/index.js';
export * from './notification/index.js';
