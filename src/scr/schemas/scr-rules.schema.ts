// Generated from ./scr-rules.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const scrRulesSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/scr-rules.schema.json",
  "title": "ScrRules",
  "description": "`scr/<name>/rules.json`: the rules each item of the edition's two tables holds. A rule is a stable key (section + slug, e.g. `5.2.4/package3`) that does not change when an edition renumbers its items; a scenario declares the rule it proves and is evidence for an item only through this mapping. Every item of both tables is listed; an empty list means no scenario proves the item: it is untested, with the reason `untested` gives for it.",
  "type": "object",
  "required": [
    "edition",
    "items"
  ],
  "additionalProperties": false,
  "properties": {
    "edition": {
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "description": "The edition's name, as in its edition.json."
    },
    "items": {
      "type": "object",
      "description": "Item id (as the table spells it after repairs) → the rules it holds.",
      "propertyNames": {
        "pattern": "^[A-Z]+-[A-Z]+-[0-9]{3}-[CS]-[MO]$"
      },
      "additionalProperties": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/RuleKey"
        },
        "uniqueItems": true
      }
    },
    "untested": {
      "type": "object",
      "description": "Item id → why no scenario proves it (e.g. what it governs never shows on the wire dmct sees). Only items holding no rule; the reason is printed with the item's `untested` verdict.",
      "propertyNames": {
        "pattern": "^[A-Z]+-[A-Z]+-[0-9]{3}-[CS]-[MO]$"
      },
      "additionalProperties": {
        "type": "string",
        "minLength": 10,
        "maxLength": 400
      }
    }
  },
  "$defs": {
    "RuleKey": {
      "title": "RuleKey",
      "type": "string",
      "pattern": "^([0-9]+|[A-Z])(\\.[0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$",
      "description": "Section of the approved text holding the rule (a numbered section, or an appendix letter with its subsections), a slash, and a kebab-case slug naming it, e.g. `5.4.1/async-reporting` or `E.1/wap-push`."
    }
  }
} as const;
registerSchema(scrRulesSchema);

/**
 * Section of the approved text holding the rule (a numbered section, or an appendix letter with its subsections), a slash, and a kebab-case slug naming it, e.g. `5.4.1/async-reporting` or `E.1/wap-push`.
 *
 * This interface was referenced by `ScrRules`'s JSON-Schema
 * via the `definition` "RuleKey".
 */
export type RuleKey = string;

/**
 * `scr/<name>/rules.json`: the rules each item of the edition's two tables holds. A rule is a stable key (section + slug, e.g. `5.2.4/package3`) that does not change when an edition renumbers its items; a scenario declares the rule it proves and is evidence for an item only through this mapping. Every item of both tables is listed; an empty list means no scenario proves the item: it is untested, with the reason `untested` gives for it.
 */
export interface ScrRules {
  /**
   * The edition's name, as in its edition.json.
   */
  edition: string;
  /**
   * Item id (as the table spells it after repairs) → the rules it holds.
   */
  items: {
    [k: string]: RuleKey[] | undefined;
  };
  /**
   * Item id → why no scenario proves it (e.g. what it governs never shows on the wire dmct sees). Only items holding no rule; the reason is printed with the item's `untested` verdict.
   */
  untested?: {
    [k: string]: string | undefined;
  };
}
