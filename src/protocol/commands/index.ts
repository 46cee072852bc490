export * from './command-table.js';
export * from './status-codes.js';
export * from './validate-package2.js';
export * from './validate-package3.js';
