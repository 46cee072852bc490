/**
 * Shortens text that may come from a target (header values, URLs, error messages) so that one
 * hostile value cannot blow up the evidence; the suffix says how much was cut.
 */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}… [${text.length - maxChars} more characters]`;
}

/** The last `maxChars` characters of a text (e.g. a stderr tail), marked when cut. */
export function tailText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `[${text.length - maxChars} earlier characters] …${text.slice(text.length - maxChars)}`;
}
