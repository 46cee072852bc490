import type { TraceViolation } from '../report/schemas/evidence.schema.js';
import type { BodyBytes } from './body-capture.js';

/** Header input in any of the shapes dmct meets: fetch `Headers`, node's `IncomingHttpHeaders`, pairs. */
export type HeaderInput =
  Headers | Readonly<Record<string, string | readonly string[] | number | undefined>> | Iterable<readonly [string, string]>;

/** Who sent a message to whom, and its plain-text caption in the sequence chart. */
export interface Arrow {
  from: string;
  to: string;
  label: string;
}

export interface HttpRequestRecord extends Arrow {
  method: string;
  url: string;
  headers?: HeaderInput;
  body?: BodyBytes;
}

export interface HttpResponseRecord extends Arrow {
  status: number;
  url?: string;
  headers?: HeaderInput;
  body?: BodyBytes;
}

export interface DatagramRecord extends Arrow {
  bytes: BodyBytes;
  decoded?: Record<string, unknown>;
  violations?: TraceViolation[];
}

export interface NoteRecord {
  label: string;
  from?: string;
  to?: string;
  body?: BodyBytes;
  decoded?: Record<string, unknown>;
}

/** A recorded exchange, known by its `seq` number. */
export interface RecordedExchange {
  readonly seq: number;
}

/**
 * Where the transport pieces (HTTP client, endpoint server, UDP, resolver guard) put what went over
 * the wire. The judge's trace recorder keeps it as evidence; a reference peer, which judges
 * nothing, numbers it and keeps nothing.
 */
export interface ExchangeRecorder {
  httpRequest(record: HttpRequestRecord): RecordedExchange;
  httpResponse(record: HttpResponseRecord): RecordedExchange;
  datagram(record: DatagramRecord): RecordedExchange;
  /** A wait, a refusal, a dropped connection: anything that is not a message on the wire. */
  note(record: NoteRecord): RecordedExchange;
}

/** Numbers exchanges and keeps none of them (a peer that produces no evidence). */
export class UnkeptExchanges implements ExchangeRecorder {
  #nextSeq = 1;

  httpRequest(): RecordedExchange {
    return this.#next();
  }

  httpResponse(): RecordedExchange {
    return this.#next();
  }

  datagram(): RecordedExchange {
    return this.#next();
  }

  note(): RecordedExchange {
    return this.#next();
  }

  #next(): RecordedExchange {
    return { seq: this.#nextSeq++ };
  }
}
