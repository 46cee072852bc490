// Generated from ./gcm-message.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../schema-registry.js';
export const gcmMessageSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/gcm-message.schema.json",
  "title": "GcmMessage",
  "description": "A GCM downstream message carrying a DM Notification (OMA DM 2.0 App E.2): the notification bytes, base64, in the data key SMS. Addressed by registration_ids (legacy GCM HTTP) or to.",
  "type": "object",
  "required": [
    "data"
  ],
  "properties": {
    "registration_ids": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "string",
        "minLength": 1
      }
    },
    "to": {
      "type": "string",
      "minLength": 1
    },
    "data": {
      "type": "object",
      "required": [
        "SMS"
      ],
      "properties": {
        "SMS": {
          "type": "string",
          "description": "The notification bytes, base64 (RFC 4648)."
        }
      },
      "additionalProperties": {
        "type": "string"
      }
    }
  },
  "additionalProperties": true,
  "anyOf": [
    {
      "properties": {
        "registration_ids": true
      },
      "required": [
        "registration_ids"
      ]
    },
    {
      "properties": {
        "to": true
      },
      "required": [
        "to"
      ]
    }
  ]
} as const;
registerSchema(gcmMessageSchema);

/**
 * A GCM downstream message carrying a DM Notification (OMA DM 2.0 App E.2): the notification bytes, base64, in the data key SMS. Addressed by registration_ids (legacy GCM HTTP) or to.
 */
export type GcmMessage = (
  | {
      registration_ids: unknown;
    }
  | {
      to: unknown;
    }
) & {
  /**
   * @minItems 1
   */
  registration_ids?: [string, ...string[]];
  to?: string;
  data: {
    /**
     * The notification bytes, base64 (RFC 4648).
     */
    SMS: string;
    [k: string]: string | undefined;
  };
  [k: string]: unknown | undefined;
};
