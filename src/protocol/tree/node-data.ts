/** A node name (section 6.3.1 Name): `1*unreserved` of RFC 3986. */
const NODE_NAME = /^[A-Za-z0-9\-._~]+$/;

/** Most problems one check lists; the rest are counted. */
const MAX_PROBLEMS = 20;

/**
 * What the MO definition rules of section 6.3.1 forbid in the dmmo+json data of a subtree
 * (section 7.2.1.4): a node name that is not `1*unreserved`, or a value that is neither an
 * interior node (a JSON object) nor a leaf of one of the formats (string, number, boolean, null).
 * `where` prefixes the paths in the messages; the walk stops at depth 32.
 */
export function nodeDataProblems(members: Record<string, unknown>, where = ''): string[] {
  const problems: string[] = [];
  const walk = (node: Record<string, unknown>, path: string, depth: number): void => {
    if (depth > 32) return;
    for (const [name, value] of Object.entries(node)) {
      if (problems.length >= MAX_PROBLEMS) return;
      const at = `${path}${name}`;
      if (!NODE_NAME.test(name)) problems.push(`node name ${JSON.stringify(at)} is not 1*unreserved`);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) walk(value as Record<string, unknown>, `${at}/`, depth + 1);
      else if (Array.isArray(value) || (value !== null && !['string', 'number', 'boolean'].includes(typeof value)))
        problems.push(`${at} holds ${JSON.stringify(value).slice(0, 60)}, no node format's value`);
    }
  };
  walk(members, where, 0);
  return problems;
}
