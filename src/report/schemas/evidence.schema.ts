// Generated from ./evidence.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
import '../../protocol/schemas/violation.schema.js';
import type { Violation } from '../../protocol/schemas/violation.schema.js';
export const evidenceSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/evidence.schema.json",
  "title": "Evidence",
  "description": "What a scenario records and hands to the reporter: the messages exchanged with the target and the findings about them.",
  "type": "object",
  "required": [
    "messages",
    "findings",
    "checks"
  ],
  "additionalProperties": false,
  "properties": {
    "messages": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Message"
      }
    },
    "findings": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Finding"
      }
    },
    "checks": {
      "type": "integer",
      "minimum": 0,
      "description": "How many checks that could have failed the scenario were evaluated (MUST checks, answers awaited after a stimulus). A scenario that passes with none is inconclusive: nothing was checked."
    },
    "notes": {
      "type": "array",
      "items": {
        "type": "string"
      }
    }
  },
  "$defs": {
    "Message": {
      "title": "TraceMessage",
      "description": "One arrow of the message sequence chart: an HTTP request, an HTTP response, a datagram, or a note (a wait, an operator prompt).",
      "type": "object",
      "required": [
        "seq",
        "time",
        "kind",
        "from",
        "to",
        "label"
      ],
      "additionalProperties": false,
      "properties": {
        "seq": {
          "type": "integer",
          "minimum": 1,
          "description": "1-based position in the scenario's exchange; findings point at it."
        },
        "time": {
          "type": "string",
          "format": "date-time"
        },
        "kind": {
          "enum": [
            "http-request",
            "http-response",
            "datagram",
            "note"
          ]
        },
        "from": {
          "type": "string",
          "description": "Lifeline: 'dmct', 'target', or a dmct endpoint such as 'repository', 'web', 'gcm'."
        },
        "to": {
          "type": "string"
        },
        "label": {
          "type": "string",
          "description": "Plain text, e.g. 'Package#1', 'HGET → repository', 'Package#0 (WAP Push)'."
        },
        "http": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "method": {
              "type": "string"
            },
            "url": {
              "type": "string"
            },
            "status": {
              "type": "integer"
            },
            "headers": {
              "type": "object",
              "additionalProperties": {
                "type": "string"
              }
            }
          }
        },
        "body": {
          "$ref": "#/$defs/Body"
        },
        "decoded": {
          "description": "Decoded fields (e.g. a notification's header and options), any JSON."
        },
        "violations": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Violation"
          },
          "description": "What the message broke; a rule broken many times keeps its first entries, then one saying how many more there were."
        },
        "omitted": {
          "type": "integer",
          "minimum": 1,
          "description": "On a summary note: how many further messages of the same kind, lifelines and label (a flood) were counted and not kept; its label says the same in words."
        }
      }
    },
    "Body": {
      "title": "TraceBody",
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
          "minimum": 0,
          "description": "Bytes received or sent in full."
        },
        "text": {
          "type": "string",
          "description": "UTF-8 text, when the body is text."
        },
        "hex": {
          "type": "string",
          "pattern": "^[0-9a-f]*$",
          "description": "Lower-case hex, when the body is binary."
        },
        "truncated": {
          "type": "boolean",
          "description": "True when text/hex hold only the first bytes (or none: the scenario's evidence budget was spent)."
        },
        "sha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$",
          "description": "SHA-256 of the whole body (lower-case hex), when dmct received or sent it whole."
        }
      }
    },
    "Violation": {
      "title": "TraceViolation",
      "description": "The one violation record of dmct (violation.schema.json), as the protocol layer reports it.",
      "$ref": "https://dmct.dev/schemas/violation.schema.json"
    },
    "Finding": {
      "title": "Finding",
      "description": "A check that did not hold (the rule, its keyword, every acceptable outcome and what was observed), or one that could not conclude. Its verdict follows from its outcome kind by the verdict policy (src/report/verdict-policy.ts).",
      "type": "object",
      "required": [
        "item",
        "section",
        "rule",
        "verdict",
        "outcome",
        "expected",
        "actual"
      ],
      "additionalProperties": false,
      "properties": {
        "item": {
          "type": "string",
          "description": "SCR item id, e.g. DM-PACK-013-S-M."
        },
        "section": {
          "type": "string",
          "description": "Spec section, e.g. 5.2.4."
        },
        "rule": {
          "type": "string",
          "description": "The requirement, in our words."
        },
        "keyword": {
          "enum": [
            "MUST",
            "MUST NOT",
            "SHALL",
            "SHALL NOT",
            "SHOULD",
            "SHOULD NOT",
            "RECOMMENDED",
            "MAY"
          ],
          "description": "The requirement's keyword in the text: a MUST broken fails, a SHOULD departure is non-strict."
        },
        "verdict": {
          "enum": [
            "fail",
            "inconclusive",
            "non-strict"
          ],
          "description": "Follows from `outcome` by the verdict policy."
        },
        "outcome": {
          "enum": [
            "must-broken",
            "over-limit",
            "silent-after-stimulus",
            "closed-after-stimulus",
            "should-departure",
            "stimulus-not-delivered",
            "precondition-not-met",
            "depends-on-failed",
            "nothing-checked"
          ],
          "description": "The kind of outcome: a row of the verdict policy."
        },
        "expected": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Every acceptable outcome."
        },
        "actual": {
          "type": "string"
        },
        "seq": {
          "type": "integer",
          "description": "The trace message the finding is about."
        },
        "omitted": {
          "type": "integer",
          "minimum": 1,
          "description": "On a summary finding: how many further findings of the same item, rule and verdict were counted and not kept; its `actual` says the same in words."
        }
      }
    }
  }
} as const;
registerSchema(evidenceSchema);

/**
 * The one violation record of dmct (violation.schema.json), as the protocol layer reports it.
 *
 * This interface was referenced by `Evidence`'s JSON-Schema
 * via the `definition` "Violation".
 */
export type TraceViolation = Violation;

/**
 * What a scenario records and hands to the reporter: the messages exchanged with the target and the findings about them.
 */
export interface Evidence {
  messages: TraceMessage[];
  findings: Finding[];
  /**
   * How many checks that could have failed the scenario were evaluated (MUST checks, answers awaited after a stimulus). A scenario that passes with none is inconclusive: nothing was checked.
   */
  checks: number;
  notes?: string[];
}
/**
 * One arrow of the message sequence chart: an HTTP request, an HTTP response, a datagram, or a note (a wait, an operator prompt).
 *
 * This interface was referenced by `Evidence`'s JSON-Schema
 * via the `definition` "Message".
 */
export interface TraceMessage {
  /**
   * 1-based position in the scenario's exchange; findings point at it.
   */
  seq: number;
  time: string;
  kind: "http-request" | "http-response" | "datagram" | "note";
  /**
   * Lifeline: 'dmct', 'target', or a dmct endpoint such as 'repository', 'web', 'gcm'.
   */
  from: string;
  to: string;
  /**
   * Plain text, e.g. 'Package#1', 'HGET → repository', 'Package#0 (WAP Push)'.
   */
  label: string;
  http?: {
    method?: string;
    url?: string;
    status?: number;
    headers?: {
      [k: string]: string | undefined;
    };
  };
  body?: TraceBody;
  /**
   * Decoded fields (e.g. a notification's header and options), any JSON.
   */
  decoded?: {
    [k: string]: unknown | undefined;
  };
  /**
   * What the message broke; a rule broken many times keeps its first entries, then one saying how many more there were.
   */
  violations?: TraceViolation[];
  /**
   * On a summary note: how many further messages of the same kind, lifelines and label (a flood) were counted and not kept; its label says the same in words.
   */
  omitted?: number;
}
/**
 * This interface was referenced by `Evidence`'s JSON-Schema
 * via the `definition` "Body".
 */
export interface TraceBody {
  mediaType?: string;
  /**
   * Bytes received or sent in full.
   */
  size: number;
  /**
   * UTF-8 text, when the body is text.
   */
  text?: string;
  /**
   * Lower-case hex, when the body is binary.
   */
  hex?: string;
  /**
   * True when text/hex hold only the first bytes (or none: the scenario's evidence budget was spent).
   */
  truncated?: boolean;
  /**
   * SHA-256 of the whole body (lower-case hex), when dmct received or sent it whole.
   */
  sha256?: string;
}
/**
 * A check that did not hold (the rule, its keyword, every acceptable outcome and what was observed), or one that could not conclude. Its verdict follows from its outcome kind by the verdict policy (src/report/verdict-policy.ts).
 *
 * This interface was referenced by `Evidence`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  /**
   * SCR item id, e.g. DM-PACK-013-S-M.
   */
  item: string;
  /**
   * Spec section, e.g. 5.2.4.
   */
  section: string;
  /**
   * The requirement, in our words.
   */
  rule: string;
  /**
   * The requirement's keyword in the text: a MUST broken fails, a SHOULD departure is non-strict.
   */
  keyword?: "MUST" | "MUST NOT" | "SHALL" | "SHALL NOT" | "SHOULD" | "SHOULD NOT" | "RECOMMENDED" | "MAY";
  /**
   * Follows from `outcome` by the verdict policy.
   */
  verdict: "fail" | "inconclusive" | "non-strict";
  /**
   * The kind of outcome: a row of the verdict policy.
   */
  outcome:
    | "must-broken"
    | "over-limit"
    | "silent-after-stimulus"
    | "closed-after-stimulus"
    | "should-departure"
    | "stimulus-not-delivered"
    | "precondition-not-met"
    | "depends-on-failed"
    | "nothing-checked";
  /**
   * Every acceptable outcome.
   */
  expected: string[];
  actual: string;
  /**
   * The trace message the finding is about.
   */
  seq?: number;
  /**
   * On a summary finding: how many further findings of the same item, rule and verdict were counted and not kept; its `actual` says the same in words.
   */
  omitted?: number;
}
