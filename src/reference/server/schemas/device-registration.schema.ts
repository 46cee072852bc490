// Generated from ./device-registration.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
import './notify-target.schema.js';
import type { NotifyTarget } from './notify-target.schema.js';
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
      "$ref": "https://dmct.dev/schemas/notify-target.schema.json"
    }
  }
} as const;
registerSchema(deviceRegistrationSchema);

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
