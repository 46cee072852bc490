// Generated from ./applicability.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const applicabilitySchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/applicability.schema.json",
  "title": "ApplicabilityReport",
  "description": "What the SCR tables require of one implementation under its claims: per item of the role's table, its applicability and why, plus the static non-conformances found in the claims themselves. `dmct scr check --json` prints it; `dmct run` plans from it.",
  "type": "object",
  "required": [
    "edition",
    "requirementSemantics",
    "role",
    "implementation",
    "items",
    "findings",
    "consistent",
    "placeholders"
  ],
  "additionalProperties": false,
  "properties": {
    "source": {
      "type": "string",
      "description": "The claims file, as given."
    },
    "edition": {
      "type": "string",
      "description": "SCR table edition name."
    },
    "requirementSemantics": {
      "enum": [
        "precondition",
        "implication"
      ],
      "description": "How the edition's Requirement column was read."
    },
    "role": {
      "enum": [
        "client",
        "server"
      ]
    },
    "implementation": {
      "title": "ApplicabilityImplementation",
      "type": "object",
      "required": [
        "name",
        "vendor",
        "version"
      ],
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string"
        },
        "vendor": {
          "type": "string"
        },
        "version": {
          "type": "string"
        }
      }
    },
    "items": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ItemApplicability"
      }
    },
    "findings": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/StaticFinding"
      }
    },
    "consistent": {
      "type": "boolean",
      "description": "True when there is no static finding."
    },
    "placeholders": {
      "type": "array",
      "description": "IXIT values still holding the placeholder `dmct claims init` writes for a value only the implementation knows (\"change-me\"): the claims are not ready to test with until each is replaced.",
      "items": {
        "$ref": "#/$defs/Placeholder"
      }
    }
  },
  "$defs": {
    "Placeholder": {
      "title": "Placeholder",
      "type": "object",
      "required": [
        "pointer",
        "value"
      ],
      "additionalProperties": false,
      "properties": {
        "pointer": {
          "type": "string",
          "description": "JSON Pointer into the claims file."
        },
        "value": {
          "type": "string",
          "description": "The placeholder found there."
        }
      }
    },
    "ApplicabilityKind": {
      "title": "ApplicabilityKind",
      "description": "`mandatory`: status M, no requirement (or, with implication semantics, any M item). `conditionally-mandatory`: status M and its requirement holds (precondition semantics); or, with implication semantics, an O item that is not claimed but that the requirement of a required item needs (named in an AND, or the only member of an OR group not declared in notImplemented). `optional-claimed` / `optional-not-claimed`: status O, listed in implements or not. `not-applicable`: its requirement is false under the claims (precondition semantics).",
      "enum": [
        "mandatory",
        "conditionally-mandatory",
        "optional-claimed",
        "optional-not-claimed",
        "not-applicable"
      ]
    },
    "ItemApplicability": {
      "title": "ItemApplicability",
      "type": "object",
      "required": [
        "id",
        "function",
        "section",
        "status",
        "requirement",
        "applicability",
        "why",
        "supported"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "description": "SCR item id."
        },
        "function": {
          "type": "string"
        },
        "section": {
          "type": "string"
        },
        "status": {
          "enum": [
            "M",
            "O"
          ]
        },
        "requirement": {
          "type": "string",
          "description": "The Requirement column as written; empty when none."
        },
        "applicability": {
          "$ref": "#/$defs/ApplicabilityKind"
        },
        "why": {
          "type": "string",
          "description": "Plain-text reason, e.g. `status M and requirement DM-PACK-002-C-O holds (DM-PACK-002-C-O is claimed)`."
        },
        "supported": {
          "type": "boolean",
          "description": "Whether the implementation supports the item under its claims (listed in implements, or mandatory and applicable and not declared in notImplemented); what requirement expressions are evaluated against."
        }
      }
    },
    "StaticFinding": {
      "title": "ClaimsFinding",
      "description": "A non-conformance found in the claims themselves, without any exchange; it counts as a fail of its item.",
      "type": "object",
      "required": [
        "item",
        "rule",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "item": {
          "type": "string",
          "description": "The SCR item the finding is about."
        },
        "rule": {
          "enum": [
            "mandatory-item-not-implemented",
            "claimed-item-not-applicable",
            "requirement-not-satisfied",
            "other-role-item"
          ],
          "description": "`mandatory-item-not-implemented`: an applicable mandatory item is listed in notImplemented. `claimed-item-not-applicable`: a claimed item's requirement is false (precondition semantics). `requirement-not-satisfied`: a supported item's requirement is false (implication semantics). `other-role-item`: the claims list an item of the other role's table."
        },
        "message": {
          "type": "string"
        },
        "pointer": {
          "type": "string",
          "description": "JSON Pointer into the claims file, when the finding comes from one entry."
        }
      }
    }
  }
} as const;
registerSchema(applicabilitySchema);

/**
 * `mandatory`: status M, no requirement (or, with implication semantics, any M item). `conditionally-mandatory`: status M and its requirement holds (precondition semantics); or, with implication semantics, an O item that is not claimed but that the requirement of a required item needs (named in an AND, or the only member of an OR group not declared in notImplemented). `optional-claimed` / `optional-not-claimed`: status O, listed in implements or not. `not-applicable`: its requirement is false under the claims (precondition semantics).
 *
 * This interface was referenced by `ApplicabilityReport`'s JSON-Schema
 * via the `definition` "ApplicabilityKind".
 */
export type ApplicabilityKind =
  "mandatory" | "conditionally-mandatory" | "optional-claimed" | "optional-not-claimed" | "not-applicable";

/**
 * What the SCR tables require of one implementation under its claims: per item of the role's table, its applicability and why, plus the static non-conformances found in the claims themselves. `dmct scr check --json` prints it; `dmct run` plans from it.
 */
export interface ApplicabilityReport {
  /**
   * The claims file, as given.
   */
  source?: string;
  /**
   * SCR table edition name.
   */
  edition: string;
  /**
   * How the edition's Requirement column was read.
   */
  requirementSemantics: "precondition" | "implication";
  role: "client" | "server";
  implementation: ApplicabilityImplementation;
  items: ItemApplicability[];
  findings: ClaimsFinding[];
  /**
   * True when there is no static finding.
   */
  consistent: boolean;
  /**
   * IXIT values still holding the placeholder `dmct claims init` writes for a value only the implementation knows ("change-me"): the claims are not ready to test with until each is replaced.
   */
  placeholders: Placeholder[];
}
export interface ApplicabilityImplementation {
  name: string;
  vendor: string;
  version: string;
}
/**
 * This interface was referenced by `ApplicabilityReport`'s JSON-Schema
 * via the `definition` "ItemApplicability".
 */
export interface ItemApplicability {
  /**
   * SCR item id.
   */
  id: string;
  function: string;
  section: string;
  status: "M" | "O";
  /**
   * The Requirement column as written; empty when none.
   */
  requirement: string;
  applicability: ApplicabilityKind;
  /**
   * Plain-text reason, e.g. `status M and requirement DM-PACK-002-C-O holds (DM-PACK-002-C-O is claimed)`.
   */
  why: string;
  /**
   * Whether the implementation supports the item under its claims (listed in implements, or mandatory and applicable and not declared in notImplemented); what requirement expressions are evaluated against.
   */
  supported: boolean;
}
/**
 * A non-conformance found in the claims themselves, without any exchange; it counts as a fail of its item.
 *
 * This interface was referenced by `ApplicabilityReport`'s JSON-Schema
 * via the `definition` "StaticFinding".
 */
export interface ClaimsFinding {
  /**
   * The SCR item the finding is about.
   */
  item: string;
  /**
   * `mandatory-item-not-implemented`: an applicable mandatory item is listed in notImplemented. `claimed-item-not-applicable`: a claimed item's requirement is false (precondition semantics). `requirement-not-satisfied`: a supported item's requirement is false (implication semantics). `other-role-item`: the claims list an item of the other role's table.
   */
  rule:
    "mandatory-item-not-implemented" | "claimed-item-not-applicable" | "requirement-not-satisfied" | "other-role-item";
  message: string;
  /**
   * JSON Pointer into the claims file, when the finding comes from one entry.
   */
  pointer?: string;
}
/**
 * This interface was referenced by `ApplicabilityReport`'s JSON-Schema
 * via the `definition` "Placeholder".
 */
export interface Placeholder {
  /**
   * JSON Pointer into the claims file.
   */
  pointer: string;
  /**
   * The placeholder found there.
   */
  value: string;
}
