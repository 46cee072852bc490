// Generated from ./scr-item.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const scrItemSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/scr-item.schema.json",
  "title": "ScrItemRecord",
  "description": "One SCR item of a loaded table edition (a row of Appendix B, its id parsed): what `dmct scr list --json` prints per item and `dmct scr show --json` prints.",
  "type": "object",
  "required": [
    "id",
    "aliases",
    "edition",
    "role",
    "enabler",
    "group",
    "number",
    "status",
    "function",
    "section",
    "requirement",
    "references",
    "referencedBy"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "pattern": "^[A-Z]+-[A-Z]+-[0-9]{3}-[CS]-[MO]$",
      "description": "Item id, e.g. `DM-PACK-014-C-M` (repaired when the edition normalises ids)."
    },
    "aliases": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Other spellings of the id: the original one, when it was repaired on import."
    },
    "edition": {
      "type": "string",
      "description": "Name of the table edition."
    },
    "role": {
      "enum": [
        "client",
        "server"
      ],
      "description": "Table the item sits in: client (B.1) or server (B.2)."
    },
    "enabler": {
      "type": "string",
      "description": "Enabler part of the id, e.g. `DM`."
    },
    "group": {
      "type": "string",
      "description": "Group part of the id, e.g. `PACK`."
    },
    "number": {
      "type": "integer",
      "minimum": 0,
      "maximum": 999,
      "description": "The three-digit number as an integer."
    },
    "status": {
      "enum": [
        "M",
        "O"
      ],
      "description": "M = mandatory, O = optional."
    },
    "function": {
      "type": "string",
      "description": "The Function column."
    },
    "section": {
      "type": "string",
      "description": "The Reference column as section number(s)."
    },
    "requirement": {
      "type": "string",
      "description": "The Requirement column as written; empty when none."
    },
    "references": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Item ids the requirement names."
    },
    "referencedBy": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Ids of the items whose requirement names this item."
    },
    "printedId": {
      "type": "string",
      "description": "The id as the source prints it, when the table reads the row under another id (see `note`)."
    },
    "note": {
      "type": "string",
      "description": "Remark of the table about the row."
    }
  }
} as const;
registerSchema(scrItemSchema);

/**
 * One SCR item of a loaded table edition (a row of Appendix B, its id parsed): what `dmct scr list --json` prints per item and `dmct scr show --json` prints.
 */
export interface ScrItemRecord {
  /**
   * Item id, e.g. `DM-PACK-014-C-M` (repaired when the edition normalises ids).
   */
  id: string;
  /**
   * Other spellings of the id: the original one, when it was repaired on import.
   */
  aliases: string[];
  /**
   * Name of the table edition.
   */
  edition: string;
  /**
   * Table the item sits in: client (B.1) or server (B.2).
   */
  role: "client" | "server";
  /**
   * Enabler part of the id, e.g. `DM`.
   */
  enabler: string;
  /**
   * Group part of the id, e.g. `PACK`.
   */
  group: string;
  /**
   * The three-digit number as an integer.
   */
  number: number;
  /**
   * M = mandatory, O = optional.
   */
  status: "M" | "O";
  /**
   * The Function column.
   */
  function: string;
  /**
   * The Reference column as section number(s).
   */
  section: string;
  /**
   * The Requirement column as written; empty when none.
   */
  requirement: string;
  /**
   * Item ids the requirement names.
   */
  references: string[];
  /**
   * Ids of the items whose requirement names this item.
   */
  referencedBy: string[];
  /**
   * The id as the source prints it, when the table reads the row under another id (see `note`).
   */
  printedId?: string;
  /**
   * Remark of the table about the row.
   */
  note?: string;
}
