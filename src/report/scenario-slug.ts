/**
 * A scenario's stable id: the slug of its describe titles and test title,
 * e.g. `['5.2.4 Package#3', 'no Package#3 after END']` → `5.2.4-package-3/no-package-3-after-end`.
 * The plan (`dmct run`) and the reporter both derive it with this function, so they agree.
 */
export function scenarioSlug(titles: readonly string[]): string {
  const parts = titles
    .map((title) =>
      title
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9.]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, ''),
    )
    .filter((part) => part !== '');
  return parts.length === 0 ? 'untitled' : parts.join('/');
}
