import { spawn } from 'node:child_process';
import { sendUdp } from '../../transport/udp.js';
import { WAP_PUSH } from '../../protocol/interpretations/notification.js';
import { encodeGcmMessage } from '../../protocol/notification/gcm.js';
import { encodeWapPushDatagram } from '../../protocol/notification/wap-push.js';
import type { NotifyTarget } from './schemas/notify-target.schema.js';

/** Media type of a bare notification POSTed over HTTP (App E.1 names it for WAP Push). */
export const NOTIFICATION_MEDIA_TYPE = WAP_PUSH.contentTypeText;

/** How long an HTTP or GCM delivery, or a shell command, may take. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** Characters of a failing shell command's stderr kept in the error. */
const STDERR_TAIL_CHARS = 500;

export interface DeliveryContext {
  devId: string;
  /** Where GCM messages are POSTed (a test points it at a mock of the GCM service). */
  gcmSendUrl?: string;
  /** The registration id the device posted, if any (App E.2.4). */
  gcmRegId?: string;
  /** Where the `print` transport writes its line. */
  print: (line: string) => void;
  /** X-Wap-Application-Id of a WAP Push datagram; default 0x07 (App E.1). The `wap-push-app-id-wrong` switch sets another. */
  wapApplicationId?: number;
}

/** A notification could not be delivered; the message says where and why. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

async function post(url: string, body: BodyInit, contentType: string, what: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError(`${what} POST to ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new DeliveryError(`${what} POST to ${url} answered HTTP ${response.status}`);
}

function runShell(command: string, bytes: Uint8Array): Promise<void> {
  const line = command.replaceAll('{{hex}}', hex(bytes));
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', line], { stdio: ['pipe', 'ignore', 'pipe'], timeout: DELIVERY_TIMEOUT_MS });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(Buffer.from(bytes));
    child.on('error', (error) => reject(new DeliveryError(`shell command could not start: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new DeliveryError(
            `shell command ${signal !== null ? `killed by ${signal}` : `exited ${code}`}${stderr ? `: ${stderr.trim()}` : ''}`,
          ),
        );
    });
  });
}

/**
 * Sends the bytes of a Package#0 over one transport (App E) and says where they went:
 * `udp` a connectionless WAP Push datagram (E.1, port 2948 by default), `http` a POST of the bare
 * notification, `gcm` a GCM message (E.2) POSTed to the configured GCM send URL, `shell` a
 * command given the bytes as `{{hex}}` and on stdin, `print` a line of hex. Throws DeliveryError.
 */
export async function deliverNotification(bytes: Uint8Array, target: NotifyTarget, context: DeliveryContext): Promise<string> {
  switch (target.transport) {
    case 'udp': {
      const host = target.host ?? '127.0.0.1';
      const port = target.port ?? WAP_PUSH.udpPort;
      try {
        await sendUdp(
          host,
          port,
          encodeWapPushDatagram(bytes, context.wapApplicationId === undefined ? {} : { applicationId: context.wapApplicationId }),
        );
      } catch (error) {
        throw new DeliveryError(`UDP send to ${host}:${port} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return `udp://${host.includes(':') ? `[${host}]` : host}:${port}`;
    }
    case 'http': {
      const url = target.url ?? '';
      await post(url, Buffer.from(bytes), NOTIFICATION_MEDIA_TYPE, 'notification');
      return url;
    }
    case 'gcm': {
      if (context.gcmSendUrl === undefined) throw new DeliveryError('no GCM send URL configured (option gcmSendUrl, CLI --gcm-send-url)');
      const registrationId = target.regId ?? context.gcmRegId ?? context.devId;
      const message = encodeGcmMessage(bytes, { registrationId });
      await post(context.gcmSendUrl, JSON.stringify(message), 'application/json', 'GCM');
      return `gcm:${context.gcmSendUrl}#${registrationId}`;
    }
    case 'shell': {
      const command = target.command ?? '';
      await runShell(command, bytes);
      return `shell:${command}`;
    }
    case 'print':
      context.print(`Package#0 for ${context.devId}: ${hex(bytes)}`);
      return 'print';
  }
}
