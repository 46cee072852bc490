// Generated from ./har.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
export const harSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/har.schema.json",
  "title": "Har",
  "description": "The part of an HTTP Archive (HAR 1.2) that dmct judge reads: the entries' requests and responses. Other members (pages, timings, cookies, creator) are allowed and ignored.",
  "type": "object",
  "required": [
    "log"
  ],
  "properties": {
    "log": {
      "type": "object",
      "required": [
        "entries"
      ],
      "properties": {
        "version": {
          "type": "string",
          "maxLength": 32
        },
        "entries": {
          "type": "array",
          "maxItems": 10000,
          "items": {
            "$ref": "#/$defs/Entry"
          }
        }
      }
    }
  },
  "$defs": {
    "Header": {
      "title": "HarHeader",
      "type": "object",
      "required": [
        "name",
        "value"
      ],
      "properties": {
        "name": {
          "type": "string",
          "maxLength": 256
        },
        "value": {
          "type": "string",
          "maxLength": 8192
        }
      }
    },
    "Headers": {
      "type": "array",
      "maxItems": 200,
      "items": {
        "$ref": "#/$defs/Header"
      }
    },
    "Entry": {
      "title": "HarEntry",
      "type": "object",
      "required": [
        "startedDateTime",
        "request",
        "response"
      ],
      "properties": {
        "startedDateTime": {
          "type": "string",
          "maxLength": 64
        },
        "request": {
          "$ref": "#/$defs/Request"
        },
        "response": {
          "$ref": "#/$defs/Response"
        }
      }
    },
    "Request": {
      "title": "HarRequest",
      "type": "object",
      "required": [
        "method",
        "url",
        "headers"
      ],
      "properties": {
        "method": {
          "type": "string",
          "minLength": 1,
          "maxLength": 32
        },
        "url": {
          "type": "string",
          "maxLength": 8192
        },
        "headers": {
          "$ref": "#/$defs/Headers"
        },
        "bodySize": {
          "type": "integer",
          "minimum": -1,
          "description": "Size of the request body in bytes (-1: unknown); more than the postData text holds marks the body as cut."
        },
        "postData": {
          "title": "HarPostData",
          "type": "object",
          "properties": {
            "mimeType": {
              "type": "string",
              "maxLength": 1024
            },
            "text": {
              "type": "string"
            },
            "encoding": {
              "type": "string",
              "maxLength": 32
            }
          }
        }
      }
    },
    "Response": {
      "title": "HarResponse",
      "type": "object",
      "required": [
        "status",
        "headers",
        "content"
      ],
      "properties": {
        "status": {
          "type": "integer",
          "minimum": 0,
          "maximum": 999
        },
        "headers": {
          "$ref": "#/$defs/Headers"
        },
        "content": {
          "title": "HarContent",
          "type": "object",
          "properties": {
            "size": {
              "type": "integer",
              "minimum": -1,
              "description": "Size of the response body in bytes (-1: unknown); more than the text holds marks the body as cut."
            },
            "mimeType": {
              "type": "string",
              "maxLength": 1024
            },
            "text": {
              "type": "string"
            },
            "encoding": {
              "type": "string",
              "maxLength": 32
            }
          }
        }
      }
    }
  }
} as const;
registerSchema(harSchema);

/**
 * @maxItems 200
 *
 * This interface was referenced by `Har`'s JSON-Schema
 * via the `definition` "Headers".
 */
export type Headers = HarHeader[];

/**
 * The part of an HTTP Archive (HAR 1.2) that dmct judge reads: the entries' requests and responses. Other members (pages, timings, cookies, creator) are allowed and ignored.
 */
export interface Har {
  log: {
    version?: string;
    /**
     * @maxItems 10000
     */
    entries: HarEntry[];
  };
}
/**
 * This interface was referenced by `Har`'s JSON-Schema
 * via the `definition` "Entry".
 */
export interface HarEntry {
  startedDateTime: string;
  request: HarRequest;
  response: HarResponse;
}
/**
 * This interface was referenced by `Har`'s JSON-Schema
 * via the `definition` "Request".
 */
export interface HarRequest {
  method: string;
  url: string;
  headers: Headers;
  /**
   * Size of the request body in bytes (-1: unknown); more than the postData text holds marks the body as cut.
   */
  bodySize?: number;
  postData?: HarPostData;
}
/**
 * This interface was referenced by `Har`'s JSON-Schema
 * via the `definition` "Header".
 */
export interface HarHeader {
  name: string;
  value: string;
}
export interface HarPostData {
  mimeType?: string;
  text?: string;
  encoding?: string;
}
/**
 * This interface was referenced by `Har`'s JSON-Schema
 * via the `definition` "Response".
 */
export interface HarResponse {
  status: number;
  headers: Headers;
  content: HarContent;
}
export interface HarContent {
  /**
   * Size of the response body in bytes (-1: unknown); more than the text holds marks the body as cut.
   */
  size?: number;
  mimeType?: string;
  text?: string;
  encoding?: string;
}
