// Generated from ./load-report.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const loadReportSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/load-report.schema.json",
  "title": "LoadReport",
  "description": "What `dmct load --json` prints: the figures of one load run of simulated devices against a DM server (OMA DM 2.0 §5.2 sessions).",
  "type": "object",
  "required": [
    "target",
    "devices",
    "concurrency",
    "durationMs",
    "sessions",
    "completed",
    "exchanges",
    "sessionsPerSecond",
    "latencyMs",
    "exchangeLatencyMs",
    "errors",
    "errorKinds",
    "violations"
  ],
  "additionalProperties": false,
  "properties": {
    "target": {
      "type": "string",
      "description": "The DM endpoint the devices posted Package#1 to."
    },
    "devices": {
      "type": "integer",
      "minimum": 1
    },
    "concurrency": {
      "type": "integer",
      "minimum": 1,
      "description": "Sessions in flight at once (at most one per device)."
    },
    "durationMs": {
      "type": "number",
      "minimum": 0,
      "description": "Wall time from the first Package#1 to the end of the last session."
    },
    "sessions": {
      "type": "integer",
      "minimum": 0,
      "description": "Sessions started (and finished: a run waits for those in flight)."
    },
    "completed": {
      "type": "integer",
      "minimum": 0,
      "description": "Sessions that ended with a Package#2 carrying END (§5.3.9)."
    },
    "exchanges": {
      "type": "integer",
      "minimum": 0,
      "description": "HTTP exchanges (Package#1 or Package#3 and the answer)."
    },
    "sessionsPerSecond": {
      "type": "number",
      "minimum": 0,
      "description": "Completed sessions per second of wall time."
    },
    "latencyMs": {
      "$ref": "#/$defs/Percentiles",
      "description": "Per session: Package#1 sent → END received."
    },
    "exchangeLatencyMs": {
      "$ref": "#/$defs/Percentiles",
      "description": "Per exchange: package sent → answer read."
    },
    "errors": {
      "type": "integer",
      "minimum": 0,
      "description": "Sessions that did not end with END: refused, unanswered, or too long."
    },
    "errorKinds": {
      "type": "object",
      "description": "errors by kind, e.g. `refused: HTTP 503`, `no-answer: timeout`, `max-package2s`.",
      "additionalProperties": {
        "type": "integer",
        "minimum": 1
      }
    },
    "violations": {
      "type": "object",
      "description": "Protocol violations (errors and warnings) found in the Package#2s, counted per SCR item of the seed table.",
      "propertyNames": {
        "pattern": "^DM-[A-Z]+-\\d{3}-[CS]-[MO]$"
      },
      "additionalProperties": {
        "type": "integer",
        "minimum": 1
      }
    },
    "rules": {
      "type": "object",
      "description": "The same violations counted per rule id (e.g. `command-param-not-string`).",
      "additionalProperties": {
        "type": "integer",
        "minimum": 1
      }
    }
  },
  "$defs": {
    "Percentiles": {
      "title": "LatencyPercentiles",
      "type": "object",
      "required": [
        "p50",
        "p90",
        "p99",
        "max"
      ],
      "additionalProperties": false,
      "properties": {
        "p50": {
          "type": "number",
          "minimum": 0
        },
        "p90": {
          "type": "number",
          "minimum": 0
        },
        "p99": {
          "type": "number",
          "minimum": 0
        },
        "max": {
          "type": "number",
          "minimum": 0
        }
      }
    }
  }
} as const;
registerSchema(loadReportSchema);

/**
 * What `dmct load --json` prints: the figures of one load run of simulated devices against a DM server (OMA DM 2.0 §5.2 sessions).
 */
export interface LoadReport {
  /**
   * The DM endpoint the devices posted Package#1 to.
   */
  target: string;
  devices: number;
  /**
   * Sessions in flight at once (at most one per device).
   */
  concurrency: number;
  /**
   * Wall time from the first Package#1 to the end of the last session.
   */
  durationMs: number;
  /**
   * Sessions started (and finished: a run waits for those in flight).
   */
  sessions: number;
  /**
   * Sessions that ended with a Package#2 carrying END (§5.3.9).
   */
  completed: number;
  /**
   * HTTP exchanges (Package#1 or Package#3 and the answer).
   */
  exchanges: number;
  /**
   * Completed sessions per second of wall time.
   */
  sessionsPerSecond: number;
  latencyMs: LatencyPercentiles;
  exchangeLatencyMs: LatencyPercentiles1;
  /**
   * Sessions that did not end with END: refused, unanswered, or too long.
   */
  errors: number;
  /**
   * errors by kind, e.g. `refused: HTTP 503`, `no-answer: timeout`, `max-package2s`.
   */
  errorKinds: {
    [k: string]: number | undefined;
  };
  /**
   * Protocol violations (errors and warnings) found in the Package#2s, counted per SCR item of the seed table.
   */
  violations: {
    [k: string]: number | undefined;
  };
  /**
   * The same violations counted per rule id (e.g. `command-param-not-string`).
   */
  rules?: {
    [k: string]: number | undefined;
  };
}
/**
 * Per session: Package#1 sent → END received.
 */
export interface LatencyPercentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
/**
 * Per exchange: package sent → answer read.
 */
export interface LatencyPercentiles1 {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
/**
 * This interface was referenced by `LoadReport`'s JSON-Schema
 * via the `definition` "Percentiles".
 */
export interface LatencyPercentiles2 {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
