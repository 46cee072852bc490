// Generated from ./operator-question.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const operatorQuestionSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/operator-question.schema.json",
  "title": "OperatorQuestion",
  "description": "An action a scenario asks of the operator, relayed from a Playwright worker to the dmct run at the terminal (a file in the run's operator folder).",
  "type": "object",
  "required": [
    "id",
    "prompt",
    "askedAt",
    "deadline"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "pattern": "^[A-Za-z0-9_-]{1,64}$",
      "description": "Names the question's and the answer's files."
    },
    "prompt": {
      "type": "string",
      "minLength": 1,
      "maxLength": 4000,
      "description": "What the operator must do, in plain words."
    },
    "askedAt": {
      "type": "string",
      "format": "date-time"
    },
    "deadline": {
      "type": "string",
      "format": "date-time",
      "description": "After this the scenario no longer waits; the question is not shown."
    }
  }
} as const;
registerSchema(operatorQuestionSchema);

/**
 * An action a scenario asks of the operator, relayed from a Playwright worker to the dmct run at the terminal (a file in the run's operator folder).
 */
export interface OperatorQuestion {
  /**
   * Names the question's and the answer's files.
   */
  id: string;
  /**
   * What the operator must do, in plain words.
   */
  prompt: string;
  askedAt: string;
  /**
   * After this the scenario no longer waits; the question is not shown.
   */
  deadline: string;
}
