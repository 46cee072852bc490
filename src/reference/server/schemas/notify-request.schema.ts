// Generated from ./notify-request.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
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
      "$ref": "notify-target.schema.json"
    }
  }
} as const;

/**
 * How the reference server delivers a Package#0 to a device (App E): WAP Push over UDP, an HTTP POST of the bytes, a GCM message, a shell command, or hex printed on the server's output.
 */
export type NotifyTarget = {
  transport: "udp" | "http" | "gcm" | "shell" | "print";
  /**
   * udp: the device's address (default 127.0.0.1).
   */
  host?: string;
  /**
   * udp: the device's port (default 2948, App E.1.1).
   */
  port?: number;
  /**
   * http: the listener the bytes are POSTed to.
   */
  url?: string;
  /**
   * gcm: the device's GCM registration id (App E.2.4); default: the one it registered, else its DevID.
   */
  regId?: string;
  /**
   * shell: a command run by /bin/sh; {{hex}} is replaced by the notification bytes in hex, which are also written to its standard input.
   */
  command?: string;
};

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
