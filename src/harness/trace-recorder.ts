import type {
  Evidence,
  Finding,
  TraceBody,
  TraceMessage,
  TraceViolation,
} from '../report/schemas/evidence.schema.js';
import { type BodyBytes, DEFAULT_BODY_CAP_BYTES, captureBody } from '../transport/body-capture.js';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../protocol/json-limits.js';
import { capText } from '../transport/cap-text.js';
import { policyVerdict, type OutcomeKind } from '../report/verdict-policy.js';
import type {
  Arrow,
  DatagramRecord,
  ExchangeRecorder,
  HeaderInput,
  HttpRequestRecord,
  HttpResponseRecord,
  NoteRecord,
} from '../transport/exchange-recorder.js';

export type { Arrow, DatagramRecord, HeaderInput, HttpRequestRecord, HttpResponseRecord, NoteRecord } from '../transport/exchange-recorder.js';

export interface TraceRecorderOptions {
  /** Body bytes kept per message (default 64 KiB); the full size is always recorded. */
  bodyCapBytes?: number;
  /** Characters kept per header value, URL, label or note (default 8192). */
  textCapChars?: number;
  /** Headers kept per message (default 100); the rest are summarised in one entry. */
  maxHeaders?: number;
  /** Messages kept per trace (default 10 000); later ones are counted, not stored. */
  maxMessages?: number;
  /** Clock for `time` (tests pass a fixed one). */
  clock?: () => Date;
}

/**
 * A finding before its verdict is set. The verdict follows from the outcome kind (the verdict
 * policy); each recording method has its default kind.
 */
export type FindingInput = Omit<Finding, 'verdict' | 'outcome'> & { outcome?: OutcomeKind };

/** Name under which headers beyond `maxHeaders` are summarised. */
export const DROPPED_HEADERS_KEY = 'x-dmct-dropped-headers';

/**
 * The evidence of one scenario: an append-only, `seq`-numbered list of the messages exchanged with
 * the target (evidence.schema.json `TraceMessage`), the findings about them, and free notes.
 * Everything a target controls (bodies, headers, URLs) is capped, so hostile content cannot
 * exhaust memory or break the report.
 */
export class TraceRecorder implements ExchangeRecorder {
  readonly #messages: TraceMessage[] = [];
  readonly #findings: Finding[] = [];
  readonly #notes: string[] = [];
  readonly #bodyCap: number;
  readonly #textCap: number;
  readonly #maxHeaders: number;
  readonly #maxMessages: number;
  readonly #clock: () => Date;
  #nextSeq = 1;
  #droppedMessages = 0;
  #checks = 0;

  constructor(options: TraceRecorderOptions = {}) {
    this.#bodyCap = options.bodyCapBytes ?? DEFAULT_BODY_CAP_BYTES;
    this.#textCap = options.textCapChars ?? 8192;
    this.#maxHeaders = options.maxHeaders ?? 100;
    this.#maxMessages = options.maxMessages ?? 10_000;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Messages recorded so far, in `seq` order. */
  get messages(): readonly TraceMessage[] {
    return this.#messages;
  }

  get findings(): readonly Finding[] {
    return this.#findings;
  }

  httpRequest(record: HttpRequestRecord): TraceMessage {
    const message = this.#arrow('http-request', record);
    message.http = { method: this.#text(record.method), url: this.#text(record.url) };
    if (record.headers !== undefined) message.http.headers = this.#headers(record.headers);
    if (record.body !== undefined) message.body = this.#body(record.body);
    return this.#append(message);
  }

  httpResponse(record: HttpResponseRecord): TraceMessage {
    const message = this.#arrow('http-response', record);
    message.http = { status: record.status };
    if (record.url !== undefined) message.http.url = this.#text(record.url);
    if (record.headers !== undefined) message.http.headers = this.#headers(record.headers);
    if (record.body !== undefined) message.body = this.#body(record.body);
    return this.#append(message);
  }

  datagram(record: DatagramRecord): TraceMessage {
    const message = this.#arrow('datagram', record);
    message.body = this.#body(record.bytes);
    if (record.decoded !== undefined) message.decoded = this.#decoded(record.decoded);
    if (record.violations !== undefined) message.violations = record.violations;
    return this.#append(message);
  }

  /** A wait, an operator prompt, a harness event: anything that is not a message on the wire. */
  note(record: NoteRecord): TraceMessage {
    const message = this.#arrow('note', { from: record.from ?? 'dmct', to: record.to ?? 'dmct', label: record.label });
    if (record.body !== undefined) message.body = this.#body(record.body);
    if (record.decoded !== undefined) message.decoded = this.#decoded(record.decoded);
    return this.#append(message);
  }

  /**
   * Attaches what a decoder found to a message already recorded (decoding happens after the bytes
   * are on record). Unknown `seq` numbers are ignored: the message may have been over the cap.
   */
  annotate(seq: number, annotation: { decoded?: Record<string, unknown>; violations?: TraceViolation[] }): void {
    const message = this.#messages.find((m) => m.seq === seq);
    if (message === undefined) return;
    if (annotation.decoded !== undefined) message.decoded = this.#decoded(annotation.decoded);
    if (annotation.violations !== undefined) message.violations = [...(message.violations ?? []), ...annotation.violations];
  }

  /** Checks evaluated so far that could have failed the scenario. */
  get checks(): number {
    return this.#checks;
  }

  /** Counts one evaluated check that could have failed (whether it held or not). */
  countCheck(): void {
    this.#checks++;
  }

  /** Records a failed check (wrong evidence; by default a MUST broken). */
  fail(finding: FindingInput): Finding {
    return this.#finding(finding, 'must-broken', 'MUST');
  }

  /** Records a check that could not conclude (missing evidence), with its reason in `actual`. */
  inconclusive(finding: FindingInput): Finding {
    return this.#finding(finding, 'stimulus-not-delivered');
  }

  /** Records a departure from a SHOULD: reported, failing nothing unless the run is strict. */
  nonStrict(finding: FindingInput): Finding {
    return this.#finding(finding, 'should-departure', 'SHOULD');
  }

  /** A free-text remark about the whole scenario (evidence `notes`). */
  remark(text: string): void {
    this.#notes.push(this.#text(text));
  }

  /** A detached copy of everything recorded, in the shape of evidence.schema.json. */
  toEvidence(): Evidence {
    const notes = [...this.#notes];
    if (this.#droppedMessages > 0) {
      notes.push(`${this.#droppedMessages} further messages were not recorded (cap ${this.#maxMessages})`);
    }
    const evidence: Evidence = { messages: this.#messages, findings: this.#findings, checks: this.#checks };
    if (notes.length > 0) evidence.notes = notes;
    return structuredClone(evidence);
  }

  #arrow(kind: TraceMessage['kind'], arrow: Arrow): TraceMessage {
    return {
      seq: this.#nextSeq++,
      time: this.#clock().toISOString(),
      kind,
      from: this.#text(arrow.from),
      to: this.#text(arrow.to),
      label: this.#text(arrow.label),
    };
  }

  #append(message: TraceMessage): TraceMessage {
    if (this.#messages.length >= this.#maxMessages) this.#droppedMessages++;
    else this.#messages.push(message);
    return message;
  }

  #finding(input: FindingInput, defaultOutcome: OutcomeKind, defaultKeyword?: Finding['keyword']): Finding {
    const outcome = input.outcome ?? defaultOutcome;
    const keyword = input.keyword ?? defaultKeyword;
    const finding: Finding = { ...input, outcome, verdict: policyVerdict(outcome), ...(keyword === undefined ? {} : { keyword }) };
    const capped: Finding = {
      ...finding,
      rule: this.#text(finding.rule),
      expected: finding.expected.map((e) => this.#text(e)),
      actual: this.#text(finding.actual),
    };
    this.#findings.push(capped);
    return capped;
  }

  #text(text: string): string {
    return capText(text, this.#textCap);
  }

  #body(body: BodyBytes): TraceBody {
    return captureBody(body, this.#bodyCap);
  }

  /**
   * A decoded form as kept: as given when it nests at most MAX_JSON_DEPTH levels and serialises
   * within the body cap, else a note saying why it was left out (the body holds the bytes), so
   * toEvidence's copy never recurses deep and no message outgrows the cap.
   */
  #decoded(decoded: Record<string, unknown>): Record<string, unknown> {
    if (exceedsJsonDepth(decoded, MAX_JSON_DEPTH)) return { omitted: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    const size = JSON.stringify(decoded).length;
    return size <= this.#bodyCap ? decoded : { omitted: `${size} characters, over the ${this.#bodyCap}-byte evidence cap per message` };
  }

  #headers(input: HeaderInput): Record<string, string> {
    const kept = new Map<string, string>();
    let dropped = 0;
    for (const [rawName, value] of headerPairs(input)) {
      const name = capText(rawName.toLowerCase(), 256);
      const previous = kept.get(name);
      // Repeated fields (Set-Cookie) are joined, as HTTP allows for list-valued fields.
      if (previous !== undefined) kept.set(name, this.#text(`${previous}, ${value}`));
      else if (kept.size >= this.#maxHeaders) dropped++;
      else kept.set(name, this.#text(value));
    }
    if (dropped > 0) kept.set(DROPPED_HEADERS_KEY, String(dropped));
    // fromEntries defines own properties, so a header named `__proto__` stays a plain entry.
    return Object.fromEntries(kept);
  }
}

function* headerPairs(input: HeaderInput): Iterable<readonly [string, string]> {
  if (input instanceof Headers || isIterable(input)) {
    yield* input as Iterable<readonly [string, string]>;
    return;
  }
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    yield [name, Array.isArray(value) ? value.join(', ') : String(value)];
  }
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}
