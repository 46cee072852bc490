/**
 * An auto-escaping HTML template tag: every interpolated value is escaped unless it is itself
 * the output of `html` (or `safe`), so report data cannot reach the page unescaped by mistake.
 */

/** A string already known to be safe HTML. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters a target may send that would hide or reorder what the page shows: C0 controls but
 * tab, newline and carriage return, DEL and C1 controls, and the bidirectional formatting
 * characters (U+202E turns text around). They are shown as a visible `\u{…}` escape instead.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes text for HTML element content and double- or single-quoted attribute values; hidden characters made visible. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
    .replace(INVISIBLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`);
}

function render(value: Interpolated): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value as string | number | boolean));
}

/** `html\`<p>${text}</p>\``: the markup is kept, every interpolation escaped (arrays joined). */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks markup written by dmct itself (never report data) as safe. */
export function safe(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
