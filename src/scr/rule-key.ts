import { scrRulesSchema } from './schemas/scr-rules.schema.js';

/**
 * A rule key: the section of the approved text holding a rule, a slash, and a kebab-case slug
 * (`5.4.1/async-reporting`). Unlike an item id it does not change when an edition renumbers its
 * tables; each edition's `rules.json` says which of its items hold which rules.
 */
export const RULE_KEY_PATTERN = new RegExp(scrRulesSchema.$defs.RuleKey.pattern);

/** True when the text is a rule key. */
export function isRuleKey(text: string): boolean {
  return RULE_KEY_PATTERN.test(text);
}

/** The section part of a rule key (`5.4.1/async-reporting` → `5.4.1`). */
export function sectionOfRule(rule: string): string {
  return rule.slice(0, rule.indexOf('/'));
}

/** The rule keys a scenario's Playwright tags name (`@5.2.4/package3`), in order; other tags are ignored. */
export function rulesOfTags(tags: readonly string[]): string[] {
  return tags.flatMap((tag) => (tag.startsWith('@') && isRuleKey(tag.slice(1)) ? [tag.slice(1)] : []));
}
