// Generated from ./package3.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../schema-registry.js';
import './generic-alert.schema.js';
import type { GenericAlert } from './generic-alert.schema.js';
export const package3Schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/package3.schema.json",
  "title": "Package3",
  "description": "Package#3, the client's statuses (OMA DM 2.0 §5.2.4, §7.2.1.3), media type application/vnd.oma.dm.response+json.",
  "type": "object",
  "required": [
    "Status"
  ],
  "properties": {
    "Status": {
      "type": "array",
      "description": "One status per command of the Package#2 it answers, in the same order.",
      "items": {
        "$ref": "#/$defs/Status"
      }
    },
    "Alert": {
      "type": "array",
      "description": "Client-initiated alerts raised during the session.",
      "items": {
        "$ref": "https://dmct.dev/schemas/generic-alert.schema.json"
      }
    }
  },
  "$defs": {
    "Status": {
      "title": "CommandStatus",
      "description": "A command's status code (App C) and optional extra URIs, e.g. where HGET stored data.",
      "type": "object",
      "required": [
        "sc"
      ],
      "properties": {
        "sc": {
          "type": "integer"
        },
        "URI": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    }
  }
} as const;
registerSchema(package3Schema);

/**
 * Package#3, the client's statuses (OMA DM 2.0 §5.2.4, §7.2.1.3), media type application/vnd.oma.dm.response+json.
 */
export interface Package3 {
  /**
   * One status per command of the Package#2 it answers, in the same order.
   */
  Status: CommandStatus[];
  /**
   * Client-initiated alerts raised during the session.
   */
  Alert?: GenericAlert[];
}
/**
 * A command's status code (App C) and optional extra URIs, e.g. where HGET stored data.
 *
 * This interface was referenced by `Package3`'s JSON-Schema
 * via the `definition` "Status".
 */
export interface CommandStatus {
  sc: number;
  URI?: string[];
}
