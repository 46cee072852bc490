import type { NodeFormat } from '../tree/node.js';

/**
 * JSON type of each leaf format in `application/dmmo+json` (section 7.2.1.4: a leaf "has the type
 * of the DDF format"). UNCONFIRMED: the text maps only `int` → number and
 * `chr` → string by example. Reading: numbers for `int`/`float`, booleans for `bool`, `null` for
 * the `null` format, strings for the rest (`b64`/`bin` as base64 text, `xml`, `date`, `time`).
 */
export const LEAF_JSON_TYPE: Readonly<Record<Exclude<NodeFormat, 'node'>, 'string' | 'number' | 'boolean' | 'null'>> = {
  null: 'null',
  b64: 'string',
  bin: 'string',
  bool: 'boolean',
  chr: 'string',
  int: 'number',
  xml: 'string',
  date: 'string',
  time: 'string',
  float: 'number',
};

/**
 * Whether `lv=<n>` counts the addressed node itself as one of the n levels (section 6.1.1.3;
 * §6.1.1.3). UNCONFIRMED. Reading: no — `lv=1` gives the addressed node and its direct
 * children, because the text says "n sub-levels of children". Interior nodes below the cut are
 * serialized as `{}` (section 7.2.1.4: "{} when children are not transferred").
 */
export const LEVEL_COUNTS_ADDRESSED_NODE = false;

/**
 * Status for a ClientURI that does not resolve (no node, or 0 / several matches where one is
 * needed) (section 6.1.2 says only "an error code"). INFERRED from Appendix C
 * 404 "ClientURI not found".
 */
export const UNRESOLVED_CLIENT_URI_STATUS = 404;

/**
 * How a leaf without content appears inside a serialized subtree (section 7.2.1.4 is silent).
 * UNCONFIRMED. Reading: JSON `null`, so that the node's presence is still visible; a GET on the
 * leaf itself answers 204 and carries no data (Appendix C).
 */
export const EMPTY_LEAF_JSON: null = null;

/**
 * MIID a client gives to an instance it creates for HGET data that names no existing instance
 * (section 5.3.1: the client assigns MIIDs). Client's choice; reading: the
 * name of the data's root member when it is free and a valid `real-name` (section 6.1.1),
 * else that name with the smallest free `-<n>` suffix; `miid` when the member name is not
 * usable. App I.2 shows the root member `usb` as MIID `usb`.
 */
export const NEW_INSTANCE_MIID_FALLBACK = 'miid';

/**
 * What names the single member of `MOData` (section 7.2.1.4). UNCONFIRMED: the
 * examples use the instance root node's name (`DevInfo`, `usb`, `SessionInfoMO`), which for an
 * unnamed root is once the MIID. Reading: `node-name` — the addressed node's own name, so the
 * instance root's name for an instance root; `miid` would name instance roots by their MIID.
 */
export const MO_DATA_ROOT_MEMBER: 'node-name' | 'miid' = 'node-name';
