import chalk from 'chalk';
import type { CommandModule } from 'yargs';
import { UnknownFaultError, selectFaults } from '../../../reference/faults/index.js';
import {
  ReferenceServerConfigError,
  startReferenceServer,
  type DeviceRegistration,
  type RunningReferenceServer,
} from '../../../reference/server/index.js';
import { EXIT, UsageError } from '../../errors.js';
import { NOTIFY_TARGET_FORMS, parseNotifyTarget } from './notify-target.js';
import { ADMIN_TOKEN_OPTION, checkAdminToken, untilSignal } from './shared.js';

interface ServerArgs {
  host: string;
  port: number;
  'admin-port': number;
  'admin-token'?: string;
  'allow-shell-notify': boolean;
  'public-url'?: string;
  fault: string[];
  device: string[];
  secret: string[];
  'auth-data': string[];
  notify: string[];
  'credential-encoding': 'utf8' | 'hex';
  'server-id'?: string;
  'gcm-send-url'?: string;
  'auto-register': boolean;
  json: boolean;
}

/** Device registrations from the repeatable --device flag; --secret, --auth-data and --notify pair with it by position. */
function devicesOf(argv: ServerArgs): DeviceRegistration[] {
  for (const flag of ['secret', 'auth-data', 'notify'] as const) {
    if (argv[flag].length > argv.device.length) {
      throw new UsageError(
        `--${flag} given ${argv[flag].length} time(s) for ${argv.device.length} --device: each pairs with the --device at the same position`,
      );
    }
  }
  return argv.device.map((devId, i) => {
    const device: DeviceRegistration = { devId, credentialEncoding: argv['credential-encoding'] };
    const secret = argv.secret[i];
    const authData = argv['auth-data'][i];
    const notify = argv.notify[i];
    if (secret !== undefined) device.secret = secret;
    if (authData !== undefined) device.authData = authData;
    if (notify !== undefined) device.notify = parseNotifyTarget(notify, '--notify');
    return device;
  });
}

function describeTarget(device: DeviceRegistration): string {
  const notify = device.notify;
  if (notify === undefined) return 'no notify transport';
  const where = notify.url ?? notify.command ?? (notify.transport === 'udp' ? `${notify.host ?? '127.0.0.1'}:${notify.port ?? 2948}` : '');
  return `notify ${notify.transport}${where === '' ? '' : ` ${where}`}`;
}

function printBanner(server: RunningReferenceServer, argv: ServerArgs, devices: DeviceRegistration[]): void {
  if (argv.json) {
    const line = {
      dmUrl: server.dmUrl,
      adminUrl: server.adminUrl,
      adminToken: server.adminToken,
      repoUrl: server.repoUrl,
      webUrl: server.webUrl,
      faults: argv.fault,
      devices: devices.map((d) => d.devId),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  const row = (label: string, value: string) => `  ${label.padEnd(12)} ${value}\n`;
  const faults = argv.fault.length === 0 ? chalk.green('none (conformant)') : chalk.yellow(argv.fault.join(', '));
  process.stdout.write(
    `${chalk.bold('dmct reference DM server')}  faults: ${faults}\n` +
      row('DM endpoint', server.dmUrl) +
      row('admin API', server.adminUrl) +
      row('admin token', server.adminToken) +
      row('repository', server.repoUrl) +
      row('web', server.webUrl) +
      devices.map((d) => row('device', `${d.devId} (${describeTarget(d)})`)).join('') +
      chalk.dim('Stop with Ctrl-C.\n'),
  );
}

/** `dmct sim server`: runs the reference DM server until SIGINT or SIGTERM. */
export const simServerCommand: CommandModule<object, ServerArgs> = {
  command: 'server',
  describe: 'run the reference DM server (DM endpoint, repository, web server, admin API) until Ctrl-C',
  builder: (yargs) =>
    yargs
      .option('host', {
        type: 'string',
        default: '127.0.0.1',
        describe: 'interface of the DM, repository and web port (the admin API is always loopback)',
      })
      .option('port', { type: 'number', default: 0, describe: 'DM/repository/web port (0: a free port)' })
      .option('admin-port', { type: 'number', default: 0, describe: 'admin API port (0: a free port)' })
      .option('admin-token', ADMIN_TOKEN_OPTION)
      .option('allow-shell-notify', {
        type: 'boolean',
        default: false,
        describe: 'allow the shell notification transport (it runs a command on this machine)',
      })
      .option('public-url', { type: 'string', describe: 'base URL advertised in CONT and async URIs (default http://HOST:PORT)' })
      .option('fault', {
        type: 'string',
        array: true,
        default: [],
        describe: 'turn on a fault switch (repeatable; see dmct sim faults --role server)',
      })
      .option('device', { type: 'string', array: true, default: [], describe: 'register a device by DevID (repeatable)' })
      .option('secret', { type: 'string', array: true, default: [], describe: 'notification secret of the --device at the same position' })
      .option('auth-data', {
        type: 'string',
        array: true,
        default: [],
        describe: 'notification auth data of the --device at the same position',
      })
      .option('notify', {
        type: 'string',
        array: true,
        default: [],
        describe: `notification transport of the --device at the same position: ${NOTIFY_TARGET_FORMS}`,
      })
      .option('credential-encoding', {
        choices: ['utf8', 'hex'] as const,
        default: 'utf8' as const,
        describe: 'how --secret and --auth-data are written',
      })
      .option('server-id', { type: 'string', describe: 'SERVER-ID sent in notifications (default dmct-reference-server)' })
      .option('gcm-send-url', { type: 'string', describe: 'where GCM notification messages are POSTed' })
      .option('auto-register', {
        type: 'boolean',
        default: false,
        describe: 'register unknown DevIDs on their first Package#1 instead of answering 403',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print the URLs as one JSON line' })
      .check((argv) => {
        try {
          selectFaults(argv.fault, 'server');
        } catch (error) {
          if (error instanceof UnknownFaultError) throw new UsageError(`--fault: ${error.message}`);
          throw error;
        }
        for (const flag of ['port', 'admin-port'] as const) {
          const port = argv[flag];
          if (!Number.isInteger(port) || port < 0 || port > 65535)
            throw new UsageError(`--${flag} ${String(port)}: not a port number (0–65535)`);
        }
        return true;
      })
      .example('$0 sim server --port 8080 --device IMEI:351234567890123 --secret s3cr3t --notify udp://127.0.0.1:2948', '')
      .example('$0 sim server --fault notify-bad-digest --fault cont-uri-rejected', 'a mutant breaking two rules'),
  handler: async (argv) => {
    const devices = devicesOf(argv);
    let server: RunningReferenceServer;
    try {
      server = await startReferenceServer({
        host: argv.host,
        port: argv.port,
        adminPort: argv['admin-port'],
        allowShellNotify: argv['allow-shell-notify'],
        ...(argv['admin-token'] === undefined ? {} : { adminToken: checkAdminToken(argv['admin-token']) }),
        faults: argv.fault,
        devices,
        unknownDevices: argv['auto-register'] ? 'register' : 'reject',
        ...(argv['public-url'] === undefined ? {} : { publicUrl: argv['public-url'] }),
        ...(argv['server-id'] === undefined ? {} : { serverId: argv['server-id'] }),
        ...(argv['gcm-send-url'] === undefined ? {} : { gcmSendUrl: argv['gcm-send-url'] }),
      });
    } catch (error) {
      if (error instanceof ReferenceServerConfigError || error instanceof UnknownFaultError) throw new UsageError(error.message);
      if (
        error instanceof Error &&
        'code' in error &&
        (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL')
      ) {
        throw new UsageError(`cannot listen on ${argv.host}: ${error.message}`);
      }
      throw error;
    }
    // Listening for Ctrl-C before saying "Stop with Ctrl-C": a quick one must stop, not kill, the server.
    const stopSignal = untilSignal();
    printBanner(server, argv, devices);
    const signal = await stopSignal;
    await server.stop();
    if (!argv.json) process.stdout.write(`${chalk.dim(`${signal}: reference server stopped.`)}\n`);
    process.exitCode = EXIT.ok;
  },
};
