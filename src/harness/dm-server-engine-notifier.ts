/**
 * dmct as the notification sender (section 5.2.1, App E): builds a Package#0 for the client under
 * test — valid ones with the protocol encoder, deliberately broken ones with the raw encoder —
 * wraps it as a WAP Push datagram for UDP (App E.1), records its decoded view, and delivers it
 * over the transport the claims name (udp, http, shell, manual).
 */
import { decodeNotification } from '../protocol/notification/decode.js';
import { baseFromEnv, idBlockOf, notificationIdSource, randomNotificationIdBase, workerIndexFromEnv } from './notification-ids.js';
import { encodeNotification, notificationToRawSpec, type NotificationEncodeOptions } from '../protocol/notification/encode.js';
import { decodedNotificationToJson } from '../protocol/notification/json-view.js';
import { encodeRawNotification, type RawNotificationSpec } from '../protocol/notification/raw.js';
import type { NotificationInput } from '../protocol/notification/schemas/notification-input.schema.js';
import { encodeWapPushDatagram, type WapPushEncodeOptions } from '../protocol/notification/wap-push.js';
import type { NotificationTimestampEncoding } from '../protocol/interpretations/notification.js';
import { deliverNotification, type NotificationTransportSpec } from './notification-delivery.js';
import type { Operator } from './operator.js';
import type { TraceRecorder } from './trace-recorder.js';

export interface NotifierOptions {
  recorder: TraceRecorder;
  transport: NotificationTransportSpec;
  /** DMAcc `Auth/Noti/Secret` of the client's account for dmct (section 12.2); digests need it. */
  secret?: Uint8Array;
  /** DMAcc `Auth/Noti/Data` (section 12.2). */
  authData?: Uint8Array;
  timestampEncoding?: NotificationTimestampEncoding;
  /** The target's DevID (for shell delivery commands). */
  devId?: string;
  operator?: Operator;
  /** Limit for the transport to take the bytes. */
  timeoutMs?: number;
  /** Told the options of each notification handed to the transport (the DM server judging Package#1 needs REQ-MOS). */
  onSend?: (fields: { reqMos: boolean }) => void;
}

/** A delivered notification, or why it could not be delivered (then nothing can be judged: inconclusive). */
export type NotificationSent =
  { ok: true; bytes: Uint8Array; notificationId?: number; detail: string } | { ok: false; inconclusive: string };

/**
 * A source of NOTIFICATION-IDs counting through this worker process's block of the run's ids
 * (notification-ids.ts). An embedded reference client remembers only the ids it was sent, so a
 * worker gives each one it starts (one per fault set in a mutant matrix) a source of its own.
 */
export function workerNotificationIds(): () => number {
  // DMCT_EMBEDDED (src/run/run-env.ts, default 1): the embedded reference client starts afresh in each worker.
  return notificationIdSource(
    baseFromEnv(process.env) ?? randomNotificationIdBase(),
    idBlockOf(workerIndexFromEnv(process.env), process.env['DMCT_EMBEDDED'] !== '0'),
  );
}

const nextNotificationId = workerNotificationIds();

/** A NOTIFICATION-ID not used before in this run (16-bit; section 5.2.1.2; see notification-ids.ts). */
export function freshNotificationId(): number {
  return nextNotificationId();
}

/** The sender of Package#0s to one client target. */
export class Notifier {
  constructor(private readonly options: NotifierOptions) {}

  /** Encoder options with the account's credentials (a digest needs the secret). */
  get encodeOptions(): NotificationEncodeOptions {
    const { secret, authData, timestampEncoding } = this.options;
    return { ...(secret ? { secret } : {}), ...(authData ? { authData } : {}), ...(timestampEncoding ? { timestampEncoding } : {}) };
  }

  /** True when the claims provide a notification secret (SHA256-DIGEST can be computed). */
  get hasSecret(): boolean {
    return this.options.secret !== undefined;
  }

  /**
   * Encodes and delivers a valid notification (section 5.2.1, 7.1.1); `wapPush` sets the WAP Push
   * framing of a UDP datagram (App E.1), e.g. another X-Wap-Application-Id.
   */
  send(input: NotificationInput, label = 'Package#0', wapPush?: WapPushEncodeOptions): Promise<NotificationSent> {
    const bytes = encodeNotification(input, this.encodeOptions);
    return this.sendBytes(bytes, {
      label,
      ...(input.notificationId === undefined ? {} : { notificationId: input.notificationId }),
      ...(wapPush === undefined ? {} : { wapPush }),
    });
  }

  /** The raw description of a valid notification for `input`, to break one field of (see `sendRaw`). */
  rawSpecOf(input: NotificationInput): RawNotificationSpec {
    return notificationToRawSpec(input, this.encodeOptions);
  }

  /** Builds a notification field by field, broken on purpose, and delivers it. */
  sendRaw(spec: RawNotificationSpec, label: string, notificationId?: number): Promise<NotificationSent> {
    return this.sendBytes(encodeRawNotification(spec), { label, ...(notificationId === undefined ? {} : { notificationId }) });
  }

  /** Records the decoded view of `bytes` and delivers them (wrapped as WAP Push for UDP, App E.1). */
  async sendBytes(
    bytes: Uint8Array,
    meta: { label: string; notificationId?: number; wapPush?: WapPushEncodeOptions },
  ): Promise<NotificationSent> {
    const { recorder, transport } = this.options;
    const decoding = decodeNotification(bytes, {
      ...(this.options.secret ? { secret: this.options.secret } : {}),
      ...(this.options.authData ? { authData: this.options.authData } : {}),
      now: Math.floor(Date.now() / 1000),
    });
    const view = decodedNotificationToJson(bytes, decoding);
    recorder.note({
      label: `${meta.label}: ${view.valid ? 'a valid' : 'a deliberately invalid'} notification (${bytes.length} bytes)`,
      to: 'target',
      body: { bytes, mediaType: 'application/vnd.syncml.dm.notification' },
      decoded: { ...view },
    });
    this.options.onSend?.({ reqMos: decoding.notification?.options.reqMos === true });
    const delivered = await deliverNotification(
      transport,
      { bytes, ...(transport.kind === 'udp' ? { datagramBytes: encodeWapPushDatagram(bytes, meta.wapPush) } : {}) },
      {
        recorder,
        label: meta.label,
        ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
        ...(this.options.devId === undefined ? {} : { devId: this.options.devId }),
        ...(this.options.operator === undefined ? {} : { operator: this.options.operator }),
      },
    );
    if (!delivered.ok) return delivered;
    return {
      ok: true,
      bytes,
      detail: delivered.detail,
      ...(meta.notificationId === undefined ? {} : { notificationId: meta.notificationId }),
    };
  }
}
