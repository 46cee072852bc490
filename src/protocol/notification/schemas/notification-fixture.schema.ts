// Generated from ./notification-fixture.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../schema-registry.js';
import './notification-input.schema.js';
import type { NotificationInput } from './notification-input.schema.js';
export const notificationFixtureSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/notification-fixture.schema.json",
  "title": "NotificationFixture",
  "description": "A self-describing Package#0 test vector (fixtures/notifications/): the bytes, how to decode them, and the verdict and rules the decoder must produce. `notification`, for vectors the encoder can produce, holds the options that encode to exactly these bytes (with `credentials`).",
  "type": "object",
  "required": [
    "description",
    "hex",
    "expect"
  ],
  "additionalProperties": false,
  "properties": {
    "description": {
      "type": "string",
      "minLength": 1,
      "description": "What the vector is and what is wrong with it, in plain words."
    },
    "section": {
      "type": "string",
      "description": "Spec section the vector exercises, e.g. 7.1.1."
    },
    "hex": {
      "type": "string",
      "pattern": "^([0-9a-f]{2})*$",
      "description": "The notification bytes, lower-case hex."
    },
    "notification": {
      "$ref": "https://dmct.dev/schemas/notification-input.schema.json"
    },
    "credentials": {
      "type": "object",
      "description": "Digest credentials (DMAcc Auth/Noti/Secret and Auth/Noti/Data), as UTF-8 text.",
      "additionalProperties": false,
      "required": [
        "secret"
      ],
      "properties": {
        "secret": {
          "type": "string"
        },
        "authData": {
          "type": "string"
        }
      }
    },
    "now": {
      "type": "integer",
      "minimum": 0,
      "description": "Receiver clock (POSIX seconds) to judge TIMESTAMP freshness against."
    },
    "expect": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "valid",
        "rules"
      ],
      "properties": {
        "valid": {
          "type": "boolean",
          "description": "True when the decoder must report no error."
        },
        "rules": {
          "type": "array",
          "description": "Exactly the rule ids the decoder must report (any order, each once).",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
          }
        },
        "digestVerified": {
          "type": "boolean",
          "description": "The expected digest check outcome, when credentials are given."
        }
      }
    }
  }
} as const;
registerSchema(notificationFixtureSchema);

/**
 * A self-describing Package#0 test vector (fixtures/notifications/): the bytes, how to decode them, and the verdict and rules the decoder must produce. `notification`, for vectors the encoder can produce, holds the options that encode to exactly these bytes (with `credentials`).
 */
export interface NotificationFixture {
  /**
   * What the vector is and what is wrong with it, in plain words.
   */
  description: string;
  /**
   * Spec section the vector exercises, e.g. 7.1.1.
   */
  section?: string;
  /**
   * The notification bytes, lower-case hex.
   */
  hex: string;
  notification?: NotificationInput;
  /**
   * Digest credentials (DMAcc Auth/Noti/Secret and Auth/Noti/Data), as UTF-8 text.
   */
  credentials?: {
    secret: string;
    authData?: string;
  };
  /**
   * Receiver clock (POSIX seconds) to judge TIMESTAMP freshness against.
   */
  now?: number;
  expect: {
    /**
     * True when the decoder must report no error.
     */
    valid: boolean;
    /**
     * Exactly the rule ids the decoder must report (any order, each once).
     */
    rules: string[];
    /**
     * The expected digest check outcome, when credentials are given.
     */
    digestVerified?: boolean;
  };
}
