import { MIID_PATTERN, MOID_NOT_URN_SEVERITY } from '../interpretations/packages.js';
import type { Violation } from '../violation.js';
import { PCHAR_NAME } from './uri-syntax.js';

/**
 * Checks a MOID (§6.3, §7.3 of the digest): non-empty, URI characters only, no `/` (MOIDs are
 * URNs, which is what lets a ClientURI split at its first `/`); one that is not a `urn:` gets
 * `MOID_NOT_URN_SEVERITY`. Rule ids `moid-empty`, `moid-syntax`, `moid-not-urn`.
 */
export function checkMoid(moid: string, pointer?: string): Violation[] {
  const at = pointer === undefined ? {} : { pointer };
  if (moid === '') return [{ rule: 'moid-empty', section: '6.3', severity: 'error', message: 'the MOID is empty', ...at }];
  if (!PCHAR_NAME.test(moid)) {
    return [
      {
        rule: 'moid-syntax',
        section: '6.3',
        severity: 'error',
        message: `MOID ${JSON.stringify(moid)} holds "/" or characters a URI may not`,
        ...at,
      },
    ];
  }
  if (!/^urn:/i.test(moid)) {
    return [
      {
        rule: 'moid-not-urn',
        section: '6.3',
        severity: MOID_NOT_URN_SEVERITY,
        message: `MOID ${JSON.stringify(moid)} is not a URN`,
        ...at,
      },
    ];
  }
  return [];
}

/** Checks a MIID: `1*unreserved` (`MIID_PATTERN`, INFERRED, §6.1.1.1). Rule id `miid-syntax`. */
export function checkMiid(miid: string, pointer?: string): Violation[] {
  if (MIID_PATTERN.test(miid)) return [];
  return [
    {
      rule: 'miid-syntax',
      section: '6.1.1.1',
      severity: 'error',
      message: `MIID ${JSON.stringify(miid)} is not 1*unreserved`,
      ...(pointer === undefined ? {} : { pointer }),
    },
  ];
}
