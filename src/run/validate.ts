/**
 * Validation of what `dmct run` reads from its Playwright child: the test catalogue of
 * `playwright test --list --reporter=json` and the progress reporter's event lines. The report
 * schemas they refer to are registered on the shared ajv instance first, so `$ref`s resolve.
 */
import { compileSchema, sharedAjv, type SchemaResult, type SchemaValidator } from '../protocol/json-schema.js';
import { evidenceSchema, reportSchema, runPlanSchema, scenarioResultsSchema } from '../report/index.js';
import { playwrightListSchema, type PlaywrightList } from './schemas/playwright-list.schema.js';
import { progressEventSchema, type ProgressEvent } from './schemas/progress-event.schema.js';

const REFERENCED: readonly { $id: string }[] = [evidenceSchema, runPlanSchema, scenarioResultsSchema, reportSchema];

function lazy<T>(schema: object): SchemaValidator<T> {
  let validate: SchemaValidator<T> | undefined;
  return (data) => {
    if (!validate) {
      const ajv = sharedAjv();
      for (const referenced of REFERENCED) {
        if (ajv.schemas[referenced.$id] === undefined && ajv.refs[referenced.$id] === undefined) ajv.addSchema(referenced);
      }
      validate = compileSchema<T>(schema);
    }
    return validate(data);
  };
}

/** Validates the JSON that `playwright test --list --reporter=json` prints. */
export const validatePlaywrightList: (data: unknown) => SchemaResult<PlaywrightList> = lazy<PlaywrightList>(playwrightListSchema);

/** Validates one progress event (a `dmct-progress` line of the progress reporter). */
export const validateProgressEvent: (data: unknown) => SchemaResult<ProgressEvent> = lazy<ProgressEvent>(progressEventSchema);
