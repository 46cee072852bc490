import type { Edition } from './edition.js';
import type { ScrRole } from './item-id.js';
import { claimsSchema } from './schemas/claims.schema.js';

type Json = Record<string, unknown>;
type SchemaNode = Json;

const ROOT = claimsSchema as unknown as SchemaNode;

/** Follows local `$ref`s (`#/$defs/X`, `#/$defs/X/properties/y`) to the schema they name; another schema's `$ref` is dropped, keeping its siblings. */
function resolve(node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current['$ref'] === 'string' && hops < 10; hops++) {
    if (!current['$ref'].startsWith('#/')) {
      // Another schema's type (a Package#2): its siblings here say what the template needs.
      const { $ref: _other, ...siblings } = current;
      return siblings;
    }
    const path = (current['$ref'] as string).replace(/^#\//, '').split('/');
    const target = path.reduce<unknown>((value, part) => (value as Json | undefined)?.[part], ROOT) as SchemaNode | undefined;
    if (!target) throw new Error(`claims schema: unresolvable $ref ${String(current['$ref'])}`);
    // Sibling keywords of a $ref (description, default, examples) win over the target's.
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

function describe(node: SchemaNode): string {
  const resolved = resolve(node);
  const text = typeof resolved['description'] === 'string' ? resolved['description'] : '';
  const fallback = resolved['default'];
  const shown =
    fallback === undefined || (typeof fallback === 'object' && fallback !== null) ? '' : ` Default: ${JSON.stringify(fallback)}.`;
  return `${text}${shown}`.trim();
}

function firstExample(node: SchemaNode): unknown {
  const examples = node['examples'];
  return Array.isArray(examples) ? examples[0] : undefined;
}

function isObjectSchema(node: SchemaNode): boolean {
  return typeof node['properties'] === 'object';
}

/** The `oneOf` branch whose `kind` constant matches the value (Trigger). */
function branchFor(node: SchemaNode, value: unknown): SchemaNode | undefined {
  const branches = (node['oneOf'] as SchemaNode[] | undefined)?.map(resolve) ?? [];
  const kind = (value as Json | undefined)?.['kind'];
  return branches.find((b) => ((b['properties'] as Json | undefined)?.['kind'] as Json | undefined)?.['const'] === kind);
}

/**
 * A value for one schema node: the given value, else the first example, else the default; an
 * object schema becomes an object with a `$comment` that explains each field (from the schema's
 * descriptions), holding the fields that are required, have a default, or have an example.
 */
function build(node: SchemaNode, given: unknown, skip: ReadonlySet<string> = new Set()): unknown {
  const schema = resolve(node);
  const value = given ?? firstExample(schema) ?? schema['default'];
  if (schema['oneOf']) {
    const branch = branchFor(schema, value);
    return branch ? build(branch, value) : value;
  }
  if (!isObjectSchema(schema) || (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))) {
    return value;
  }
  const properties = schema['properties'] as Record<string, SchemaNode>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const provided = value as Json | undefined;
  const hasExplicitValue = provided !== undefined && Object.keys(provided).length > 0;
  const out: Json = {};
  const comment: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (name === '$comment' || name === '$schema' || skip.has(name)) continue;
    const resolved = resolve(property);
    const include = hasExplicitValue
      ? provided[name] !== undefined
      : required.has(name) || resolved['default'] !== undefined || firstExample(resolved) !== undefined;
    if (include) {
      out[name] = build(property, provided?.[name]);
      comment.push(`${name}: ${describe(property)}`);
    } else {
      comment.push(`${name} (optional, not set): ${describe(property)}`);
    }
  }
  return comment.length > 0 ? { $comment: comment, ...out } : out;
}

function itemLines(edition: Edition, role: ScrRole): string[] {
  const items = edition.tables[role].items;
  const line = (id: string, fn: string, section: string, requirement: string) =>
    `${id}  ${fn} (${section})${requirement ? ` — requirement: ${requirement}` : ''}`;
  const optional = items.filter((item) => item.status === 'O');
  const conditional = items.filter((item) => item.status === 'M' && item.expression !== null);
  const lines = [
    optional.length > 0
      ? `implements: put here the optional items you support (edition ${edition.name}, ${edition.tables[role].appendix}); notImplemented: items you declare unsupported.`
      : `implements / notImplemented: edition ${edition.name} has no optional ${role} items; every item of ${edition.tables[role].appendix} is mandatory.`,
    ...optional.map((item) => line(item.id, item.function, item.section, item.requirement)),
  ];
  if (conditional.length > 0) {
    const meaning =
      edition.requirementSemantics === 'precondition'
        ? 'mandatory only when their requirement holds under your claims'
        : 'mandatory; their requirement must hold';
    lines.push(`Items with a requirement (${meaning}):`, ...conditional.map((i) => line(i.id, i.function, i.section, i.requirement)));
  }
  return lines;
}

/**
 * `{{name}}` and `{{name.member}}` with what each holds: the documented trigger input
 * (claims.schema.json `TriggerInput`), one level of members deep (options, dmct).
 */
function inputLines(): string[] {
  const input = resolve({ $ref: '#/$defs/TriggerInput' });
  const lines = [`Trigger input (what placeholders address; the argument of a module trigger's function): ${describe(input)}`];
  for (const [name, property] of Object.entries((input['properties'] as Record<string, SchemaNode> | undefined) ?? {})) {
    const resolved = resolve(property);
    const example = firstExample(resolved);
    lines.push(`  {{${name}}}: ${describe(property)}${example === undefined ? '' : ` Example: ${JSON.stringify(example)}`}`);
    for (const [member, sub] of Object.entries((resolved['properties'] as Record<string, SchemaNode> | undefined) ?? {})) {
      if (name === 'package2') continue;
      lines.push(`    {{${name}.${member}}}: ${describe(sub) || 'see above'}`);
    }
  }
  return lines;
}

/**
 * A complete claims template for one role (ICS + IXIT; claims.schema.json): every optional item
 * of the edition's table listed with its function, every IXIT field with its meaning in `$comment`
 * lines generated from the schema's descriptions, and example or default values that validate.
 */
export function buildClaimsTemplate(edition: Edition, role: ScrRole): Json {
  const otherRole: ScrRole = role === 'client' ? 'server' : 'client';
  const top = build(ROOT, undefined, new Set([otherRole])) as Json;
  const { $comment: fieldComments, ...fields } = top;
  const roleSection = build((ROOT['properties'] as Record<string, SchemaNode>)[role] ?? {}, undefined);
  return {
    $schema: claimsSchema.$id,
    $comment: [
      `dmct claims (ICS + IXIT) for a DM ${role} under test; check it with: dmct scr check <this file>.`,
      ...itemLines(edition, role),
      ...(fieldComments as string[]).filter((line) => !line.startsWith(`${role} `) && !line.startsWith(`${role}:`)),
      `${role}: ${describe((ROOT['properties'] as Record<string, SchemaNode>)[role] ?? {})}`,
      `Templates (trigger url, headers, body, command, prompt): ${describe((ROOT['$defs'] as Record<string, SchemaNode>)['Template'] ?? {})}`,
      ...inputLines(),
    ],
    ...fields,
    role,
    edition: edition.name,
    [role]: roleSection,
  };
}
