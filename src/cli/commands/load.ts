import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import type { LoadProgress, LoadReport } from '../../load/index.js';
import { EXIT, UsageError } from '../errors.js';
import { COMMAND_CATALOG } from './catalog.js';

interface LoadArgs {
  target?: string;
  devices: number;
  concurrency: number;
  duration: number;
  sessions: number;
  'dev-id-prefix': string;
  'timeout-ms': number;
  'max-body-bytes': number;
  'max-package2s': number;
  fault?: string[];
  'allow-remote': boolean;
  json: boolean;
}

/** A whole number in [min, max] or a UsageError naming the flag. */
function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got ${String(value)}`);
  return value;
}

/** The target URL, refused when it is not http(s) or, without --allow-remote, not loopback. */
function targetUrl(text: string, allowRemote: boolean, isLoopbackUrl: (url: URL) => boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--target: not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target: expected an http(s) URL, got ${url.protocol}`);
  if (!allowRemote && !isLoopbackUrl(url)) {
    throw new UsageError(`--target: ${url.hostname} is not a loopback address; load is only sent elsewhere with --allow-remote`);
  }
  return url.href;
}

function progressLine(progress: LoadProgress): string {
  const seconds = (progress.elapsedMs / 1000).toFixed(1);
  return `${seconds} s  sessions ${progress.sessions}  ended ${progress.completed}  errors ${progress.errors}  violations ${progress.violations}`;
}

/** Progress for a log (stderr not a terminal): a line at the first tick, then one every {@link LOG_PROGRESS_EVERY_MS}. */
function progressLines(): (progress: LoadProgress) => void {
  let last: number | undefined;
  return (progress) => {
    if (last !== undefined && progress.elapsedMs - last < LOG_PROGRESS_EVERY_MS) return;
    last = progress.elapsedMs;
    process.stderr.write(`${progressLine(progress)}\n`);
  };
}

const LOG_PROGRESS_EVERY_MS = 5000;

function printReport(report: LoadReport): void {
  const lines = [
    `${chalk.bold('dmct load')}  ${report.target}  devices ${report.devices}  concurrency ${report.concurrency}`,
    ...((report.errorKinds['interrupted'] ?? 0) > 0 ? [`  ${chalk.yellow('stopped by Ctrl-C')}: the figures of the sessions so far`] : []),
    `  sessions        ${report.sessions} started, ${report.completed} ended with END, ${report.exchanges} exchanges in ${(report.durationMs / 1000).toFixed(2)} s`,
    `  sessions/s      ${chalk.bold(String(report.sessionsPerSecond))}`,
    `  session ms      p50 ${report.latencyMs.p50}  p90 ${report.latencyMs.p90}  p99 ${report.latencyMs.p99}  max ${report.latencyMs.max}`,
    `  exchange ms     p50 ${report.exchangeLatencyMs.p50}  p90 ${report.exchangeLatencyMs.p90}  p99 ${report.exchangeLatencyMs.p99}  max ${report.exchangeLatencyMs.max}`,
    `  errors          ${report.errors === 0 ? chalk.green('0') : chalk.red(String(report.errors))}`,
    ...Object.entries(report.errorKinds).map(([kind, n]) => `    ${kind}: ${n ?? 0}`),
  ];
  const items = Object.entries(report.violations);
  lines.push(`  violations      ${items.length === 0 ? chalk.green('none') : ''}`);
  for (const [item, n] of items) lines.push(`    ${chalk.red(item)}  ${n ?? 0}`);
  for (const [rule, n] of Object.entries(report.rules ?? {})) lines.push(`      rule ${rule}: ${n ?? 0}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * `dmct load`: simulated devices run complete DM sessions against a DM server (the embedded
 * reference server when no --target is given) and the figures are reported: sessions/s,
 * latency percentiles, errors and protocol violations per SCR item.
 */
export const loadCommand: CommandModule<object, LoadArgs> = {
  ...COMMAND_CATALOG.load,
  builder: (yargs: Argv) =>
    yargs
      .option('target', { type: 'string', describe: 'DM endpoint of the server under load (default: the embedded reference server)' })
      .option('devices', { type: 'number', default: 50, describe: 'simulated devices (DevIDs <prefix>1…<prefix>N)' })
      .option('concurrency', { type: 'number', default: 10, describe: 'sessions in flight at once (at most one per device)' })
      .option('duration', { type: 'number', default: 10, describe: 'seconds during which sessions start' })
      .option('sessions', { type: 'number', default: 1_000_000, describe: 'most sessions to start' })
      .option('dev-id-prefix', { type: 'string', default: 'IMEI:dmct-load-', describe: 'DevID prefix of the simulated devices' })
      .option('timeout-ms', { type: 'number', default: 10_000, describe: 'wait for each answer of the server' })
      .option('max-body-bytes', { type: 'number', default: 1024 * 1024, describe: 'largest answer read' })
      .option('max-package2s', {
        type: 'number',
        default: 8,
        describe: 'Package#2s without END after which a session counts as never ended',
      })
      .option('fault', { type: 'string', array: true, describe: 'fault switch of the embedded reference server (see dmct sim faults)' })
      .option('allow-remote', { type: 'boolean', default: false, describe: 'allow a --target that is not a loopback address' })
      .option('json', { type: 'boolean', default: false, describe: 'print the figures as JSON' }) as unknown as Argv<LoadArgs>,
  handler: async (argv) => {
    const devices = bounded('devices', argv.devices, 1, 100_000);
    const concurrency = bounded('concurrency', argv.concurrency, 1, 10_000);
    if (!(argv.duration > 0 && argv.duration <= 86_400))
      throw new UsageError(`--duration: expected seconds above 0 and at most 86400, got ${String(argv.duration)}`);
    const durationMs = argv.duration * 1000;
    const maxSessions = bounded('sessions', argv.sessions, 1, 100_000_000);
    const timeoutMs = bounded('timeout-ms', argv['timeout-ms'], 1, 600_000);
    const maxBodyBytes = bounded('max-body-bytes', argv['max-body-bytes'], 1, 64 * 1024 * 1024);
    const maxPackage2s = bounded('max-package2s', argv['max-package2s'], 1, 1000);
    // Loaded here, not at the top: every dmct command would otherwise pay for loading the load engine.
    const { isLoopbackUrl, runLoad, startEmbeddedLoadTarget } = await import('../../load/index.js');
    const { UnknownFaultError } = await import('../../reference/faults/index.js');
    if (argv.target !== undefined && (argv.fault ?? []).length > 0)
      throw new UsageError('--fault: only the embedded reference server has fault switches; drop --target or --fault');
    const common = {
      devices,
      concurrency,
      durationMs,
      maxSessions,
      timeoutMs,
      maxBodyBytes,
      maxPackage2s,
      devIdPrefix: argv['dev-id-prefix'],
    };
    let embedded: Awaited<ReturnType<typeof startEmbeddedLoadTarget>> | undefined;
    if (argv.target === undefined) {
      try {
        embedded = await startEmbeddedLoadTarget({ devices, devIdPrefix: argv['dev-id-prefix'], faults: argv.fault ?? [] });
      } catch (err) {
        if (err instanceof UnknownFaultError) throw new UsageError(`--fault: ${err.message}`);
        throw err;
      }
    }
    const stop = new AbortController();
    const tty = !argv.json && process.stderr.isTTY;
    // The first Ctrl-C stops the run and its transfers in flight, and the figures so far are printed; a second one quits at once.
    const onSignal = (): void => {
      stop.abort();
      process.stderr.write(`${tty ? '\n' : ''}dmct load: stopping (Ctrl-C again quits without the figures)\n`);
    };
    process.once('SIGINT', onSignal);
    try {
      const report = await runLoad({
        ...common,
        targetUrl: embedded?.server.dmUrl ?? targetUrl(argv.target ?? '', argv['allow-remote'], isLoopbackUrl),
        signal: stop.signal,
        ...(embedded === undefined ? {} : { beforeSession: embedded.beforeSession }),
        ...(argv.json
          ? {}
          : { onProgress: tty ? (progress: LoadProgress) => process.stderr.write(`\r${progressLine(progress)}`) : progressLines() }),
      });
      if (tty) process.stderr.write('\n');
      if (argv.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printReport(report);
      process.exitCode = Object.keys(report.violations).length > 0 || report.errors > 0 ? EXIT.nonConformant : EXIT.ok;
    } finally {
      process.off('SIGINT', onSignal);
      await embedded?.server.stop();
    }
  },
};
