// Generated from ./queue-command.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
export const queueCommandSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/queue-command.schema.json",
  "title": "QueueCommandRequest",
  "description": "Body of the admin POST /devices/:devId/commands: one DM command (§5.3) to queue, as its Package#2 entry. Parameters may use the templates {{dm}}, {{cont}}, {{async}}, {{repo}} and {{web}}; [\"CONT\"] alone means CONT to a fresh session URI of this server.",
  "type": "object",
  "required": [
    "command"
  ],
  "additionalProperties": false,
  "properties": {
    "command": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "string"
      }
    }
  }
} as const;
registerSchema(queueCommandSchema);

/**
 * Body of the admin POST /devices/:devId/commands: one DM command (§5.3) to queue, as its Package#2 entry. Parameters may use the templates {{dm}}, {{cont}}, {{async}}, {{repo}} and {{web}}; ["CONT"] alone means CONT to a fresh session URI of this server.
 */
export interface QueueCommandRequest {
  /**
   * @minItems 1
   */
  command: [string, ...string[]];
}
