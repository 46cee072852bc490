// Generated from ./generic-alert.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../schema-registry.js';
export const genericAlertSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/generic-alert.schema.json",
  "title": "GenericAlert",
  "description": "A Generic Alert (OMA DM 2.0 §5.4, §7.2.1.5): sent by the client only, in the Alert array of Package#1 or Package#3.",
  "type": "object",
  "required": [
    "AlertType"
  ],
  "properties": {
    "AlertType": {
      "type": "string",
      "minLength": 1,
      "description": "The alert type URN (App D, or one an MO defines)."
    },
    "SourceURI": {
      "type": "string",
      "description": "ClientURI of the MO node the alert relates to."
    },
    "TargetURI": {
      "type": "string",
      "description": "An additional ClientURI; its use is not specified."
    },
    "Mark": {
      "enum": [
        "fatal",
        "critical",
        "minor",
        "warning",
        "informational",
        "harmless",
        "indeterminate"
      ],
      "description": "Importance level; `informational` when omitted."
    },
    "DataType": {
      "type": "string",
      "minLength": 1,
      "description": "Media type of Data; MUST be present when Data is."
    },
    "Data": {
      "type": "object",
      "additionalProperties": true,
      "description": "Alert data, specified per MO."
    }
  },
  "dependentRequired": {
    "Data": [
      "DataType"
    ]
  }
} as const;
registerSchema(genericAlertSchema);

/**
 * A Generic Alert (OMA DM 2.0 §5.4, §7.2.1.5): sent by the client only, in the Alert array of Package#1 or Package#3.
 */
export interface GenericAlert {
  /**
   * The alert type URN (App D, or one an MO defines).
   */
  AlertType: string;
  /**
   * ClientURI of the MO node the alert relates to.
   */
  SourceURI?: string;
  /**
   * An additional ClientURI; its use is not specified.
   */
  TargetURI?: string;
  /**
   * Importance level; `informational` when omitted.
   */
  Mark?: "fatal" | "critical" | "minor" | "warning" | "informational" | "harmless" | "indeterminate";
  /**
   * Media type of Data; MUST be present when Data is.
   */
  DataType?: string;
  /**
   * Alert data, specified per MO.
   */
  Data?: {
    [k: string]: unknown | undefined;
  };
}
