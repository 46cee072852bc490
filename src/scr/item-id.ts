import { SCR_ID_TYPO_FIXES } from './interpretations.js';

/** Role letter of an SCR item id: C = DM Client (Appendix B.1), S = DM Server (B.2). */
export type RoleLetter = 'C' | 'S';

/** Status letter of an SCR item id: M = mandatory, O = optional . */
export type ItemStatus = 'M' | 'O';

/** The side an SCR table or a claims file is about. */
export type ScrRole = 'client' | 'server';

/** The role a role letter stands for (Appendix B.1 = client, B.2 = server). */
export const ROLE_OF_LETTER: Readonly<Record<RoleLetter, ScrRole>> = { C: 'client', S: 'server' };

/** The role letter item ids of a role carry. */
export const LETTER_OF_ROLE: Readonly<Record<ScrRole, RoleLetter>> = { client: 'C', server: 'S' };

/** The parts of an SCR item id `<ENABLER>-<GROUP>-<NNN>-<ROLE>-<STATUS>` . */
export interface ItemId {
  /** The id as parsed, e.g. `DM-PACK-014-C-M`. */
  id: string;
  /** Enabler, e.g. `DM`. */
  enabler: string;
  /** Group within the enabler, e.g. `PACK`, `SEC`. */
  group: string;
  /** The three-digit number as an integer (`014` → 14). */
  number: number;
  role: RoleLetter;
  status: ItemStatus;
}

/**
 * A text that is not an SCR item id. `position` is the 1-based character where the grammar
 * broke; the message names it and what was expected there.
 */
export class ItemIdSyntaxError extends Error {
  override readonly name = 'ItemIdSyntaxError';
  constructor(
    readonly text: string,
    readonly position: number,
    readonly expected: string,
  ) {
    super(`malformed SCR item id "${text}": expected ${expected} at position ${position}, found ${describeFound(text, position)}`);
  }
}

function describeFound(text: string, position: number): string {
  const char = text[position - 1];
  return char === undefined ? 'end of id' : JSON.stringify(char);
}

/** A small scanner over the id text: each step consumes one grammar element or throws. */
class IdScanner {
  index = 0;
  constructor(private readonly text: string) {}

  fail(expected: string): never {
    throw new ItemIdSyntaxError(this.text, this.index + 1, expected);
  }

  run(test: RegExp, expected: string, exactly?: number): string {
    const start = this.index;
    while (this.index < this.text.length && test.test(this.text[this.index] ?? '')) {
      if (exactly !== undefined && this.index - start === exactly) break;
      this.index++;
    }
    if (this.index === start || (exactly !== undefined && this.index - start < exactly)) this.fail(expected);
    return this.text.slice(start, this.index);
  }

  dash(after: string): void {
    if (this.text[this.index] !== '-') this.fail(`"-" after the ${after}`);
    this.index++;
  }

  end(): void {
    if (this.index !== this.text.length) this.fail('end of id');
  }
}

/**
 * Parses an SCR item id of Appendix B, `<ENABLER>-<GROUP>-<NNN>-<C|S>-<M|O>`,
 * e.g. `DM-PACK-014-C-M`. Throws {@link ItemIdSyntaxError} naming the position of the first
 * character that breaks the grammar.
 */
export function parseItemId(text: string): ItemId {
  const scan = new IdScanner(text);
  const enabler = scan.run(/[A-Z]/, 'an upper-case letter (the enabler, e.g. DM)');
  scan.dash('enabler');
  const group = scan.run(/[A-Z]/, 'an upper-case letter (the group, e.g. PACK)');
  scan.dash('group');
  const digits = scan.run(/[0-9]/, 'a digit (the three-digit number)', 3);
  scan.dash('number');
  const role = scan.run(/[CS]/, '"C" or "S" (the role)', 1) as RoleLetter;
  scan.dash('role');
  const status = scan.run(/[MO]/, '"M" or "O" (the status)', 1) as ItemStatus;
  scan.end();
  return { id: text, enabler, group, number: Number(digits), role, status };
}

/** True when the text is a well-formed SCR item id . */
export function isItemId(text: string): boolean {
  try {
    parseItemId(text);
    return true;
  } catch {
    return false;
  }
}

/** Result of {@link normaliseItemId}: the repaired id and the repairs applied (none: unchanged). */
export interface NormalisedItemId {
  id: string;
  original: string;
  fixes: string[];
}

/**
 * Repairs the known misspellings of Appendix B ids (`SCR_ID_TYPO_FIXES`): a stray
 * space, the digit 0 for the status letter O. Used on import for editions that ask for it; the
 * caller keeps `original` as an alias when `fixes` is not empty.
 */
export function normaliseItemId(raw: string): NormalisedItemId {
  let id = raw;
  const fixes: string[] = [];
  for (const fix of SCR_ID_TYPO_FIXES) {
    const repaired = id.replace(fix.pattern, fix.replacement);
    if (repaired !== id) fixes.push(fix.name);
    id = repaired;
  }
  return { id, original: raw, fixes };
}
