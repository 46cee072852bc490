// Generated from ./package2.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../schema-registry.js';
export const package2Schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/package2.schema.json",
  "title": "Package2",
  "description": "Package#2, the server's ordered DM commands (OMA DM 2.0 §5.2.3, §7.2.1.2), media type application/vnd.oma.dm.request+json.",
  "type": "object",
  "required": [
    "CMD"
  ],
  "properties": {
    "CMD": {
      "type": "array",
      "description": "The commands, executed in order.",
      "items": {
        "$ref": "#/$defs/Command"
      }
    }
  },
  "$defs": {
    "Command": {
      "title": "CommandEntry",
      "description": "One command: its name, then its parameters in the order of its parameter table (§5.3).",
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "string"
      }
    }
  }
} as const;
registerSchema(package2Schema);

/**
 * One command: its name, then its parameters in the order of its parameter table (§5.3).
 *
 * @minItems 1
 *
 * This interface was referenced by `Package2`'s JSON-Schema
 * via the `definition` "Command".
 */
export type CommandEntry = [string, ...string[]];

/**
 * Package#2, the server's ordered DM commands (OMA DM 2.0 §5.2.3, §7.2.1.2), media type application/vnd.oma.dm.request+json.
 */
export interface Package2 {
  /**
   * The commands, executed in order.
   */
  CMD: CommandEntry[];
}
