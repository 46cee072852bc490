// Generated from ./scenario-results.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
import './run-plan.schema.js';
import './evidence.schema.js';
import type { Role } from './run-plan.schema.js';
import type { Evidence } from './evidence.schema.js';
export const scenarioResultsSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/scenario-results.schema.json",
  "title": "ScenarioResults",
  "description": "What dmct's Playwright reporter collected: one raw result per scenario (final attempt), not yet judged, and the facts of the Playwright run.",
  "type": "object",
  "required": [
    "execution",
    "results"
  ],
  "additionalProperties": false,
  "properties": {
    "execution": {
      "$ref": "#/$defs/ExecutionInfo"
    },
    "results": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ScenarioResult"
      }
    },
    "warnings": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Things the reporter noticed but could not place, e.g. a test outside the target projects."
    }
  },
  "$defs": {
    "Shard": {
      "title": "Shard",
      "type": "object",
      "required": [
        "current",
        "total"
      ],
      "additionalProperties": false,
      "properties": {
        "current": {
          "type": "integer",
          "minimum": 1
        },
        "total": {
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "ExecutionInfo": {
      "title": "ExecutionInfo",
      "description": "The facts of one Playwright run, known only once it has ended.",
      "type": "object",
      "required": [
        "dmctVersion",
        "startTime",
        "endTime",
        "durationMs",
        "shard",
        "playwrightVersion",
        "nodeVersion",
        "interrupted"
      ],
      "additionalProperties": false,
      "properties": {
        "dmctVersion": {
          "type": "string"
        },
        "startTime": {
          "type": "string",
          "format": "date-time"
        },
        "endTime": {
          "type": "string",
          "format": "date-time"
        },
        "durationMs": {
          "type": "number",
          "minimum": 0
        },
        "shard": {
          "oneOf": [
            {
              "$ref": "#/$defs/Shard"
            },
            {
              "type": "null"
            }
          ]
        },
        "playwrightVersion": {
          "type": "string"
        },
        "nodeVersion": {
          "type": "string"
        },
        "interrupted": {
          "type": "boolean",
          "description": "True when the run was stopped (Ctrl-C, max failures, global time-out) before every test ran."
        }
      }
    },
    "Annotation": {
      "title": "ResultAnnotation",
      "type": "object",
      "required": [
        "type"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string"
        },
        "description": {
          "type": "string"
        }
      }
    },
    "ScenarioResult": {
      "title": "ScenarioResult",
      "description": "One Playwright test's final attempt, as the reporter saw it. scenarioVerdict() judges it.",
      "type": "object",
      "required": [
        "id",
        "title",
        "role",
        "items",
        "file",
        "line",
        "status",
        "annotations",
        "errors",
        "durationMs",
        "retries"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "minLength": 1,
          "description": "Slug of the test's title path below its file (scenarioSlug)."
        },
        "title": {
          "type": "string",
          "description": "Describe titles and the test title joined by ' › '."
        },
        "role": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
        },
        "items": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "SCR item ids the scenario is evidence for: the items of its role that the run's edition maps to its rules (scr/<edition>/rules.json)."
        },
        "rules": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Rule keys from the test's tags (`@5.3.1/hget`): what the scenario proves, whatever the edition."
        },
        "file": {
          "type": "string",
          "description": "Spec file, relative to the Playwright root directory."
        },
        "line": {
          "type": "integer",
          "minimum": 0
        },
        "status": {
          "enum": [
            "passed",
            "failed",
            "timedOut",
            "skipped",
            "interrupted"
          ]
        },
        "annotations": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Annotation"
          }
        },
        "evidence": {
          "$ref": "https://dmct.dev/schemas/evidence.schema.json"
        },
        "evidenceProblem": {
          "type": "string",
          "description": "Why the dmct-evidence attachment could not be read; makes the scenario an error."
        },
        "errors": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Error messages of the attempt, control characters removed."
        },
        "durationMs": {
          "type": "number",
          "minimum": 0
        },
        "retries": {
          "type": "integer",
          "minimum": 0,
          "description": "Attempts before the final one."
        }
      }
    }
  }
} as const;
registerSchema(scenarioResultsSchema);

/**
 * What dmct's Playwright reporter collected: one raw result per scenario (final attempt), not yet judged, and the facts of the Playwright run.
 */
export interface ScenarioResults {
  execution: ExecutionInfo;
  results: ScenarioResult[];
  /**
   * Things the reporter noticed but could not place, e.g. a test outside the target projects.
   */
  warnings?: string[];
}
/**
 * The facts of one Playwright run, known only once it has ended.
 *
 * This interface was referenced by `ScenarioResults`'s JSON-Schema
 * via the `definition` "ExecutionInfo".
 */
export interface ExecutionInfo {
  dmctVersion: string;
  startTime: string;
  endTime: string;
  durationMs: number;
  shard: Shard | null;
  playwrightVersion: string;
  nodeVersion: string;
  /**
   * True when the run was stopped (Ctrl-C, max failures, global time-out) before every test ran.
   */
  interrupted: boolean;
}
/**
 * This interface was referenced by `ScenarioResults`'s JSON-Schema
 * via the `definition` "Shard".
 */
export interface Shard {
  current: number;
  total: number;
}
/**
 * One Playwright test's final attempt, as the reporter saw it. scenarioVerdict() judges it.
 *
 * This interface was referenced by `ScenarioResults`'s JSON-Schema
 * via the `definition` "ScenarioResult".
 */
export interface ScenarioResult {
  /**
   * Slug of the test's title path below its file (scenarioSlug).
   */
  id: string;
  /**
   * Describe titles and the test title joined by ' › '.
   */
  title: string;
  role: Role;
  /**
   * SCR item ids the scenario is evidence for: the items of its role that the run's edition maps to its rules (scr/<edition>/rules.json).
   */
  items: string[];
  /**
   * Rule keys from the test's tags (`@5.3.1/hget`): what the scenario proves, whatever the edition.
   */
  rules?: string[];
  /**
   * Spec file, relative to the Playwright root directory.
   */
  file: string;
  line: number;
  status: "passed" | "failed" | "timedOut" | "skipped" | "interrupted";
  annotations: ResultAnnotation[];
  evidence?: Evidence;
  /**
   * Why the dmct-evidence attachment could not be read; makes the scenario an error.
   */
  evidenceProblem?: string;
  /**
   * Error messages of the attempt, control characters removed.
   */
  errors: string[];
  durationMs: number;
  /**
   * Attempts before the final one.
   */
  retries: number;
}
/**
 * This interface was referenced by `ScenarioResults`'s JSON-Schema
 * via the `definition` "Annotation".
 */
export interface ResultAnnotation {
  type: string;
  description?: string;
}
