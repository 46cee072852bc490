import type { Violation } from '../protocol/violation.js';

/** The server item of the seed's Appendix B for a Package#2's form (§5.2.3, §7.2.1.2). */
export const PACKAGE2_ITEM = 'DM-PACK-012-S-M';
/** The server item for ending a session with END (§5.3.9). */
export const END_ITEM = 'DM-PACK-022-S-M';

/** The server item of each command's parameter rules (§5.3.1–§5.3.10), seed table numbering. */
const COMMAND_ITEMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    HGET: 'DM-PACK-014-S-M',
    HPUT: 'DM-PACK-015-S-M',
    HPOST: 'DM-PACK-016-S-M',
    DELETE: 'DM-PACK-017-S-M',
    EXEC: 'DM-PACK-018-S-M',
    GET: 'DM-PACK-019-S-M',
    SHOW: 'DM-PACK-020-S-M',
    CONT: 'DM-PACK-021-S-M',
    END: END_ITEM,
    DEFAULT: 'DM-PACK-023-S-M',
  }),
);

/** Rules about ending a session, whatever command they point at. */
const END_RULES = new Set(['package2-cmd-empty', 'command-end-not-last', 'session-not-ended']);

/** Rules about the Package#2's form rather than one command's parameters. */
const FORM_RULES = new Set([
  'command-unknown',
  'command-param-not-string',
  'command-name-not-string',
  'command-empty',
  'command-not-array',
]);

/**
 * The SCR item a violation found in a Package#2 counts against, so that one broken rule fails
 * one item: END placement and sessions never ended → DM-PACK-022-S-M;
 * a command's parameter count or URI syntax (pointer `/CMD/<i>…` on a known command) → that
 * command's item; everything else (HTTP status and media type, schema, non-string entries,
 * unknown commands) → the Package#2 item DM-PACK-012-S-M.
 */
export function itemOfPackage2Violation(violation: Violation, package2: { CMD: readonly (readonly unknown[])[] } | undefined): string {
  if (END_RULES.has(violation.rule)) return END_ITEM;
  if (FORM_RULES.has(violation.rule)) return PACKAGE2_ITEM;
  const index = /^\/CMD\/(\d+)/.exec(violation.pointer ?? '')?.[1];
  const name = index === undefined ? undefined : package2?.CMD[Number(index)]?.[0];
  const item = typeof name === 'string' ? COMMAND_ITEMS.get(name) : undefined;
  return item ?? PACKAGE2_ITEM;
}
