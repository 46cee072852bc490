// Generated from ./client-state.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
export const clientStateSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/client-state.schema.json",
  "title": "ClientState",
  "description": "What the reference DM client has seen and done (admin GET /state): notifications accepted or dropped with the reason, sessions with every package exchanged and every command's status, DEFAULT sources, subscriptions, and side transfers. Lists keep the most recent entries only.",
  "type": "object",
  "required": [
    "devId",
    "faults",
    "notifications",
    "sessions",
    "defaults",
    "subscriptions",
    "transfers",
    "pendingAlerts"
  ],
  "additionalProperties": false,
  "properties": {
    "devId": {
      "type": "string",
      "description": "DevInfo/DevID, sent as OMADM-DevID."
    },
    "faults": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Fault switches turned on."
    },
    "notifications": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/NotificationRecord"
      }
    },
    "sessions": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/SessionRecord"
      }
    },
    "defaults": {
      "type": "array",
      "description": "ServerURIs remembered by DEFAULT, one per MOID (§5.3.10).",
      "items": {
        "title": "DefaultSource",
        "type": "object",
        "required": [
          "moid",
          "serverUri"
        ],
        "additionalProperties": false,
        "properties": {
          "moid": {
            "type": "string"
          },
          "serverUri": {
            "type": "string"
          }
        }
      }
    },
    "subscriptions": {
      "type": "array",
      "description": "Active SUBs (§5.3.11).",
      "items": {
        "title": "Subscription",
        "type": "object",
        "required": [
          "clientUri",
          "serverUri"
        ],
        "additionalProperties": false,
        "properties": {
          "clientUri": {
            "type": "string"
          },
          "serverUri": {
            "type": "string"
          }
        }
      }
    },
    "transfers": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/TransferRecord"
      }
    },
    "pendingAlerts": {
      "type": "integer",
      "minimum": 0,
      "description": "Generic Alerts waiting for the next package."
    }
  },
  "$defs": {
    "NotificationRecord": {
      "title": "NotificationRecord",
      "description": "One Package#0 received, and what the client did with it (§5.2.1).",
      "type": "object",
      "required": [
        "at",
        "transport",
        "hex",
        "accepted"
      ],
      "additionalProperties": false,
      "properties": {
        "at": {
          "type": "string",
          "format": "date-time"
        },
        "transport": {
          "enum": [
            "udp",
            "http"
          ]
        },
        "from": {
          "type": "string",
          "description": "Sender address:port (UDP) or peer (HTTP)."
        },
        "hex": {
          "type": "string",
          "description": "The notification bytes (the datagram for UDP), lower-case hex, capped."
        },
        "accepted": {
          "type": "boolean"
        },
        "reason": {
          "type": "string",
          "description": "Why it was dropped (a NotificationDropReason), or why a fault switch let it through."
        },
        "detail": {
          "type": "string"
        },
        "serverId": {
          "type": "string"
        },
        "notificationId": {
          "type": "integer"
        },
        "connection": {
          "type": "string",
          "description": "Connection chosen for the call-back (PREFERRED-CON-TYPE)."
        },
        "sessionId": {
          "type": "integer",
          "description": "The session it opened."
        }
      }
    },
    "SessionRecord": {
      "title": "SessionRecord",
      "description": "One DM session (§5.2): its trigger, the packages exchanged and the statuses given.",
      "type": "object",
      "required": [
        "id",
        "trigger",
        "serverId",
        "startedAt",
        "outcome",
        "packages",
        "commands"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "integer",
          "minimum": 1
        },
        "trigger": {
          "enum": [
            "notification",
            "client",
            "alert",
            "async-result"
          ]
        },
        "serverId": {
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
        "outcome": {
          "enum": [
            "running",
            "ended",
            "aborted"
          ]
        },
        "reason": {
          "type": "string",
          "description": "Why the session was aborted."
        },
        "packages": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/PackageExchange"
          }
        },
        "commands": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/CommandRecord"
          }
        }
      }
    },
    "PackageExchange": {
      "title": "PackageExchange",
      "description": "A Package#1 or Package#3 POST and the response that carried the next Package#2.",
      "type": "object",
      "required": [
        "package",
        "url",
        "headers",
        "body"
      ],
      "additionalProperties": false,
      "properties": {
        "package": {
          "enum": [
            1,
            3
          ]
        },
        "url": {
          "type": "string"
        },
        "headers": {
          "type": "object",
          "additionalProperties": {
            "type": "string"
          }
        },
        "body": {
          "type": "string",
          "description": "The request body as sent (UTF-8 text; multipart included)."
        },
        "response": {
          "title": "PackageResponse",
          "type": "object",
          "required": [
            "status",
            "headers",
            "body"
          ],
          "additionalProperties": false,
          "properties": {
            "status": {
              "type": "integer"
            },
            "headers": {
              "type": "object",
              "additionalProperties": {
                "type": "string"
              }
            },
            "body": {
              "type": "string",
              "description": "The response body, capped."
            }
          }
        },
        "failure": {
          "type": "string",
          "description": "Why no usable response came (time-out, refused, too large)."
        }
      }
    },
    "CommandRecord": {
      "title": "CommandRecord",
      "description": "One command of a Package#2 and the status the client gave it.",
      "type": "object",
      "required": [
        "package",
        "index",
        "command"
      ],
      "additionalProperties": false,
      "properties": {
        "package": {
          "type": "integer",
          "minimum": 1,
          "description": "1-based number of the Package#2 in the session."
        },
        "index": {
          "type": "integer",
          "minimum": 0
        },
        "command": {
          "type": "array",
          "description": "The command entry as received; an entry that is not an array is wrapped in a one-element array."
        },
        "status": {
          "type": "integer",
          "description": "Absent for END."
        },
        "uris": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "reason": {
          "type": "string"
        }
      }
    },
    "TransferRecord": {
      "title": "TransferRecord",
      "description": "An HTTP exchange outside the session (§5.2): HGET/HPUT/HPOST/SUB transfers, SHOW page loads, DEFAULT fetches.",
      "type": "object",
      "required": [
        "at",
        "purpose",
        "method",
        "url"
      ],
      "additionalProperties": false,
      "properties": {
        "at": {
          "type": "string",
          "format": "date-time"
        },
        "purpose": {
          "enum": [
            "HGET",
            "HPUT",
            "HPOST",
            "SHOW",
            "SUB",
            "DEFAULT"
          ]
        },
        "method": {
          "type": "string"
        },
        "url": {
          "type": "string"
        },
        "mediaType": {
          "type": "string"
        },
        "status": {
          "type": "integer"
        },
        "failure": {
          "type": "string"
        }
      }
    }
  }
} as const;
registerSchema(clientStateSchema);

/**
 * What the reference DM client has seen and done (admin GET /state): notifications accepted or dropped with the reason, sessions with every package exchanged and every command's status, DEFAULT sources, subscriptions, and side transfers. Lists keep the most recent entries only.
 */
export interface ClientState {
  /**
   * DevInfo/DevID, sent as OMADM-DevID.
   */
  devId: string;
  /**
   * Fault switches turned on.
   */
  faults: string[];
  notifications: NotificationRecord[];
  sessions: SessionRecord[];
  /**
   * ServerURIs remembered by DEFAULT, one per MOID (§5.3.10).
   */
  defaults: DefaultSource[];
  /**
   * Active SUBs (§5.3.11).
   */
  subscriptions: Subscription[];
  transfers: TransferRecord[];
  /**
   * Generic Alerts waiting for the next package.
   */
  pendingAlerts: number;
}
/**
 * One Package#0 received, and what the client did with it (§5.2.1).
 *
 * This interface was referenced by `ClientState`'s JSON-Schema
 * via the `definition` "NotificationRecord".
 */
export interface NotificationRecord {
  at: string;
  transport: "udp" | "http";
  /**
   * Sender address:port (UDP) or peer (HTTP).
   */
  from?: string;
  /**
   * The notification bytes (the datagram for UDP), lower-case hex, capped.
   */
  hex: string;
  accepted: boolean;
  /**
   * Why it was dropped (a NotificationDropReason), or why a fault switch let it through.
   */
  reason?: string;
  detail?: string;
  serverId?: string;
  notificationId?: number;
  /**
   * Connection chosen for the call-back (PREFERRED-CON-TYPE).
   */
  connection?: string;
  /**
   * The session it opened.
   */
  sessionId?: number;
}
/**
 * One DM session (§5.2): its trigger, the packages exchanged and the statuses given.
 *
 * This interface was referenced by `ClientState`'s JSON-Schema
 * via the `definition` "SessionRecord".
 */
export interface SessionRecord {
  id: number;
  trigger: "notification" | "client" | "alert" | "async-result";
  serverId: string;
  startedAt: string;
  endedAt?: string;
  outcome: "running" | "ended" | "aborted";
  /**
   * Why the session was aborted.
   */
  reason?: string;
  packages: PackageExchange[];
  commands: CommandRecord[];
}
/**
 * A Package#1 or Package#3 POST and the response that carried the next Package#2.
 *
 * This interface was referenced by `ClientState`'s JSON-Schema
 * via the `definition` "PackageExchange".
 */
export interface PackageExchange {
  package: 1 | 3;
  url: string;
  headers: {
    [k: string]: string | undefined;
  };
  /**
   * The request body as sent (UTF-8 text; multipart included).
   */
  body: string;
  response?: PackageResponse;
  /**
   * Why no usable response came (time-out, refused, too large).
   */
  failure?: string;
}
export interface PackageResponse {
  status: number;
  headers: {
    [k: string]: string | undefined;
  };
  /**
   * The response body, capped.
   */
  body: string;
}
/**
 * One command of a Package#2 and the status the client gave it.
 *
 * This interface was referenced by `ClientState`'s JSON-Schema
 * via the `definition` "CommandRecord".
 */
export interface CommandRecord {
  /**
   * 1-based number of the Package#2 in the session.
   */
  package: number;
  index: number;
  /**
   * The command entry as received; an entry that is not an array is wrapped in a one-element array.
   */
  command: unknown[];
  /**
   * Absent for END.
   */
  status?: number;
  uris?: string[];
  reason?: string;
}
export interface DefaultSource {
  moid: string;
  serverUri: string;
}
export interface Subscription {
  clientUri: string;
  serverUri: string;
}
/**
 * An HTTP exchange outside the session (§5.2): HGET/HPUT/HPOST/SUB transfers, SHOW page loads, DEFAULT fetches.
 *
 * This interface was referenced by `ClientState`'s JSON-Schema
 * via the `definition` "TransferRecord".
 */
export interface TransferRecord {
  at: string;
  purpose: "HGET" | "HPUT" | "HPOST" | "SHOW" | "SUB" | "DEFAULT";
  method: string;
  url: string;
  mediaType?: string;
  status?: number;
  failure?: string;
}
