// Generated from ./operator-answer.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const operatorAnswerSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/operator-answer.schema.json",
  "title": "OperatorAnswer",
  "description": "The operator's answer to an OperatorQuestion: done, or why the scenario cannot count on the action.",
  "oneOf": [
    {
      "type": "object",
      "required": [
        "ok",
        "detail"
      ],
      "additionalProperties": false,
      "properties": {
        "ok": {
          "const": true
        },
        "detail": {
          "type": "string"
        }
      }
    },
    {
      "type": "object",
      "required": [
        "ok",
        "inconclusive"
      ],
      "additionalProperties": false,
      "properties": {
        "ok": {
          "const": false
        },
        "inconclusive": {
          "type": "string",
          "minLength": 1
        }
      }
    }
  ]
} as const;
registerSchema(operatorAnswerSchema);

/**
 * The operator's answer to an OperatorQuestion: done, or why the scenario cannot count on the action.
 */
export type OperatorAnswer =
  | {
      ok: true;
      detail: string;
    }
  | {
      ok: false;
      inconclusive: string;
    };
