// Generated from ./notify-target.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
export const notifyTargetSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/notify-target.schema.json",
  "title": "NotifyTarget",
  "description": "How the reference server delivers a Package#0 to a device (App E): WAP Push over UDP, an HTTP POST of the bytes, a GCM message, a shell command, or hex printed on the server's output.",
  "type": "object",
  "required": [
    "transport"
  ],
  "additionalProperties": false,
  "properties": {
    "transport": {
      "enum": [
        "udp",
        "http",
        "gcm",
        "shell",
        "print"
      ]
    },
    "host": {
      "type": "string",
      "minLength": 1,
      "description": "udp: the device's address (default 127.0.0.1)."
    },
    "port": {
      "type": "integer",
      "minimum": 1,
      "maximum": 65535,
      "description": "udp: the device's port (default 2948, App E.1.1)."
    },
    "url": {
      "type": "string",
      "format": "uri",
      "pattern": "^https?://",
      "description": "http: the listener the bytes are POSTed to."
    },
    "regId": {
      "type": "string",
      "minLength": 1,
      "description": "gcm: the device's GCM registration id (App E.2.4); default: the one it registered, else its DevID."
    },
    "command": {
      "type": "string",
      "minLength": 1,
      "description": "shell: a command run by /bin/sh; {{hex}} is replaced by the notification bytes in hex, which are also written to its standard input."
    }
  },
  "allOf": [
    {
      "if": {
        "properties": {
          "transport": {
            "const": "http"
          }
        }
      },
      "then": {
        "properties": {
          "url": true
        },
        "required": [
          "url"
        ]
      }
    },
    {
      "if": {
        "properties": {
          "transport": {
            "const": "shell"
          }
        }
      },
      "then": {
        "properties": {
          "command": true
        },
        "required": [
          "command"
        ]
      }
    }
  ]
} as const;
registerSchema(notifyTargetSchema);

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
