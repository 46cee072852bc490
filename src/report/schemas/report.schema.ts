// Generated from ./report.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
import './run-plan.schema.js';
import './scenario-results.schema.js';
import './evidence.schema.js';
import type { Applicability, ClaimsRef, Role, StaticFinding, TargetInfo } from './run-plan.schema.js';
import type { Shard } from './scenario-results.schema.js';
import type { Finding, TraceMessage } from './evidence.schema.js';
export const reportSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/report.schema.json",
  "title": "Report",
  "description": "The native conformance report of one dmct run (report.json). Every writer (console, JUnit, HTML, EARL, CTRF) renders it and never judges again.",
  "type": "object",
  "required": [
    "reportVersion",
    "meta",
    "items",
    "totals",
    "overall"
  ],
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "const": "https://dmct.dev/schemas/report.schema.json",
      "description": "The $id of this schema; the self-contained copy ships in the dmct package as schemas/report.schema.json."
    },
    "reportVersion": {
      "const": 1
    },
    "meta": {
      "$ref": "#/$defs/RunMeta"
    },
    "items": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ItemReport"
      }
    },
    "totals": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/RoleTotals"
      }
    },
    "overall": {
      "$ref": "#/$defs/Overall"
    }
  },
  "$defs": {
    "Verdict": {
      "title": "Verdict",
      "description": "Ordered from best to worst: this order is the verdict lattice (src/report/verdict.ts VERDICTS).",
      "enum": [
        "not-applicable",
        "pass",
        "untested",
        "inconclusive",
        "fail",
        "error"
      ]
    },
    "ScenarioVerdict": {
      "title": "ScenarioVerdict",
      "description": "The verdicts one scenario can get (a scenario is never 'untested').",
      "enum": [
        "not-applicable",
        "pass",
        "inconclusive",
        "fail",
        "error"
      ]
    },
    "RunMeta": {
      "title": "RunMeta",
      "type": "object",
      "required": [
        "dmctVersion",
        "edition",
        "roles",
        "targets",
        "startTime",
        "endTime",
        "durationMs",
        "shards",
        "playwrightVersion",
        "nodeVersion",
        "interrupted"
      ],
      "additionalProperties": false,
      "properties": {
        "dmctVersion": {
          "type": "string"
        },
        "edition": {
          "type": "string",
          "description": "SCR table edition."
        },
        "roles": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
          }
        },
        "targets": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Target"
          }
        },
        "claims": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/ClaimsRef"
        },
        "runId": {
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
          "minimum": 0,
          "description": "Wall-clock time of the run (of all shards, once merged: end - start)."
        },
        "shards": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/scenario-results.schema.json#/$defs/Shard"
          },
          "description": "Empty for an unsharded run; every merged shard otherwise."
        },
        "playwrightVersion": {
          "type": "string"
        },
        "nodeVersion": {
          "type": "string"
        },
        "interrupted": {
          "type": "boolean"
        },
        "strict": {
          "type": "boolean",
          "description": "True when the run was --strict: every non-strict finding counted as a fail."
        },
        "partial": {
          "$ref": "#/$defs/PartialRun"
        },
        "warnings": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "PartialRun": {
      "title": "PartialRun",
      "description": "Present when the run judged only part of the items of its roles' tables (--only, --grep, one --shard): what selected them, and the items left out, which the overall verdict does not cover. Absent for a whole run and for the merge of every shard.",
      "type": "object",
      "required": [
        "selectedBy",
        "leftOut"
      ],
      "additionalProperties": false,
      "properties": {
        "selectedBy": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "The selections, e.g. '--only', '--grep', '--shard 1/2'."
        },
        "leftOut": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Ids of the items left out, in table order."
        }
      }
    },
    "ScenarioReport": {
      "title": "ScenarioReport",
      "type": "object",
      "required": [
        "id",
        "title",
        "role",
        "file",
        "line",
        "ran",
        "verdict",
        "durationMs",
        "retries",
        "findings",
        "messages",
        "requirements"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "minLength": 1,
          "description": "The scenario's slug; unique per role."
        },
        "title": {
          "type": "string"
        },
        "role": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 0
        },
        "ran": {
          "type": "boolean",
          "description": "False for a planned scenario that has no result (an interrupted run, another shard)."
        },
        "verdict": {
          "$ref": "#/$defs/ScenarioVerdict"
        },
        "nonStrict": {
          "$ref": "#/$defs/NonStrict"
        },
        "reason": {
          "type": "string",
          "description": "Why, in one line, for every verdict but pass."
        },
        "durationMs": {
          "type": "number",
          "minimum": 0
        },
        "retries": {
          "type": "integer",
          "minimum": 0
        },
        "findings": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/evidence.schema.json#/$defs/Finding"
          }
        },
        "messages": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/evidence.schema.json#/$defs/Message"
          }
        },
        "notes": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "requirements": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "The normative sentences the scenario checks (its 'requirement' annotations)."
        },
        "errors": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Error messages, for a scenario that errored."
        }
      }
    },
    "NonStrict": {
      "title": "NonStrictFindings",
      "description": "The failure lines of the SHOULD departures seen (verdict policy: should-departure); they fail nothing unless the run is --strict.",
      "type": "array",
      "items": {
        "type": "string"
      }
    },
    "ItemReport": {
      "title": "ItemReport",
      "type": "object",
      "required": [
        "id",
        "function",
        "section",
        "role",
        "status",
        "applicability",
        "verdict",
        "staticFindings",
        "scenarios"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^DM-[A-Z]+-\\d{3}-[CS]-[MO]$"
        },
        "function": {
          "type": "string"
        },
        "section": {
          "type": "string"
        },
        "role": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
        },
        "status": {
          "enum": [
            "M",
            "O"
          ]
        },
        "applicability": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Applicability"
        },
        "verdict": {
          "$ref": "#/$defs/Verdict"
        },
        "nonStrict": {
          "$ref": "#/$defs/NonStrict"
        },
        "reason": {
          "type": "string",
          "description": "Why, in one line, for every verdict but pass."
        },
        "staticFindings": {
          "type": "array",
          "items": {
            "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/StaticFinding"
          }
        },
        "scenarios": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ScenarioReport"
          }
        }
      }
    },
    "VerdictCounts": {
      "title": "VerdictCounts",
      "type": "object",
      "required": [
        "not-applicable",
        "pass",
        "untested",
        "inconclusive",
        "fail",
        "error"
      ],
      "additionalProperties": false,
      "properties": {
        "not-applicable": {
          "type": "integer",
          "minimum": 0
        },
        "pass": {
          "type": "integer",
          "minimum": 0
        },
        "untested": {
          "type": "integer",
          "minimum": 0
        },
        "inconclusive": {
          "type": "integer",
          "minimum": 0
        },
        "fail": {
          "type": "integer",
          "minimum": 0
        },
        "error": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "RoleTotals": {
      "title": "RoleTotals",
      "type": "object",
      "required": [
        "role",
        "items",
        "verdicts"
      ],
      "additionalProperties": false,
      "properties": {
        "role": {
          "$ref": "https://dmct.dev/schemas/run-plan.schema.json#/$defs/Role"
        },
        "items": {
          "type": "integer",
          "minimum": 0
        },
        "verdicts": {
          "$ref": "#/$defs/VerdictCounts"
        }
      }
    },
    "Overall": {
      "title": "Overall",
      "type": "object",
      "required": [
        "verdict",
        "exitCode",
        "reason"
      ],
      "additionalProperties": false,
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
          ],
          "description": "0 conformant, 1 an applicable item failed, 3 no failure but something could not be judged."
        },
        "reason": {
          "type": "string"
        }
      }
    }
  }
} as const;
registerSchema(reportSchema);

/**
 * Ordered from best to worst: this order is the verdict lattice (src/report/verdict.ts VERDICTS).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Verdict".
 */
export type Verdict = "not-applicable" | "pass" | "untested" | "inconclusive" | "fail" | "error";
/**
 * The failure lines of the SHOULD departures seen (verdict policy: should-departure); they fail nothing unless the run is --strict.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "NonStrict".
 */
export type NonStrictFindings = string[];
/**
 * The verdicts one scenario can get (a scenario is never 'untested').
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ScenarioVerdict".
 */
export type ScenarioVerdict = "not-applicable" | "pass" | "inconclusive" | "fail" | "error";

/**
 * The native conformance report of one dmct run (report.json). Every writer (console, JUnit, HTML, EARL, CTRF) renders it and never judges again.
 */
export interface Report {
  /**
   * The $id of this schema; the self-contained copy ships in the dmct package as schemas/report.schema.json.
   */
  $schema?: "https://dmct.dev/schemas/report.schema.json";
  reportVersion: 1;
  meta: RunMeta;
  items: ItemReport[];
  totals: RoleTotals[];
  overall: Overall;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "RunMeta".
 */
export interface RunMeta {
  dmctVersion: string;
  /**
   * SCR table edition.
   */
  edition: string;
  roles: Role[];
  targets: TargetInfo[];
  claims?: ClaimsRef;
  runId?: string;
  startTime: string;
  endTime: string;
  /**
   * Wall-clock time of the run (of all shards, once merged: end - start).
   */
  durationMs: number;
  /**
   * Empty for an unsharded run; every merged shard otherwise.
   */
  shards: Shard[];
  playwrightVersion: string;
  nodeVersion: string;
  interrupted: boolean;
  /**
   * True when the run was --strict: every non-strict finding counted as a fail.
   */
  strict?: boolean;
  partial?: PartialRun;
  warnings?: string[];
}
/**
 * Present when the run judged only part of the items of its roles' tables (--only, --grep, one --shard): what selected them, and the items left out, which the overall verdict does not cover. Absent for a whole run and for the merge of every shard.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "PartialRun".
 */
export interface PartialRun {
  /**
   * The selections, e.g. '--only', '--grep', '--shard 1/2'.
   */
  selectedBy: string[];
  /**
   * Ids of the items left out, in table order.
   */
  leftOut: string[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ItemReport".
 */
export interface ItemReport {
  id: string;
  function: string;
  section: string;
  role: Role;
  status: "M" | "O";
  applicability: Applicability;
  verdict: Verdict;
  nonStrict?: NonStrictFindings;
  /**
   * Why, in one line, for every verdict but pass.
   */
  reason?: string;
  staticFindings: StaticFinding[];
  scenarios: ScenarioReport[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ScenarioReport".
 */
export interface ScenarioReport {
  /**
   * The scenario's slug; unique per role.
   */
  id: string;
  title: string;
  role: Role;
  file: string;
  line: number;
  /**
   * False for a planned scenario that has no result (an interrupted run, another shard).
   */
  ran: boolean;
  verdict: ScenarioVerdict;
  nonStrict?: NonStrictFindings;
  /**
   * Why, in one line, for every verdict but pass.
   */
  reason?: string;
  durationMs: number;
  retries: number;
  findings: Finding[];
  messages: TraceMessage[];
  notes?: string[];
  /**
   * The normative sentences the scenario checks (its 'requirement' annotations).
   */
  requirements: string[];
  /**
   * Error messages, for a scenario that errored.
   */
  errors?: string[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "RoleTotals".
 */
export interface RoleTotals {
  role: Role;
  items: number;
  verdicts: VerdictCounts;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "VerdictCounts".
 */
export interface VerdictCounts {
  "not-applicable": number;
  pass: number;
  untested: number;
  inconclusive: number;
  fail: number;
  error: number;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Overall".
 */
export interface Overall {
  verdict: "conformant" | "non-conformant" | "incomplete";
  /**
   * 0 conformant, 1 an applicable item failed, 3 no failure but something could not be judged.
   */
  exitCode: 0 | 1 | 3;
  reason: string;
}
