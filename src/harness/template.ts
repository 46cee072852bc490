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

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

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

function escape(
  context: TemplateContext,
  quote: Quote,
  value: TemplateValue,
  name: string,
  atStart: boolean,
): RenderResult {
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
      if (text.includes('\0')) return { ok: false, problem: `the value of {{${name}}} contains a NUL byte, which a shell command cannot carry` };
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
  const names = placeholdersOf(template).map((name) => `{{${name}}} → "$${shellVariable(name)}"`).join(', ');
  return `placeholders are refused in a shell command using <<, $(, backticks, $\{ or # (a value could escape its quoting there); use the environment variables instead: ${names}`;
}

/** The environment variable a template value is given as: `DMCT_` and the name in upper case (`devId` → `DMCT_DEVID`). */
export function shellVariable(name: string): string {
  return `DMCT_${name.toUpperCase()}`;
}

/** Every value as an environment variable (strings as they are, other values as JSON; values with a NUL left out). */
export function shellEnvironment(values: TemplateValues): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const text = asText(value);
    if (!text.includes('\0')) env[shellVariable(name)] = text;
  }
  return env;
}

/**
 * Fills `{{name}}` placeholders with values escaped for `context`, so that no value (a device id,
 * a command parameter, anything a target sent) can change the structure of the JSON, URL or shell
 * command around it. Fails, without throwing, on a missing value or a template whose quotes do
 * not close.
 */
export function renderTemplate(template: string, values: TemplateValues, context: TemplateContext): RenderResult {
  const unsafe = context === 'shell' ? shellPlaceholderProblem(template) : undefined;
  if (unsafe !== undefined) return { ok: false, problem: unsafe };
  let output = '';
  let quote: Quote = 'none';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    const literal = template.slice(last, match.index);
    quote = advance(context, quote, literal);
    output += literal;
    const value = values[name];
    if (value === undefined) return { ok: false, problem: `no value for {{${name}}}` };
    const escaped = escape(context, quote, value, name, match.index === 0);
    if (!escaped.ok) return escaped;
    output += escaped.text;
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  quote = advance(context, quote, tail);
  if (quote !== 'none') return { ok: false, problem: `the ${context} template has an unterminated ${quote} quote` };
  return { ok: true, text: output + tail };
}
