import { isIP } from 'node:net';

/**
 * Where a target may make dmct send requests (the HGET, HPUT, HPOST, SHOW, SUB, EXEC and CONT
 * ServerURIs it sends, in run and load mode): an allow-list of `host` or `host:port` entries
 * (claims `network.allowHosts`, plus the target's own host and dmct's own endpoints).
 *
 * Hosts are compared after normalisation, never by what a name resolves to: an IPv4 address in any
 * form the URL parser accepts (decimal `2130706433`, hex `0x7f.1`) and an IPv4-mapped IPv6
 * address (`[::ffff:7f00:1]`) count as the dotted IPv4 address they are, while a name counts
 * only as the name written, so no DNS answer can widen the list.
 */
export class EgressPolicy {
  readonly #entries: { host: string; port?: string }[] = [];

  constructor(entries: readonly string[] = []) {
    for (const entry of entries) this.allow(entry);
  }

  /** Adds an entry: `host`, `host:port`, `[v6]` or `[v6]:port`, or a URL (its host and port). Unusable entries are ignored. */
  allow(entry: string): void {
    const parsed = parseEntry(entry);
    if (parsed !== undefined && !this.#entries.some((known) => known.host === parsed.host && known.port === parsed.port))
      this.#entries.push(parsed);
  }

  /** Why dmct must not send a request to `url`, or undefined when it may. */
  refusal(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined; // Not a URL: the HTTP client refuses it as such.
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    const host = normalHost(parsed.hostname);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? '443' : '80') : parsed.port;
    if (this.#entries.some((entry) => entry.host === host && (entry.port === undefined || entry.port === port))) return undefined;
    const shown = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    return `${shown} is not an allowed host (claims network.allowHosts; allowed: ${this.describe()})`;
  }

  /** The entries, as one line. */
  describe(): string {
    return this.#entries.length === 0
      ? 'none'
      : this.#entries
          .map((entry) => (entry.host.includes(':') ? `[${entry.host}]` : entry.host) + (entry.port === undefined ? '' : `:${entry.port}`))
          .join(', ');
  }
}

/** The host as compared: lower case, no brackets or final dot, an IPv4-mapped IPv6 address as dotted IPv4. */
function normalHost(hostname: string): string {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(host) !== 6) return host;
  // The URL parser writes every IPv4-mapped form as `::ffff:<hex>:<hex>`.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped === null) return host;
  const high = parseInt(mapped[1] ?? '0', 16);
  const low = parseInt(mapped[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function parseEntry(entry: string): { host: string; port?: string } | undefined {
  const text = entry.trim();
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return undefined;
  }
  const explicitPort = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? url.port || (url.protocol === 'https:' ? '443' : '80')
    : /(?:^\[[^\]]*\]|^[^:]*):(\d+)$/.exec(text)?.[1];
  const host = normalHost(url.hostname);
  return explicitPort === undefined ? { host } : { host, port: String(Number(explicitPort)) };
}
