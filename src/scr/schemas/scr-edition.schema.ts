// Generated from ./scr-edition.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const scrEditionSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/scr-edition.schema.json",
  "title": "ScrEdition",
  "description": "One edition of the Appendix B SCR tables: `scr/<name>/edition.json`, next to the edition's `client.json` (B.1) and `server.json` (B.2). It says where the tables come from and what their Requirement column means.",
  "type": "object",
  "required": [
    "name",
    "title",
    "source",
    "specVersion",
    "requirementSemantics"
  ],
  "additionalProperties": false,
  "properties": {
    "name": {
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "description": "Edition name, equal to its folder name under scr/ (e.g. `dm20-cr-2013`); claims files and `--edition` refer to it."
    },
    "title": {
      "type": "string",
      "minLength": 1,
      "description": "One-line human title."
    },
    "source": {
      "title": "ScrEditionSource",
      "description": "The document the tables were copied from.",
      "type": "object",
      "required": [
        "document"
      ],
      "additionalProperties": false,
      "properties": {
        "document": {
          "type": "string",
          "minLength": 1,
          "description": "Document name or description."
        },
        "part": {
          "type": "string",
          "description": "Where in the document the tables are (e.g. `Change 5: Appendix B`)."
        },
        "date": {
          "type": "string",
          "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
          "description": "Year, year-month or date of the document."
        },
        "note": {
          "type": "string",
          "description": "Anything a reader of the tables should know about the source."
        }
      }
    },
    "specVersion": {
      "type": "string",
      "minLength": 1,
      "description": "The protocol specification version the tables belong to."
    },
    "requirementSemantics": {
      "enum": [
        "precondition",
        "implication"
      ],
      "description": "Meaning of the Requirement column. `precondition` (2013 CR): an item applies only when its requirement holds under the claims; an M item whose requirement holds is mandatory, and any item whose requirement is false is not applicable. `implication` (approved 2016 text): when the item is supported, its requirement must hold; a supported item whose requirement is false makes the claims inconsistent."
    },
    "normaliseItemIds": {
      "type": "boolean",
      "default": false,
      "description": "Repair the known typos of item ids (stray spaces, digit 0 for status O) while loading, keeping the original spelling as an alias. Off for tables that are clean."
    }
  }
} as const;
registerSchema(scrEditionSchema);

/**
 * One edition of the Appendix B SCR tables: `scr/<name>/edition.json`, next to the edition's `client.json` (B.1) and `server.json` (B.2). It says where the tables come from and what their Requirement column means.
 */
export interface ScrEdition {
  /**
   * Edition name, equal to its folder name under scr/ (e.g. `dm20-cr-2013`); claims files and `--edition` refer to it.
   */
  name: string;
  /**
   * One-line human title.
   */
  title: string;
  source: ScrEditionSource;
  /**
   * The protocol specification version the tables belong to.
   */
  specVersion: string;
  /**
   * Meaning of the Requirement column. `precondition` (2013 CR): an item applies only when its requirement holds under the claims; an M item whose requirement holds is mandatory, and any item whose requirement is false is not applicable. `implication` (approved 2016 text): when the item is supported, its requirement must hold; a supported item whose requirement is false makes the claims inconsistent.
   */
  requirementSemantics: "precondition" | "implication";
  /**
   * Repair the known typos of item ids (stray spaces, digit 0 for status O) while loading, keeping the original spelling as an alias. Off for tables that are clean.
   */
  normaliseItemIds?: boolean;
}
/**
 * The document the tables were copied from.
 */
export interface ScrEditionSource {
  /**
   * Document name or description.
   */
  document: string;
  /**
   * Where in the document the tables are (e.g. `Change 5: Appendix B`).
   */
  part?: string;
  /**
   * Year, year-month or date of the document.
   */
  date?: string;
  /**
   * Anything a reader of the tables should know about the source.
   */
  note?: string;
}
