import { CLIENT_URI_UNKNOWN_QUERY_FIELD_SEVERITY, MIID_PATTERN } from '../interpretations/packages.js';
import type { Violation } from '../violation.js';
import { checkMoid } from './moid.js';
import { RFC3986_QUERY, UNRESERVED_NAME, percentDecode } from './uri-syntax.js';

/**
 * How the `mo-inst` part of a ClientURI picks MO instances (§6.1.1.1): one MIID, the single
 * instance an x-name's `nv` fields select, the only instance (empty), or all instances (`*`).
 */
export type InstanceSelector = { kind: 'miid'; miid: string } | { kind: 'x-name'; name: string } | { kind: 'only' } | { kind: 'all' };

/** One `node-name` of a ClientURI path (§6.1.1.2): a real name, an x-name `(x)`, or `*`. */
export type NodeSegment = { kind: 'real-name'; name: string } | { kind: 'x-name'; name: string } | { kind: 'wildcard' };

/**
 * An `nv=(x)/path:value` query field (§6.1.1.3): the x-name `(x)` stands for the node whose
 * relative `path` leads to a leaf equal to `value`. `path` is empty for the x-named node itself.
 */
export interface NodeValueCondition {
  xName: string;
  path: string[];
  value: string;
}

/** The query fields of a ClientURI (§6.1.1.3); fields the text does not define are kept in `unknown`. */
export interface ClientUriQuery {
  /** `lv`: how many sub-levels of children to include (positive). */
  lv?: number;
  /** `nv` fields, in order. */
  nv: NodeValueCondition[];
  /** `cv`: the cache validator (§11). */
  cv?: string;
  /** Unknown fields, which a client MUST ignore. */
  unknown: { name: string; value?: string }[];
}

/**
 * A parsed ClientURI (§6.1.1): `MOID "/" mo-inst path-from-moroot [ "?" query ]`. An empty
 * `path` is the instance root (`/`). Resolution against a tree is the tree module's job.
 */
export interface ClientUri {
  moid: string;
  instance: InstanceSelector;
  path: NodeSegment[];
  query: ClientUriQuery;
}

/** The result of {@link parseClientUri}: the value when there is no error, and every violation. */
export interface ClientUriParse {
  value?: ClientUri;
  violations: Violation[];
}

const SECTION = '6.1.1';
const X_NAME = /^\(([A-Za-z])\)$/;
const NV_FIELD = /^\(([A-Za-z])\)((?:\/[A-Za-z0-9\-._~]+)*):(.*)$/s;
const LEVEL = /^[1-9][0-9]*$/;

/**
 * Parses a ClientURI per the ABNF of §6.1.1. Never throws: malformed input yields
 * violations (rule ids `client-uri-*`), located at `pointer` when given.
 */
export function parseClientUri(text: string, pointer?: string): ClientUriParse {
  const violations: Violation[] = [];
  const report = (rule: string, message: string, severity: Violation['severity'] = 'error', section = SECTION): void => {
    violations.push({ rule, section, severity, message, ...(pointer === undefined ? {} : { pointer }) });
  };
  const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);

  const hash = text.indexOf('#');
  if (hash >= 0) report('client-uri-fragment', `ClientURI ${shown} has a fragment ("#"), which the ABNF does not allow`);
  const body = hash >= 0 ? text.slice(0, hash) : text;
  const questionMark = body.indexOf('?');
  const main = questionMark >= 0 ? body.slice(0, questionMark) : body;
  const queryText = questionMark >= 0 ? body.slice(questionMark + 1) : undefined;

  const firstSlash = main.indexOf('/');
  if (firstSlash < 0) {
    report('client-uri-syntax', `ClientURI ${shown} has no "/" after the MOID`);
    return { violations };
  }
  const moid = main.slice(0, firstSlash);
  for (const found of checkMoid(moid)) report(found.rule, `ClientURI ${shown}: ${found.message}`, found.severity, found.section);

  const rest = main.slice(firstSlash + 1);
  const pathStart = rest.indexOf('/');
  if (pathStart < 0) {
    report('client-uri-path-missing', `ClientURI ${shown} lacks the path after the mo-inst ("/" for the instance root)`);
    return { violations };
  }
  const instance = parseInstance(rest.slice(0, pathStart), report);
  const path = parsePath(rest.slice(pathStart), report);
  const query = parseQuery(queryText, report);

  if (instance && path) {
    const used = new Set<string>();
    if (instance.kind === 'x-name') used.add(instance.name);
    for (const segment of path) if (segment.kind === 'x-name') used.add(segment.name);
    for (const condition of query.nv) {
      if (!used.has(condition.xName)) {
        report('client-uri-nv-unused', `nv field names (${condition.xName}), which the ClientURI path does not use`, 'warning', '6.1.1.3');
      }
    }
  }
  const hasError = violations.some((v) => v.severity === 'error');
  if (hasError || !instance || !path) return { violations };
  return { value: { moid, instance, path, query }, violations };
}

type Report = (rule: string, message: string, severity?: Violation['severity'], section?: string) => void;

function parseInstance(text: string, report: Report): InstanceSelector | undefined {
  if (text === '') return { kind: 'only' };
  if (text === '*') return { kind: 'all' };
  const xName = X_NAME.exec(text);
  if (xName?.[1]) return { kind: 'x-name', name: xName[1] };
  if (MIID_PATTERN.test(text)) return { kind: 'miid', miid: text };
  report(
    'client-uri-mo-inst-syntax',
    `mo-inst ${JSON.stringify(text)} is neither a MIID, an x-name "(x)", empty nor "*"`,
    'error',
    '6.1.1.1',
  );
  return undefined;
}

function parsePath(text: string, report: Report): NodeSegment[] | undefined {
  if (text === '/') return [];
  const segments: NodeSegment[] = [];
  let ok = true;
  for (const name of text.slice(1).split('/')) {
    const xName = X_NAME.exec(name);
    if (name === '*') segments.push({ kind: 'wildcard' });
    else if (xName?.[1]) segments.push({ kind: 'x-name', name: xName[1] });
    else if (UNRESERVED_NAME.test(name)) segments.push({ kind: 'real-name', name });
    else if (name === '') {
      ok = false;
      report(
        'client-uri-empty-segment',
        `path ${JSON.stringify(text)} has an empty node name (a doubled or trailing "/")`,
        'error',
        '6.1.1.2',
      );
    } else {
      ok = false;
      report(
        'client-uri-node-name-syntax',
        `node name ${JSON.stringify(name)} is neither unreserved characters, "(x)" nor "*"`,
        'error',
        '6.1.1.2',
      );
    }
  }
  return ok ? segments : undefined;
}

function parseQuery(text: string | undefined, report: Report): ClientUriQuery {
  const query: ClientUriQuery = { nv: [], unknown: [] };
  if (text === undefined || text === '') return query;
  if (!RFC3986_QUERY.test(text)) {
    report('client-uri-query-syntax', `query ${JSON.stringify(text)} holds characters a URI query may not`, 'error', '6.1.1.3');
    return query;
  }
  for (const field of text.split('&')) {
    if (field === '') continue;
    const equals = field.indexOf('=');
    const name = equals >= 0 ? field.slice(0, equals) : field;
    const raw = equals >= 0 ? field.slice(equals + 1) : undefined;
    if (name === 'lv') parseLevel(raw, query, report);
    else if (name === 'nv') parseNodeValue(raw, query, report);
    else if (name === 'cv') parseCacheValidator(raw, query, report);
    else {
      query.unknown.push(raw === undefined ? { name } : { name, value: raw });
      report(
        'client-uri-query-unknown-field',
        `unknown query field ${JSON.stringify(name)} (ignored)`,
        CLIENT_URI_UNKNOWN_QUERY_FIELD_SEVERITY,
        '6.1.1.3',
      );
    }
  }
  return query;
}

function parseLevel(raw: string | undefined, query: ClientUriQuery, report: Report): void {
  if (query.lv !== undefined) report('client-uri-query-duplicate', 'the query has more than one lv field', 'error', '6.1.1.3');
  if (raw === undefined || !LEVEL.test(raw)) {
    report('client-uri-lv-syntax', `lv=${raw ?? ''} is not a positive integer`, 'error', '6.1.1.3');
    return;
  }
  query.lv = Number(raw);
}

function parseNodeValue(raw: string | undefined, query: ClientUriQuery, report: Report): void {
  const match = raw === undefined ? null : NV_FIELD.exec(raw);
  if (!match?.[1]) {
    report('client-uri-nv-syntax', `nv=${raw ?? ''} is not "(x)/path:value"`, 'error', '6.1.1.3');
    return;
  }
  const value = percentDecode(match[3] ?? '');
  if (value === undefined) {
    report('client-uri-percent-encoding', `nv value ${JSON.stringify(match[3])} has a malformed percent escape`, 'error', '6.1.1.3');
    return;
  }
  const path = (match[2] ?? '').split('/').filter((segment) => segment !== '');
  query.nv.push({ xName: match[1], path, value });
}

function parseCacheValidator(raw: string | undefined, query: ClientUriQuery, report: Report): void {
  if (query.cv !== undefined) report('client-uri-query-duplicate', 'the query has more than one cv field', 'error', '6.1.1.3');
  const value = raw === undefined || raw === '' ? undefined : percentDecode(raw);
  if (value === undefined) {
    report('client-uri-cv-syntax', `cv=${raw ?? ''} is empty or has a malformed percent escape`, 'error', '6.1.1.3');
    return;
  }
  query.cv = value;
}

const QUERY_VALUE_SAFE = /[A-Za-z0-9\-._~!$'()*+,;:@/?]/;

/** Percent-encodes a query value so that `&`, `=`, `#` and non-ASCII characters survive (RFC 3986 §2.1). */
function encodeQueryValue(value: string): string {
  let out = '';
  for (const char of value) out += QUERY_VALUE_SAFE.test(char) ? char : encodeURIComponent(char);
  return out;
}

function formatInstance(instance: InstanceSelector): string {
  switch (instance.kind) {
    case 'miid':
      return instance.miid;
    case 'x-name':
      return `(${instance.name})`;
    case 'only':
      return '';
    case 'all':
      return '*';
  }
}

function formatSegment(segment: NodeSegment): string {
  if (segment.kind === 'wildcard') return '*';
  return segment.kind === 'x-name' ? `(${segment.name})` : segment.name;
}

/**
 * Formats a ClientURI per §6.1.1: the query lists `lv`, then the `nv` fields in order, then `cv`,
 * then unknown fields; values are percent-encoded where needed, so `parseClientUri` reads back the
 * same structure.
 */
export function formatClientUri(uri: ClientUri): string {
  const path = uri.path.length === 0 ? '/' : uri.path.map((segment) => `/${formatSegment(segment)}`).join('');
  const fields: string[] = [];
  if (uri.query.lv !== undefined) fields.push(`lv=${uri.query.lv}`);
  for (const nv of uri.query.nv) {
    fields.push(`nv=(${nv.xName})${nv.path.map((name) => `/${name}`).join('')}:${encodeQueryValue(nv.value)}`);
  }
  if (uri.query.cv !== undefined) fields.push(`cv=${encodeQueryValue(uri.query.cv)}`);
  for (const field of uri.query.unknown) fields.push(field.value === undefined ? field.name : `${field.name}=${field.value}`);
  return `${uri.moid}/${formatInstance(uri.instance)}${path}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
}

/** True when the ClientURI may address several locations (`*` as mo-inst or node name, §6.1.2). */
export function hasWildcard(uri: ClientUri): boolean {
  return uri.instance.kind === 'all' || uri.path.some((segment) => segment.kind === 'wildcard');
}

/** Violations only: the shorthand validators use for a ClientURI found at `pointer` (§6.1.1). */
export function checkClientUri(text: string, pointer?: string): Violation[] {
  return parseClientUri(text, pointer).violations;
}
