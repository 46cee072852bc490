import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

/** Resolves a host name to every address it has (the system resolver, as node:http would). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveWithSystem: ResolveHost = (hostname) => dnsLookup(hostname, { all: true });

/**
 * The connection lookup of a load run: the target's host name answers with the addresses it had
 * when the run started, every other name with an error. A DNS answer that changes during the run
 * (DNS rebinding: the target's own name turned to 127.0.0.1 or an internal address) therefore
 * cannot move the load, CONT included, to another machine or port owner. IP literals never reach
 * a lookup.
 */
export function pinnedLookup(hostname: string, resolved: Promise<LookupAddress[]>): LookupFunction {
  const pinned = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (name, options, callback) => {
    if (name.toLowerCase() !== pinned) {
      const error: NodeJS.ErrnoException = new Error(`${name} is not the load target's host ${pinned}`);
      error.code = 'ENOTFOUND';
      callback(error, '', 0);
      return;
    }
    resolved.then(
      (addresses) => {
        const usable = addresses.filter((entry) => options.family === undefined || options.family === 0 || entry.family === options.family);
        const first = usable[0];
        if (first === undefined) {
          const error: NodeJS.ErrnoException = new Error(`${name} has no address of family ${String(options.family)}`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
        } else if (options.all === true) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** The pinned lookup for a target URL, or undefined when its host is an IP literal (nothing to resolve). */
export function targetLookup(targetUrl: string, resolve: ResolveHost = resolveWithSystem): LookupFunction | undefined {
  const hostname = new URL(targetUrl).hostname.replace(/^\[|\]$/g, '');
  if (isIP(hostname) !== 0) return undefined;
  const resolved = resolve(hostname);
  resolved.catch(() => undefined); // Every connection reports the failure; none is left unhandled.
  return pinnedLookup(hostname, resolved);
}
