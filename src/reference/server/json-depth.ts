/**
 * Deepest JSON nesting the server keeps from a peer. Far beyond any DM package or MO tree seen
 * in the text, and far below what structuredClone / JSON.stringify can copy without running out
 * of stack (a few thousand levels), which a hostile peer could otherwise force.
 */
export const MAX_JSON_DEPTH = 64;

/** True when a parsed JSON value nests objects or arrays deeper than `limit` (checked without recursion). */
export function exceedsJsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}
