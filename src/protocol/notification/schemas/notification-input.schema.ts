// Generated from ./notification-input.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../schema-registry.js';
export const notificationInputSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/notification-input.schema.json",
  "title": "NotificationInput",
  "description": "The options of a Package#0 DM Notification to encode (OMA DM 2.0 §5.2.1.2, §7.1.1). Every option is ZeroOrOne; an absent property means the option is left out. The digest credentials are not part of the notification and are given separately.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "serverId": {
      "type": "string",
      "description": "SERVER-ID (option 1): the server identifier, same as DMAcc SrvID, UTF-8."
    },
    "preferredConTypes": {
      "type": "array",
      "description": "PREFERRED-CON-TYPE (option 2): connection types in priority order, highest first; ANY_AVAILABLE, when listed, must be last.",
      "minItems": 1,
      "uniqueItems": true,
      "items": {
        "$ref": "#/$defs/ConnectionType"
      }
    },
    "notificationId": {
      "type": "integer",
      "description": "NOTIFICATION-ID (option 3): 16-bit unsigned, sent as exactly 2 bytes.",
      "minimum": 0,
      "maximum": 65535
    },
    "digest": {
      "type": "boolean",
      "description": "SHA256-DIGEST (option 4): true to add the digest, computed from the secret and auth-data given to the encoder."
    },
    "timestamp": {
      "type": "integer",
      "description": "TIMESTAMP (option 5): POSIX seconds; written in the configured timestamp encoding.",
      "minimum": 0
    },
    "reqMos": {
      "type": "boolean",
      "description": "REQ-MOS (option 6): true to ask for the MOS array in Package#1."
    }
  },
  "$defs": {
    "ConnectionType": {
      "title": "ConnectionTypeName",
      "description": "A PREFERRED-CON-TYPE value by name: 0x00 ANY_AVAILABLE, 0x01 CELLULAR, 0x02 WLAN, 0x03 WIRELINE.",
      "enum": [
        "ANY_AVAILABLE",
        "CELLULAR",
        "WLAN",
        "WIRELINE"
      ]
    }
  }
} as const;
registerSchema(notificationInputSchema);

/**
 * A PREFERRED-CON-TYPE value by name: 0x00 ANY_AVAILABLE, 0x01 CELLULAR, 0x02 WLAN, 0x03 WIRELINE.
 *
 * This interface was referenced by `NotificationInput`'s JSON-Schema
 * via the `definition` "ConnectionType".
 */
export type ConnectionTypeName = "ANY_AVAILABLE" | "CELLULAR" | "WLAN" | "WIRELINE";

/**
 * The options of a Package#0 DM Notification to encode (OMA DM 2.0 §5.2.1.2, §7.1.1). Every option is ZeroOrOne; an absent property means the option is left out. The digest credentials are not part of the notification and are given separately.
 */
export interface NotificationInput {
  /**
   * SERVER-ID (option 1): the server identifier, same as DMAcc SrvID, UTF-8.
   */
  serverId?: string;
  /**
   * PREFERRED-CON-TYPE (option 2): connection types in priority order, highest first; ANY_AVAILABLE, when listed, must be last.
   *
   * @minItems 1
   */
  preferredConTypes?: [ConnectionTypeName, ...ConnectionTypeName[]];
  /**
   * NOTIFICATION-ID (option 3): 16-bit unsigned, sent as exactly 2 bytes.
   */
  notificationId?: number;
  /**
   * SHA256-DIGEST (option 4): true to add the digest, computed from the secret and auth-data given to the encoder.
   */
  digest?: boolean;
  /**
   * TIMESTAMP (option 5): POSIX seconds; written in the configured timestamp encoding.
   */
  timestamp?: number;
  /**
   * REQ-MOS (option 6): true to ask for the MOS array in Package#1.
   */
  reqMos?: boolean;
}
