import { randomUUID } from 'node:crypto';

/** A value a `{{name}}` placeholder can take: any JSON value. */
export type TemplateValue = string | number | boolean | null | readonly TemplateValue[] | { readonly [key: string]: TemplateValue };

export type TemplateValues = Readonly<Record<string, TemplateValue | undefined>>;

/**
 * Where the rendered text goes, which decides the escaping:
 * - `json`: a JSON body; inside a string literal the value is string-escaped, standing alone it
 *   is written as a JSON value;
 * - `url`: URL-encoded as one component, except a placeholder opening the template (a base URL
 *   such as `{{adminUrl}}`), which must itself be an http(s) URL and is kept as is;
 * - `shell`: one literal word for POSIX `sh`, whatever quotes the template put around it;
 * - `header`: an HTTP header value, anything but visible ASCII, space and tab percent-encoded;
 * - `text`: as is (prompts shown to a person, plain bodies).
 */
export type TemplateContext = 'json' | 'url' | 'shell' | 'header' | 'text';

export type RenderResult = { ok: true; text: string } | { ok: false; problem: string };

export interface RenderOptions {
  /**
   * JSON only: a placeholder without a value that stands alone as the value of an object member
   * or an array item leaves that member or item out (an option the scenario did not ask for is not
   * sent), instead of failing the render. The body is then re-serialised.
   */
  omitAbsentMembers?: boolean;
}

/**
 * `{{name}}` or a path into a value, `{{options.serverId}}`, `{{package2.CMD.0}}`: members of an
 * object by name, items of an array by index.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

/** Own members only: a path can never reach `constructor`, `__proto__` or other inherited names. */
function member(value: TemplateValue | undefined, key: string): TemplateValue | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return /^(0|[1-9][0-9]*)$/.test(key) ? (value as readonly TemplateValue[])[Number(key)] : undefined;
  return Object.hasOwn(value, key) ? (value as { readonly [key: string]: TemplateValue })[key] : undefined;
}

/** The value a placeholder's path addresses, or undefined when no value is there. */
export function lookupPath(values: TemplateValues, path: string): TemplateValue | undefined {
  const [head = '', ...rest] = path.split('.');
  let value = Object.hasOwn(values, head) ? values[head] : undefined;
  for (const key of rest) value = member(value, key);
  return value;
}

/** Names of the placeholders of a template, in order of first use (for checking claims early). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/** The text form of a value: strings as they are, everything else as JSON. */
function asText(value: TemplateValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent throws on lone surrogates; they become U+FFFD first. */
function encodeComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

/** `'…'` with every `'` written as `'\''`: sh takes the content literally. */
function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

type Quote = 'none' | 'single' | 'double';

/**
 * Tracks the quoting state of literal template text, so a placeholder knows whether it stands
 * inside a JSON string or inside shell quotes.
 */
function advance(context: TemplateContext, state: Quote, literal: string): Quote {
  if (context !== 'json' && context !== 'shell') return state;
  let quote = state;
  for (let i = 0; i < literal.length; i++) {
    const ch = literal[i];
    if (quote === 'single') {
      if (ch === "'") quote = 'none';
    } else if (ch === '\\') {
      i++;
    } else if (ch === '"') {
      quote = quote === 'double' ? 'none' : 'double';
    } else if (ch === "'" && context === 'shell' && quote === 'none') {
      quote = 'single';
    }
  }
  return quote;
}

function escape(context: TemplateContext, quote: Quote, value: TemplateValue, name: string, atStart: boolean): RenderResult {
  const text = asText(value);
  switch (context) {
    case 'json':
      return { ok: true, text: quote === 'double' ? JSON.stringify(text).slice(1, -1) : JSON.stringify(value) };
    case 'url':
      if (!atStart) return { ok: true, text: encodeComponent(text) };
      if (!/^https?:\/\/[^\s]+$/i.test(text) || !URL.canParse(text)) {
        return { ok: false, problem: `{{${name}}} opens a URL template but its value is not an http(s) URL` };
      }
      return { ok: true, text };
    case 'shell':
      if (text.includes('\0'))
        return { ok: false, problem: `the value of {{${name}}} contains a NUL byte, which a shell command cannot carry` };
      if (quote === 'single') return { ok: true, text: text.replaceAll("'", `'\\''`) };
      if (quote === 'double') return { ok: true, text: `"${singleQuoted(text)}"` };
      return { ok: true, text: singleQuoted(text) };
    case 'header':
      return { ok: true, text: text.replace(/[^\t\x20-\x7e]/gu, (c) => encodeComponent(c)) };
    case 'text':
      return { ok: true, text };
  }
}

/** Shell constructs inside which a quoted word can still be expanded or cut: heredocs, command and parameter substitution, comments. */
const UNQUOTABLE_SHELL = /<<|\$\(|`|\$\{|#/;

/**
 * Why a shell template may not hold placeholders, or undefined. In a heredoc, inside `$(…)`,
 * backticks or `${…}`, or after a `#`, a value's quoting does not hold (the shell reads the quotes
 * literally, re-opens quoting, or ends a comment at a newline the value carries), so there values
 * reach the command only as environment variables (see {@link shellEnvironment}).
 */
export function shellPlaceholderProblem(template: string): string | undefined {
  if (placeholdersOf(template).length === 0 || !UNQUOTABLE_SHELL.test(template)) return undefined;
  const names = placeholdersOf(template)
    .map((name) => `{{${name}}} → "$${shellVariable(name)}"`)
    .join(', ');
  return `placeholders are refused in a shell command using <<, $(, backticks, $\{ or # (a value could escape its quoting there); use the environment variables instead: ${names}`;
}

/** The environment variable a template value is given as: `DMCT_` and the name in upper case, dots as `_` (`devId` → `DMCT_DEVID`, `options.serverId` → `DMCT_OPTIONS_SERVERID`). */
export function shellVariable(name: string): string {
  return `DMCT_${name.toUpperCase().replaceAll('.', '_')}`;
}

/** How deep, and how many, object members {@link shellEnvironment} also gives as variables of their own. */
const ENV_MEMBER_DEPTH = 3;
const ENV_MAX_VARIABLES = 256;

/**
 * Every value as an environment variable (strings as they are, other values as JSON; values with
 * a NUL left out), and the members of object values as variables of their own
 * (`{{dmct.serverUrl}}` → DMCT_DMCT_SERVERURL), a few levels deep.
 */
export function shellEnvironment(values: TemplateValues): Record<string, string> {
  const env: Record<string, string> = {};
  let count = 0;
  const add = (name: string, value: TemplateValue | undefined, depth: number) => {
    if (value === undefined || count >= ENV_MAX_VARIABLES) return;
    const text = asText(value);
    if (!text.includes('\0')) {
      env[shellVariable(name)] = text;
      count += 1;
    }
    if (depth >= ENV_MEMBER_DEPTH || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value as { readonly [key: string]: TemplateValue })) {
      if (/^[A-Za-z0-9_]+$/.test(key)) add(`${name}.${key}`, child, depth + 1);
    }
  };
  for (const [name, value] of Object.entries(values)) add(name, value, 0);
  return env;
}

/**
 * Fills `{{name}}` placeholders with values escaped for `context`, so that no value (a device id,
 * a command parameter, anything a target sent) can change the structure of the JSON, URL or shell
 * command around it. Fails, without throwing, on a missing value or a template whose quotes do
 * not close.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
  context: TemplateContext,
  options: RenderOptions = {},
): RenderResult {
  const unsafe = context === 'shell' ? shellPlaceholderProblem(template) : undefined;
  if (unsafe !== undefined) return { ok: false, problem: unsafe };
  let output = '';
  let quote: Quote = 'none';
  let last = 0;
  const absent: string[] = [];
  const marker = absentMarker();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    const literal = template.slice(last, match.index);
    quote = advance(context, quote, literal);
    output += literal;
    const value = lookupPath(values, name);
    if (value === undefined && options.omitAbsentMembers === true && context === 'json' && quote === 'none') {
      absent.push(name);
      output += JSON.stringify(marker);
      last = match.index + match[0].length;
      continue;
    }
    if (value === undefined) return { ok: false, problem: `no value for {{${name}}}` };
    const escaped = escape(context, quote, value, name, match.index === 0);
    if (!escaped.ok) return escaped;
    output += escaped.text;
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  quote = advance(context, quote, tail);
  if (quote !== 'none') return { ok: false, problem: `the ${context} template has an unterminated ${quote} quote` };
  return absent.length === 0 ? { ok: true, text: output + tail } : withoutAbsent(output + tail, absent, marker);
}

/** Stands for a placeholder without a value while a JSON body is rendered: fresh per render, so no value can forge it. */
function absentMarker(): string {
  return `\u0000dmct:absent:${randomUUID()}`;
}

/** Drops the members and items that are `marker`. */
function dropAbsent(value: unknown, marker: string): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== marker).map((item) => dropAbsent(item, marker));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, member]) => (member === marker ? [] : [[key, dropAbsent(member, marker)]])),
  );
}

/** The rendered JSON body without the members of absent values (re-serialised), or why not. */
function withoutAbsent(text: string, absent: readonly string[], marker: string): RenderResult {
  const missing = `no value for ${absent.map((name) => `{{${name}}}`).join(', ')}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: `${missing} (a placeholder without a value is left out only as a member or item of a JSON body that parses)`,
    };
  }
  if (parsed === marker) return { ok: false, problem: missing };
  return { ok: true, text: JSON.stringify(dropAbsent(parsed, marker)) };
}
