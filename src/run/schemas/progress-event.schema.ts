// Generated from ./progress-event.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
import '../../report/schemas/run-plan.schema.js';
import '../../report/schemas/report.schema.js';
import type { Role } from '../../report/schemas/run-plan.schema.js';
import type { ScenarioVerdict } from '../../report/schemas/report.schema.js';
export const progressEventSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/progress-event.schema.json",
  "title": "ProgressEvent",
  "description": "One line of dmct's progress reporter (src/run/progress-reporter.ts): what the Playwright child tells `dmct run` while it runs, prefixed `dmct-progress ` on the child's stdout. Only for the live status line; the report is built from the results file.",
  "oneOf": [
    {
      "$ref": "#/$defs/BeginEvent"
    },
    {
      "$ref": "#/$defs/ScenarioBeginEvent"
    },
    {
      "$ref": "#/$defs/ScenarioEndEvent"
    },
    {
      "$ref": "#/$defs/RunErrorEvent"
    },
    {
      "$ref": "#/$defs/EndEvent"
    }
  ],
  "$defs": {
    "ScenarioRef": {
      "title": "ScenarioRef",
      "type": "object",
      "required": [
        "role",
        "id"
      ],
      "additionalProperties": false,
      "properties": {
        "role": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
        },
        "id": {
          "type": "string",
          "minLength": 1,
          "description": "The scenario's slug (scenarioSlug)."
        }
      }
    },
    "BeginEvent": {
      "title": "BeginEvent",
      "description": "The run starts; `scenarios` are the tests this Playwright run (this shard) will run.",
      "type": "object",
      "required": [
        "type",
        "scenarios"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "begin"
        },
        "scenarios": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ScenarioRef"
          }
        }
      }
    },
    "ScenarioBeginEvent": {
      "title": "ScenarioBeginEvent",
      "type": "object",
      "required": [
        "type",
        "role",
        "id",
        "title"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "scenario-begin"
        },
        "role": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
        },
        "id": {
          "type": "string",
          "minLength": 1
        },
        "title": {
          "type": "string"
        }
      }
    },
    "ScenarioEndEvent": {
      "title": "ScenarioEndEvent",
      "description": "An attempt ended. `final` is false when Playwright will retry it; `verdict` is the scenario verdict of this attempt (src/report/verdict.ts).",
      "type": "object",
      "required": [
        "type",
        "role",
        "id",
        "title",
        "final",
        "verdict"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "scenario-end"
        },
        "role": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
        },
        "id": {
          "type": "string",
          "minLength": 1
        },
        "title": {
          "type": "string"
        },
        "final": {
          "type": "boolean"
        },
        "verdict": {
          "$ref": "https://dmct.dev/schemas/report.schema.json#/$defs/ScenarioVerdict"
        },
        "reason": {
          "type": "string"
        }
      }
    },
    "RunErrorEvent": {
      "title": "RunErrorEvent",
      "description": "An error outside any scenario (a file that fails to load, a worker crash).",
      "type": "object",
      "required": [
        "type",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "error"
        },
        "message": {
          "type": "string"
        }
      }
    },
    "EndEvent": {
      "title": "EndEvent",
      "type": "object",
      "required": [
        "type",
        "status"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "end"
        },
        "status": {
          "enum": [
            "passed",
            "failed",
            "timedout",
            "interrupted"
          ]
        }
      }
    }
  }
} as const;
registerSchema(progressEventSchema);

/**
 * One line of dmct's progress reporter (src/run/progress-reporter.ts): what the Playwright child tells `dmct run` while it runs, prefixed `dmct-progress ` on the child's stdout. Only for the live status line; the report is built from the results file.
 */
export type ProgressEvent = BeginEvent | ScenarioBeginEvent | ScenarioEndEvent | RunErrorEvent | EndEvent;

/**
 * The run starts; `scenarios` are the tests this Playwright run (this shard) will run.
 */
export interface BeginEvent {
  type: "begin";
  scenarios: ScenarioRef[];
}
export interface ScenarioRef {
  role: Role;
  /**
   * The scenario's slug (scenarioSlug).
   */
  id: string;
}
export interface ScenarioBeginEvent {
  type: "scenario-begin";
  role: Role;
  id: string;
  title: string;
}
/**
 * An attempt ended. `final` is false when Playwright will retry it; `verdict` is the scenario verdict of this attempt (src/report/verdict.ts).
 */
export interface ScenarioEndEvent {
  type: "scenario-end";
  role: Role;
  id: string;
  title: string;
  final: boolean;
  verdict: ScenarioVerdict;
  reason?: string;
}
/**
 * An error outside any scenario (a file that fails to load, a worker crash).
 */
export interface RunErrorEvent {
  type: "error";
  message: string;
}
export interface EndEvent {
  type: "end";
  status: "passed" | "failed" | "timedout" | "interrupted";
}
