import { readFile } from 'node:fs/promises';
import chalk from 'chalk';
import yargs, { type Argv, type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { NotifyRequest } from '../../../reference/server/index.js';
import { EXIT, UsageError } from '../../errors.js';
import { ADMIN_TOKEN_OPTION, adminTokenOf, callAdmin, printJson, type AdminTarget } from './shared.js';
import { NOTIFY_TARGET_FORMS, parseNotifyTarget } from './notify-target.js';

const REQUEST_TIMEOUT_MS = 30_000;
const CON_TYPES: Record<string, number> = { ANY_AVAILABLE: 0, CELLULAR: 1, WLAN: 2, WIRELINE: 3 };

interface AdminArgs {
  url: string;
  'admin-token'?: string;
  args: string[];
}

interface Common {
  json: boolean;
}

const path = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}`;

function conType(text: string): number {
  const code = CON_TYPES[text.toUpperCase()] ?? (/^[0-3]$/.test(text) ? Number(text) : undefined);
  if (code === undefined) throw new UsageError(`--con-type ${JSON.stringify(text)}: use 0–3 or ${Object.keys(CON_TYPES).join(', ')}`);
  return code;
}

interface NotifyArgs extends Common {
  devId: string;
  'server-id'?: string;
  'con-type'?: string[];
  'notification-id'?: number;
  timestamp?: string;
  'req-mos'?: boolean;
  digest?: boolean;
  omit: string[];
  transport?: string;
}

function notifyRequest(argv: NotifyArgs): NotifyRequest {
  const request: NotifyRequest = {};
  if (argv['server-id'] !== undefined) request.serverId = argv['server-id'];
  if (argv['con-type'] !== undefined) {
    const [first, ...rest] = argv['con-type'].map(conType);
    if (first !== undefined) request.conTypes = [first, ...rest];
  }
  if (argv['notification-id'] !== undefined) request.notificationId = argv['notification-id'];
  if (argv.timestamp !== undefined) {
    if (argv.timestamp !== 'now' && !/^\d+$/.test(argv.timestamp))
      throw new UsageError(`--timestamp ${JSON.stringify(argv.timestamp)}: POSIX seconds or "now"`);
    request.timestamp = argv.timestamp === 'now' ? 'now' : Number(argv.timestamp);
  }
  if (argv['req-mos'] !== undefined) request.reqMos = argv['req-mos'];
  if (argv.digest !== undefined) request.digest = argv.digest;
  if (argv.omit.includes('server-id')) request.serverId = null;
  if (argv.omit.includes('notification-id')) request.notificationId = null;
  if (argv.omit.includes('timestamp')) request.timestamp = null;
  if (argv.transport !== undefined) request.transport = parseNotifyTarget(argv.transport, '--transport');
  return request;
}

/** The admin actions, parsed by their own yargs instance (yargs cannot put sub-commands after a positional). */
function actions(target: AdminTarget, args: readonly string[]): Argv<Common> {
  return yargs([...args])
    .scriptName(`dmct sim admin ${target.url}`)
    .usage("$0 <action> [options]\n\nA thin client of the reference server's admin API.")
    .option('json', { type: 'boolean', default: false, describe: "print the admin API's JSON answer" })
    .command('health', 'is the server up, with which faults', {}, async () =>
      printJson(await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'GET', '/health')),
    )
    .command(
      'register <devId>',
      'register a device (or update it)',
      (y) =>
        y
          .positional('devId', { type: 'string', demandOption: true })
          .option('secret', { type: 'string', describe: 'notification secret (DMAcc Auth/Noti/Secret)' })
          .option('auth-data', { type: 'string', describe: 'notification auth data (DMAcc Auth/Noti/Data)' })
          .option('credential-encoding', { choices: ['utf8', 'hex'] as const, describe: 'how --secret and --auth-data are written' })
          .option('notify', { type: 'string', describe: NOTIFY_TARGET_FORMS }),
      async (argv) => {
        const body: Record<string, unknown> = { devId: argv.devId };
        if (argv.secret !== undefined) body['secret'] = argv.secret;
        if (argv['auth-data'] !== undefined) body['authData'] = argv['auth-data'];
        if (argv['credential-encoding'] !== undefined) body['credentialEncoding'] = argv['credential-encoding'];
        if (argv.notify !== undefined) body['notify'] = parseNotifyTarget(argv.notify, '--notify');
        const answer = (await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'POST', '/devices', body)) as { created: boolean };
        if (argv.json) printJson(answer);
        else process.stdout.write(`${argv.devId} ${answer.created ? 'registered' : 'updated'}\n`);
      },
    )
    .command(
      'notify <devId>',
      "send a Package#0 to the device (options left out take the server's defaults)",
      (y) =>
        y
          .positional('devId', { type: 'string', demandOption: true })
          .option('server-id', { type: 'string', describe: "SERVER-ID (default: the server's id)" })
          .option('con-type', {
            type: 'string',
            array: true,
            describe: 'PREFERRED-CON-TYPE values, best first: 0–3 or ANY_AVAILABLE, CELLULAR, WLAN, WIRELINE',
          })
          .option('notification-id', { type: 'number', describe: "NOTIFICATION-ID (default: the device's next id)" })
          .option('timestamp', { type: 'string', describe: 'TIMESTAMP in POSIX seconds, or now (default)' })
          .option('req-mos', { type: 'boolean', describe: 'send REQ-MOS' })
          .option('digest', { type: 'boolean', describe: 'send SHA256-DIGEST (default: when the device has a secret)' })
          .option('omit', {
            type: 'string',
            array: true,
            default: [],
            choices: ['server-id', 'notification-id', 'timestamp'],
            describe: 'leave out an option sent by default',
          })
          .option('transport', { type: 'string', describe: `override the device's transport: ${NOTIFY_TARGET_FORMS}` }),
      async (argv) => {
        const answer = (await callAdmin(
          'server',
          REQUEST_TIMEOUT_MS,
          target,
          'POST',
          `${path('devices', argv.devId)}/notify`,
          notifyRequest(argv),
        )) as { hex: string; sentTo: string };
        if (argv.json) printJson(answer);
        else process.stdout.write(`${answer.hex}\n${chalk.dim(`sent to ${answer.sentTo}`)}\n`);
      },
    )
    .command(
      'queue <devId> <command..>',
      'queue one command; templates {{dm}} {{repo}} {{web}} {{cont}} {{async}}; CONT alone = a fresh session URI',
      (y) =>
        y
          .positional('devId', { type: 'string', demandOption: true })
          .positional('command', { type: 'string', array: true, demandOption: true }),
      async (argv) => {
        const answer = (await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'POST', `${path('devices', argv.devId)}/commands`, {
          command: argv.command.map(String),
        })) as { id: string; command: string[] };
        if (argv.json) printJson(answer);
        else process.stdout.write(`${answer.id} queued: ${JSON.stringify(answer.command)}\n`);
      },
    )
    .command(
      'package2 <devId> <package>',
      'queue a whole Package#2: its JSON, or @FILE',
      (y) => y.positional('devId', { type: 'string', demandOption: true }).positional('package', { type: 'string', demandOption: true }),
      async (argv) => {
        const text = argv.package.startsWith('@')
          ? await readFile(argv.package.slice(1), 'utf8').catch((error: Error) => {
              throw new UsageError(`${argv.package.slice(1)}: ${error.message}`);
            })
          : argv.package;
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (error) {
          throw new UsageError(
            `Package#2 ${argv.package.startsWith('@') ? argv.package.slice(1) : 'argument'}: not JSON: ${(error as Error).message}`,
          );
        }
        const answer = (await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'POST', `${path('devices', argv.devId)}/package2`, body)) as {
          id: string;
          commandIds: string[];
        };
        if (argv.json) printJson(answer);
        else process.stdout.write(`${answer.id} queued (commands ${answer.commandIds.join(', ')})\n`);
      },
    )
    .command(
      'received <devId>',
      'everything the server received from the device',
      (y) => y.positional('devId', { type: 'string', demandOption: true }),
      async (argv) => printJson(await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'GET', `${path('devices', argv.devId)}/received`)),
    )
    .command(
      'command <devId> <id>',
      'one queued command: state, status, result',
      (y) => y.positional('devId', { type: 'string', demandOption: true }).positional('id', { type: 'string', demandOption: true }),
      async (argv) =>
        printJson(await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'GET', `${path('devices', argv.devId, 'commands', argv.id)}`)),
    )
    .command(
      'delete <devId>',
      'forget a device and everything about it',
      (y) => y.positional('devId', { type: 'string', demandOption: true }),
      async (argv) => {
        await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'DELETE', path('devices', argv.devId));
        if (!argv.json) process.stdout.write(`${argv.devId} deleted\n`);
      },
    )
    .command(
      'repo-put <name>',
      'register repository content served at <repo>/<name>',
      (y) =>
        y
          .positional('name', { type: 'string', demandOption: true })
          .option('media-type', { type: 'string', default: 'application/dmmo+json' })
          .option('body', { type: 'string', describe: 'the content' })
          .option('file', { type: 'string', describe: 'read the content from a file' })
          .conflicts('body', 'file')
          .check((argv) => {
            if (argv.body === undefined && argv.file === undefined) throw new UsageError('repo-put needs --body or --file');
            return true;
          }),
      async (argv) => {
        const content =
          argv.body ??
          (await readFile(argv.file ?? '', 'utf8').catch((error: Error) => {
            throw new UsageError(`${argv.file ?? ''}: ${error.message}`);
          }));
        const answer = (await callAdmin(
          'server',
          REQUEST_TIMEOUT_MS,
          target,
          'PUT',
          `/repo/${argv.name.split('/').map(encodeURIComponent).join('/')}`,
          { mediaType: argv['media-type'], body: content },
        )) as { url: string };
        if (argv.json) printJson(answer);
        else process.stdout.write(`${answer.url}\n`);
      },
    )
    .command('repo-log', 'every repository and web hit', {}, async () =>
      printJson(await callAdmin('server', REQUEST_TIMEOUT_MS, target, 'GET', '/repo-log')),
    )
    .demandCommand(1, 'name an admin action (see --help)')
    .strict()
    .help()
    .version(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message.split('\n')[0] ?? message);
    });
}

/** `dmct sim admin <url> <action> …`: a thin client of the reference server's admin API. */
export const simAdminCommand: CommandModule<object, AdminArgs> = {
  command: 'admin <url> [args..]',
  describe:
    'drive a running reference server through its admin API: health, register, notify, queue, package2, received, command, delete, repo-put, repo-log',
  builder: (y) =>
    y
      .positional('url', { type: 'string', demandOption: true, describe: 'the admin API URL printed by dmct sim server' })
      .positional('args', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'the action and its arguments (see: dmct sim admin URL --help)',
      })
      .option('admin-token', ADMIN_TOKEN_OPTION)
      .parserConfiguration({ 'unknown-options-as-args': true })
      .help(false)
      .strict(false),
  handler: async (argv) => {
    // `--help` without a URL: dmct's own help flag was taken, leaving the URL empty; show the actions.
    if (argv.url === '' && hideBin(process.argv).some((arg) => arg === '--help' || arg === '-h')) {
      await actions({ url: '<url>', token: '' }, ['--help']).parseAsync();
      return;
    }
    try {
      new URL(argv.url);
    } catch {
      throw new UsageError(`admin URL ${JSON.stringify(argv.url)} is not a URL (use the one dmct sim server prints)`);
    }
    const args = argv.args.map(String);
    const wantsHelp = args.length === 0 || args.includes('--help');
    const token = wantsHelp ? '' : adminTokenOf(argv['admin-token']);
    await actions({ url: argv.url, token }, args.length === 0 ? ['--help'] : args).parseAsync();
    process.exitCode ??= EXIT.ok;
  },
};
