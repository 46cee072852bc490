// Generated from ./mo-data.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../schema-registry.js';
export const moDataSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/mo-data.schema.json",
  "title": "MoData",
  "description": "MO data serialized as application/dmmo+json (OMA DM 2.0 §7.2.1.4): an array of addressed MO objects.",
  "type": "array",
  "items": {
    "$ref": "#/$defs/MoDataEntry"
  },
  "$defs": {
    "MoDataEntry": {
      "title": "MoDataEntry",
      "description": "The data at one ClientURI.",
      "type": "object",
      "required": [
        "ClientURI",
        "MOData"
      ],
      "properties": {
        "ClientURI": {
          "type": "string",
          "description": "Address of the serialized data."
        },
        "MOData": {
          "type": "object",
          "additionalProperties": true,
          "description": "The data: interior nodes as objects, leaves as JSON values."
        },
        "DDF": {
          "type": "string",
          "description": "URL of the MO's DDF."
        },
        "CV": {
          "type": "string",
          "description": "Cache validator of the MO instance (§11)."
        }
      }
    }
  }
} as const;
registerSchema(moDataSchema);

/**
 * MO data serialized as application/dmmo+json (OMA DM 2.0 §7.2.1.4): an array of addressed MO objects.
 */
export type MoData = MoDataEntry[];

/**
 * The data at one ClientURI.
 */
export interface MoDataEntry {
  /**
   * Address of the serialized data.
   */
  ClientURI: string;
  /**
   * The data: interior nodes as objects, leaves as JSON values.
   */
  MOData: {
    [k: string]: unknown | undefined;
  };
  /**
   * URL of the MO's DDF.
   */
  DDF?: string;
  /**
   * Cache validator of the MO instance (§11).
   */
  CV?: string;
}
