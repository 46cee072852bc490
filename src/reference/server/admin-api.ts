import { http, HttpResponse, type RequestHandler } from 'msw';
import { validatePackage2 } from '../../protocol/commands/validate-package2.js';
import { MEDIA_TYPES, isMediaType } from '../../protocol/http/media-types.js';
import { parseHex } from '../../protocol/notification/encodings.js';
import { parseMoData } from '../../protocol/packages/mo-data.js';
import { checkStructure } from '../../protocol/packages/structure.js';
import { compileSchema, formatViolation, type SchemaValidator } from '../../protocol/json-schema.js';
import { hasErrors, type Violation } from '../../protocol/violation.js';
import { expandCommandTemplates } from './command-templates.js';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../protocol/json-limits.js';
import { buildNotification } from './notification-builder.js';
import { DeliveryError, deliverNotification } from './notification-transports.js';
import { describeViolations, problem, problemResponse } from './problem.js';
import { readJsonInput } from './request-input.js';
import type { CommandRecord } from './schemas/device-log.schema.js';
import { deviceRegistrationSchema, type DeviceRegistration } from './schemas/device-registration.schema.js';
import { notifyRequestSchema, type NotifyRequest } from './schemas/notify-request.schema.js';
import { queueCommandSchema, type QueueCommandRequest } from './schemas/queue-command.schema.js';
import { repoContentSchema, type RepoContent } from './schemas/repo-content.schema.js';
import { appendBounded, type DeviceConfig, type DeviceState, type ReferenceServerState } from './server-state.js';

/** X-Wap-Application-Id of the `wap-push-app-id-wrong` switch: 0x02, the WML user agent, not the DM client (App E.1). */
const WRONG_WAP_APPLICATION_ID = 0x02;

const validateRegistration = compileSchema<DeviceRegistration>(deviceRegistrationSchema);
const validateNotifyRequest = compileSchema<NotifyRequest>(notifyRequestSchema);
const validateQueueCommand = compileSchema<QueueCommandRequest>(queueCommandSchema);
const validateRepoContent = compileSchema<RepoContent>(repoContentSchema);

export interface AdminOptions {
  /** Where GCM messages are POSTed (App E.2). */
  gcmSendUrl?: string;
  /** Where the `print` transport writes. */
  print: (line: string) => void;
  /** The `shell` notification transport runs commands: only when the peer was started allowing it. */
  allowShellNotify: boolean;
}

/** Why a `shell` notification transport is refused when the peer does not allow it. */
export const SHELL_NOTIFY_DISABLED =
  'the shell notification transport runs a command on this machine and is off; start the server with --allow-shell-notify (option allowShellNotify) to use it';

function shellRefused(): Response {
  return problemResponse(problem(403, 'shell-notify-disabled', 'Shell transport disabled', SHELL_NOTIFY_DISABLED));
}

function unknownDevice(devId: string): Response {
  return problemResponse(
    problem(404, 'unknown-device', 'Unknown device', `no device ${JSON.stringify(devId)} is registered; POST /devices first`),
  );
}

function refused(title: string, violations: readonly Violation[]): Response {
  const errors = violations.filter((v) => v.severity === 'error');
  return problemResponse(problem(400, 'invalid-command', title, describeViolations(errors), errors));
}

function credential(
  value: string | undefined,
  encoding: DeviceRegistration['credentialEncoding'],
  pointer: string,
): Uint8Array | string | undefined {
  if (value === undefined) return undefined;
  if (encoding !== 'hex') return new TextEncoder().encode(value);
  const parsed = parseHex(value);
  return parsed.ok ? parsed.bytes : `${pointer}: ${parsed.error}`;
}

/**
 * The device configuration a registration describes (credentials decoded per
 * `credentialEncoding`), or the one-line reason it is invalid.
 */
export function deviceConfigOf(registration: DeviceRegistration): { ok: true; config: DeviceConfig } | { ok: false; error: string } {
  const config: DeviceConfig = { devId: registration.devId };
  const secret = credential(registration.secret, registration.credentialEncoding, '/secret');
  const authData = credential(registration.authData, registration.credentialEncoding, '/authData');
  if (typeof secret === 'string') return { ok: false, error: secret };
  if (typeof authData === 'string') return { ok: false, error: authData };
  if (secret !== undefined) config.secret = secret;
  if (authData !== undefined) config.authData = authData;
  if (registration.notify !== undefined) config.notify = registration.notify;
  return { ok: true, config };
}

/** Validates a device registration (schema and credentials), for the admin API and the server's options. */
export function checkDeviceRegistration(data: unknown, source: string): { ok: true; config: DeviceConfig } | { ok: false; error: string } {
  const result = validateRegistration(data);
  if (!result.ok) return { ok: false, error: result.violations.map((v) => formatViolation(source, v)).join('; ') };
  const config = deviceConfigOf(result.value);
  return config.ok ? config : { ok: false, error: `${source} ${config.error}` };
}

async function registerDevice(state: ReferenceServerState, request: Request, options: AdminOptions): Promise<Response> {
  const input = await readJsonInput(request, validateRegistration, 'POST /devices');
  if (!input.ok) return input.response;
  if (input.value.notify?.transport === 'shell' && !options.allowShellNotify) return shellRefused();
  const config = deviceConfigOf(input.value);
  if (!config.ok) return problemResponse(problem(400, 'schema-violation', 'Invalid credential', `POST /devices ${config.error}`));
  const created = state.register(config.config);
  return HttpResponse.json({ devId: input.value.devId, created }, { status: created ? 201 : 200 });
}

/** Queues commands (already expanded) as one FIFO item; a whole Package#2 when `packageId` is given. */
function enqueue(
  state: ReferenceServerState,
  device: DeviceState,
  commands: { id: string; command: string[] }[],
  packageId?: string,
): void {
  for (const { id, command } of commands) {
    const record: CommandRecord = { id, command, state: 'queued', queuedAt: state.timestamp() };
    if (packageId !== undefined) record.packageId = packageId;
    device.addCommand(record);
  }
  device.queue.push({
    kind: packageId === undefined ? 'command' : 'package',
    id: packageId ?? commands[0]?.id ?? '',
    commandIds: commands.map((c) => c.id),
  });
}

function expand(state: ReferenceServerState, device: DeviceState, command: readonly string[]): { id: string; command: string[] } {
  const id = state.newId('c');
  return {
    id,
    command: expandCommandTemplates(command, { urls: state.urls, contUri: () => state.newContUri(device.devId), commandId: id }),
  };
}

/**
 * Queues one command for a device as `POST /devices/:devId/commands` does once its body is read:
 * templates expanded, the command checked as a Package#2 entry; the errors that refuse it, if any.
 * The in-process embedded load target calls it directly.
 */
export function queueDeviceCommand(
  state: ReferenceServerState,
  device: DeviceState,
  command: readonly string[],
): { ok: true; id: string; command: string[] } | { ok: false; violations: Violation[] } {
  const entry = expand(state, device, command);
  const violations = validatePackage2({ CMD: [entry.command] });
  if (hasErrors(violations)) return { ok: false, violations };
  enqueue(state, device, [entry]);
  return { ok: true, ...entry };
}

async function queueCommand(state: ReferenceServerState, device: DeviceState, request: Request): Promise<Response> {
  const input = await readJsonInput(request, validateQueueCommand, `POST /devices/${device.devId}/commands`);
  if (!input.ok) return input.response;
  const queued = queueDeviceCommand(state, device, input.value.command);
  if (!queued.ok) return refused('Invalid command', queued.violations);
  return HttpResponse.json({ id: queued.id, command: queued.command }, { status: 201 });
}

/** Any JSON: the Package#2 structure is checked by the protocol layer, after template expansion. */
const anyJson: SchemaValidator<unknown> = (data) => ({ ok: true, value: data });

async function queuePackage2(state: ReferenceServerState, device: DeviceState, request: Request): Promise<Response> {
  const input = await readJsonInput(request, anyJson, `POST /devices/${device.devId}/package2`);
  if (!input.ok) return input.response;
  const structure = checkStructure('package2', input.value);
  if (structure.value === undefined) return refused('Invalid Package#2', structure.violations);
  const entries = structure.value.CMD.map((command) => expand(state, device, command));
  const violations = validatePackage2({ CMD: entries.map((entry) => entry.command) });
  if (hasErrors(violations)) return refused('Invalid Package#2', violations);
  const packageId = state.newId('p');
  enqueue(state, device, entries, packageId);
  return HttpResponse.json(
    { id: packageId, commandIds: entries.map((entry) => entry.id), CMD: entries.map((entry) => entry.command) },
    { status: 201 },
  );
}

async function notify(state: ReferenceServerState, device: DeviceState, request: Request, options: AdminOptions): Promise<Response> {
  const input = await readJsonInput(request, validateNotifyRequest, `POST /devices/${device.devId}/notify`);
  if (!input.ok) return input.response;
  const target = input.value.transport ?? device.notify;
  if (target === undefined) {
    return problemResponse(
      problem(
        400,
        'no-transport',
        'No notification transport',
        `device ${device.devId} has no notify transport; register one or pass "transport"`,
      ),
    );
  }
  if (target.transport === 'shell' && !options.allowShellNotify) return shellRefused();
  const built = buildNotification(state.serverId, device, input.value, state.faults, state.now());
  if (!built.ok) {
    const detail = built.problems.map((p) => `${p.pointer || '/'}: ${p.message} (${p.rule})`).join('; ');
    return problemResponse(problem(400, 'invalid-notification', 'Notification cannot be built', detail));
  }
  const { bytes, notificationId, reqMos, faults } = built.notification;
  let sentTo: string;
  try {
    sentTo = await deliverNotification(bytes, target, {
      devId: device.devId,
      print: options.print,
      // wap-push-app-id-wrong (App E.1): the push is addressed to another WAP application than the DM client (0x07).
      ...(state.faults.has('wap-push-app-id-wrong') ? { wapApplicationId: WRONG_WAP_APPLICATION_ID } : {}),
      ...(options.gcmSendUrl === undefined ? {} : { gcmSendUrl: options.gcmSendUrl }),
      ...(device.gcmRegId === undefined ? {} : { gcmRegId: device.gcmRegId }),
    });
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    return problemResponse(problem(502, 'delivery-failed', 'Notification not delivered', error.message));
  }
  const hex = Buffer.from(bytes).toString('hex');
  device.lastNotification = { reqMos, ...(notificationId === undefined ? {} : { notificationId }) };
  appendBounded(device.log.notifications, {
    time: state.timestamp(),
    hex,
    sentTo,
    ...(notificationId === undefined ? {} : { notificationId }),
    ...(faults.length === 0 ? {} : { faults }),
  });
  return HttpResponse.json({ hex, sentTo, ...(notificationId === undefined ? {} : { notificationId }) });
}

async function putRepoContent(state: ReferenceServerState, name: string, request: Request): Promise<Response> {
  const input = await readJsonInput(request, validateRepoContent, `PUT /repo/${name}`);
  if (!input.ok) return input.response;
  const { mediaType, body } = input.value;
  if (exceedsJsonDepth(body))
    return problemResponse(problem(400, 'json-too-deep', 'JSON nested too deep', `the body nests deeper than ${MAX_JSON_DEPTH} levels`));
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const bytes = new TextEncoder().encode(text);
  if (isMediaType(mediaType, MEDIA_TYPES.moData)) {
    const parsed = parseMoData(bytes);
    if (parsed.value === undefined || hasErrors(parsed.violations)) {
      const errors = parsed.violations.filter((v) => v.severity === 'error');
      return problemResponse(problem(400, 'invalid-mo-data', 'Invalid MO data', describeViolations(errors), errors));
    }
  }
  state.repo.set(name, { mediaType, bytes });
  return HttpResponse.json({ name, url: `${state.urls.repo}/${name.split('/').map(encodeURIComponent).join('/')}` }, { status: 201 });
}

/**
 * The admin API of the reference server (JSON over HTTP, loopback only), as msw handlers on
 * `origin`: register devices, send notifications, queue commands or whole Package#2s, read what
 * a device sent, register repository content, read the repository log.
 */
export function adminHandlers(state: ReferenceServerState, origin: string, options: AdminOptions): RequestHandler[] {
  const withDevice = (params: Record<string, unknown>, run: (device: DeviceState) => Response | Promise<Response>) => {
    const devId = String(params['devId'] ?? '');
    const device = state.devices.get(devId);
    return device === undefined ? unknownDevice(devId) : run(device);
  };
  // msw tries handlers in order, matching each one's path: queueing, the one call made per load
  // session, comes first (no two handlers share a method and path, so the order decides nothing else).
  return [
    http.post(`${origin}/devices/:devId/commands`, ({ params, request }) =>
      withDevice(params, (device) => queueCommand(state, device, request)),
    ),
    http.get(`${origin}/health`, () =>
      HttpResponse.json({ ok: true, serverId: state.serverId, faults: state.faults.names, devices: state.devices.size, urls: state.urls }),
    ),
    http.post(`${origin}/devices`, ({ request }) => registerDevice(state, request, options)),
    http.get(`${origin}/devices`, () =>
      HttpResponse.json(
        [...state.devices.values()].map((d) => ({ devId: d.devId, queued: d.queue.length, session: d.session?.record.id ?? null })),
      ),
    ),
    http.delete(`${origin}/devices/:devId`, ({ params }) =>
      withDevice(params, (device) => {
        state.remove(device.devId);
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.post(`${origin}/devices/:devId/notify`, ({ params, request }) =>
      withDevice(params, (device) => notify(state, device, request, options)),
    ),
    http.post(`${origin}/devices/:devId/package2`, ({ params, request }) =>
      withDevice(params, (device) => queuePackage2(state, device, request)),
    ),
    http.get(`${origin}/devices/:devId/received`, ({ params }) => withDevice(params, (device) => HttpResponse.json(device.snapshot()))),
    http.get(`${origin}/devices/:devId/commands/:id`, ({ params }) =>
      withDevice(params, (device) => {
        const record = device.commands.get(String(params['id'] ?? ''));
        if (record === undefined)
          return problemResponse(
            problem(404, 'unknown-command', 'Unknown command', `device ${device.devId} has no command ${JSON.stringify(params['id'])}`),
          );
        return HttpResponse.json(record);
      }),
    ),
    http.put(`${origin}/repo/*`, ({ params, request }) => putRepoContent(state, String(params['0'] ?? ''), request)),
    http.get(`${origin}/repo-log`, () => HttpResponse.json(state.repoLog)),
    http.get(`${origin}/refused`, () => HttpResponse.json(state.refused)),
  ];
}
