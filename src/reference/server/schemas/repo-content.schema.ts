// Generated from ./repo-content.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
export const repoContentSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/repo-content.schema.json",
  "title": "RepoContent",
  "description": "Body of the admin PUT /repo/:name: content the data repository serves at GET /repo/:name (HGET and DEFAULT sources, §5.3.1, §5.3.10). A JSON body is serialized as JSON; application/dmmo+json content must be valid MO data (§7.2.1.4).",
  "type": "object",
  "required": [
    "mediaType",
    "body"
  ],
  "additionalProperties": false,
  "properties": {
    "mediaType": {
      "type": "string",
      "pattern": "^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$"
    },
    "body": {
      "type": [
        "string",
        "array",
        "object",
        "number",
        "boolean"
      ],
      "description": "A string is served as is; any other JSON value is serialized."
    }
  }
} as const;
registerSchema(repoContentSchema);

/**
 * Body of the admin PUT /repo/:name: content the data repository serves at GET /repo/:name (HGET and DEFAULT sources, §5.3.1, §5.3.10). A JSON body is serialized as JSON; application/dmmo+json content must be valid MO data (§7.2.1.4).
 */
export interface RepoContent {
  mediaType: string;
  /**
   * A string is served as is; any other JSON value is serialized.
   */
  body: string | unknown[] | {} | number | boolean;
}
