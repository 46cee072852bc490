import type { Package2 } from '../protocol/schemas/package2.schema.js';

/**
 * The Package#2 that closes a session (section 5.3.9): what the DM server engine sends when its
 * script is used up. Its own module so that scenarios name it without loading the engine (msw).
 */
export const END_PACKAGE2: Package2 = { CMD: [['END']] };
