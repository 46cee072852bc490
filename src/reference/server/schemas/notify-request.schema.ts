// Generated from ./notify-request.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
import './notify-target.schema.js';
import type { NotifyTarget } from './notify-target.schema.js';
export const notifyRequestSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/notify-request.schema.json",
  "title": "NotifyRequest",
  "description": "Body of the admin POST /devices/:devId/notify: which Package#0 options to send (§5.2.1.2). Left out, an option takes the server's default; null leaves a default option out.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "serverId": {
      "type": [
        "string",
        "null"
      ],
      "description": "SERVER-ID; default: the server's own id; null: left out."
    },
    "conTypes": {
      "type": "array",
      "items": {
        "type": "integer",
        "minimum": 0,
        "maximum": 3
      },
      "uniqueItems": true,
      "minItems": 1,
      "description": "PREFERRED-CON-TYPE values, highest priority first (0 ANY_AVAILABLE, 1 CELLULAR, 2 WLAN, 3 WIRELINE); ANY_AVAILABLE, when listed, must be last; default: left out."
    },
    "notificationId": {
      "type": [
        "integer",
        "null"
      ],
      "minimum": 0,
      "maximum": 65535,
      "description": "NOTIFICATION-ID; default: the device's next id (incremented per notification); null: left out."
    },
    "timestamp": {
      "description": "TIMESTAMP in POSIX seconds, or 'now' (the default); null: left out.",
      "oneOf": [
        {
          "type": "integer",
          "minimum": 0,
          "maximum": 4294967295
        },
        {
          "const": "now"
        },
        {
          "type": "null"
        }
      ]
    },
    "reqMos": {
      "type": "boolean",
      "description": "Send REQ-MOS (default false)."
    },
    "digest": {
      "type": "boolean",
      "description": "Send SHA256-DIGEST (default: true when the device has a secret)."
    },
    "transport": {
      "$ref": "https://dmct.dev/schemas/notify-target.schema.json"
    }
  }
} as const;
registerSchema(notifyRequestSchema);

/**
 * Body of the admin POST /devices/:devId/notify: which Package#0 options to send (§5.2.1.2). Left out, an option takes the server's default; null leaves a default option out.
 */
export interface NotifyRequest {
  /**
   * SERVER-ID; default: the server's own id; null: left out.
   */
  serverId?: string | null;
  /**
   * PREFERRED-CON-TYPE values, highest priority first (0 ANY_AVAILABLE, 1 CELLULAR, 2 WLAN, 3 WIRELINE); ANY_AVAILABLE, when listed, must be last; default: left out.
   *
   * @minItems 1
   */
  conTypes?: [number, ...number[]];
  /**
   * NOTIFICATION-ID; default: the device's next id (incremented per notification); null: left out.
   */
  notificationId?: number | null;
  /**
   * TIMESTAMP in POSIX seconds, or 'now' (the default); null: left out.
   */
  timestamp?: number | "now" | null;
  /**
   * Send REQ-MOS (default false).
   */
  reqMos?: boolean;
  /**
   * Send SHA256-DIGEST (default: true when the device has a secret).
   */
  digest?: boolean;
  transport?: NotifyTarget;
}
