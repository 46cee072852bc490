import { SCR_EXPRESSION_KEYWORDS } from './interpretations.js';
import { ItemIdSyntaxError, normaliseItemId, parseItemId } from './item-id.js';

/**
 * A parsed Requirement-column expression of Appendix B: item references combined
 * with NOT, AND, OR. `position` is the 1-based character where the node starts in the text.
 */
export type Requirement =
  | { kind: 'item'; id: string; position: number }
  | { kind: 'not'; operand: Requirement; position: number }
  | { kind: 'and'; operands: Requirement[]; position: number }
  | { kind: 'or'; operands: Requirement[]; position: number };

/**
 * A Requirement text that does not follow the SCR notation. `position` is 1-based; the message
 * says what was expected there and what was found.
 */
export class RequirementSyntaxError extends Error {
  override readonly name = 'RequirementSyntaxError';
  constructor(
    readonly position: number,
    readonly expected: string,
    found: string,
  ) {
    super(`position ${position}: expected ${expected}, found ${found}`);
  }
}

type Token =
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not'; text: string; position: number }
  | { kind: 'item'; text: string; id: string; position: number }
  | { kind: 'end'; text: ''; position: number };

/** Options of {@link parseRequirement}. */
export interface ParseRequirementOptions {
  /** Repair known misspellings of item ids before checking them. */
  normaliseIds?: boolean;
}

const WORD = /[A-Za-z0-9_-]/;

type KeywordKind = keyof typeof SCR_EXPRESSION_KEYWORDS;

/** Throws when a word is an operator written in the wrong case (`and`), which is not guessed. */
function keywordOf(word: string, position: number): KeywordKind | undefined {
  for (const [kind, keyword] of Object.entries(SCR_EXPRESSION_KEYWORDS) as [KeywordKind, string][]) {
    if (word === keyword) return kind;
    if (word.toUpperCase() === keyword) {
      throw new RequirementSyntaxError(position, `the operator in upper case (${keyword})`, JSON.stringify(word));
    }
  }
  return undefined;
}

function tokenize(text: string, options: ParseRequirementOptions): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const position = i + 1;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'lparen' : 'rparen', text: char, position });
      i++;
    } else if (WORD.test(char)) {
      let end = i;
      while (end < text.length && WORD.test(text[end] ?? '')) end++;
      const word = text.slice(i, end);
      const keyword = keywordOf(word, position);
      if (keyword) tokens.push({ kind: keyword, text: word, position });
      else tokens.push({ kind: 'item', text: word, id: checkedItemId(word, position, options), position });
      i = end;
    } else {
      throw new RequirementSyntaxError(position, 'an item id, NOT, "(" or ")"', JSON.stringify(char));
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length + 1 });
  return tokens;
}

function checkedItemId(word: string, position: number, options: ParseRequirementOptions): string {
  const id = options.normaliseIds ? normaliseItemId(word).id : word;
  try {
    return parseItemId(id).id;
  } catch (err) {
    if (!(err instanceof ItemIdSyntaxError)) throw err;
    const at = position + err.position - 1;
    throw new RequirementSyntaxError(at, `${err.expected} in item id ${JSON.stringify(word)}`, describeChar(word, err.position));
  }
}

function describeChar(word: string, position: number): string {
  const char = word[position - 1];
  return char === undefined ? 'end of the word' : JSON.stringify(char);
}

function describeToken(token: Token): string {
  return token.kind === 'end' ? 'end of expression' : JSON.stringify(token.text);
}

/** Recursive descent over the grammar in docs/reference/scr.md: or := and {OR and}; and := not {AND not}; not := NOT not | primary. */
class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  parseAll(): Requirement {
    const expression = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      const expected = rest.kind === 'rparen' ? 'AND, OR or end of expression (no "(" to close)' : 'AND, OR or end of expression';
      throw new RequirementSyntaxError(rest.position, expected, describeToken(rest));
    }
    return expression;
  }

  private parseOr(): Requirement {
    return this.parseChain('or', () => this.parseAnd());
  }

  private parseAnd(): Requirement {
    return this.parseChain('and', () => this.parseNot());
  }

  private parseChain(kind: 'and' | 'or', operand: () => Requirement): Requirement {
    const first = operand();
    const operands = [first];
    while (this.peek().kind === kind) {
      this.next();
      operands.push(operand());
    }
    return operands.length === 1 ? first : { kind, operands, position: first.position };
  }

  private parseNot(): Requirement {
    const token = this.peek();
    if (token.kind === 'not') {
      this.next();
      return { kind: 'not', operand: this.parseNot(), position: token.position };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Requirement {
    const token = this.next();
    if (token.kind === 'item') return { kind: 'item', id: token.id, position: token.position };
    if (token.kind === 'lparen') {
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== 'rparen') {
        throw new RequirementSyntaxError(close.position, `")" to close the "(" at position ${token.position}`, describeToken(close));
      }
      return inner;
    }
    throw new RequirementSyntaxError(token.position, 'an item id, NOT or "("', describeToken(token));
  }
}

/**
 * Parses a Requirement-column expression of Appendix B (SCR notation, Appendix B): item ids,
 * `NOT`, `AND`, `OR` and parentheses, precedence NOT > AND > OR (`SCR_EXPRESSION_KEYWORDS`).
 * Returns `null` for an empty (or blank) column. Throws {@link RequirementSyntaxError} with the
 * 1-based position and what was expected.
 */
export function parseRequirement(text: string, options: ParseRequirementOptions = {}): Requirement | null {
  if (text.trim() === '') return null;
  return new Parser(tokenize(text, options)).parseAll();
}

/** What an expression is evaluated against: the set of supported item ids, or a predicate. */
export type SupportedItems = ReadonlySet<string> | ((id: string) => boolean);

/**
 * Evaluates a requirement (parsed, or as text) with each item reference true when the item is
 * in `supported` (Appendix B). An empty requirement holds.
 */
export function evaluate(expression: Requirement | string | null, supported: SupportedItems): boolean {
  const tree = typeof expression === 'string' ? parseRequirement(expression) : expression;
  if (tree === null) return true;
  const has = typeof supported === 'function' ? supported : (id: string) => supported.has(id);
  return evaluateNode(tree, has);
}

function evaluateNode(node: Requirement, has: (id: string) => boolean): boolean {
  switch (node.kind) {
    case 'item':
      return has(node.id);
    case 'not':
      return !evaluateNode(node.operand, has);
    case 'and':
      return node.operands.every((operand) => evaluateNode(operand, has));
    case 'or':
      return node.operands.some((operand) => evaluateNode(operand, has));
  }
}

/** The item ids a requirement refers to, in order of first appearance (Appendix B). */
export function referencesOf(expression: Requirement | null): string[] {
  const found: string[] = [];
  const walk = (node: Requirement): void => {
    if (node.kind === 'item') {
      if (!found.includes(node.id)) found.push(node.id);
    } else if (node.kind === 'not') walk(node.operand);
    else node.operands.forEach(walk);
  };
  if (expression) walk(expression);
  return found;
}

/**
 * Prints a requirement with every AND/OR group in parentheses, e.g. `(A OR (B AND C))`, so the
 * structure the parser chose is visible (Appendix B notation; used in tests and `scr show`).
 */
export function formatRequirement(expression: Requirement | null): string {
  if (expression === null) return '';
  switch (expression.kind) {
    case 'item':
      return expression.id;
    case 'not':
      return `${SCR_EXPRESSION_KEYWORDS.not} ${formatRequirement(expression.operand)}`;
    case 'and':
    case 'or':
      return `(${expression.operands.map(formatRequirement).join(` ${SCR_EXPRESSION_KEYWORDS[expression.kind]} `)})`;
  }
}
