/**
 * Bounds on JSON a peer sends, checked before or without recursion: dmct's own code must not run
 * out of stack on what a hostile target nests or floods (JSON.stringify, structuredClone and
 * argument spreads all recurse or copy onto the stack).
 */

/**
 * Deepest JSON nesting kept from a peer (claims `limits.maxJsonDepth`). Far beyond any DM package
 * or MO tree seen in the text, and far below what structuredClone / JSON.stringify can copy
 * without running out of stack (a few thousand levels).
 */
export const MAX_JSON_DEPTH = 64;

/** Most commands read from one Package#2 (claims `limits.maxCommands`). */
export const MAX_COMMANDS = 1000;

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

/**
 * True when JSON text nests `[` / `{` deeper than `limit`, found by one scan of the raw text
 * (string literals skipped), so a hostile body is refused before JSON.parse builds it.
 */
export function jsonTextExceedsDepth(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}

/** Appends every item without spreading them as arguments (a spread of ~100k items overflows the stack). */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * True when `value` serialised as JSON would take more than `limit` characters, estimated without
 * recursion and without building the text: the walk stops as soon as the estimate passes the limit
 * (string escapes are not counted, so the estimate is a lower bound).
 */
export function jsonLengthExceeds(value: unknown, limit: number): boolean {
  let length = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string') length += node.length + 2;
    else if (node === null || typeof node !== 'object') length += String(node).length;
    else {
      const entries = Object.entries(node);
      length += 2 + Math.max(0, entries.length - 1);
      const isArray = Array.isArray(node);
      for (const [key, child] of entries) {
        if (!isArray) length += key.length + 3;
        pending.push(child);
      }
    }
    if (length > limit) return true;
  }
  return false;
}
