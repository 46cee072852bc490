import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '../transport/http-client.js';
import { promptNamingDmServer, type Operator } from './operator.js';
import { defaultOperator } from './operator-relay.js';
import { runShellCommand } from './shell-command.js';
import { renderTemplate, shellEnvironment } from './template.js';
import type { TraceRecorder } from './trace-recorder.js';
import { sendUdp } from '../transport/udp.js';

/**
 * How a Package#0 reaches the device under test (App E): UDP (WAP connectionless push, E.1, port
 * 2948 on devices), an HTTP endpoint or a shell command (E.3 "other" mechanisms the vendor
 * declares), or a person at a test fest. The claims' `ClientNotification` (a `transport` name plus
 * its `udp`/`http`/`shell` settings, schema defaults applied) maps onto it one to one.
 */
export type NotificationTransportSpec =
  | { kind: 'udp'; host: string; port: number }
  | { kind: 'http'; url: string; headers?: Readonly<Record<string, string>> }
  /** `{{hex}}`, `{{base64}}`, `{{file}}` (a temporary file), `{{devId}}`; the bytes also go to stdin. */
  | { kind: 'shell'; command: string }
  | { kind: 'manual'; prompt?: string; /** Named in the prompt: where the notified device must connect. */ dmServerUrl?: string }
  /** The claims give no way to deliver one (a client that does not claim Package#0): every delivery is inconclusive. */
  | { kind: 'none'; reason: string };

/** An already-encoded notification; framing is the protocol layer's job. */
export interface EncodedNotification {
  /** The Package#0 bytes (7.1.1). */
  bytes: Uint8Array;
  /** The same wrapped for the datagram transport (e.g. a WAP Push PDU); UDP sends these when given. */
  datagramBytes?: Uint8Array;
}

export interface DeliveryOptions {
  recorder: TraceRecorder;
  /** Limit for the transport to accept the bytes (default 10 s; a manual delivery, 120 s). */
  timeoutMs?: number;
  /** Fills `{{devId}}` in shell commands. */
  devId?: string;
  operator?: Operator;
  /** Caption in the trace (default `Package#0`). */
  label?: string;
}

export type DeliveryOutcome = { ok: true; detail: string } | { ok: false; inconclusive: string };

/**
 * Media type of a Package#0 POSTed over HTTP. App E.1 names it for WAP Push (code 0x58); an HTTP
 * transport is an E.3 "other" mechanism with no media type of its own, so dmct reuses this one.
 */
export const HTTP_NOTIFICATION_MEDIA_TYPE = 'application/vnd.syncml.dm.notification';

const NOTIFICATION_MEDIA = { mediaType: HTTP_NOTIFICATION_MEDIA_TYPE };

async function deliverByUdp(
  transport: { host: string; port: number },
  notification: EncodedNotification,
  options: DeliveryOptions,
  label: string,
): Promise<DeliveryOutcome> {
  const bytes = notification.datagramBytes ?? notification.bytes;
  const where = `${transport.host}:${transport.port}`;
  try {
    await sendUdp(transport.host, transport.port, bytes);
  } catch (error) {
    const reason = `UDP delivery to ${where} failed: ${error instanceof Error ? error.message : String(error)}`;
    options.recorder.note({ label: `${label}: ${reason}` });
    return { ok: false, inconclusive: reason };
  }
  options.recorder.datagram({ from: 'dmct', to: 'target', label: `${label} (UDP ${where})`, bytes: { bytes } });
  return { ok: true, detail: `${bytes.length} bytes sent to udp://${where}` };
}

async function deliverByHttp(
  transport: { url: string; headers?: Readonly<Record<string, string>> },
  notification: EncodedNotification,
  options: DeliveryOptions,
  label: string,
): Promise<DeliveryOutcome> {
  const outcome = await request(options.recorder, {
    method: 'POST',
    url: transport.url,
    headers: { ...transport.headers, 'content-type': HTTP_NOTIFICATION_MEDIA_TYPE },
    body: notification.bytes,
    label: `${label} (HTTP)`,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: 64 * 1024,
    overflow: 'truncate',
  });
  if (outcome.kind !== 'response') {
    return { ok: false, inconclusive: `HTTP delivery to ${transport.url} failed: ${outcome.kind} (${outcome.detail})` };
  }
  if (outcome.status < 200 || outcome.status > 299) {
    return { ok: false, inconclusive: `the notification endpoint ${transport.url} answered HTTP ${outcome.status}` };
  }
  return { ok: true, detail: `HTTP ${outcome.status} from ${transport.url}` };
}

async function deliverByShell(
  transport: { command: string },
  notification: EncodedNotification,
  options: DeliveryOptions,
  label: string,
): Promise<DeliveryOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const usesFile = /\{\{\s*file\s*\}\}|DMCT_FILE/.test(transport.command);
  const dir = usesFile ? await mkdtemp(join(tmpdir(), 'dmct-notification-')) : undefined;
  try {
    const file = dir === undefined ? undefined : join(dir, 'package0.bin');
    if (file !== undefined) await writeFile(file, notification.bytes);
    const values = {
      hex: Buffer.from(notification.bytes).toString('hex'),
      base64: Buffer.from(notification.bytes).toString('base64'),
      file,
      devId: options.devId,
    };
    const rendered = renderTemplate(transport.command, values, 'shell');
    if (!rendered.ok) {
      const reason = `the notification shell command cannot be built: ${rendered.problem}`;
      options.recorder.note({ label: `${label}: ${reason}` });
      return { ok: false, inconclusive: reason };
    }
    options.recorder.note({
      label: `${label} (shell)`,
      to: 'target',
      body: { bytes: notification.bytes, ...NOTIFICATION_MEDIA },
      decoded: { command: rendered.text },
    });
    const run = await runShellCommand(rendered.text, { timeoutMs, stdin: notification.bytes, env: shellEnvironment(values) });
    if (run.spawnError !== undefined) return { ok: false, inconclusive: `the notification command could not start: ${run.spawnError}` };
    if (run.timedOut) return { ok: false, inconclusive: `the notification command did not finish within ${timeoutMs} ms` };
    options.recorder.note({
      label: `${label} (shell) exited ${run.exitCode ?? run.signal}`,
      decoded: { stdout: run.stdoutTail, stderr: run.stderrTail },
    });
    if (run.exitCode !== 0) {
      return { ok: false, inconclusive: `the notification command exited ${run.exitCode ?? run.signal}: ${run.stderrTail.trim()}` };
    }
    return { ok: true, detail: 'the notification command exited 0' };
  } finally {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
}

async function deliverByOperator(
  transport: { prompt?: string; dmServerUrl?: string },
  notification: EncodedNotification,
  options: DeliveryOptions,
  label: string,
): Promise<DeliveryOutcome> {
  const hex = Buffer.from(notification.bytes).toString('hex');
  const prompt = promptNamingDmServer(
    `${transport.prompt ?? 'Deliver this DM notification to the device'} (${notification.bytes.length} bytes, hex):\n${hex}`,
    transport.dmServerUrl,
  );
  options.recorder.note({
    label: `${label} (manual): operator asked to deliver it`,
    to: 'target',
    body: { bytes: notification.bytes, ...NOTIFICATION_MEDIA },
  });
  const answer = await (options.operator ?? defaultOperator()).ask(prompt, options.timeoutMs ?? 120_000);
  options.recorder.note({ label: `${label} (manual): ${answer.ok ? answer.detail : answer.inconclusive}` });
  return answer;
}

/**
 * Delivers an encoded Package#0 over the transport the claims name and records it. Never throws
 * for a transport problem: a failed delivery is `inconclusive` (the target never saw the
 * notification, so nothing can be concluded about it).
 */
export async function deliverNotification(
  transport: NotificationTransportSpec,
  notification: EncodedNotification,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const label = options.label ?? 'Package#0';
  switch (transport.kind) {
    case 'udp':
      return deliverByUdp(transport, notification, options, label);
    case 'http':
      return deliverByHttp(transport, notification, options, label);
    case 'shell':
      return deliverByShell(transport, notification, options, label);
    case 'manual':
      return deliverByOperator(transport, notification, options, label);
    case 'none':
      options.recorder.note({ label: `${label} not sent: ${transport.reason}` });
      return { ok: false, inconclusive: transport.reason };
  }
}
