import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import { MARKS } from '../../../protocol/packages/generic-alert.js';
import { UnknownFaultError, selectFaults } from '../../../reference/faults/index.js';
import { startReferenceClient, type RunningReferenceClient } from '../../../reference/client/index.js';
import { EXIT, UsageError } from '../../errors.js';
import { ADMIN_TOKEN_OPTION, adminTokenOf, callAdmin, checkAdminToken, printJson, untilSignal, type AdminTarget } from './shared.js';

const ADMIN_TIMEOUT_MS = 60_000;

interface RunArgs {
  server?: string;
  host: string;
  'notify-udp': number;
  'notify-http': number;
  'admin-port': number;
  'dev-id'?: string;
  'server-id'?: string;
  secret?: string;
  'auth-data'?: string;
  perm?: string[];
  fault: string[];
  'async-delay': number;
  'admin-token'?: string;
  json: boolean;
}

interface AdminArgs {
  admin: string;
  'admin-token'?: string;
  json: boolean;
}

const adminTarget = (argv: AdminArgs): AdminTarget => ({ url: argv.admin, token: adminTokenOf(argv['admin-token']) });

interface AlertArgs extends AdminArgs {
  type: string;
  'source-uri'?: string;
  'target-uri'?: string;
  mark?: string;
  'data-type'?: string;
  data?: string;
  now: boolean;
  wait: boolean;
}

interface SessionArgs extends AdminArgs {
  wait: boolean;
}

function checkPort(value: number, flag: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new UsageError(`--${flag} ${String(value)}: not a port number (0–65535)`);
}

function printBanner(client: RunningReferenceClient, argv: RunArgs, serverUrl: string): void {
  if (argv.json) {
    const line = {
      devId: client.devId,
      serverId: client.serverId,
      server: serverUrl,
      udpPort: client.udpPort,
      notifyUrl: client.notifyUrl,
      adminUrl: client.adminUrl,
      adminToken: client.adminToken,
      faults: argv.fault,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  const row = (label: string, value: string) => `  ${label.padEnd(14)} ${value}\n`;
  const faults = argv.fault.length === 0 ? chalk.green('none (conformant)') : chalk.yellow(argv.fault.join(', '));
  process.stdout.write(
    `${chalk.bold('dmct reference DM client')}  faults: ${faults}\n` +
      row('DevID', client.devId) +
      row('DM server', `${serverUrl} (SERVER-ID ${client.serverId})`) +
      row('WAP Push UDP', `${argv.host}:${client.udpPort}`) +
      row('HTTP notify', client.notifyUrl) +
      row('admin API', client.adminUrl) +
      row('admin token', client.adminToken) +
      chalk.dim('Stop with Ctrl-C.\n'),
  );
}

function adminOption<T>(yargs: Argv<T>) {
  return yargs
    .option('admin', { type: 'string', demandOption: true, describe: "the reference client's admin API URL (printed by dmct sim client)" })
    .option('admin-token', ADMIN_TOKEN_OPTION)
    .option('json', { type: 'boolean', default: false, describe: "print the admin API's JSON answer" });
}

function parseData(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--data: not JSON: ${(error as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new UsageError('--data: must be a JSON object (section 5.4: Data is an object)');
  return data as Record<string, unknown>;
}

/** `dmct sim client alert`: raises a Generic Alert on a running reference client. */
const alertCommand: CommandModule<object, AlertArgs> = {
  command: 'alert',
  describe: 'raise a Generic Alert on a running reference client (sent in its next package, or at once with --now)',
  builder: (yargs) =>
    adminOption(yargs)
      .option('type', { type: 'string', demandOption: true, describe: 'AlertType (a URN)' })
      .option('source-uri', { type: 'string', describe: 'SourceURI: the node the alert relates to' })
      .option('target-uri', { type: 'string', describe: 'TargetURI (a ClientURI)' })
      .option('mark', { type: 'string', choices: [...MARKS], describe: 'importance (default informational)' })
      .option('data-type', { type: 'string', describe: 'media type of --data (required with it)' })
      .option('data', { type: 'string', describe: 'alert data, a JSON object' })
      .option('now', { type: 'boolean', default: false, describe: 'open a client-initiated session to send it' })
      .option('wait', { type: 'boolean', default: false, describe: 'with --now: answer once the session is over' })
      .example(
        '$0 sim client alert --admin http://127.0.0.1:9101 --type urn:x:at:1.0:Low --data-type application/json --data \'{"Level":3}\' --now',
        '',
      ),
  handler: async (argv) => {
    if (argv.data !== undefined && argv['data-type'] === undefined)
      throw new UsageError('--data needs --data-type (section 5.4: DataType MUST be present with Data)');
    const alert: Record<string, unknown> = { AlertType: argv.type };
    if (argv['source-uri'] !== undefined) alert['SourceURI'] = argv['source-uri'];
    if (argv['target-uri'] !== undefined) alert['TargetURI'] = argv['target-uri'];
    if (argv.mark !== undefined) alert['Mark'] = argv.mark;
    if (argv['data-type'] !== undefined) alert['DataType'] = argv['data-type'];
    if (argv.data !== undefined) alert['Data'] = parseData(argv.data);
    const query = argv.now ? `?now=1${argv.wait ? '&wait=1' : ''}` : '';
    const answer = (await callAdmin('client', ADMIN_TIMEOUT_MS, adminTarget(argv), 'POST', `/alerts${query}`, alert)) as {
      sessionId?: number;
      queued?: number;
      id?: number;
      outcome?: string;
    };
    if (argv.json) printJson(answer);
    else if (answer.outcome !== undefined) process.stdout.write(`session ${answer.id ?? '?'} ${answer.outcome}\n`);
    else if (answer.sessionId !== undefined) process.stdout.write(`alert queued; session ${answer.sessionId} opened\n`);
    else process.stdout.write(`alert queued (${answer.queued ?? '?'} waiting for the next package)\n`);
    process.exitCode = EXIT.ok;
  },
};

/** `dmct sim client session`: opens a client-initiated session on a running reference client. */
const sessionCommand: CommandModule<object, SessionArgs> = {
  command: 'session',
  describe: 'open a client-initiated session (ClientInitiatedMgmt) on a running reference client',
  builder: (yargs) => adminOption(yargs).option('wait', { type: 'boolean', default: false, describe: 'answer once the session is over' }),
  handler: async (argv) => {
    const answer = (await callAdmin('client', ADMIN_TIMEOUT_MS, adminTarget(argv), 'POST', `/session${argv.wait ? '?wait=1' : ''}`)) as {
      sessionId?: number;
      id?: number;
      outcome?: string;
      reason?: string;
    };
    if (argv.json) printJson(answer);
    else if (answer.outcome !== undefined)
      process.stdout.write(`session ${answer.id ?? '?'} ${answer.outcome}${answer.reason === undefined ? '' : `: ${answer.reason}`}\n`);
    else process.stdout.write(`session ${answer.sessionId ?? '?'} opened\n`);
    process.exitCode = EXIT.ok;
  },
};

/** `dmct sim client state`: prints what a running reference client has seen and done. */
const stateCommand: CommandModule<object, AdminArgs> = {
  command: 'state',
  describe: "print a running reference client's state (notifications, sessions, DEFAULTs, SUBs) as JSON",
  builder: (yargs) => adminOption(yargs),
  handler: async (argv) => {
    printJson(await callAdmin('client', ADMIN_TIMEOUT_MS, adminTarget(argv), 'GET', '/state'));
    process.exitCode = EXIT.ok;
  },
};

/**
 * `dmct sim client`: runs the reference DM client until SIGINT or SIGTERM; its sub-commands
 * `alert`, `session` and `state` drive a running one through its admin API.
 */
export const simClientCommand: CommandModule<object, RunArgs> = {
  command: 'client',
  describe: 'run the reference DM client (WAP Push UDP and HTTP notification listeners, admin API) until Ctrl-C; or drive one',
  builder: (yargs) =>
    yargs
      .command(alertCommand)
      .command(sessionCommand)
      .command(stateCommand)
      .option('server', {
        global: false,
        type: 'string',
        describe: "the DM server's Package#1 URL (DMAcc SrvURI); required to run the client",
      })
      .option('host', {
        global: false,
        type: 'string',
        default: '127.0.0.1',
        describe: 'interface of the notification listeners (the admin API is always loopback)',
      })
      .option('notify-udp', {
        global: false,
        type: 'number',
        default: 0,
        describe: 'UDP port of the WAP Push listener (0: a free port; 2948 is the IANA port)',
      })
      .option('notify-http', {
        global: false,
        type: 'number',
        default: 0,
        describe: 'port of the HTTP notification endpoint (POST /notify)',
      })
      .option('admin-port', { global: false, type: 'number', default: 0, describe: 'admin API port (0: a free port)' })
      .option('admin-token', { ...ADMIN_TOKEN_OPTION, global: false })
      .option('dev-id', { global: false, type: 'string', describe: 'DevInfo/DevID (default IMEI:351234567890123)' })
      .option('server-id', {
        global: false,
        type: 'string',
        describe: "the account's SrvID, matched against SERVER-ID (default dmct-reference-server)",
      })
      .option('secret', { global: false, type: 'string', describe: 'notification secret (DMAcc Auth/Noti/Secret, UTF-8)' })
      .option('auth-data', { global: false, type: 'string', describe: 'notification auth data (DMAcc Auth/Noti/Data, UTF-8)' })
      .option('perm', {
        global: false,
        type: 'string',
        array: true,
        describe: 'MOIDs the server may manage (DMAcc Perm; repeatable; * = all)',
      })
      .option('fault', {
        global: false,
        type: 'string',
        array: true,
        default: [],
        describe: 'turn on a fault switch (repeatable; see dmct sim faults --role client)',
      })
      .option('async-delay', {
        global: false,
        type: 'number',
        default: 200,
        describe: 'milliseconds before an asynchronous EXEC completes',
      })
      .option('json', { global: false, type: 'boolean', default: false, describe: 'print the ports as one JSON line' })
      .example('$0 sim client --server http://127.0.0.1:8080/dm --notify-udp 2948 --secret s3cr3t --auth-data nonce', '')
      .example('$0 sim client session --admin http://127.0.0.1:9101', 'open a session on a running client'),
  handler: async (argv) => {
    if (argv.server === undefined) throw new UsageError('dmct sim client needs --server URL (or a sub-command: alert, session, state)');
    if (!/^https?:\/\//i.test(argv.server)) throw new UsageError(`--server ${JSON.stringify(argv.server)}: an http:// or https:// URL`);
    for (const flag of ['notify-udp', 'notify-http', 'admin-port'] as const) checkPort(argv[flag], flag);
    if (!Number.isInteger(argv['async-delay']) || argv['async-delay'] < 0)
      throw new UsageError(`--async-delay ${String(argv['async-delay'])}: milliseconds, 0 or more`);
    if (argv['auth-data'] !== undefined && argv.secret === undefined)
      throw new UsageError('--auth-data needs --secret (both are DMAcc Auth/Noti)');
    try {
      selectFaults(argv.fault, 'client');
    } catch (error) {
      if (error instanceof UnknownFaultError) throw new UsageError(`--fault: ${error.message}`);
      throw error;
    }
    let client: RunningReferenceClient;
    try {
      client = await startReferenceClient({
        serverUrl: argv.server,
        host: argv.host,
        udpPort: argv['notify-udp'],
        httpNotifyPort: argv['notify-http'],
        adminPort: argv['admin-port'],
        ...(argv['admin-token'] === undefined ? {} : { adminToken: checkAdminToken(argv['admin-token']) }),
        faults: argv.fault,
        timings: { asyncExecDelayMs: argv['async-delay'] },
        ...(argv['dev-id'] === undefined ? {} : { devId: argv['dev-id'] }),
        ...(argv['server-id'] === undefined ? {} : { serverId: argv['server-id'] }),
        ...(argv.secret === undefined ? {} : { secret: argv.secret }),
        ...(argv['auth-data'] === undefined ? {} : { authData: argv['auth-data'] }),
        ...(argv.perm === undefined ? {} : { permittedMoids: argv.perm }),
      });
    } catch (error) {
      if (
        error instanceof Error &&
        'code' in error &&
        (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL')
      ) {
        throw new UsageError(`cannot listen on ${argv.host}: ${error.message}`);
      }
      throw error;
    }
    // Listening for Ctrl-C before saying "Stop with Ctrl-C": a quick one must stop, not kill, the client.
    const stopSignal = untilSignal();
    printBanner(client, argv, argv.server);
    const signal = await stopSignal;
    await client.stop();
    if (!argv.json) process.stdout.write(`${chalk.dim(`${signal}: reference client stopped.`)}\n`);
    process.exitCode = EXIT.ok;
  },
};
