// Generated from ./scr-table.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const scrTableSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/scr-table.schema.json",
  "title": "ScrTable",
  "description": "One Appendix B table of an SCR edition: the rows for one role (`client.json` = B.1, `server.json` = B.2), in the order of the source document.",
  "type": "object",
  "required": [
    "edition",
    "role",
    "appendix",
    "title",
    "items"
  ],
  "additionalProperties": false,
  "properties": {
    "edition": {
      "type": "string",
      "minLength": 1,
      "description": "Name of the edition the table belongs to (must equal the edition's `name`)."
    },
    "role": {
      "enum": [
        "client",
        "server"
      ],
      "description": "Whose requirements the table lists; every row's id carries the matching role letter (C or S)."
    },
    "appendix": {
      "type": "string",
      "pattern": "^B(\\.[0-9]+)+$",
      "description": "Appendix B section of the table, e.g. `B.1`."
    },
    "title": {
      "type": "string",
      "minLength": 1,
      "description": "Table title as in the source, e.g. `SCR for DM Client`."
    },
    "items": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/$defs/ScrRow"
      }
    }
  },
  "$defs": {
    "ScrRow": {
      "title": "ScrRow",
      "description": "One row of an SCR table, spelled exactly as in the source document.",
      "type": "object",
      "required": [
        "id",
        "function",
        "section",
        "requirement"
      ],
      "dependentRequired": {
        "printedId": [
          "note"
        ]
      },
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "minLength": 1,
          "description": "Item id, `<ENABLER>-<GROUP>-<NNN>-<C|S>-<M|O>`, e.g. `DM-PACK-014-C-M`. Checked by the item-id grammar, not by this schema, so that known typos can be reported with their position (or repaired when the edition sets normaliseItemIds)."
        },
        "function": {
          "type": "string",
          "minLength": 1,
          "description": "The Function column, e.g. `Support of HGET Command`."
        },
        "section": {
          "type": "string",
          "pattern": "^([0-9]+|[A-Z])(\\.[0-9]+)*(, ([0-9]+|[A-Z])(\\.[0-9]+)*)*$",
          "description": "The Reference column as section number(s) of the specification, without the word `Section` (source `Section 5.2.1.1` is stored as `5.2.1.1`; several are comma-separated)."
        },
        "requirement": {
          "type": "string",
          "description": "The Requirement column as written: an SCR expression over item ids with AND, OR, NOT and parentheses; empty when the column is empty. Its meaning comes from the edition's requirementSemantics."
        },
        "printedId": {
          "type": "string",
          "minLength": 1,
          "description": "The id as printed in the source, when it cannot be the row's id and no automatic repair reads it (e.g. a duplicated id, or a role letter that contradicts the table): `id` is then dmct's reading, recorded with the reason in `note`. The printed spelling is kept as an alias of the item unless it names an item of the other role."
        },
        "note": {
          "type": "string",
          "description": "Remark about the row (e.g. a known erratum of the source)."
        }
      }
    }
  }
} as const;
registerSchema(scrTableSchema);

/**
 * One Appendix B table of an SCR edition: the rows for one role (`client.json` = B.1, `server.json` = B.2), in the order of the source document.
 */
export interface ScrTable {
  /**
   * Name of the edition the table belongs to (must equal the edition's `name`).
   */
  edition: string;
  /**
   * Whose requirements the table lists; every row's id carries the matching role letter (C or S).
   */
  role: "client" | "server";
  /**
   * Appendix B section of the table, e.g. `B.1`.
   */
  appendix: string;
  /**
   * Table title as in the source, e.g. `SCR for DM Client`.
   */
  title: string;
  /**
   * @minItems 1
   */
  items: [ScrRow, ...ScrRow[]];
}
/**
 * One row of an SCR table, spelled exactly as in the source document.
 *
 * This interface was referenced by `ScrTable`'s JSON-Schema
 * via the `definition` "ScrRow".
 */
export interface ScrRow {
  /**
   * Item id, `<ENABLER>-<GROUP>-<NNN>-<C|S>-<M|O>`, e.g. `DM-PACK-014-C-M`. Checked by the item-id grammar, not by this schema, so that known typos can be reported with their position (or repaired when the edition sets normaliseItemIds).
   */
  id: string;
  /**
   * The Function column, e.g. `Support of HGET Command`.
   */
  function: string;
  /**
   * The Reference column as section number(s) of the specification, without the word `Section` (source `Section 5.2.1.1` is stored as `5.2.1.1`; several are comma-separated).
   */
  section: string;
  /**
   * The Requirement column as written: an SCR expression over item ids with AND, OR, NOT and parentheses; empty when the column is empty. Its meaning comes from the edition's requirementSemantics.
   */
  requirement: string;
  /**
   * The id as printed in the source, when it cannot be the row's id and no automatic repair reads it (e.g. a duplicated id, or a role letter that contradicts the table): `id` is then dmct's reading, recorded with the reason in `note`. The printed spelling is kept as an alias of the item unless it names an item of the other role.
   */
  printedId?: string;
  /**
   * Remark about the row (e.g. a known erratum of the source).
   */
  note?: string;
}
