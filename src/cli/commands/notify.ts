import { readFile, writeFile } from 'node:fs/promises';
import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import type { SchemaViolation } from '../../protocol/json-schema.js';
import {
  NOTIFICATION_FRESHNESS_WINDOW_SECONDS,
  NOTIFICATION_TIMESTAMP_DEFAULT_ENCODING,
} from '../../protocol/interpretations/notification.js';
import {
  CONNECTION_TYPE_CODES,
  checkNotificationInput,
  decodeNotification,
  decodeWapPushDatagram,
  decodedNotificationToJson,
  encodeGcmMessage,
  encodeNotification,
  encodeWapPushDatagram,
  looksLikeHex,
  parseBase64,
  parseHex,
  toBase64,
  toHex,
  wapPushFramingToJson,
  type ConnectionTypeName,
  type DecodedNotification,
  type NotificationInput,
  type NotificationViolationJson,
  type ParsedBytes,
} from '../../protocol/notification/index.js';
import { EXIT, UsageError } from '../errors.js';
import { COMMAND_CATALOG } from './catalog.js';

const CON_TYPE_NAMES = Object.keys(CONNECTION_TYPE_CODES) as ConnectionTypeName[];

interface CredentialArgs {
  secret?: string;
  'secret-hex'?: string;
  'auth-data'?: string;
  'auth-data-hex'?: string;
}

interface EncodeArgs extends CredentialArgs {
  'server-id'?: string;
  'con-type'?: string[];
  'notification-id'?: number;
  timestamp?: string;
  'timestamp-encoding': 'uint32' | 'uint64';
  'req-mos'?: boolean;
  digest?: boolean;
  from?: string;
  format?: 'hex' | 'base64' | 'binary';
  out?: string;
  wrap: 'none' | 'wap-push' | 'gcm';
  tid: number;
  'registration-id'?: string;
}

interface DecodeArgs extends CredentialArgs {
  input?: string;
  file?: string;
  encoding: 'auto' | 'hex' | 'base64' | 'binary';
  datagram: boolean;
  now?: string;
  'freshness-window': number;
  'timestamp-encoding': 'auto' | 'uint32' | 'uint64';
  json: boolean;
}

const FLAG_OF_FIELD: Record<string, string> = {
  serverId: '--server-id',
  preferredConTypes: '--con-type',
  notificationId: '--notification-id',
  digest: '--digest',
  timestamp: '--timestamp',
  reqMos: '--req-mos',
};

function credentialOptions<T>(yargs: Argv<T>): Argv<T & CredentialArgs> {
  return yargs
    .option('secret', { type: 'string', describe: 'digest secret (DMAcc Auth/Noti/Secret), UTF-8' })
    .option('secret-hex', { type: 'string', describe: 'digest secret as hex' })
    .option('auth-data', { type: 'string', describe: 'digest auth-data (DMAcc Auth/Noti/Data), UTF-8' })
    .option('auth-data-hex', { type: 'string', describe: 'digest auth-data as hex' })
    .conflicts('secret', 'secret-hex')
    .conflicts('auth-data', 'auth-data-hex') as Argv<T & CredentialArgs>;
}

/** Connection-type names, case-insensitive, `-` for `_`, `any` for ANY_AVAILABLE, or byte values 0-3. */
function normalizeConTypes(values: unknown[]): string[] {
  return values.map((value) => {
    const text = String(value).trim();
    const byCode = CON_TYPE_NAMES.find((name) => /^\d+$/.test(text) && CONNECTION_TYPE_CODES[name] === Number(text));
    const name = text.toUpperCase().replace(/-/g, '_');
    return byCode ?? (name === 'ANY' ? 'ANY_AVAILABLE' : name);
  });
}

function checkConTypes(values: readonly string[] | undefined): true {
  const bad = values?.find((v) => !(CON_TYPE_NAMES as string[]).includes(v));
  if (bad !== undefined) {
    throw new UsageError(`--con-type: ${JSON.stringify(bad)} is not one of ${CON_TYPE_NAMES.join(', ')} (or 0-3)`);
  }
  return true;
}

function hexFlag(flag: string, text: string): Uint8Array {
  const parsed = parseHex(text);
  if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.error}`);
  return parsed.bytes;
}

function credentials(args: CredentialArgs): { secret?: Uint8Array | string; authData?: Uint8Array | string } {
  const out: { secret?: Uint8Array | string; authData?: Uint8Array | string } = {};
  if (args.secret !== undefined) out.secret = args.secret;
  if (args['secret-hex'] !== undefined) out.secret = hexFlag('secret-hex', args['secret-hex']);
  if (args['auth-data'] !== undefined) out.authData = args['auth-data'];
  if (args['auth-data-hex'] !== undefined) out.authData = hexFlag('auth-data-hex', args['auth-data-hex']);
  return out;
}

async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${path}: cannot read the file (${code})`);
  }
}

function oneLine(source: string, problems: readonly SchemaViolation[], flags: boolean): string {
  const describe = (p: SchemaViolation): string => {
    if (!flags) return `${source} ${p.pointer || '/'}: ${p.message} (${p.rule})`;
    const field = p.pointer.split('/')[1] ?? '';
    return `${FLAG_OF_FIELD[field] ?? (p.pointer || 'flags')}: ${p.message} (${p.rule})`;
  };
  return problems.map(describe).join('; ');
}

function parseTimestampFlag(value: string): number {
  if (value === '' || value === 'now') return Math.floor(Date.now() / 1000);
  if (!/^\d+$/.test(value)) throw new UsageError(`--timestamp: ${JSON.stringify(value)} is neither POSIX seconds nor "now"`);
  return Number(value);
}

async function notificationInputOf(args: EncodeArgs): Promise<{ input: unknown; source?: string }> {
  if (args.from !== undefined) {
    const text = (await readInputFile(args.from)).toString('utf8');
    try {
      return { input: JSON.parse(text) as unknown, source: args.from };
    } catch (err) {
      throw new UsageError(`${args.from} /: invalid JSON: ${(err as Error).message} (json)`);
    }
  }
  const input: NotificationInput = {};
  if (args['server-id'] !== undefined) input.serverId = args['server-id'];
  if (args['con-type'] !== undefined && args['con-type'].length > 0) {
    input.preferredConTypes = args['con-type'] as NotificationInput['preferredConTypes'];
  }
  if (args['notification-id'] !== undefined) input.notificationId = args['notification-id'];
  if (args.digest === true) input.digest = true;
  if (args.timestamp !== undefined) input.timestamp = parseTimestampFlag(args.timestamp);
  if (args['req-mos'] === true) input.reqMos = true;
  return { input };
}

async function emit(bytes: Uint8Array, args: EncodeArgs): Promise<void> {
  const format = args.format ?? (args.out === undefined ? 'hex' : 'binary');
  const data = format === 'hex' ? `${toHex(bytes)}\n` : format === 'base64' ? `${toBase64(bytes)}\n` : bytes;
  if (args.out === undefined) {
    process.stdout.write(data);
    return;
  }
  try {
    await writeFile(args.out, data);
  } catch (err) {
    throw new UsageError(`${args.out}: cannot write the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

async function encodeHandler(args: EncodeArgs): Promise<void> {
  const { input, source } = await notificationInputOf(args);
  const options = { ...credentials(args), timestampEncoding: args['timestamp-encoding'] };
  const problems = checkNotificationInput(input, options);
  if (problems.length > 0) throw new UsageError(oneLine(source ?? '', problems, source === undefined));
  const notification = encodeNotification(input as NotificationInput, options);
  if (args.wrap === 'gcm') {
    if (args['registration-id'] === undefined) throw new UsageError('--wrap gcm needs --registration-id');
    const message = JSON.stringify(encodeGcmMessage(notification, { registrationId: args['registration-id'] }), null, 2);
    if (args.out === undefined) process.stdout.write(`${message}\n`);
    else await emit(new TextEncoder().encode(`${message}\n`), { ...args, format: 'binary' });
    process.exitCode = EXIT.ok;
    return;
  }
  await emit(args.wrap === 'wap-push' ? encodeWapPushDatagram(notification, { tid: args.tid }) : notification, args);
  process.exitCode = EXIT.ok;
}

function parseText(text: string, encoding: DecodeArgs['encoding'], source: string): Uint8Array {
  let parsed: ParsedBytes;
  if (encoding === 'hex' || (encoding === 'auto' && looksLikeHex(text))) parsed = parseHex(text);
  else parsed = parseBase64(text);
  if (!parsed.ok) throw new UsageError(`${source}: ${parsed.error}`);
  if (parsed.bytes.length === 0) throw new UsageError(`${source}: no bytes`);
  return parsed.bytes;
}

/** Raw bytes unless `--encoding` says text, or (auto) the content is printable hex/base64 text. */
function bytesOfContent(content: Buffer, encoding: DecodeArgs['encoding'], source: string): Uint8Array {
  if (encoding === 'binary') return new Uint8Array(content);
  const text = content.toString('latin1');
  const isText = /^[\s0-9A-Za-z+/=_:-]*$/.test(text) && text.trim().length > 0;
  if (encoding === 'auto' && !isText) return new Uint8Array(content);
  return parseText(text, encoding, source);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function inputBytes(args: DecodeArgs): Promise<Uint8Array> {
  if (args.file !== undefined) return bytesOfContent(await readInputFile(args.file), args.encoding, args.file);
  if (args.input !== undefined) {
    if (args.encoding === 'binary') throw new UsageError('--encoding binary needs --file or stdin');
    return parseText(args.input, args.encoding, 'input');
  }
  if (process.stdin.isTTY) throw new UsageError('no input: give hex or base64, --file <path>, or pipe the bytes to stdin');
  const content = await readStdin();
  if (content.length === 0) throw new UsageError('stdin: no bytes');
  return bytesOfContent(content, args.encoding, 'stdin');
}

function parseNow(value: string | undefined): number {
  if (value === undefined) return Math.floor(Date.now() / 1000);
  if (/^\d+$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`--now: ${JSON.stringify(value)} is neither POSIX seconds nor an ISO date`);
  return Math.floor(ms / 1000);
}

const SEVERITY_STYLE = { error: chalk.red, warning: chalk.yellow, info: chalk.cyan } as const;

function violationLines(violations: readonly NotificationViolationJson[], offsetBase: number): string[] {
  return violations.map((v) => {
    const where = v.offset === undefined ? '' : ` @${v.offset + offsetBase}`;
    return `  ${SEVERITY_STYLE[v.severity](v.severity.padEnd(7))}${where} ${chalk.bold(v.rule)} (${v.section}): ${v.message}`;
  });
}

function optionValueText(decoded: DecodedNotification, index: number): string {
  const option = decoded.options[index];
  if (option === undefined) return '';
  const firstOfNumber = decoded.options.findIndex((o) => o.number === option.number) === index;
  const truncated =
    option.valueHex.length / 2 < option.length ? chalk.red(` (truncated: ${option.valueHex.length / 2} of ${option.length} bytes)`) : '';
  const f = decoded.fields;
  if (firstOfNumber && truncated === '') {
    switch (option.number) {
      case 1:
        if (f.serverId !== undefined) return JSON.stringify(f.serverId);
        break;
      case 2:
        if (f.preferredConTypes !== undefined) {
          return f.preferredConTypes.map((c) => c.name ?? `0x${c.code.toString(16).padStart(2, '0')}`).join(', ');
        }
        break;
      case 3:
        if (f.notificationId !== undefined) return String(f.notificationId);
        break;
      case 4:
        if (f.digestHex !== undefined) {
          const verdict = decoded.digest?.verified;
          const check = verdict === undefined ? chalk.dim('not checked') : verdict ? chalk.green('verified') : chalk.red('MISMATCH');
          return `${f.digestHex} ${check}`;
        }
        break;
      case 5:
        if (f.timestamp !== undefined) return `${f.timestamp}${f.timestampIso === undefined ? '' : ` (${f.timestampIso})`}`;
        break;
      case 6:
        if (option.length === 0) return chalk.dim('(no value)');
        break;
    }
  }
  return `${option.valueHex === '' ? chalk.dim('(empty)') : option.valueHex}${truncated}`;
}

function render(decoded: DecodedNotification): string {
  const lines: string[] = [];
  const transport = decoded.transport;
  const base = transport?.bodyOffset ?? 0;
  if (transport !== undefined) {
    const code = (v: number | string | undefined): string =>
      typeof v === 'number' ? `0x${v.toString(16).padStart(2, '0')}` : JSON.stringify(v ?? null);
    lines.push(chalk.bold(`WAP Push datagram, ${transport.size} bytes`));
    lines.push(
      `  TID ${transport.tid ?? '-'} · PDU ${code(transport.pduType)} · content type ${code(transport.contentType)} · app id ${code(transport.applicationId)} · headers ${transport.headerLength ?? '-'} bytes`,
    );
    lines.push(...violationLines(transport.violations, 0));
  }
  if (transport !== undefined && transport.bodyOffset === undefined) {
    lines.push(chalk.red('invalid — no notification: the datagram framing could not be read'));
    return `${lines.join('\n')}\n`;
  }
  const size = `${decoded.size} byte${decoded.size === 1 ? '' : 's'}`;
  lines.push(chalk.bold(`Package#0 DM Notification, ${size}${base > 0 ? ` (datagram offset ${base})` : ''}`));
  if (decoded.header !== undefined) {
    lines.push(`  VER ${decoded.header.version} · OC ${decoded.header.optionCount} · RESERVED ${decoded.header.reserved}`);
  }
  decoded.options.forEach((option, i) => {
    const label = `${option.number} ${option.name ?? chalk.yellow('unknown')}`;
    lines.push(`  @${String(option.offset + base).padEnd(4)} ${label.padEnd(22)} ${optionValueText(decoded, i)}`);
  });
  lines.push(...violationLines(decoded.violations, base));
  const valid = decoded.valid && (transport?.valid ?? true);
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => [s, [...decoded.violations, ...(transport?.violations ?? [])].filter((v) => v.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
  const summary = counts.length === 0 ? 'no violations' : counts.join(', ');
  lines.push(valid ? chalk.green(`valid — ${summary}`) : chalk.red(`invalid — ${summary}`));
  return `${lines.join('\n')}\n`;
}

async function decodeHandler(args: DecodeArgs): Promise<void> {
  const bytes = await inputBytes(args);
  const now = parseNow(args.now);
  const options = {
    ...credentials(args),
    now,
    freshnessWindowSeconds: args['freshness-window'],
    timestampEncoding: args['timestamp-encoding'],
  };
  let decoded: DecodedNotification;
  if (args.datagram) {
    const framing = decodeWapPushDatagram(bytes);
    const body = framing.notification;
    decoded =
      body === undefined
        ? { size: 0, hex: '', valid: false, options: [], fields: { reqMos: false }, violations: [] }
        : decodedNotificationToJson(body, decodeNotification(body, options));
    decoded.transport = wapPushFramingToJson(bytes, framing);
  } else {
    decoded = decodedNotificationToJson(bytes, decodeNotification(bytes, options));
  }
  process.stdout.write(args.json ? `${JSON.stringify(decoded, null, 2)}\n` : render(decoded));
  const valid = decoded.valid && (decoded.transport?.valid ?? true);
  process.exitCode = valid ? EXIT.ok : EXIT.nonConformant;
}

const encodeCommand: CommandModule<object, EncodeArgs> = {
  command: 'encode',
  describe: 'encode a Package#0 DM Notification (§5.2.1, §7.1.1)',
  builder: (yargs) =>
    credentialOptions(
      yargs
        .option('server-id', { type: 'string', describe: 'SERVER-ID (option 1)' })
        .option('con-type', {
          type: 'string',
          array: true,
          describe: 'PREFERRED-CON-TYPE entry (option 2), highest priority first; repeatable',
          coerce: normalizeConTypes,
        })
        .option('notification-id', { type: 'number', describe: 'NOTIFICATION-ID (option 3), 0-65535' })
        .option('timestamp', { type: 'string', describe: 'TIMESTAMP (option 5): POSIX seconds or "now" (a bare --timestamp means now)' })
        .option('timestamp-encoding', {
          choices: ['uint32', 'uint64'] as const,
          default: NOTIFICATION_TIMESTAMP_DEFAULT_ENCODING,
          describe: 'TIMESTAMP representation (big-endian seconds)',
        })
        .option('req-mos', { type: 'boolean', describe: 'add REQ-MOS (option 6)' })
        .option('digest', { type: 'boolean', describe: 'add SHA256-DIGEST (option 4); needs --secret or --secret-hex' })
        .option('from', { type: 'string', describe: 'read the options from a JSON file (schema NotificationInput)' })
        .conflicts('from', ['server-id', 'con-type', 'notification-id', 'timestamp', 'req-mos', 'digest'])
        .option('format', { choices: ['hex', 'base64', 'binary'] as const, describe: 'output form [default: hex, binary with --out]' })
        .option('out', { type: 'string', describe: 'write to this file instead of stdout' })
        .option('wrap', {
          choices: ['none', 'wap-push', 'gcm'] as const,
          default: 'none' as const,
          describe: 'wrap for a transport: the WAP Push datagram for UDP 2948 (App E.1) or a GCM message (App E.2)',
        })
        .option('tid', { type: 'number', default: 0, describe: 'WSP transaction id of the WAP Push datagram' })
        .option('registration-id', { type: 'string', describe: 'GCM registration id (with --wrap gcm)' })
        .check((argv) => checkConTypes(argv['con-type']))
        .check((argv) => {
          const tid = argv.tid;
          if (!Number.isInteger(tid) || tid < 0 || tid > 255) throw new UsageError(`--tid: ${tid} is not an integer 0-255`);
          return true;
        })
        .example(
          '$0 notify encode --server-id dms1 --notification-id 42 --digest --secret s3cr3t --auth-data nonce --req-mos',
          'the worked example of the test vectors (fixtures/notifications/valid.json), as hex',
        )
        .example('$0 notify encode --from n.json --wrap wap-push --out n.bin', 'a WAP Push datagram written to a file'),
    ) as unknown as Argv<EncodeArgs>,
  handler: encodeHandler,
};

const decodeCommand: CommandModule<object, DecodeArgs> = {
  command: 'decode [input]',
  describe: 'decode and check a Package#0 DM Notification (hex, base64, --file, or stdin)',
  builder: (yargs) =>
    credentialOptions(
      yargs
        .positional('input', { type: 'string', describe: 'the notification as hex or base64' })
        .option('file', { type: 'string', describe: 'read the bytes from a file (raw, or text with --encoding hex|base64)' })
        .conflicts('file', 'input')
        .option('encoding', {
          choices: ['auto', 'hex', 'base64', 'binary'] as const,
          default: 'auto' as const,
          describe: 'how the input is written (auto: hex if it looks like hex, else base64; raw bytes from files/stdin)',
        })
        .option('datagram', { type: 'boolean', default: false, describe: 'the input is a WAP Push datagram (App E.1)' })
        .option('now', {
          type: 'string',
          describe: 'receiver clock for TIMESTAMP freshness: POSIX seconds or ISO date [default: the current time]',
        })
        .option('freshness-window', {
          type: 'number',
          default: NOTIFICATION_FRESHNESS_WINDOW_SECONDS,
          describe: 'seconds a TIMESTAMP may lie before or after --now',
        })
        .option('timestamp-encoding', {
          choices: ['auto', 'uint32', 'uint64'] as const,
          default: 'auto' as const,
          describe: 'TIMESTAMP representation (auto accepts 4 or 8 bytes)',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the DecodedNotification JSON' })
        .check((argv) => {
          const window = argv['freshness-window'];
          if (!Number.isFinite(window) || window < 0) throw new UsageError(`--freshness-window: ${window} is not a number of seconds`);
          return true;
        })
        .example('$0 notify decode 22001004646d7331... --secret s3cr3t --auth-data nonce', 'decode and verify the digest')
        .example('$0 notify decode --file n.bin --datagram --json', 'a captured WAP Push datagram, as JSON'),
    ) as unknown as Argv<DecodeArgs>,
  handler: decodeHandler,
};

/** `dmct notify`: encode and decode Package#0 DM Notifications and their WAP Push / GCM framing. */
export const notifyCommand: CommandModule = {
  ...COMMAND_CATALOG.notify,
  builder: (yargs) => yargs.command(encodeCommand).command(decodeCommand).demandCommand(1, 'name a notify command: encode or decode'),
  handler: () => {},
};
