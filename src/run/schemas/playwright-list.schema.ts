// Generated from ./playwright-list.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const playwrightListSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/playwright-list.schema.json",
  "title": "PlaywrightList",
  "description": "The part of `playwright test --list --reporter=json` that `dmct run` plans from: the projects, the suite tree with each test's titles, tags (without the `@`) and location, and load errors. Other fields Playwright writes are allowed and ignored.",
  "type": "object",
  "required": [
    "config",
    "suites"
  ],
  "properties": {
    "config": {
      "type": "object",
      "required": [
        "rootDir",
        "projects"
      ],
      "properties": {
        "rootDir": {
          "type": "string",
          "description": "The config's folder; spec files are relative to it."
        },
        "projects": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ListedProject"
          }
        }
      }
    },
    "suites": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ListedSuite"
      }
    },
    "errors": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ListedError"
      }
    }
  },
  "$defs": {
    "ListedProject": {
      "title": "ListedProject",
      "type": "object",
      "required": [
        "name"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "metadata": {
          "type": "object",
          "description": "Project metadata; `role` names the target role of a target project."
        }
      }
    },
    "ListedSuite": {
      "title": "ListedSuite",
      "description": "A file (top level) or a describe block.",
      "type": "object",
      "required": [
        "title",
        "file",
        "specs"
      ],
      "properties": {
        "title": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 0
        },
        "specs": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ListedSpec"
          }
        },
        "suites": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ListedSuite"
          }
        }
      }
    },
    "ListedSpec": {
      "title": "ListedSpec",
      "description": "One test declaration; `tests` holds one entry per project it runs in.",
      "type": "object",
      "required": [
        "title",
        "tags",
        "file",
        "line",
        "tests"
      ],
      "properties": {
        "title": {
          "type": "string"
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Tags without the leading `@`."
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 0
        },
        "tests": {
          "type": "array",
          "items": {
            "type": "object",
            "required": [
              "projectName"
            ],
            "properties": {
              "projectName": {
                "type": "string"
              }
            }
          }
        }
      }
    },
    "ListedError": {
      "title": "ListedError",
      "type": "object",
      "properties": {
        "message": {
          "type": "string"
        },
        "location": {
          "type": "object",
          "properties": {
            "file": {
              "type": "string"
            },
            "line": {
              "type": "integer"
            }
          }
        }
      }
    }
  }
} as const;
registerSchema(playwrightListSchema);

/**
 * The part of `playwright test --list --reporter=json` that `dmct run` plans from: the projects, the suite tree with each test's titles, tags (without the `@`) and location, and load errors. Other fields Playwright writes are allowed and ignored.
 */
export interface PlaywrightList {
  config: {
    /**
     * The config's folder; spec files are relative to it.
     */
    rootDir: string;
    projects: ListedProject[];
  };
  suites: ListedSuite[];
  errors?: ListedError[];
}
/**
 * This interface was referenced by `PlaywrightList`'s JSON-Schema
 * via the `definition` "ListedProject".
 */
export interface ListedProject {
  name: string;
  /**
   * Project metadata; `role` names the target role of a target project.
   */
  metadata?: {};
}
/**
 * A file (top level) or a describe block.
 *
 * This interface was referenced by `PlaywrightList`'s JSON-Schema
 * via the `definition` "ListedSuite".
 */
export interface ListedSuite {
  title: string;
  file: string;
  line?: number;
  specs: ListedSpec[];
  suites?: ListedSuite[];
}
/**
 * One test declaration; `tests` holds one entry per project it runs in.
 *
 * This interface was referenced by `PlaywrightList`'s JSON-Schema
 * via the `definition` "ListedSpec".
 */
export interface ListedSpec {
  title: string;
  /**
   * Tags without the leading `@`.
   */
  tags: string[];
  file: string;
  line: number;
  tests: {
    projectName: string;
  }[];
}
/**
 * This interface was referenced by `PlaywrightList`'s JSON-Schema
 * via the `definition` "ListedError".
 */
export interface ListedError {
  message?: string;
  location?: {
    file?: string;
    line?: number;
  };
}
