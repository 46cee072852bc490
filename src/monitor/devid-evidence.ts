/**
 * What a capture shows of a device's DevInfo DevID, against which the passive judge holds the
 * OMADM-DevID header of its packages (§5.2.2: the header carries the value of DevInfo/DevID): the
 * client's answer to a GET of that leaf (§5.3.6, App F).
 */
import { parseClientUri } from '../protocol/addressing/client-uri.js';
import { parseMediaType } from '../protocol/http/media-types.js';
import type { MultipartDataPart } from '../protocol/http/multipart.js';
import type { Package2 } from '../protocol/schemas/package2.schema.js';

/** DevInfo's MOID without its version (§12.1): any version of the MO holds the same DevID leaf. */
const DEVINFO_MOID_PREFIX = 'urn:oma:mo:oma-dm-devinfo:';
/** Longer than any DevID a device sends in a header; a part beyond it is not read as one. */
const MAX_DEVID_CHARS = 1024;

/** True when `uri` (a GET's ClientURI) addresses the DevID leaf of one DevInfo instance. */
export function addressesDevInfoDevId(uri: unknown): boolean {
  if (typeof uri !== 'string') return false;
  const parsed = parseClientUri(uri).value;
  if (!parsed?.moid.startsWith(DEVINFO_MOID_PREFIX) || parsed.instance.kind === 'all') return false;
  const [only, ...more] = parsed.path;
  return more.length === 0 && only?.kind === 'real-name' && only.name === 'DevID';
}

/**
 * The DevIDs a Package#3 reports for the GETs of DevInfo/DevID its Package#2 sent, by command
 * index: a 200 whose data part is the raw leaf value (`text/plain`, App F). A part in another form
 * (an MO data document) or not UTF-8 is not read: that GET shows nothing here.
 */
export function reportedDevIds(
  package2: Package2,
  statuses: readonly { sc: number }[],
  parts: ReadonlyMap<number, MultipartDataPart> | undefined,
): { index: number; devId: string }[] {
  return package2.CMD.flatMap((entry, index) => {
    if (entry[0] !== 'GET' || !addressesDevInfoDevId(entry[1]) || statuses[index]?.sc !== 200) return [];
    const part = parts?.get(index);
    if (!part || parseMediaType(part.mediaType)?.essence !== 'text/plain' || part.body.length > MAX_DEVID_CHARS * 4) return [];
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(part.body);
    } catch {
      return [];
    }
    return text.length > MAX_DEVID_CHARS ? [] : [{ index, devId: text }];
  });
}
