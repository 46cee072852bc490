import { encodePointerPart } from './claims-violations.js';
import type { Placeholder } from './schemas/applicability.schema.js';

/** What `dmct claims init` writes where only the implementation knows the value (secrets, auth data). */
export const TEMPLATE_PLACEHOLDER = 'change-me';

/**
 * Every value of the claims still holding {@link TEMPLATE_PLACEHOLDER}, with its JSON Pointer
 * (`$comment` text aside). Bounded by the claims' own size: claims files are capped when read.
 */
export function findPlaceholders(claims: unknown): Placeholder[] {
  const found: Placeholder[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (value === TEMPLATE_PLACEHOLDER) found.push({ pointer, value });
    else if (Array.isArray(value)) value.forEach((entry, index) => walk(entry, `${pointer}/${index}`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, entry] of Object.entries(value)) if (key !== '$comment') walk(entry, `${pointer}/${encodePointerPart(key)}`);
    }
  };
  walk(claims, '');
  return found;
}
