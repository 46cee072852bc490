// Generated from ./violation.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../schema-registry.js';
export const violationSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/violation.schema.json",
  "title": "Violation",
  "description": "A rule of the DM 2.0 text that a message broke. Every decoder and validator of the protocol layer reports problems in this shape, and evidence, decoded notifications and the reference server's device log carry them as they are.",
  "type": "object",
  "required": [
    "rule",
    "section",
    "severity",
    "message"
  ],
  "additionalProperties": false,
  "properties": {
    "rule": {
      "type": "string",
      "description": "Stable rule id, kebab-case, e.g. `notification-ver`, `package2-param-count`."
    },
    "section": {
      "type": "string",
      "description": "Spec section of the approved text, e.g. `7.1.1`, `5.2.4`."
    },
    "severity": {
      "enum": [
        "error",
        "warning",
        "info"
      ],
      "description": "`error`: the text forbids it; `warning`: a SHOULD or an erratum form; `info`: noted only."
    },
    "message": {
      "type": "string",
      "description": "What is wrong, in plain words, with the offending value."
    },
    "offset": {
      "type": "integer",
      "minimum": 0,
      "description": "Byte offset into a binary message (Package#0, datagram), when the rule is about bytes."
    },
    "pointer": {
      "type": "string",
      "description": "JSON Pointer into a JSON message, when the rule is about JSON."
    }
  }
} as const;
registerSchema(violationSchema);

/**
 * A rule of the DM 2.0 text that a message broke. Every decoder and validator of the protocol layer reports problems in this shape, and evidence, decoded notifications and the reference server's device log carry them as they are.
 */
export interface Violation {
  /**
   * Stable rule id, kebab-case, e.g. `notification-ver`, `package2-param-count`.
   */
  rule: string;
  /**
   * Spec section of the approved text, e.g. `7.1.1`, `5.2.4`.
   */
  section: string;
  /**
   * `error`: the text forbids it; `warning`: a SHOULD or an erratum form; `info`: noted only.
   */
  severity: "error" | "warning" | "info";
  /**
   * What is wrong, in plain words, with the offending value.
   */
  message: string;
  /**
   * Byte offset into a binary message (Package#0, datagram), when the rule is about bytes.
   */
  offset?: number;
  /**
   * JSON Pointer into a JSON message, when the rule is about JSON.
   */
  pointer?: string;
}
