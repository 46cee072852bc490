import type { NotifyTarget } from '../../../reference/server/index.js';
import { UsageError } from '../../errors.js';

/** The forms `--notify` / `--transport` take, for help texts. */
export const NOTIFY_TARGET_FORMS = 'udp://HOST:PORT, http(s)://URL, gcm[:REG-ID], shell:COMMAND ({{hex}} = the bytes) or print';

/**
 * Reads a notification transport written as one string (App E): `udp://host:port` (WAP Push
 * datagram), an `http(s)://` listener URL, `gcm` or `gcm:<registration id>`, `shell:<command>`,
 * or `print`. Throws UsageError naming the flag.
 */
export function parseNotifyTarget(text: string, flag: string): NotifyTarget {
  if (text === 'print') return { transport: 'print' };
  if (text === 'gcm') return { transport: 'gcm' };
  if (text.startsWith('gcm:')) return { transport: 'gcm', regId: text.slice(4) };
  if (text.startsWith('shell:') && text.length > 6) return { transport: 'shell', command: text.slice(6) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${flag} ${JSON.stringify(text)}: not a transport; use ${NOTIFY_TARGET_FORMS}`);
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { transport: 'http', url: url.href };
  if (url.protocol === 'udp:') {
    const port = url.port === '' ? undefined : Number(url.port);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return { transport: 'udp', ...(host === '' ? {} : { host }), ...(port === undefined ? {} : { port }) };
  }
  throw new UsageError(`${flag} ${JSON.stringify(text)}: unknown scheme ${url.protocol}; use ${NOTIFY_TARGET_FORMS}`);
}
