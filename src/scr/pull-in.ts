import { evaluate, type Requirement } from './expression.js';

/** What {@link pulledInItems} needs to know of the claims and the table. */
export interface PullInContext {
  /** The requirement of an item, null when it has none or is unknown. */
  expressionOf: (id: string) => Requirement | null;
  /** Whether the claims make the item supported (claimed, or mandatory and not declined). */
  supported: (id: string) => boolean;
  /** Whether the claims declare the item not implemented. */
  declined: (id: string) => boolean;
}

/**
 * The items a requirement obliges the implementation to support (Appendix B, implication
 * reading): every item named under AND, and in an OR group that the claims do not satisfy yet,
 * the one member that could still hold when it is the only one (an OR group with several open
 * members names no single item). NOT names nothing: what must be absent is not pulled in.
 */
function needs(node: Requirement, context: PullInContext): string[] {
  switch (node.kind) {
    case 'item':
      return [node.id];
    case 'not':
      return [];
    case 'and':
      return node.operands.flatMap((operand) => needs(operand, context));
    case 'or': {
      if (evaluate(node, context.supported)) return [];
      const possible = node.operands.filter((operand) => evaluate(operand, (id) => !context.declined(id)));
      const [only] = possible;
      return possible.length === 1 && only ? needs(only, context) : [];
    }
  }
}

/**
 * Under the implication reading of Appendix B (item X supported ⇒ X's requirement holds), the items that are required
 * of the implementation only because a required item's requirement names them: starting from the
 * supported items, each requirement pulls in the items it needs, transitively. Returns, for each
 * pulled-in item that is not supported by the claims themselves, the first item whose requirement
 * pulled it in. Items declared not implemented are never pulled in (their absence is a finding of
 * the requiring item instead).
 */
export function pulledInItems(roots: readonly string[], context: PullInContext): Map<string, string> {
  const pulledBy = new Map<string, string>();
  const queue = roots.filter((id) => context.supported(id));
  const seen = new Set(queue);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const expression = context.expressionOf(next);
    if (expression === null) continue;
    for (const id of needs(expression, context)) {
      if (seen.has(id) || context.declined(id)) continue;
      seen.add(id);
      queue.push(id);
      if (!context.supported(id)) pulledBy.set(id, next);
    }
  }
  return pulledBy;
}
