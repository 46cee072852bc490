export * from './accept.js';
export * from './headers.js';
export * from './media-types.js';
export * from './multipart.js';
export * from './package-requests.js';
export * from './session-sequencer.js';
