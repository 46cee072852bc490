// Generated from ./decoded-notification.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../schema-registry.js';
import '../../schemas/violation.schema.js';
import type { Violation } from '../../schemas/violation.schema.js';
export const decodedNotificationSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/decoded-notification.schema.json",
  "title": "DecodedNotification",
  "description": "JSON view of a decoded Package#0 DM Notification (OMA DM 2.0 §5.2.1, §7.1.1), and of the WAP Push datagram that carried it when there was one (App E.1): what `dmct notify decode --json` prints and what evidence records carry. Bytes are lower-case hex.",
  "type": "object",
  "required": [
    "size",
    "hex",
    "valid",
    "options",
    "fields",
    "violations"
  ],
  "additionalProperties": false,
  "properties": {
    "size": {
      "type": "integer",
      "minimum": 0,
      "description": "Bytes received."
    },
    "hex": {
      "type": "string",
      "pattern": "^[0-9a-f]*$"
    },
    "valid": {
      "type": "boolean",
      "description": "True when no violation is an error."
    },
    "header": {
      "type": "object",
      "required": [
        "version",
        "optionCount",
        "reserved"
      ],
      "additionalProperties": false,
      "properties": {
        "version": {
          "type": "integer",
          "minimum": 0,
          "maximum": 15
        },
        "optionCount": {
          "type": "integer",
          "minimum": 0,
          "maximum": 31
        },
        "reserved": {
          "type": "integer",
          "minimum": 0,
          "maximum": 127
        }
      }
    },
    "options": {
      "type": "array",
      "description": "Every option found on the wire, in wire order.",
      "items": {
        "type": "object",
        "required": [
          "number",
          "offset",
          "delta",
          "length",
          "valueHex"
        ],
        "additionalProperties": false,
        "properties": {
          "number": {
            "type": "integer",
            "minimum": 0
          },
          "name": {
            "type": "string",
            "description": "Option name, for option numbers 1-6."
          },
          "offset": {
            "type": "integer",
            "minimum": 0,
            "description": "Byte offset of the option header."
          },
          "delta": {
            "type": "integer",
            "minimum": 0,
            "maximum": 15
          },
          "length": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4095,
            "description": "Declared value length."
          },
          "valueHex": {
            "type": "string",
            "pattern": "^[0-9a-f]*$",
            "description": "Value bytes present in the buffer (fewer than length when truncated)."
          }
        }
      }
    },
    "fields": {
      "type": "object",
      "description": "The standard options, decoded (the first occurrence of each).",
      "required": [
        "reqMos"
      ],
      "additionalProperties": false,
      "properties": {
        "serverId": {
          "type": "string"
        },
        "preferredConTypes": {
          "type": "array",
          "items": {
            "type": "object",
            "required": [
              "code"
            ],
            "additionalProperties": false,
            "properties": {
              "code": {
                "type": "integer",
                "minimum": 0,
                "maximum": 255
              },
              "name": {
                "type": "string"
              }
            }
          }
        },
        "notificationId": {
          "type": "integer",
          "minimum": 0
        },
        "digestHex": {
          "type": "string",
          "pattern": "^[0-9a-f]*$"
        },
        "timestamp": {
          "type": "integer",
          "minimum": 0,
          "description": "POSIX seconds."
        },
        "timestampIso": {
          "type": "string"
        },
        "reqMos": {
          "type": "boolean"
        }
      }
    },
    "digest": {
      "type": "object",
      "required": [
        "present"
      ],
      "additionalProperties": false,
      "properties": {
        "present": {
          "type": "boolean"
        },
        "verified": {
          "type": "boolean",
          "description": "Set when credentials were given and the digest could be checked."
        }
      }
    },
    "violations": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/NotificationViolation"
      }
    },
    "transport": {
      "$ref": "#/$defs/WapPushFraming"
    }
  },
  "$defs": {
    "NotificationViolation": {
      "title": "NotificationViolationJson",
      "description": "The one violation record of dmct (violation.schema.json), as the protocol layer reports it.",
      "$ref": "https://dmct.dev/schemas/violation.schema.json"
    },
    "WapPushFraming": {
      "title": "WapPushFramingJson",
      "description": "The connectionless WAP Push datagram around the notification (App E.1). Notification offsets count from the body, at bodyOffset.",
      "type": "object",
      "required": [
        "kind",
        "size",
        "valid",
        "violations"
      ],
      "additionalProperties": false,
      "properties": {
        "kind": {
          "const": "wap-push"
        },
        "size": {
          "type": "integer",
          "minimum": 0,
          "description": "Datagram bytes."
        },
        "valid": {
          "type": "boolean"
        },
        "tid": {
          "type": "integer",
          "minimum": 0,
          "maximum": 255
        },
        "pduType": {
          "type": "integer",
          "minimum": 0,
          "maximum": 255
        },
        "contentType": {
          "type": [
            "integer",
            "string"
          ],
          "description": "Well-known code, or the text."
        },
        "applicationId": {
          "type": [
            "integer",
            "string"
          ],
          "description": "Well-known push application id, or the text."
        },
        "headerLength": {
          "type": "integer",
          "minimum": 0
        },
        "bodyOffset": {
          "type": "integer",
          "minimum": 0
        },
        "violations": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/NotificationViolation"
          }
        }
      }
    }
  }
} as const;
registerSchema(decodedNotificationSchema);

/**
 * The one violation record of dmct (violation.schema.json), as the protocol layer reports it.
 *
 * This interface was referenced by `DecodedNotification`'s JSON-Schema
 * via the `definition` "NotificationViolation".
 */
export type NotificationViolationJson = Violation;

/**
 * JSON view of a decoded Package#0 DM Notification (OMA DM 2.0 §5.2.1, §7.1.1), and of the WAP Push datagram that carried it when there was one (App E.1): what `dmct notify decode --json` prints and what evidence records carry. Bytes are lower-case hex.
 */
export interface DecodedNotification {
  /**
   * Bytes received.
   */
  size: number;
  hex: string;
  /**
   * True when no violation is an error.
   */
  valid: boolean;
  header?: {
    version: number;
    optionCount: number;
    reserved: number;
  };
  /**
   * Every option found on the wire, in wire order.
   */
  options: {
    number: number;
    /**
     * Option name, for option numbers 1-6.
     */
    name?: string;
    /**
     * Byte offset of the option header.
     */
    offset: number;
    delta: number;
    /**
     * Declared value length.
     */
    length: number;
    /**
     * Value bytes present in the buffer (fewer than length when truncated).
     */
    valueHex: string;
  }[];
  /**
   * The standard options, decoded (the first occurrence of each).
   */
  fields: {
    serverId?: string;
    preferredConTypes?: {
      code: number;
      name?: string;
    }[];
    notificationId?: number;
    digestHex?: string;
    /**
     * POSIX seconds.
     */
    timestamp?: number;
    timestampIso?: string;
    reqMos: boolean;
  };
  digest?: {
    present: boolean;
    /**
     * Set when credentials were given and the digest could be checked.
     */
    verified?: boolean;
  };
  violations: NotificationViolationJson[];
  transport?: WapPushFramingJson;
}
/**
 * The connectionless WAP Push datagram around the notification (App E.1). Notification offsets count from the body, at bodyOffset.
 *
 * This interface was referenced by `DecodedNotification`'s JSON-Schema
 * via the `definition` "WapPushFraming".
 */
export interface WapPushFramingJson {
  kind: "wap-push";
  /**
   * Datagram bytes.
   */
  size: number;
  valid: boolean;
  tid?: number;
  pduType?: number;
  /**
   * Well-known code, or the text.
   */
  contentType?: number | string;
  /**
   * Well-known push application id, or the text.
   */
  applicationId?: number | string;
  headerLength?: number;
  bodyOffset?: number;
  violations: NotificationViolationJson[];
}
