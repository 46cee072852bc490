import type { Evidence, Finding, TraceBody, TraceMessage, TraceViolation } from '../report/schemas/evidence.schema.js';
import { type BodyBytes, DEFAULT_BODY_CAP_BYTES, captureBody } from '../transport/body-capture.js';
import { MAX_JSON_DEPTH, exceedsJsonDepth, jsonLengthExceeds } from '../protocol/json-limits.js';
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
import { moreOfTheSame, summariseViolations } from '../protocol/violation.js';

export type {
  Arrow,
  DatagramRecord,
  HeaderInput,
  HttpRequestRecord,
  HttpResponseRecord,
  NoteRecord,
} from '../transport/exchange-recorder.js';

export interface TraceRecorderOptions {
  /** Body bytes kept per message (default 64 KiB); the full size is always recorded. */
  bodyCapBytes?: number;
  /** Characters kept per header value, URL, label or note (default 8192). */
  textCapChars?: number;
  /** Headers kept per message (default 100); the rest are summarised in one entry. */
  maxHeaders?: number;
  /** Messages kept per trace (default 10 000); later ones are counted, not stored. */
  maxMessages?: number;
  /**
   * Body characters (text or hex) kept over the whole trace (default 2 MiB); once spent, bodies
   * keep only their size and SHA-256.
   */
  bodyBudgetChars?: number;
  /**
   * Messages of one kind, lifelines and label kept (default 20), and findings of one item, rule
   * and verdict; further ones of a flood are counted into one summary entry.
   */
  maxRepeats?: number;
  /** Notes kept (default 200); the rest are counted into one last note. */
  maxNotes?: number;
  /**
   * Characters of messages kept over the whole trace, bodies included (default 8 MiB): a target
   * varying what it sends (URLs, ports) escapes the repeat summary, not this budget. Later
   * messages are counted, not stored.
   */
  maxTraceChars?: number;
  /** Clock for `time` (tests pass a fixed one). */
  clock?: () => Date;
}

/**
 * A finding before its verdict is set. The verdict follows from the outcome kind (the verdict
 * policy); each recording method has its default kind.
 */
export type FindingInput = Omit<Finding, 'verdict' | 'outcome'> & { outcome?: OutcomeKind };

/** Further entries of one kind that were counted, not kept: how many, and the first one's seq. */
interface Omitted<T> {
  first: T;
  count: number;
}

/** Name under which headers beyond `maxHeaders` are summarised. */
export const DROPPED_HEADERS_KEY = 'x-dmct-dropped-headers';

/**
 * The evidence of one scenario: an append-only, `seq`-numbered list of the messages exchanged with
 * the target (evidence.schema.json `TraceMessage`), the findings about them, and free notes.
 * Everything a target controls (bodies, headers, URLs) is capped, and floods of alike messages,
 * findings and violations are summarised (the first ones kept, then one entry with the count),
 * so hostile content cannot exhaust memory or break the report.
 */
export class TraceRecorder implements ExchangeRecorder {
  readonly #messages: TraceMessage[] = [];
  readonly #findings: Finding[] = [];
  readonly #notes: string[] = [];
  readonly #bodyCap: number;
  readonly #textCap: number;
  readonly #maxHeaders: number;
  readonly #maxMessages: number;
  readonly #maxRepeats: number;
  readonly #maxNotes: number;
  readonly #clock: () => Date;
  /** Kept messages and findings per repeat key; the omitted ones, per key, in order of first omission. */
  readonly #repeats = new Map<string, number>();
  readonly #omittedMessages = new Map<string, Omitted<TraceMessage>>();
  readonly #omittedFindings = new Map<string, Omitted<Finding>>();
  #bodyBudget: number;
  #nextSeq = 1;
  #droppedMessages = 0;
  readonly #maxTraceChars: number;
  #traceChars = 0;
  #overBudgetMessages = 0;
  #droppedNotes = 0;
  #checks = 0;

  constructor(options: TraceRecorderOptions = {}) {
    this.#bodyCap = options.bodyCapBytes ?? DEFAULT_BODY_CAP_BYTES;
    this.#textCap = options.textCapChars ?? 8192;
    this.#maxHeaders = options.maxHeaders ?? 100;
    this.#maxMessages = options.maxMessages ?? 10_000;
    this.#maxTraceChars = options.maxTraceChars ?? 8 * 1024 * 1024;
    this.#bodyBudget = options.bodyBudgetChars ?? 2 * 1024 * 1024;
    this.#maxRepeats = options.maxRepeats ?? 20;
    this.#maxNotes = options.maxNotes ?? 200;
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
    if (!this.#admits(message)) return message;
    message.http = { method: this.#text(record.method), url: this.#text(record.url) };
    if (record.headers !== undefined) message.http.headers = this.#headers(record.headers);
    if (record.body !== undefined) message.body = this.#body(record.body);
    return this.#append(message);
  }

  httpResponse(record: HttpResponseRecord): TraceMessage {
    const message = this.#arrow('http-response', record);
    if (!this.#admits(message)) return message;
    message.http = { status: record.status };
    if (record.url !== undefined) message.http.url = this.#text(record.url);
    if (record.headers !== undefined) message.http.headers = this.#headers(record.headers);
    if (record.body !== undefined) message.body = this.#body(record.body);
    return this.#append(message);
  }

  datagram(record: DatagramRecord): TraceMessage {
    const message = this.#arrow('datagram', record);
    if (!this.#admits(message)) return message;
    message.body = this.#body(record.bytes);
    if (record.decoded !== undefined) message.decoded = this.#decoded(record.decoded);
    if (record.violations !== undefined) message.violations = this.#violations(record.violations);
    return this.#append(message);
  }

  /** A wait, an operator prompt, a harness event: anything that is not a message on the wire. */
  note(record: NoteRecord): TraceMessage {
    const message = this.#arrow('note', { from: record.from ?? 'dmct', to: record.to ?? 'dmct', label: record.label });
    if (!this.#admits(message)) return message;
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
    if (annotation.violations !== undefined)
      message.violations = this.#violations([...(message.violations ?? []), ...annotation.violations]);
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
    if (this.#notes.length >= this.#maxNotes) this.#droppedNotes++;
    else this.#notes.push(this.#text(text));
  }

  /** A detached copy of everything recorded, in the shape of evidence.schema.json. */
  toEvidence(): Evidence {
    const notes = [...this.#notes];
    if (this.#droppedNotes > 0) notes.push(`… and ${this.#droppedNotes} more notes`);
    if (this.#droppedMessages > 0) {
      notes.push(`${this.#droppedMessages} further messages were not recorded (cap ${this.#maxMessages})`);
    }
    if (this.#overBudgetMessages > 0) {
      notes.push(
        `${this.#overBudgetMessages} further messages were not recorded (the trace's evidence budget of ${this.#maxTraceChars} characters was spent)`,
      );
    }
    const messages = [...this.#messages];
    for (const { first, count } of this.#omittedMessages.values()) {
      // The summary takes the seq of the first message it stands for, so it sits where the flood began.
      const summary: TraceMessage = {
        ...first,
        kind: 'note',
        label: capText(`${moreOfTheSame(count)}: ${first.label} (${first.from} → ${first.to})`, this.#textCap),
        omitted: count,
      };
      messages.push(summary);
    }
    if (this.#omittedMessages.size > 0) messages.sort((a, b) => a.seq - b.seq);
    const findings = [...this.#findings];
    for (const { first, count } of this.#omittedFindings.values()) {
      const { seq: _seq, ...rest } = first;
      findings.push({ ...rest, actual: moreOfTheSame(count), omitted: count });
    }
    const evidence: Evidence = { messages, findings, checks: this.#checks };
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

  /**
   * Whether a new message is kept: at most `maxRepeats` of one kind, lifelines and label; the rest
   * are counted into one summary note (its seq the first omitted one's). Decided before the body is
   * captured, so an omitted message costs no copy.
   */
  #admits(message: TraceMessage): boolean {
    const key = `${message.kind}\u0000${message.from}\u0000${message.to}\u0000${message.label}`;
    if (this.#admitsRepeat(key)) return true;
    const omitted = this.#omittedMessages.get(key);
    if (omitted === undefined)
      this.#omittedMessages.set(key, {
        first: { seq: message.seq, time: message.time, kind: message.kind, from: message.from, to: message.to, label: message.label },
        count: 1,
      });
    else omitted.count++;
    return false;
  }

  #admitsRepeat(key: string): boolean {
    const kept = this.#repeats.get(key) ?? 0;
    if (kept >= this.#maxRepeats) return false;
    this.#repeats.set(key, kept + 1);
    return true;
  }

  #append(message: TraceMessage): TraceMessage {
    const chars = approximateChars(message);
    if (this.#messages.length >= this.#maxMessages) this.#droppedMessages++;
    else if (this.#traceChars + chars > this.#maxTraceChars) this.#overBudgetMessages++;
    else {
      this.#traceChars += chars;
      this.#messages.push(message);
    }
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
    const key = `finding\u0000${capped.item}\u0000${capped.rule}\u0000${capped.verdict}`;
    if (this.#admitsRepeat(key)) this.#findings.push(capped);
    else {
      const omitted = this.#omittedFindings.get(key);
      if (omitted === undefined) this.#omittedFindings.set(key, { first: capped, count: 1 });
      else omitted.count++;
    }
    return capped;
  }

  /** Violations as kept: repeats of a rule summarised, texts (which quote the target) capped. */
  #violations(violations: readonly TraceViolation[]): TraceViolation[] {
    return summariseViolations(violations).map((violation) => ({
      ...violation,
      message: this.#text(violation.message),
      ...(violation.pointer === undefined ? {} : { pointer: this.#text(violation.pointer) }),
    }));
  }

  #text(text: string): string {
    return capText(text, this.#textCap);
  }

  /** A body as kept: at most the per-message cap, and only while the trace's body budget lasts. */
  #body(body: BodyBytes): TraceBody {
    const captured = captureBody(body, Math.min(this.#bodyCap, this.#bodyBudget));
    this.#bodyBudget = Math.max(0, this.#bodyBudget - (captured.text?.length ?? 0) - (captured.hex?.length ?? 0));
    return captured;
  }

  /**
   * A decoded form as kept: as given when it nests at most MAX_JSON_DEPTH levels and serialises
   * within the body cap, else a note saying why it was left out (the body holds the bytes), so
   * toEvidence's copy never recurses deep and no message outgrows the cap.
   */
  #decoded(decoded: Record<string, unknown>): Record<string, unknown> {
    if (exceedsJsonDepth(decoded, MAX_JSON_DEPTH)) return { omitted: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    // Estimated without building the text: a decoded 1 MB package would otherwise be serialised just to be measured.
    if (jsonLengthExceeds(decoded, this.#bodyCap)) return { omitted: `over the ${this.#bodyCap}-byte evidence cap per message` };
    // Decoded forms count against the trace budget too (small and shallow by now, so measuring is cheap).
    const chars = JSON.stringify(decoded).length;
    if (this.#traceChars + chars > this.#maxTraceChars)
      return { omitted: `the trace's evidence budget of ${this.#maxTraceChars} characters was spent` };
    this.#traceChars += chars;
    return decoded;
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

/** A message's size in the evidence, roughly: its texts, header fields and body (decoded forms are capped apart). */
function approximateChars(message: TraceMessage): number {
  let chars = 200 + message.label.length + message.from.length + message.to.length + (message.http?.url?.length ?? 0);
  for (const [name, value] of Object.entries(message.http?.headers ?? {})) chars += name.length + (value?.length ?? 0) + 8;
  return chars + (message.body?.text?.length ?? 0) + (message.body?.hex?.length ?? 0);
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
