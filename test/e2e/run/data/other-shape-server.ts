/**
 * A stand-in for a vendor's DM server that no one wrote for dmct: the reference DM server behind
 * an admin API of another shape (other paths, other key names, an API key header) that serves ONE
 * DM session per process and then exits. dmct drives it from a claims file alone
 * (test/unit/run/foreign-target.test.ts): a reset hook starts a fresh process before each
 * scenario, the triggers map dmct's inputs onto this API.
 *
 *   node --import tsx other-shape-server.ts --dm-port P --admin-port Q --api-key K
 *        --imei DEVID --key SECRET --nonce AUTHDATA --push HOST:PORT
 *
 * Admin API (header `x-api-key: K`, JSON):
 *   GET  /ctl/ping
 *   POST /ctl/units/:imei/wake   {"srv", "preferredConType": [n], "nid", "ts", "askMos", "sign"}
 *        (one preferred connection type at most: a longer list answers 422 {"unsupported": ["preferredConType"]})
 *   POST /ctl/units/:imei/job    {"cmd": ["NAME", …params]}
 *   POST /ctl/units/:imei/script {"pkg": {"cmd": [[…], …]}}
 * Prints "READY dm=<url>" once it listens.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { startReferenceServer } from '../../../../src/reference/server/index.js';
import { freePort } from '../../../unit/run/free-port.js';

const { values: args } = parseArgs({
  options: {
    'dm-port': { type: 'string' },
    'admin-port': { type: 'string' },
    'api-key': { type: 'string' },
    imei: { type: 'string' },
    key: { type: 'string' },
    nonce: { type: 'string', default: '' },
    push: { type: 'string' },
  },
});
const required = (name: keyof typeof args): string => {
  const value = args[name];
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
  return value;
};
const dmPort = Number(required('dm-port'));
const adminPort = Number(required('admin-port'));
const apiKey = required('api-key');
const imei = required('imei');
const [pushHost = '127.0.0.1', pushPort = '0'] = required('push').split(/:(?=\d+$)/);

const publicUrl = `http://127.0.0.1:${dmPort}`;
const internalPort = await freePort();
// Its URLs (CONT, repository) name this server's public port, which forwards everything to it.
const reference = await startReferenceServer({ serverId: 'other-shape-dms', port: internalPort, publicUrl, print: () => undefined });
const internal = `http://127.0.0.1:${internalPort}`;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Calls the reference server's own admin API. */
async function referenceAdmin(path: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${reference.adminUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${reference.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const enrolled = await referenceAdmin('/devices', {
  devId: imei,
  secret: required('key'),
  authData: args.nonce ?? '',
  notify: { transport: 'udp', host: pushHost, port: Number(pushPort) },
});
if (enrolled.status >= 300) throw new Error(`enrol: ${enrolled.status} ${enrolled.text}`);

/** One session per process: once the device's first session is over, the process ends. */
function sessionOver(): boolean {
  const sessions = reference.state.devices.get(imei)?.snapshot().sessions ?? [];
  return sessions.some((session) => session.state !== 'open');
}

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  void reference.stop().finally(() => process.exit(0));
  dm.close();
  admin.close();
}

// The DM, repository and web origin: every request goes to the reference server as it came.
const dm = createServer((request, response) => {
  void (async () => {
    const body = await readBody(request);
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)),
    ) as Record<string, string>;
    const answer = await fetch(`${internal}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body.length === 0 ? {} : { body: new Uint8Array(body) }),
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'connection', 'transfer-encoding', 'content-encoding'].includes(name)) out[name] = value;
    });
    response.writeHead(answer.status, out).end(payload, () => {
      if (sessionOver()) stop();
    });
  })().catch((error: unknown) => response.writeHead(502).end(String(error)));
});

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The wake request in the reference server's notify form; `unsupported` when it asks for what this server cannot do. */
function notifyRequest(wake: Record<string, unknown>): { request: Record<string, unknown> } | { unsupported: string[] } {
  const conTypes = wake['preferredConType'];
  if (Array.isArray(conTypes) && conTypes.length > 1) return { unsupported: ['preferredConType'] };
  const request: Record<string, unknown> = {};
  if ('srv' in wake) request['serverId'] = wake['srv'];
  if (Array.isArray(conTypes)) request['conTypes'] = conTypes;
  if ('nid' in wake) request['notificationId'] = wake['nid'];
  if ('ts' in wake) request['timestamp'] = wake['ts'];
  if ('askMos' in wake) request['reqMos'] = wake['askMos'];
  if ('sign' in wake) request['digest'] = wake['sign'];
  return { request };
}

const admin = createServer((request, response) => {
  void (async () => {
    if (request.headers['x-api-key'] !== apiKey) return reply(response, 401, { error: 'bad api key' });
    const url = new URL(request.url ?? '/', 'http://admin');
    if (request.method === 'GET' && url.pathname === '/ctl/ping') return reply(response, 200, { up: true });
    const match = /^\/ctl\/units\/([^/]+)\/(wake|job|script)$/.exec(url.pathname);
    if (request.method !== 'POST' || match === null) return reply(response, 404, { error: 'no such route' });
    const unit = decodeURIComponent(match[1] ?? '');
    if (unit !== imei) return reply(response, 404, { error: `unknown unit ${unit}` });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(request)).toString('utf8')) as Record<string, unknown>;
    } catch {
      return reply(response, 400, { error: 'body is not JSON' });
    }
    const path = `/devices/${encodeURIComponent(imei)}`;
    let forwarded: { status: number; text: string };
    if (match[2] === 'wake') {
      const mapped = notifyRequest(body);
      if ('unsupported' in mapped) return reply(response, 422, { unsupported: mapped.unsupported });
      forwarded = await referenceAdmin(`${path}/notify`, mapped.request);
    } else if (match[2] === 'job') {
      forwarded = await referenceAdmin(`${path}/commands`, { command: body['cmd'] });
    } else {
      const pkg = body['pkg'] as { cmd?: unknown } | undefined;
      forwarded = await referenceAdmin(`${path}/package2`, { CMD: pkg?.cmd });
    }
    response.writeHead(forwarded.status, { 'content-type': 'application/json' }).end(forwarded.text);
  })().catch((error: unknown) => reply(response, 500, { error: String(error) }));
});

await Promise.all([
  new Promise<void>((resolve) => dm.listen(dmPort, '127.0.0.1', resolve)),
  new Promise<void>((resolve) => admin.listen(adminPort, '127.0.0.1', resolve)),
]);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stop);
process.stdout.write(`READY dm=${publicUrl}/dm\n`);
