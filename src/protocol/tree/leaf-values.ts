import { LEAF_JSON_TYPE } from '../interpretations/tree.js';
import type { LeafValue, NodeFormat } from './node.js';

type LeafFormat = Exclude<NodeFormat, 'node'>;

/**
 * Accepts a JSON value for a leaf of the given format (section 7.2.1.4, reading
 * `LEAF_JSON_TYPE`); `undefined` when the JSON type does not fit the format.
 */
export function leafValueFromJson(format: LeafFormat, json: unknown): LeafValue | undefined {
  const expected = LEAF_JSON_TYPE[format];
  if (expected === 'null') return json === null ? null : undefined;
  if (typeof json !== expected) return undefined;
  if (format === 'int' && !Number.isInteger(json)) return undefined;
  return json as LeafValue;
}

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a leaf value sent raw as `text/plain` (section 5.3.1 HGET of a leaf; App I.1 shows a
 * boolean leaf as the text `true`); `undefined` when the text is not a value of that format.
 */
export function leafValueFromText(format: LeafFormat, text: string): LeafValue | undefined {
  const trimmed = text.trim();
  switch (format) {
    case 'int':
      return INTEGER.test(trimmed) ? Number.parseInt(trimmed, 10) : undefined;
    case 'float':
      return FLOAT.test(trimmed) ? Number.parseFloat(trimmed) : undefined;
    case 'bool':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : undefined;
    case 'null':
      return trimmed === '' ? null : undefined;
    default:
      return text;
  }
}

/** A leaf value as the `text/plain` body of a transfer (App F, App I.1). */
export function leafValueToText(value: LeafValue): string {
  return value === null ? '' : String(value);
}

/** The format a node created from JSON takes when no MO definition says otherwise. */
export function formatOfJson(json: unknown): NodeFormat | undefined {
  if (json === null) return 'null';
  switch (typeof json) {
    case 'string':
      return 'chr';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(json) ? 'int' : 'float';
    case 'object':
      return Array.isArray(json) ? undefined : 'node';
    default:
      return undefined;
  }
}
