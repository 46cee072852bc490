// Generated from ./run-plan.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const runPlanSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/run-plan.schema.json",
  "title": "RunPlan",
  "description": "What `dmct run` hands to the reporter: the run's fixed facts and, per SCR item of the roles run, its applicability under the claims and the scenarios planned for it.",
  "type": "object",
  "required": [
    "edition",
    "roles",
    "targets",
    "items"
  ],
  "additionalProperties": false,
  "properties": {
    "edition": {
      "type": "string",
      "minLength": 1,
      "description": "Name of the SCR table edition, e.g. '2013-cr'."
    },
    "roles": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Role"
      },
      "uniqueItems": true,
      "description": "The roles of the targets tested in this run."
    },
    "targets": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Target"
      }
    },
    "claims": {
      "$ref": "#/$defs/ClaimsRef"
    },
    "runId": {
      "type": "string",
      "description": "Identifies the run; shards of one run share it."
    },
    "strict": {
      "type": "boolean",
      "description": "Every non-strict finding (a SHOULD departure) counts as a fail (dmct run --strict)."
    },
    "items": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/PlannedItem"
      }
    }
  },
  "$defs": {
    "Role": {
      "title": "Role",
      "description": "The role the target plays: 'server' (dmct plays the client, Playwright project server-target) or 'client' (dmct plays the server, project client-target).",
      "enum": [
        "server",
        "client"
      ]
    },
    "Target": {
      "title": "TargetInfo",
      "type": "object",
      "required": [
        "role",
        "kind",
        "description"
      ],
      "additionalProperties": false,
      "properties": {
        "role": {
          "$ref": "#/$defs/Role"
        },
        "kind": {
          "enum": [
            "external",
            "embedded"
          ],
          "description": "'embedded': dmct's own reference peer, started in-process."
        },
        "url": {
          "type": "string",
          "description": "How the target was reached, for an external target."
        },
        "description": {
          "type": "string",
          "description": "Plain text, e.g. 'embedded reference server' or the URL."
        }
      }
    },
    "ClaimsRef": {
      "title": "ClaimsRef",
      "type": "object",
      "required": [
        "file",
        "sha256"
      ],
      "additionalProperties": false,
      "properties": {
        "file": {
          "type": "string",
          "description": "The claims (ICS/IXIT) file, as given on the command line."
        },
        "sha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$",
          "description": "SHA-256 of the file's bytes, lower-case hex."
        }
      }
    },
    "Applicability": {
      "title": "Applicability",
      "type": "object",
      "required": [
        "kind",
        "why"
      ],
      "additionalProperties": false,
      "properties": {
        "kind": {
          "enum": [
            "applicable",
            "not-applicable"
          ]
        },
        "why": {
          "type": "string",
          "description": "Plain text, e.g. 'mandatory', 'claimed in implements', 'requirement DM-PACK-002-C-O is false'."
        },
        "untestedWhy": {
          "type": "string",
          "description": "Why no scenario can give evidence for this applicable item in this run (e.g. the scenarios are keyed to another SCR edition): the reason of its `untested` verdict."
        }
      }
    },
    "StaticFinding": {
      "title": "StaticFinding",
      "description": "A non-conformance found in the claims themselves (no exchange needed); it counts as a fail of its item.",
      "type": "object",
      "required": [
        "rule",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "rule": {
          "type": "string",
          "description": "Stable rule id, e.g. 'mandatory-item-not-implemented'."
        },
        "message": {
          "type": "string"
        },
        "pointer": {
          "type": "string",
          "description": "JSON Pointer into the claims file."
        }
      }
    },
    "PlannedScenario": {
      "title": "PlannedScenario",
      "type": "object",
      "required": [
        "id",
        "title"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "minLength": 1,
          "description": "The scenario's slug (scenarioSlug of its title path)."
        },
        "title": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "PlannedItem": {
      "title": "PlannedItem",
      "type": "object",
      "required": [
        "id",
        "function",
        "section",
        "role",
        "status",
        "applicability",
        "scenarios"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^DM-[A-Z]+-\\d{3}-[CS]-[MO]$",
          "description": "SCR item id, e.g. DM-PACK-013-S-M."
        },
        "function": {
          "type": "string",
          "description": "The item's Function column."
        },
        "section": {
          "type": "string",
          "description": "The item's Reference column, e.g. '5.2.4'."
        },
        "role": {
          "$ref": "#/$defs/Role"
        },
        "status": {
          "enum": [
            "M",
            "O"
          ]
        },
        "applicability": {
          "$ref": "#/$defs/Applicability"
        },
        "staticFindings": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/StaticFinding"
          }
        },
        "scenarios": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/PlannedScenario"
          }
        }
      }
    }
  }
} as const;
registerSchema(runPlanSchema);

/**
 * The role the target plays: 'server' (dmct plays the client, Playwright project server-target) or 'client' (dmct plays the server, project client-target).
 *
 * This interface was referenced by `RunPlan`'s JSON-Schema
 * via the `definition` "Role".
 */
export type Role = "server" | "client";

/**
 * What `dmct run` hands to the reporter: the run's fixed facts and, per SCR item of the roles run, its applicability under the claims and the scenarios planned for it.
 */
export interface RunPlan {
  /**
   * Name of the SCR table edition, e.g. '2013-cr'.
   */
  edition: string;
  /**
   * The roles of the targets tested in this run.
   */
  roles: Role[];
  targets: TargetInfo[];
  claims?: ClaimsRef;
  /**
   * Identifies the run; shards of one run share it.
   */
  runId?: string;
  /**
   * Every non-strict finding (a SHOULD departure) counts as a fail (dmct run --strict).
   */
  strict?: boolean;
  items: PlannedItem[];
}
/**
 * This interface was referenced by `RunPlan`'s JSON-Schema
 * via the `definition` "Target".
 */
export interface TargetInfo {
  role: Role;
  /**
   * 'embedded': dmct's own reference peer, started in-process.
   */
  kind: "external" | "embedded";
  /**
   * How the target was reached, for an external target.
   */
  url?: string;
  /**
   * Plain text, e.g. 'embedded reference server' or the URL.
   */
  description: string;
}
/**
 * This interface was referenced by `RunPlan`'s JSON-Schema
 * via the `definition` "ClaimsRef".
 */
export interface ClaimsRef {
  /**
   * The claims (ICS/IXIT) file, as given on the command line.
   */
  file: string;
  /**
   * SHA-256 of the file's bytes, lower-case hex.
   */
  sha256: string;
}
/**
 * This interface was referenced by `RunPlan`'s JSON-Schema
 * via the `definition` "PlannedItem".
 */
export interface PlannedItem {
  /**
   * SCR item id, e.g. DM-PACK-013-S-M.
   */
  id: string;
  /**
   * The item's Function column.
   */
  function: string;
  /**
   * The item's Reference column, e.g. '5.2.4'.
   */
  section: string;
  role: Role;
  status: "M" | "O";
  applicability: Applicability;
  staticFindings?: StaticFinding[];
  scenarios: PlannedScenario[];
}
/**
 * This interface was referenced by `RunPlan`'s JSON-Schema
 * via the `definition` "Applicability".
 */
export interface Applicability {
  kind: "applicable" | "not-applicable";
  /**
   * Plain text, e.g. 'mandatory', 'claimed in implements', 'requirement DM-PACK-002-C-O is false'.
   */
  why: string;
  /**
   * Why no scenario can give evidence for this applicable item in this run (e.g. the scenarios are keyed to another SCR edition): the reason of its `untested` verdict.
   */
  untestedWhy?: string;
}
/**
 * A non-conformance found in the claims themselves (no exchange needed); it counts as a fail of its item.
 *
 * This interface was referenced by `RunPlan`'s JSON-Schema
 * via the `definition` "StaticFinding".
 */
export interface StaticFinding {
  /**
   * Stable rule id, e.g. 'mandatory-item-not-implemented'.
   */
  rule: string;
  message: string;
  /**
   * JSON Pointer into the claims file.
   */
  pointer?: string;
}
/**
 * This interface was referenced by `RunPlan`'s JSON-Schema
 * via the `definition` "PlannedScenario".
 */
export interface PlannedScenario {
  /**
   * The scenario's slug (scenarioSlug of its title path).
   */
  id: string;
  title: string;
  file?: string;
  line?: number;
}
