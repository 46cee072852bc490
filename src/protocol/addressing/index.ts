export * from './client-uri.js';
export * from './moid.js';
export * from './server-uri.js';
export { isRfc3986Uri, percentDecode } from './uri-syntax.js';
