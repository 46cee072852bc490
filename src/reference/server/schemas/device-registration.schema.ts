// Generated from ./device-registration.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
export const deviceRegistrationSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/device-registration.schema.json",
  "title": "DeviceRegistration",
  "description": "Body of the reference server's admin POST /devices: registers a device (or updates it) with its notification credentials (DMAcc Auth/Noti, §12.2) and how to notify it.",
  "type": "object",
  "required": [
    "devId"
  ],
  "additionalProperties": false,
  "properties": {
    "devId": {
      "type": "string",
      "minLength": 1,
      "maxLength": 256,
      "description": "The device's DevInfo DevID, as sent in OMADM-DevID (§5.2.2)."
    },
    "secret": {
      "type": "string",
      "description": "Notification secret (DMAcc <x>/Auth/Noti/Secret)."
    },
    "authData": {
      "type": "string",
      "description": "Notification auth data (DMAcc <x>/Auth/Noti/Data)."
    },
    "credentialEncoding": {
      "enum": [
        "utf8",
        "hex"
      ],
      "description": "How secret and authData are written: UTF-8 text (default) or hex bytes."
    },
    "notify": {
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
 * Body of the reference server's admin POST /devices: registers a device (or updates it) with its notification credentials (DMAcc Auth/Noti, §12.2) and how to notify it.
 */
export interface DeviceRegistration {
  /**
   * The device's DevInfo DevID, as sent in OMADM-DevID (§5.2.2).
   */
  devId: string;
  /**
   * Notification secret (DMAcc <x>/Auth/Noti/Secret).
   */
  secret?: string;
  /**
   * Notification auth data (DMAcc <x>/Auth/Noti/Data).
   */
  authData?: string;
  /**
   * How secret and authData are written: UTF-8 text (default) or hex bytes.
   */
  credentialEncoding?: "utf8" | "hex";
  notify?: NotifyTarget;
}
