import type { NodeLocation } from './location.js';

/**
 * True when the server's `cv` equals the current cache validator of the location's instance
 * (section 11.2): the client then answers 304 and sends no data. Validators are per instance
 * (section 11.1), so a `cv` on a non-root ClientURI is compared with its instance's validator.
 */
export function cacheValidatorMatches(location: NodeLocation, cv: string | undefined): boolean {
  return cv !== undefined && cv === location.instance.cv;
}
