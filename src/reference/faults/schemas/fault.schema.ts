// Generated from ./fault.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../../protocol/schema-registry.js';
export const faultSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/fault.schema.json",
  "title": "Fault",
  "description": "A fault switch of a reference peer (a mutant): it breaks exactly one rule, names that rule's key, and states the verdict the scenarios proving the rule must give against it.",
  "type": "object",
  "required": [
    "name",
    "role",
    "breaks",
    "section",
    "description",
    "expect"
  ],
  "additionalProperties": false,
  "properties": {
    "name": {
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "description": "Kebab-case switch name, e.g. notify-wrong-ver."
    },
    "role": {
      "enum": [
        "server",
        "client"
      ],
      "description": "Which reference peer the switch belongs to."
    },
    "breaks": {
      "type": "string",
      "pattern": "^([0-9]+|[A-Z])(\\.[0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$",
      "description": "Key of the rule the switch breaks (section/slug, as scenarios tag it, e.g. 5.2.4/package3); each edition's rules.json says which of its items hold it."
    },
    "section": {
      "type": "string",
      "pattern": "^[0-9A-Z]+(\\.[0-9]+)*$",
      "description": "Section of the approved text holding the broken rule, e.g. 5.2.4."
    },
    "description": {
      "type": "string",
      "minLength": 1,
      "description": "What the mutant does differently, in plain words."
    },
    "expect": {
      "type": "object",
      "required": [
        "verdict",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "verdict": {
          "enum": [
            "fail",
            "non-strict"
          ],
          "description": "What the item's scenarios must give against the mutant: a fail, or (for a switch that departs from a SHOULD) a pass carrying a non-strict finding."
        },
        "message": {
          "type": "string",
          "minLength": 1,
          "description": "Source of a case-insensitive RegExp the failure message must match."
        }
      }
    },
    "verdicts": {
      "type": "object",
      "description": "For a mutant that acts like a half-finished implementation (silent, crashing, partial): the whole expected verdict vector of its role, by rule key, so it holds under every edition. Every rule not listed gets `otherRules` (default: pass); the rule `breaks` names must be listed as a fail (inconclusive when the vector fails nothing: a crashed peer is silent, and the verdict policy makes silence after an unconfirmed stimulus inconclusive). Without it, only `breaks` fails and every other scenario passes.",
      "propertyNames": {
        "pattern": "^([0-9]+|[A-Z])(\\.[0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"
      },
      "additionalProperties": {
        "$ref": "#/$defs/RuleVerdict"
      }
    },
    "otherRules": {
      "$ref": "#/$defs/RuleVerdict",
      "description": "With `verdicts`: the verdict of every rule of the role it does not list (default: pass)."
    }
  },
  "$defs": {
    "RuleVerdict": {
      "type": "object",
      "required": [
        "verdict"
      ],
      "additionalProperties": false,
      "properties": {
        "verdict": {
          "enum": [
            "pass",
            "fail",
            "inconclusive"
          ],
          "description": "The rule's verdict against the mutant (the worst of the scenarios proving it)."
        },
        "message": {
          "type": "string",
          "minLength": 1,
          "description": "Source of a case-insensitive RegExp the reason must match; `{<rule key>}` stands for the run edition's item holding that rule (e.g. `rule of {5.2.4/package3}`)."
        }
      },
      "title": "RuleVerdict"
    }
  }
} as const;
registerSchema(faultSchema);

/**
 * A fault switch of a reference peer (a mutant): it breaks exactly one rule, names that rule's key, and states the verdict the scenarios proving the rule must give against it.
 */
export interface Fault {
  /**
   * Kebab-case switch name, e.g. notify-wrong-ver.
   */
  name: string;
  /**
   * Which reference peer the switch belongs to.
   */
  role: "server" | "client";
  /**
   * Key of the rule the switch breaks (section/slug, as scenarios tag it, e.g. 5.2.4/package3); each edition's rules.json says which of its items hold it.
   */
  breaks: string;
  /**
   * Section of the approved text holding the broken rule, e.g. 5.2.4.
   */
  section: string;
  /**
   * What the mutant does differently, in plain words.
   */
  description: string;
  expect: {
    /**
     * What the item's scenarios must give against the mutant: a fail, or (for a switch that departs from a SHOULD) a pass carrying a non-strict finding.
     */
    verdict: "fail" | "non-strict";
    /**
     * Source of a case-insensitive RegExp the failure message must match.
     */
    message: string;
  };
  /**
   * For a mutant that acts like a half-finished implementation (silent, crashing, partial): the whole expected verdict vector of its role, by rule key, so it holds under every edition. Every rule not listed gets `otherRules` (default: pass); the rule `breaks` names must be listed as a fail (inconclusive when the vector fails nothing: a crashed peer is silent, and the verdict policy makes silence after an unconfirmed stimulus inconclusive). Without it, only `breaks` fails and every other scenario passes.
   */
  verdicts?: {
    [k: string]: RuleVerdict | undefined;
  };
  otherRules?: RuleVerdict1;
}
/**
 * This interface was referenced by `Fault`'s JSON-Schema
 * via the `definition` "RuleVerdict".
 */
export interface RuleVerdict {
  /**
   * The rule's verdict against the mutant (the worst of the scenarios proving it).
   */
  verdict: "pass" | "fail" | "inconclusive";
  /**
   * Source of a case-insensitive RegExp the reason must match; `{<rule key>}` stands for the run edition's item holding that rule (e.g. `rule of {5.2.4/package3}`).
   */
  message?: string;
}
/**
 * With `verdicts`: the verdict of every rule of the role it does not list (default: pass).
 */
export interface RuleVerdict1 {
  /**
   * The rule's verdict against the mutant (the worst of the scenarios proving it).
   */
  verdict: "pass" | "fail" | "inconclusive";
  /**
   * Source of a case-insensitive RegExp the reason must match; `{<rule key>}` stands for the run edition's item holding that rule (e.g. `rule of {5.2.4/package3}`).
   */
  message?: string;
}
