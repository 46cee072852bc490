import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import { buildJudgeReport, notificationCredentialsOf, startMonitor, type MonitorLine, type MonitorTls } from '../../monitor/index.js';
import { exchangesToHar } from '../../monitor/har-export.js';
import { DMCT_VERSION } from '../../package-root.js';
import { writeConsole, writeReportFolder } from '../../report/index.js';
import { displayPath } from '../../scr/errors.js';
import { createTestPki } from '../../transport/test-pki.js';
import { UsageError } from '../errors.js';
import { defaultOutDir } from '../../run/out-dir.js';
import { checkOutputFolder } from '../output-paths.js';
import { COMMAND_CATALOG } from './catalog.js';
import { claimsAndEdition, judgingOptions, passiveJudgeOptionsOf } from './judge.js';
import { untilSignal } from './sim/shared.js';

interface MonitorArgs {
  upstream: string;
  listen: string;
  tls: boolean;
  'tls-cert'?: string;
  'tls-key'?: string;
  'upstream-ca'?: string;
  'relay-udp'?: string;
  'relay-listen': string;
  'relay-http'?: string;
  'relay-http-listen': string;
  duration?: number;
  'claims-server'?: string;
  'claims-client'?: string;
  edition?: string;
  out?: string;
  json: boolean;
}

/** The monitored traffic is kept here, next to the report, for `dmct judge`. */
export const MONITOR_HAR_FILE = 'capture.har';
/** The per-run CA the client is told to trust (`--tls`). */
export const MONITOR_CA_FILE = 'monitor-ca.pem';

function builder(yargs: Argv): Argv<MonitorArgs> {
  return judgingOptions(yargs)
    .usage(
      '$0 monitor --upstream <url> [options]\n\nStand between a real DM client and a real DM server: forward every exchange unchanged to the ' +
        'upstream server, judge both sides from the traffic alone, print a line per package, and on Ctrl-C (or after --duration) write ' +
        'the report folder of dmct run and the traffic as capture.har.',
    )
    .option('upstream', { requiresArg: true, type: 'string', demandOption: true, describe: 'the DM server (http or https URL)' })
    .option('listen', { requiresArg: true, type: 'string', default: '127.0.0.1:0', describe: 'where the client connects, [host:]port' })
    .option('tls', {
      type: 'boolean',
      default: false,
      describe: 'serve https with a per-run CA (written to the report folder) the client trusts',
    })
    .option('tls-cert', { requiresArg: true, type: 'string', describe: 'serve https with this certificate (PEM; a vendor certificate)' })
    .option('tls-key', { requiresArg: true, type: 'string', describe: 'the private key of --tls-cert (PEM)' })
    .option('upstream-ca', { requiresArg: true, type: 'string', describe: 'CA certificate (PEM) an https upstream chains to' })
    .option('relay-udp', { requiresArg: true, type: 'string', describe: "relay Package#0 (WAP Push) to the client's UDP [host:]port" })
    .option('relay-listen', { requiresArg: true, type: 'string', default: '127.0.0.1:0', describe: 'where the server sends Package#0' })
    .option('relay-http', {
      requiresArg: true,
      type: 'string',
      describe:
        "relay Package#0 POSTed over HTTP (bare, or in a GCM message) to this URL: the client's notification URL, or the GCM service",
    })
    .option('relay-http-listen', {
      requiresArg: true,
      type: 'string',
      default: '127.0.0.1:0',
      describe: 'where the server POSTs Package#0 (http), [host:]port',
    })
    .option('duration', { requiresArg: true, type: 'number', describe: 'stop after this many seconds (default: on Ctrl-C)' })
    .option('json', { type: 'boolean', default: false, describe: 'print report.json at the end instead of the console summary' })
    .example('$0 monitor --upstream https://dm.example.com/dm --tls', 'monitor a device talking to its server over https')
    .example(
      '$0 monitor --upstream http://127.0.0.1:8080/dm --listen 9090 --relay-udp 192.0.2.7:2948',
      'and relay the notifications to the device',
    )
    .example(
      '$0 monitor --upstream http://127.0.0.1:8080/dm --relay-http http://192.0.2.7:8081/notify',
      'relay HTTP notifications',
    ) as unknown as Argv<MonitorArgs>;
}

/** `[host:]port` as a host and a port; the host defaults to `host`. */
export function parseHostPort(text: string, flag: string, host = '127.0.0.1'): { host: string; port: number } {
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[^:[\]]+):)?(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new UsageError(`${flag} ${text}: expected [host:]port`);
  return { host: match[1]?.replace(/^\[|\]$/g, '') ?? host, port };
}

function httpUrlOf(text: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${flag} ${text}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} ${text}: only http and https URLs`);
  return url;
}

async function readPem(path: string, flag: string): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    if (!text.includes('-----BEGIN')) throw new UsageError(`${flag} ${path}: not a PEM file`);
    return text;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${flag} ${path}: cannot read it`);
  }
}

/** What the monitor serves and trusts; a per-run CA is written to `outDir` for the client. */
async function tlsOf(argv: MonitorArgs, outDir: string, host: string): Promise<{ tls: MonitorTls; caFile?: string }> {
  const tls: MonitorTls = {};
  if (argv['upstream-ca'] !== undefined) tls.upstreamCa = [await readPem(argv['upstream-ca'], '--upstream-ca')];
  if ((argv['tls-cert'] === undefined) !== (argv['tls-key'] === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  if (argv['tls-cert'] !== undefined && argv['tls-key'] !== undefined) {
    if (argv.tls) throw new UsageError('--tls makes a per-run CA; --tls-cert serves a given certificate: choose one');
    return { tls: { ...tls, cert: await readPem(argv['tls-cert'], '--tls-cert'), key: await readPem(argv['tls-key'], '--tls-key') } };
  }
  if (!argv.tls) return { tls };
  const pki = await createTestPki({ label: `dmct monitor ${new Date().toISOString().slice(0, 10)}`, hosts: [host] });
  const caFile = join(outDir, MONITOR_CA_FILE);
  await mkdir(outDir, { recursive: true });
  await writeFile(caFile, pki.ca.cert);
  // Both key types, so a client whose only suites are RSA-keyed (§9.2.2 allows it) gets through too.
  const rsa = (await pki.rsa()).server;
  return { tls: { ...tls, cert: pki.server.cert, key: pki.server.key, rsa: { cert: rsa.cert, key: rsa.key } }, caFile };
}

function printLine(line: MonitorLine, json: boolean): void {
  if (json) return;
  const failed = line.findings.some((f) => f.verdict === 'fail');
  const colour = failed ? chalk.red : line.findings.length > 0 ? chalk.yellow : (text: string) => text;
  process.stdout.write(`${colour(line.text)}\n`);
}

async function handler(argv: MonitorArgs): Promise<void> {
  const startTime = new Date();
  if (argv.out !== undefined) checkOutputFolder('--out', argv.out);
  if (argv.duration !== undefined && !(argv.duration > 0))
    throw new UsageError(`--duration ${argv.duration}: a positive number of seconds`);
  const upstream = httpUrlOf(argv.upstream, '--upstream');
  const httpRelayTarget = argv['relay-http'] === undefined ? undefined : httpUrlOf(argv['relay-http'], '--relay-http');
  const listen = parseHostPort(argv.listen, '--listen');
  const relayTarget = argv['relay-udp'] === undefined ? undefined : parseHostPort(argv['relay-udp'], '--relay-udp');
  const { client, server, edition } = claimsAndEdition(argv);
  const credentials = notificationCredentialsOf(server?.claims.server);
  const outDir = argv.out ?? defaultOutDir(startTime, process.cwd());
  const { tls, caFile } = await tlsOf(argv, outDir, listen.host);
  const monitor = await startMonitor({
    upstream,
    listen,
    tls,
    ...(relayTarget ? { notificationRelay: { target: relayTarget, listen: parseHostPort(argv['relay-listen'], '--relay-listen') } } : {}),
    ...(httpRelayTarget
      ? { httpRelay: { target: httpRelayTarget, listen: parseHostPort(argv['relay-http-listen'], '--relay-http-listen') } }
      : {}),
    ...(credentials ? { notificationCredentials: credentials } : {}),
    ...passiveJudgeOptionsOf(client),
    onPackage: (line) => printLine(line, argv.json),
  });
  if (!argv.json) {
    process.stdout.write(
      `${chalk.bold('dmct monitor')}  tell the client its server is ${monitor.url.href}\n` +
        `  forwarding to ${upstream.href}\n` +
        (caFile ? `  the client must trust the CA in ${displayPath(caFile)}\n` : '') +
        (monitor.notificationPort === undefined
          ? ''
          : `  tell the server to send Package#0 to UDP ${parseHostPort(argv['relay-listen'], '--relay-listen').host}:${monitor.notificationPort}\n`) +
        (monitor.httpRelayUrl === undefined
          ? ''
          : `  tell the server to POST Package#0 to ${monitor.httpRelayUrl.href} (forwarded to ${httpRelayTarget?.href ?? ''})\n`) +
        `  Ctrl-C ends the monitoring and writes the report\n`,
    );
  }
  const stopTimer: { timer?: NodeJS.Timeout } = {};
  await Promise.race([
    untilSignal(),
    ...(argv.duration === undefined
      ? []
      : [new Promise<void>((resolve) => (stopTimer.timer = setTimeout(resolve, (argv.duration ?? 0) * 1000)))]),
  ]);
  clearTimeout(stopTimer.timer);
  await monitor.close();
  const exchanges = monitor.exchanges();
  const report = buildJudgeReport({
    edition,
    capture: `dmct monitor of ${upstream.href}`,
    exchanges,
    ...(relayTarget ? { datagrams: monitor.datagrams() } : {}),
    judgement: monitor.judgement(),
    claims: { ...(client ? { client } : {}), ...(server ? { server } : {}) },
    dmctVersion: DMCT_VERSION,
    startTime,
    endTime: new Date(),
  });
  if (monitor.dropped() > 0)
    report.meta.warnings = [...(report.meta.warnings ?? []), `${monitor.dropped()} exchange(s) forwarded but not kept (over the cap)`];
  await writeReportFolder(outDir, report);
  await writeFile(
    join(outDir, MONITOR_HAR_FILE),
    `${JSON.stringify(exchangesToHar(exchanges, { name: 'dmct monitor', version: DMCT_VERSION }))}\n`,
  );
  process.stdout.write(argv.json ? `${JSON.stringify(report, null, 2)}\n` : writeConsole(report, { color: chalk.level > 0 }));
  if (!argv.json)
    process.stdout.write(
      `Report folder: ${displayPath(outDir)} (report.json, junit.xml, index.html, earl.jsonld, ctrf.json, ${MONITOR_HAR_FILE})\n`,
    );
  process.exitCode = report.overall.exitCode;
}

/** `dmct monitor`: stand between a real DM client and server, forward unchanged, judge both sides live. */
export const monitorCommand: CommandModule<object, MonitorArgs> = {
  ...COMMAND_CATALOG.monitor,
  builder,
  handler,
};
