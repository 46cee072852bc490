// Generated from ./package1.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../schema-registry.js';
import './generic-alert.schema.js';
import type { GenericAlert } from './generic-alert.schema.js';
export const package1Schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/package1.schema.json",
  "title": "Package1",
  "description": "Package#1, DM session initiation by the client (OMA DM 2.0 §5.2.2, §7.2.1.1), media type application/vnd.oma.dm.initiation+json.",
  "type": "object",
  "properties": {
    "MOS": {
      "type": "array",
      "description": "The MOs the server may manage; MUST be present when the notification carried REQ-MOS.",
      "items": {
        "$ref": "#/$defs/SupportedMo"
      }
    },
    "Alert": {
      "type": "array",
      "description": "The session alert plus any client-initiated alerts.",
      "items": {
        "$ref": "https://dmct.dev/schemas/generic-alert.schema.json"
      }
    }
  },
  "$defs": {
    "SupportedMo": {
      "title": "SupportedMo",
      "description": "One supported MO: its DDF link, its MOID and the MIIDs the server may see.",
      "type": "object",
      "required": [
        "MOID",
        "MIID"
      ],
      "properties": {
        "DDF": {
          "type": "string",
          "description": "URL of the MO's DDF; required when the Package#1 answers a notification's REQ-MOS (§5.2.2), so a parser checks it beside the schema."
        },
        "MOID": {
          "type": "string",
          "minLength": 1
        },
        "MIID": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    }
  }
} as const;
registerSchema(package1Schema);

/**
 * Package#1, DM session initiation by the client (OMA DM 2.0 §5.2.2, §7.2.1.1), media type application/vnd.oma.dm.initiation+json.
 */
export interface Package1 {
  /**
   * The MOs the server may manage; MUST be present when the notification carried REQ-MOS.
   */
  MOS?: SupportedMo[];
  /**
   * The session alert plus any client-initiated alerts.
   */
  Alert?: GenericAlert[];
}
/**
 * One supported MO: its DDF link, its MOID and the MIIDs the server may see.
 *
 * This interface was referenced by `Package1`'s JSON-Schema
 * via the `definition` "SupportedMo".
 */
export interface SupportedMo {
  /**
   * URL of the MO's DDF; required when the Package#1 answers a notification's REQ-MOS (§5.2.2), so a parser checks it beside the schema.
   */
  DDF?: string;
  MOID: string;
  MIID: string[];
}
