// Generated from ./device-log.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
import '../../../protocol/schemas/violation.schema.js';
import type { Violation } from '../../../protocol/schemas/violation.schema.js';
export const deviceLogSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/device-log.schema.json",
  "title": "DeviceLog",
  "description": "What the reference server saw of one device (admin GET /devices/:devId/received): sessions, every package received with its HTTP details and the answer, every Generic Alert, every command with its status or asynchronous result, repository uploads and web hits, and the notifications sent.",
  "type": "object",
  "required": [
    "devId",
    "sessions",
    "packages",
    "alerts",
    "commands",
    "uploads",
    "webHits",
    "notifications"
  ],
  "additionalProperties": false,
  "properties": {
    "devId": {
      "type": "string"
    },
    "sessions": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/SessionRecord"
      }
    },
    "packages": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ReceivedPackage"
      }
    },
    "alerts": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ReceivedAlert"
      }
    },
    "commands": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/CommandRecord"
      }
    },
    "uploads": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/RepoHit"
      }
    },
    "webHits": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/RepoHit"
      }
    },
    "notifications": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/SentNotification"
      }
    }
  },
  "$defs": {
    "SessionRecord": {
      "type": "object",
      "required": [
        "id",
        "startedAt",
        "state",
        "package2Count"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string"
        },
        "startedAt": {
          "type": "string",
          "format": "date-time"
        },
        "endedAt": {
          "type": "string",
          "format": "date-time"
        },
        "state": {
          "enum": [
            "open",
            "ended",
            "aborted"
          ],
          "description": "ended: END sent; aborted: an HTTP error or a new Package#1 cut it short."
        },
        "sessionAlert": {
          "type": "string",
          "description": "AlertType of the session alert of its Package#1 (App D)."
        },
        "notificationIdCheck": {
          "enum": [
            "match",
            "mismatch",
            "missing",
            "no-notification-sent"
          ],
          "description": "For ServerInitiatedMgmt: whether the alert's Data carries the NOTIFICATION-ID last sent to the device (§5.2.2)."
        },
        "contUri": {
          "type": "string",
          "description": "The CONT URI handed out, when one was (§5.3.8)."
        },
        "package2Count": {
          "type": "integer",
          "minimum": 0
        },
        "abortReason": {
          "type": "string"
        }
      }
    },
    "HttpDetails": {
      "type": "object",
      "required": [
        "method",
        "url",
        "headers"
      ],
      "additionalProperties": false,
      "properties": {
        "method": {
          "type": "string"
        },
        "url": {
          "type": "string"
        },
        "headers": {
          "type": "object",
          "additionalProperties": {
            "type": "string"
          }
        }
      }
    },
    "BodyRecord": {
      "type": "object",
      "required": [
        "size"
      ],
      "additionalProperties": false,
      "properties": {
        "mediaType": {
          "type": "string"
        },
        "size": {
          "type": "integer",
          "minimum": 0
        },
        "text": {
          "type": "string"
        },
        "hex": {
          "type": "string",
          "pattern": "^[0-9a-f]*$"
        },
        "truncated": {
          "type": "boolean"
        }
      }
    },
    "ReceivedPackage": {
      "type": "object",
      "required": [
        "seq",
        "kind",
        "time",
        "http",
        "body",
        "violations",
        "response"
      ],
      "additionalProperties": false,
      "properties": {
        "seq": {
          "type": "integer",
          "minimum": 1,
          "description": "Position among everything this server received from the device."
        },
        "kind": {
          "enum": [
            "package1",
            "package3",
            "unknown"
          ]
        },
        "sessionId": {
          "type": "string"
        },
        "time": {
          "type": "string",
          "format": "date-time"
        },
        "http": {
          "$ref": "#/$defs/HttpDetails"
        },
        "body": {
          "$ref": "#/$defs/BodyRecord"
        },
        "package": {
          "type": "object",
          "additionalProperties": true,
          "description": "The decoded package JSON, when it parsed."
        },
        "parts": {
          "type": "array",
          "description": "Multipart GET result parts (App F), by command index.",
          "items": {
            "type": "object",
            "required": [
              "name",
              "body"
            ],
            "additionalProperties": false,
            "properties": {
              "name": {
                "type": "string"
              },
              "body": {
                "$ref": "#/$defs/BodyRecord"
              }
            }
          }
        },
        "violations": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/violation.schema.json"
          }
        },
        "response": {
          "type": "object",
          "required": [
            "status"
          ],
          "additionalProperties": false,
          "properties": {
            "status": {
              "type": "integer"
            },
            "mediaType": {
              "type": "string"
            },
            "body": {
              "type": "object",
              "additionalProperties": true,
              "description": "The Package#2 or problem document sent back."
            }
          }
        }
      }
    },
    "ReceivedAlert": {
      "type": "object",
      "required": [
        "packageSeq",
        "time",
        "alert",
        "purpose"
      ],
      "additionalProperties": false,
      "properties": {
        "packageSeq": {
          "type": "integer",
          "minimum": 1
        },
        "time": {
          "type": "string",
          "format": "date-time"
        },
        "alert": {
          "type": "object",
          "additionalProperties": true,
          "description": "The Generic Alert as received (§5.4)."
        },
        "purpose": {
          "enum": [
            "session",
            "async-result",
            "other"
          ],
          "description": "session: the session alert of a Package#1; async-result: completed an EXEC accepted with 202; other: recorded and otherwise ignored (§5.4)."
        },
        "commandId": {
          "type": "string",
          "description": "For async-result: the EXEC it completed (linked by SourceURI, §13.1)."
        }
      }
    },
    "CommandStatus": {
      "type": "object",
      "required": [
        "sc"
      ],
      "additionalProperties": false,
      "properties": {
        "sc": {
          "type": "integer"
        },
        "URI": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "CommandRecord": {
      "type": "object",
      "required": [
        "id",
        "command",
        "state",
        "queuedAt"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string"
        },
        "packageId": {
          "type": "string",
          "description": "Set when the command came in a whole queued Package#2."
        },
        "command": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "The command as queued, templates expanded."
        },
        "sent": {
          "type": "array",
          "description": "The Package#2 entry as sent (differs from command only under a fault switch)."
        },
        "state": {
          "enum": [
            "queued",
            "sent",
            "reported",
            "accepted",
            "completed",
            "unanswered"
          ],
          "description": "sent: awaiting its status; reported: synchronous status received; accepted: 202, awaiting the Generic Alert; completed: asynchronous result received; unanswered: the session ended without a status (END, or commands after END)."
        },
        "queuedAt": {
          "type": "string",
          "format": "date-time"
        },
        "sessionId": {
          "type": "string"
        },
        "package2Index": {
          "type": "integer",
          "minimum": 0,
          "description": "Position in the Package#2 it was sent in."
        },
        "status": {
          "$ref": "#/$defs/CommandStatus"
        },
        "result": {
          "type": "object",
          "description": "GET data returned in the multipart part named by the command's index (App F).",
          "required": [
            "body"
          ],
          "additionalProperties": false,
          "properties": {
            "body": {
              "$ref": "#/$defs/BodyRecord"
            },
            "moData": {
              "type": "array"
            }
          }
        },
        "asyncResult": {
          "type": "object",
          "required": [
            "time",
            "alert",
            "packageSeq"
          ],
          "additionalProperties": false,
          "properties": {
            "time": {
              "type": "string",
              "format": "date-time"
            },
            "packageSeq": {
              "type": "integer",
              "minimum": 1
            },
            "alert": {
              "type": "object",
              "additionalProperties": true
            }
          }
        }
      }
    },
    "RepoHit": {
      "type": "object",
      "required": [
        "seq",
        "time",
        "method",
        "path",
        "status"
      ],
      "additionalProperties": false,
      "properties": {
        "seq": {
          "type": "integer",
          "minimum": 1
        },
        "time": {
          "type": "string",
          "format": "date-time"
        },
        "method": {
          "type": "string"
        },
        "path": {
          "type": "string"
        },
        "devId": {
          "type": "string",
          "description": "From the OMADM-DevID header, when sent."
        },
        "accept": {
          "type": "string"
        },
        "status": {
          "type": "integer"
        },
        "body": {
          "$ref": "#/$defs/BodyRecord"
        },
        "moData": {
          "type": "array",
          "description": "Decoded application/dmmo+json upload."
        },
        "violations": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/violation.schema.json"
          }
        }
      }
    },
    "SentNotification": {
      "type": "object",
      "required": [
        "time",
        "hex",
        "sentTo"
      ],
      "additionalProperties": false,
      "properties": {
        "time": {
          "type": "string",
          "format": "date-time"
        },
        "hex": {
          "type": "string",
          "pattern": "^[0-9a-f]*$"
        },
        "sentTo": {
          "type": "string"
        },
        "notificationId": {
          "type": "integer"
        },
        "faults": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Fault switches that changed these bytes."
        }
      }
    }
  }
} as const;
registerSchema(deviceLogSchema);

/**
 * What the reference server saw of one device (admin GET /devices/:devId/received): sessions, every package received with its HTTP details and the answer, every Generic Alert, every command with its status or asynchronous result, repository uploads and web hits, and the notifications sent.
 */
export interface DeviceLog {
  devId: string;
  sessions: SessionRecord[];
  packages: ReceivedPackage[];
  alerts: ReceivedAlert[];
  commands: CommandRecord[];
  uploads: RepoHit[];
  webHits: RepoHit[];
  notifications: SentNotification[];
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "SessionRecord".
 */
export interface SessionRecord {
  id: string;
  startedAt: string;
  endedAt?: string;
  /**
   * ended: END sent; aborted: an HTTP error or a new Package#1 cut it short.
   */
  state: "open" | "ended" | "aborted";
  /**
   * AlertType of the session alert of its Package#1 (App D).
   */
  sessionAlert?: string;
  /**
   * For ServerInitiatedMgmt: whether the alert's Data carries the NOTIFICATION-ID last sent to the device (§5.2.2).
   */
  notificationIdCheck?: "match" | "mismatch" | "missing" | "no-notification-sent";
  /**
   * The CONT URI handed out, when one was (§5.3.8).
   */
  contUri?: string;
  package2Count: number;
  abortReason?: string;
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "ReceivedPackage".
 */
export interface ReceivedPackage {
  /**
   * Position among everything this server received from the device.
   */
  seq: number;
  kind: "package1" | "package3" | "unknown";
  sessionId?: string;
  time: string;
  http: HttpDetails;
  body: BodyRecord;
  /**
   * The decoded package JSON, when it parsed.
   */
  package?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Multipart GET result parts (App F), by command index.
   */
  parts?: {
    name: string;
    body: BodyRecord;
  }[];
  violations: Violation[];
  response: {
    status: number;
    mediaType?: string;
    /**
     * The Package#2 or problem document sent back.
     */
    body?: {
      [k: string]: unknown | undefined;
    };
  };
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "HttpDetails".
 */
export interface HttpDetails {
  method: string;
  url: string;
  headers: {
    [k: string]: string | undefined;
  };
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "BodyRecord".
 */
export interface BodyRecord {
  mediaType?: string;
  size: number;
  text?: string;
  hex?: string;
  truncated?: boolean;
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "ReceivedAlert".
 */
export interface ReceivedAlert {
  packageSeq: number;
  time: string;
  /**
   * The Generic Alert as received (§5.4).
   */
  alert: {
    [k: string]: unknown | undefined;
  };
  /**
   * session: the session alert of a Package#1; async-result: completed an EXEC accepted with 202; other: recorded and otherwise ignored (§5.4).
   */
  purpose: "session" | "async-result" | "other";
  /**
   * For async-result: the EXEC it completed (linked by SourceURI, §13.1).
   */
  commandId?: string;
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "CommandRecord".
 */
export interface CommandRecord {
  id: string;
  /**
   * Set when the command came in a whole queued Package#2.
   */
  packageId?: string;
  /**
   * The command as queued, templates expanded.
   */
  command: string[];
  /**
   * The Package#2 entry as sent (differs from command only under a fault switch).
   */
  sent?: unknown[];
  /**
   * sent: awaiting its status; reported: synchronous status received; accepted: 202, awaiting the Generic Alert; completed: asynchronous result received; unanswered: the session ended without a status (END, or commands after END).
   */
  state: "queued" | "sent" | "reported" | "accepted" | "completed" | "unanswered";
  queuedAt: string;
  sessionId?: string;
  /**
   * Position in the Package#2 it was sent in.
   */
  package2Index?: number;
  status?: CommandStatus;
  /**
   * GET data returned in the multipart part named by the command's index (App F).
   */
  result?: {
    body: BodyRecord;
    moData?: unknown[];
  };
  asyncResult?: {
    time: string;
    packageSeq: number;
    alert: {
      [k: string]: unknown | undefined;
    };
  };
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "CommandStatus".
 */
export interface CommandStatus {
  sc: number;
  URI?: string[];
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "RepoHit".
 */
export interface RepoHit {
  seq: number;
  time: string;
  method: string;
  path: string;
  /**
   * From the OMADM-DevID header, when sent.
   */
  devId?: string;
  accept?: string;
  status: number;
  body?: BodyRecord;
  /**
   * Decoded application/dmmo+json upload.
   */
  moData?: unknown[];
  violations?: Violation[];
}
/**
 * This interface was referenced by `DeviceLog`'s JSON-Schema
 * via the `definition` "SentNotification".
 */
export interface SentNotification {
  time: string;
  hex: string;
  sentTo: string;
  notificationId?: number;
  /**
   * Fault switches that changed these bytes.
   */
  faults?: string[];
}
