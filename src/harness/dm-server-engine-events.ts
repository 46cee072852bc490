/**
 * What dmct's server side saw a client target do, as events of one ordered log: DM packages
 * (Package#1 and Package#3, on the DM endpoint, a CONT URI or an asynchronous-report URI) and
 * side transfers to the mock endpoints (data repository, web pages).
 */
import type { MultipartDataPart } from '../protocol/http/multipart.js';
import type { MoData } from '../protocol/schemas/mo-data.schema.js';
import type { Package1 } from '../protocol/schemas/package1.schema.js';
import type { Package2 } from '../protocol/schemas/package2.schema.js';
import type { Package3 } from '../protocol/schemas/package3.schema.js';
import type { Violation } from '../protocol/violation.js';
import type { LoggedEvent } from './dm-server-engine-log.js';

/** Which of dmct's DM endpoints a package reached. */
export type DmEndpointKind = 'dm' | 'cont' | 'async';

/** The HTTP request as it arrived (headers lower-cased, body complete). */
export interface ReceivedRequest {
  method: string;
  /** The URL as the target addressed it (public base URL + path and query). */
  url: string;
  /** Path below the origin, without the query. */
  path: string;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
  /** The Content-Type as sent, if any. */
  mediaType?: string;
  /** `seq` of the trace message recording the request. */
  requestSeq: number;
}

/** What dmct answered. */
export interface SentResponse {
  status: number;
  contentType?: string;
  text: string;
  /** `seq` of the trace message recording the response. */
  responseSeq: number;
}

/** A Package#1 or Package#3 (section 5.2.2, 5.2.4), checked with src/protocol. */
export interface PackageEvent extends LoggedEvent, ReceivedRequest {
  type: 'package';
  /** Which package it is: by media type, else by its body (a `Status` member makes a Package#3). */
  package: 1 | 3;
  endpoint: DmEndpointKind;
  /** The OMADM-DevID header, trimmed; undefined when absent. */
  devId?: string;
  /** The session it belongs to (sessions are keyed on OMADM-DevID and endpoint kind). */
  sessionId: number;
  /** Every rule the request broke: envelope, body, statuses against the Package#2 it answers, sequence. */
  violations: Violation[];
  package1?: Package1;
  package3?: Package3;
  /** GET data parts of a multipart Package#3, by zero-based command index (App F). */
  parts?: ReadonlyMap<number, MultipartDataPart>;
  /** For a Package#3: the Package#2 it answers (the last one sent in its session). */
  answers?: Package2;
  /** True for a Package#3 sent after a Package#2 that carried END (section 5.2.4). */
  afterEnd: boolean;
  /** The Package#2 (or other answer) dmct sent back. */
  reply: SentResponse;
}

/** Which mock endpoint a side transfer reached. */
export type SideEndpointKind = 'repository' | 'web';

/** A request to a mock endpoint: an HGET/DEFAULT fetch, an HPUT/HPOST/SUB upload, a SHOW page load. */
export interface EndpointEvent extends LoggedEvent, ReceivedRequest {
  type: 'endpoint';
  endpoint: SideEndpointKind;
  /** The resource name below the endpoint's base path (percent-decoded). */
  name: string;
  /** An upload's body, decoded by its media type. */
  decoded?: { moData?: MoData; text?: string };
  /** What the upload's body broke (e.g. dmmo+json that is not an array). */
  violations: Violation[];
  /** The answer given. */
  reply: SentResponse;
  /** For a fetch: the media type served. */
  served?: string;
}

/** Any event of the log. */
export type EngineEvent = PackageEvent | EndpointEvent;
