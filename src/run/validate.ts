/**
 * Validation of what `dmct run` reads from its Playwright child: the test catalogue of
 * `playwright test --list --reporter=json` and the progress reporter's event lines.
 */
import { compileSchema, type SchemaResult } from '../protocol/json-schema.js';
import { playwrightListSchema, type PlaywrightList } from './schemas/playwright-list.schema.js';
import { progressEventSchema, type ProgressEvent } from './schemas/progress-event.schema.js';

/** Validates the JSON that `playwright test --list --reporter=json` prints. */
export const validatePlaywrightList: (data: unknown) => SchemaResult<PlaywrightList> = compileSchema<PlaywrightList>(playwrightListSchema);

/** Validates one progress event (a `dmct-progress` line of the progress reporter). */
export const validateProgressEvent: (data: unknown) => SchemaResult<ProgressEvent> = compileSchema<ProgressEvent>(progressEventSchema);
