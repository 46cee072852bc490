// Generated from ./matrix.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
export const matrixSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/matrix.schema.json",
  "title": "MatrixIndex",
  "description": "matrix.json, written by dmct matrix: every client claims file against every server claims file, each pair's session judged passively through the monitor; the matrix page (index.html) is rendered from it alone.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "dmctVersion",
    "edition",
    "startTime",
    "endTime",
    "clients",
    "servers",
    "pairs",
    "overall"
  ],
  "properties": {
    "dmctVersion": {
      "type": "string",
      "maxLength": 64
    },
    "edition": {
      "type": "string",
      "maxLength": 64
    },
    "startTime": {
      "type": "string",
      "format": "date-time"
    },
    "endTime": {
      "type": "string",
      "format": "date-time"
    },
    "clients": {
      "type": "array",
      "maxItems": 100,
      "items": {
        "$ref": "#/$defs/MatrixPeer"
      }
    },
    "servers": {
      "type": "array",
      "maxItems": 100,
      "items": {
        "$ref": "#/$defs/MatrixPeer"
      }
    },
    "pairs": {
      "type": "array",
      "maxItems": 10000,
      "items": {
        "$ref": "#/$defs/PairResult"
      }
    },
    "overall": {
      "$ref": "#/$defs/MatrixOverall"
    }
  },
  "$defs": {
    "Name": {
      "type": "string",
      "description": "A peer's name in the matrix: its claims file's name without .json, made safe for a folder name.",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$"
    },
    "MatrixPeer": {
      "title": "MatrixPeer",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "role",
        "file",
        "sha256",
        "implementation"
      ],
      "properties": {
        "name": {
          "$ref": "#/$defs/Name"
        },
        "role": {
          "enum": [
            "client",
            "server"
          ]
        },
        "file": {
          "type": "string",
          "maxLength": 1024,
          "description": "The claims file, as given."
        },
        "sha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$",
          "description": "Digest of the claims file: a pair judged under other claims is run again."
        },
        "implementation": {
          "type": "string",
          "maxLength": 300,
          "description": "The claims' implementation name and version."
        }
      }
    },
    "SideVerdict": {
      "title": "SideVerdict",
      "description": "One side's verdict in one pair: the overall verdict of that role's items in the pair's report (src/report/verdict.ts overallVerdict), with counts of its applicable items.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "verdict",
        "passed",
        "failed",
        "open",
        "reason"
      ],
      "properties": {
        "verdict": {
          "enum": [
            "conformant",
            "non-conformant",
            "incomplete"
          ]
        },
        "passed": {
          "type": "integer",
          "minimum": 0
        },
        "failed": {
          "type": "integer",
          "minimum": 0
        },
        "open": {
          "type": "integer",
          "minimum": 0,
          "description": "Applicable items neither passed nor failed (untested, inconclusive, error)."
        },
        "reason": {
          "type": "string",
          "maxLength": 1000
        }
      }
    },
    "Initiation": {
      "title": "Initiation",
      "description": "One session the pair tried to start, and whether it started.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "by",
        "started"
      ],
      "properties": {
        "by": {
          "enum": [
            "client",
            "server"
          ],
          "description": "client: a client-initiated session (sessionWith); server: a server-initiated one (notify, then the client's session)."
        },
        "via": {
          "enum": [
            "udp",
            "http"
          ],
          "description": "server: the transport of the Package#0 relayed to the client (WAP Push over UDP, App E.1; an HTTP POST, App E.3)."
        },
        "started": {
          "type": "boolean",
          "description": "client: the trigger was pulled; server: the trigger was pulled, a Package#0 came through the relay and the client opened a session after it."
        },
        "reason": {
          "type": "string",
          "maxLength": 1000,
          "description": "Why the session did not start."
        }
      }
    },
    "PairResult": {
      "title": "PairResult",
      "description": "One client against one server; also written alone as pairs/<client>__<server>/pair.json, which a rerun reads to skip the pair.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "client",
        "server",
        "clientSha256",
        "serverSha256",
        "folder",
        "startTime",
        "durationMs",
        "exchanges",
        "sessions",
        "initiations",
        "verdicts"
      ],
      "properties": {
        "client": {
          "$ref": "#/$defs/Name"
        },
        "server": {
          "$ref": "#/$defs/Name"
        },
        "clientSha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$"
        },
        "serverSha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$"
        },
        "folder": {
          "type": "string",
          "pattern": "^pairs/[a-z0-9._-]+__[a-z0-9._-]+$",
          "description": "The pair's report folder, relative to matrix.json."
        },
        "startTime": {
          "type": "string",
          "format": "date-time"
        },
        "durationMs": {
          "type": "integer",
          "minimum": 0
        },
        "exchanges": {
          "type": "integer",
          "minimum": 0,
          "description": "HTTP exchanges the monitor saw."
        },
        "sessions": {
          "type": "integer",
          "minimum": 0,
          "description": "DM sessions the passive judge found."
        },
        "initiations": {
          "type": "array",
          "maxItems": 2,
          "items": {
            "$ref": "#/$defs/Initiation"
          },
          "description": "The sessions the pair tried to start, in the order tried: client-initiated (the client's sessionWith trigger) when the client claims have it, then server-initiated (the server's notify trigger, its Package#0 relayed by the monitor to the client's notification address) when the server claims have the trigger and the client claims a UDP or HTTP notification address. Empty when neither could be tried: the pair is then incomplete, with the reason in problem."
        },
        "problem": {
          "type": "string",
          "maxLength": 1000,
          "description": "Why the pair's session may not have happened (the client's trigger was not pulled, the monitor could not start): the pair is then incomplete."
        },
        "verdicts": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "client",
            "server"
          ],
          "properties": {
            "client": {
              "$ref": "#/$defs/SideVerdict"
            },
            "server": {
              "$ref": "#/$defs/SideVerdict"
            }
          }
        }
      }
    },
    "MatrixOverall": {
      "title": "MatrixOverall",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "verdict",
        "exitCode",
        "reason"
      ],
      "properties": {
        "verdict": {
          "enum": [
            "conformant",
            "non-conformant",
            "incomplete"
          ]
        },
        "exitCode": {
          "enum": [
            0,
            1,
            3
          ]
        },
        "reason": {
          "type": "string",
          "maxLength": 1000
        }
      }
    }
  }
} as const;
registerSchema(matrixSchema);

/**
 * A peer's name in the matrix: its claims file's name without .json, made safe for a folder name.
 *
 * This interface was referenced by `MatrixIndex`'s JSON-Schema
 * via the `definition` "Name".
 */
export type Name = string;

/**
 * matrix.json, written by dmct matrix: every client claims file against every server claims file, each pair's session judged passively through the monitor; the matrix page (index.html) is rendered from it alone.
 */
export interface MatrixIndex {
  dmctVersion: string;
  edition: string;
  startTime: string;
  endTime: string;
  /**
   * @maxItems 100
   */
  clients: MatrixPeer[];
  /**
   * @maxItems 100
   */
  servers: MatrixPeer[];
  /**
   * @maxItems 10000
   */
  pairs: PairResult[];
  overall: MatrixOverall;
}
/**
 * This interface was referenced by `MatrixIndex`'s JSON-Schema
 * via the `definition` "MatrixPeer".
 */
export interface MatrixPeer {
  name: Name;
  role: "client" | "server";
  /**
   * The claims file, as given.
   */
  file: string;
  /**
   * Digest of the claims file: a pair judged under other claims is run again.
   */
  sha256: string;
  /**
   * The claims' implementation name and version.
   */
  implementation: string;
}
/**
 * One client against one server; also written alone as pairs/<client>__<server>/pair.json, which a rerun reads to skip the pair.
 *
 * This interface was referenced by `MatrixIndex`'s JSON-Schema
 * via the `definition` "PairResult".
 */
export interface PairResult {
  client: Name;
  server: Name;
  clientSha256: string;
  serverSha256: string;
  /**
   * The pair's report folder, relative to matrix.json.
   */
  folder: string;
  startTime: string;
  durationMs: number;
  /**
   * HTTP exchanges the monitor saw.
   */
  exchanges: number;
  /**
   * DM sessions the passive judge found.
   */
  sessions: number;
  /**
   * The sessions the pair tried to start, in the order tried: client-initiated (the client's sessionWith trigger) when the client claims have it, then server-initiated (the server's notify trigger, its Package#0 relayed by the monitor to the client's notification address) when the server claims have the trigger and the client claims a UDP or HTTP notification address. Empty when neither could be tried: the pair is then incomplete, with the reason in problem.
   *
   * @maxItems 2
   */
  initiations: [] | [Initiation] | [Initiation, Initiation];
  /**
   * Why the pair's session may not have happened (the client's trigger was not pulled, the monitor could not start): the pair is then incomplete.
   */
  problem?: string;
  verdicts: {
    client: SideVerdict;
    server: SideVerdict;
  };
}
/**
 * One session the pair tried to start, and whether it started.
 *
 * This interface was referenced by `MatrixIndex`'s JSON-Schema
 * via the `definition` "Initiation".
 */
export interface Initiation {
  /**
   * client: a client-initiated session (sessionWith); server: a server-initiated one (notify, then the client's session).
   */
  by: "client" | "server";
  /**
   * server: the transport of the Package#0 relayed to the client (WAP Push over UDP, App E.1; an HTTP POST, App E.3).
   */
  via?: "udp" | "http";
  /**
   * client: the trigger was pulled; server: the trigger was pulled, a Package#0 came through the relay and the client opened a session after it.
   */
  started: boolean;
  /**
   * Why the session did not start.
   */
  reason?: string;
}
/**
 * One side's verdict in one pair: the overall verdict of that role's items in the pair's report (src/report/verdict.ts overallVerdict), with counts of its applicable items.
 *
 * This interface was referenced by `MatrixIndex`'s JSON-Schema
 * via the `definition` "SideVerdict".
 */
export interface SideVerdict {
  verdict: "conformant" | "non-conformant" | "incomplete";
  passed: number;
  failed: number;
  /**
   * Applicable items neither passed nor failed (untested, inconclusive, error).
   */
  open: number;
  reason: string;
}
/**
 * This interface was referenced by `MatrixIndex`'s JSON-Schema
 * via the `definition` "MatrixOverall".
 */
export interface MatrixOverall {
  verdict: "conformant" | "non-conformant" | "incomplete";
  exitCode: 0 | 1 | 3;
  reason: string;
}
