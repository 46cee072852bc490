/**
 * A hostile DM server for the project's own tests: one misbehaviour per path, on a raw
 * node:http server (msw cannot drip, reset or stream without end). Everything it sends is
 * generated here; it binds 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Markup and script a hostile target puts in every string it controls. */
export const MARKUP = '<script>window.__pwned=1</script><img src=x onerror=alert(1)>';

const PACKAGE2 = 'application/vnd.oma.dm.request+json';
const MEBIBYTE = Buffer.alloc(1024 * 1024, 0x20);

const END_PACKAGE2 = '{"CMD": [["END"]]}';

/** True for a request carrying a Package#1 (by its media type): later packages get END. */
function isPackage1(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/vnd.oma.dm.initiation+json');
}

type Behaviour = (req: IncomingMessage, res: ServerResponse, socket: Socket) => void;

/** A Package#2 whose one command nests 100,000 arrays deep (about 200 KB). */
const DEEP_PACKAGE2 = `{"CMD": [${'['.repeat(100_000)}${']'.repeat(100_000)}, ["END"]]}`;
/** About 175k command entries in 1 MiB. */
const COMMAND_FLOOD = `{"CMD": [${'["A"],'.repeat(174_000)}["END"]]}`;
/** A 1 MiB Package#2 of about 74k commands no DM 2.0 text defines. */
const UNKNOWN_COMMANDS = `{"CMD": [${'["FROB","xy"],'.repeat(74_000)}["END"]]}`;

/** Each misbehaviour, by the path a device posts its Package#1 to. */
export const BEHAVIOURS: Readonly<Record<string, Behaviour>> = {
  'invalid-json': (_req, res) => res.writeHead(200, { 'content-type': PACKAGE2 }).end('{"CMD": [["END"]'),
  'wrong-shape': (_req, res) => res.writeHead(200, { 'content-type': PACKAGE2 }).end('{"CMD": {"0": "END"}, "Status": 7}'),
  'fifty-megabytes': (_req, res) => {
    res.writeHead(200, { 'content-type': PACKAGE2, 'content-length': String(50 * MEBIBYTE.length) });
    let sent = 0;
    const pump = (): void => {
      while (sent < 50 && !res.destroyed) {
        sent += 1;
        if (!res.write(MEBIBYTE)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  },
  'slow-drip': (_req, res) => {
    res.writeHead(200, { 'content-type': PACKAGE2 });
    res.write('{"CMD": [');
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 100);
    res.on('close', () => clearInterval(timer));
  },
  'no-headers': () => undefined,
  'reset-mid-response': (_req, res, socket) => {
    res.writeHead(200, { 'content-type': PACKAGE2, 'content-length': '1000' });
    res.write('{"CMD": [["GET", "urn:oma:mo:oma-dm-devinfo:1.2//DevID"]', () => socket.resetAndDestroy());
  },
  'wrong-content-type': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html>${MARKUP}</html>`),
  'http-error': (_req, res) => res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': MARKUP }).end(MARKUP),
  'deep-nesting': (_req, res) => res.writeHead(200, { 'content-type': PACKAGE2 }).end(DEEP_PACKAGE2),
  'command-flood': (_req, res) => res.writeHead(200, { 'content-type': PACKAGE2 }).end(COMMAND_FLOOD),
  'unknown-commands': (req, res) => res.writeHead(200, { 'content-type': PACKAGE2 }).end(isPackage1(req) ? UNKNOWN_COMMANDS : END_PACKAGE2),
  'redirect-elsewhere': (_req, res) => res.writeHead(307, { location: 'http://dm.attacker.example/dm' }).end(),
  markup: (_req, res) =>
    res
      .writeHead(200, { 'content-type': `${PACKAGE2}; x="${MARKUP.replace(/"/g, '')}"`, 'x-markup': MARKUP.replace(/[^\x20-\x7e]/g, '') })
      .end(
        JSON.stringify({ CMD: [[MARKUP, MARKUP], ['GET', MARKUP], ['SHOW', `http://web.example/${MARKUP}`], ['END']], [MARKUP]: MARKUP }),
      ),
};

/**
 * A running hostile server: `url(name)` is where a device posts to meet misbehaviour `name`;
 * `url('admin')` is a trigger hook (claims `adminUrl`) that answers 201 to anything.
 */
export interface HostileServer {
  url(name: string): string;
  close(): Promise<void>;
}

/** Starts the hostile server on a free loopback port. */
export async function startHostileServer(): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://h').pathname.slice(1));
    req.resume();
    // A trigger hook that accepts everything, so scenarios get as far as the misbehaving DM endpoint.
    if (name.startsWith('admin/')) return void res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"c1"}');
    const behaviour = Object.hasOwn(BEHAVIOURS, name) ? BEHAVIOURS[name] : undefined;
    if (behaviour === undefined) return void res.writeHead(404).end();
    behaviour(req, res, req.socket);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
