// Generated from ./need-moid-request.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
export const needMoidRequestSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/need-moid-request.schema.json",
  "title": "NeedMoidRequest",
  "description": "Admin POST /need-moid: a local application of the reference client needs an MO it may not have; the client then fetches it from the DEFAULT source (§5.3.10).",
  "type": "object",
  "required": [
    "moid"
  ],
  "additionalProperties": false,
  "properties": {
    "moid": {
      "type": "string",
      "minLength": 1,
      "maxLength": 512
    }
  }
} as const;
registerSchema(needMoidRequestSchema);

/**
 * Admin POST /need-moid: a local application of the reference client needs an MO it may not have; the client then fetches it from the DEFAULT source (§5.3.10).
 */
export interface NeedMoidRequest {
  moid: string;
}
