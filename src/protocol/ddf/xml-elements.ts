/**
 * A small, bounded XML reader for Device Description Framework documents (section 6.4: DM 2.0
 * reuses the DM 1.3 DDF, an XML document). It reads elements, attributes, character data,
 * CDATA sections and the predefined and numeric character references; it skips the XML
 * declaration, processing instructions, comments and the document type declaration, and never
 * expands a declared entity (no entity can make the document grow). Anything else is an error.
 */

/** One element: its name, attributes, child elements in order and its own character data. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The character data directly inside the element (child elements' text excluded), as written. */
  text: string;
}

/** Bounds of one read. */
export interface XmlLimits {
  /** Longest document read, in characters. */
  maxChars: number;
  /** Deepest element nesting. */
  maxDepth: number;
  /** Most elements in the document. */
  maxElements: number;
}

/** Bounds that fit any DDF of a real MO with room to spare. */
export const DDF_XML_LIMITS: XmlLimits = { maxChars: 512 * 1024, maxDepth: 64, maxElements: 20_000 };

/** The document element, or why the text is no XML document this reader accepts. */
export type XmlRead = { ok: true; root: XmlElement } | { ok: false; error: string };

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlError extends Error {}

/** Replaces the character references of `raw` (character data or an attribute value). */
function unescape(raw: string, at: number): string {
  return raw.replace(/&([^;&<]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError(`a bare "&" near offset ${at}`);
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const numeric = /^#x([0-9A-Fa-f]{1,6})$/.exec(ref) ?? /^#([0-9]{1,7})$/.exec(ref);
    const code = numeric?.[1] === undefined ? NaN : Number.parseInt(numeric[1], ref.startsWith('#x') ? 16 : 10);
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    throw new XmlError(`the entity reference ${whole} near offset ${at} is not a predefined or character reference`);
  });
}

/** A cursor over the document text. */
class Reader {
  pos = 0;
  elements = 0;
  constructor(
    readonly text: string,
    readonly limits: XmlLimits,
  ) {}

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  /** Moves past `end`, or fails naming `what` was left open. */
  skipPast(end: string, what: string): string {
    const found = this.text.indexOf(end, this.pos);
    if (found < 0) throw new XmlError(`${what} opened at offset ${this.pos} is never closed`);
    const skipped = this.text.slice(this.pos, found);
    this.pos = found + end.length;
    return skipped;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  name(): string {
    const match = NAME.exec(this.text.slice(this.pos, this.pos + 256));
    if (match === null) throw new XmlError(`a name was expected at offset ${this.pos}`);
    this.pos += match[0].length;
    return match[0];
  }

  /** Skips what may stand outside the document element: space, comments, PIs, the doctype. */
  skipMisc(allowDoctype: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<!--')) this.skipPast('-->', 'a comment');
      else if (this.startsWith('<?')) this.skipPast('?>', 'a processing instruction');
      else if (allowDoctype && this.startsWith('<!DOCTYPE')) this.skipDoctype();
      else return;
    }
  }

  /** Skips the document type declaration, its internal subset included, declaring nothing. */
  skipDoctype(): void {
    const close = this.text.indexOf('>', this.pos);
    const subset = this.text.indexOf('[', this.pos);
    if (subset >= 0 && (close < 0 || subset < close)) {
      this.pos = subset;
      this.skipPast(']', 'the internal subset of the document type declaration');
    }
    this.skipPast('>', 'the document type declaration');
  }

  attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (;;) {
      this.skipSpace();
      if (this.startsWith('/>') || this.startsWith('>')) return attributes;
      const name = this.name();
      this.skipSpace();
      if (!this.startsWith('=')) throw new XmlError(`attribute ${name} at offset ${this.pos} has no value`);
      this.pos += 1;
      this.skipSpace();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") throw new XmlError(`the value of attribute ${name} at offset ${this.pos} is not quoted`);
      this.pos += 1;
      const at = this.pos;
      const raw = this.skipPast(quote, `the value of attribute ${name}`);
      if (raw.includes('<')) throw new XmlError(`the value of attribute ${name} at offset ${at} holds "<"`);
      if (Object.hasOwn(attributes, name)) throw new XmlError(`attribute ${name} repeated at offset ${at}`);
      attributes[name] = unescape(raw, at);
    }
  }

  element(depth: number): XmlElement {
    if (depth > this.limits.maxDepth) throw new XmlError(`elements nest deeper than ${this.limits.maxDepth}`);
    this.elements += 1;
    if (this.elements > this.limits.maxElements) throw new XmlError(`more than ${this.limits.maxElements} elements`);
    if (!this.startsWith('<')) throw new XmlError(`an element was expected at offset ${this.pos}`);
    this.pos += 1;
    const element: XmlElement = { name: this.name(), attributes: {}, children: [], text: '' };
    element.attributes = this.attributes();
    if (this.startsWith('/>')) {
      this.pos += 2;
      return element;
    }
    this.pos += 1;
    for (;;) {
      if (this.pos >= this.text.length) throw new XmlError(`element ${element.name} is never closed`);
      if (this.startsWith('</')) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== element.name) throw new XmlError(`</${closing}> at offset ${this.pos} closes <${element.name}>`);
        this.skipSpace();
        if (!this.startsWith('>')) throw new XmlError(`the end tag </${closing}> is not closed by ">"`);
        this.pos += 1;
        return element;
      }
      if (this.startsWith('<!--')) this.skipPast('-->', 'a comment');
      else if (this.startsWith('<![CDATA[')) {
        this.pos += '<![CDATA['.length;
        element.text += this.skipPast(']]>', 'a CDATA section');
      } else if (this.startsWith('<?')) this.skipPast('?>', 'a processing instruction');
      else if (this.startsWith('<')) element.children.push(this.element(depth + 1));
      else {
        const at = this.pos;
        const next = this.text.indexOf('<', this.pos);
        const end = next < 0 ? this.text.length : next;
        element.text += unescape(this.text.slice(this.pos, end), at);
        this.pos = end;
      }
    }
  }
}

/** Reads `text` as an XML document within `limits`: its document element, or the first error. */
export function readXmlElements(text: string, limits: XmlLimits = DDF_XML_LIMITS): XmlRead {
  if (text.length > limits.maxChars) return { ok: false, error: `the document is over ${limits.maxChars} characters` };
  const reader = new Reader(text.startsWith('\uFEFF') ? text.slice(1) : text, limits);
  try {
    reader.skipMisc(true);
    const root = reader.element(1);
    reader.skipMisc(false);
    if (reader.pos < reader.text.length) return { ok: false, error: `content after the document element at offset ${reader.pos}` };
    return { ok: true, root };
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, error: error.message };
    throw error;
  }
}
