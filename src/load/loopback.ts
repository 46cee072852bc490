import { isIP } from 'node:net';

/**
 * True when a URL names this machine by a loopback literal (127.0.0.0/8, also IPv4-mapped, ::1) or `localhost`.
 * Names are not resolved: a name that merely resolves to loopback still counts as remote, so
 * load is never sent elsewhere by a DNS answer.
 */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  // The URL parser writes an IPv4-mapped address as `::ffff:<hex>:<hex>`; 7fxx is 127.x.
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
  return false;
}
