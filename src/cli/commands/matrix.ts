import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { startMonitor } from '../../monitor/proxy.js';
import {
  DEFAULT_MAX_PAIRS,
  loadPeers,
  MATRIX_FILES,
  MatrixInputError,
  MAX_PAIR_TIME_MS,
  MAX_PAIRS_LIMIT,
  runMatrix,
  type ClaimedPeer,
  type StartPairMonitor,
} from '../../monitor/matrix/index.js';
import { DMCT_VERSION } from '../../package-root.js';
import { DEFAULT_EDITION, listEditions, loadEdition, ScrInputError } from '../../scr/index.js';
import { displayPath } from '../../scr/errors.js';
import { UsageError } from '../errors.js';
import { checkOutputFolder } from '../output-paths.js';
import { COMMAND_CATALOG } from './catalog.js';
import { parseHostPort } from './monitor.js';

/** Where the matrix goes without --out: one stable folder, so that a rerun resumes it. */
const DEFAULT_MATRIX_DIR = join('reports', 'matrix');

interface MatrixArgs {
  client: string[];
  server: string[];
  out?: string;
  fresh: boolean;
  'pair-time'?: number;
  'max-pairs': number;
  'monitor-listen'?: string;
  edition?: string;
  json: boolean;
}

function builder(yargs: Argv): Argv<MatrixArgs> {
  return yargs
    .usage(
      "$0 matrix --client <claims>… --server <claims>… [options]\n\nRun every client against every server through the monitor (the client claims' " +
        "sessionWith trigger starts a client-initiated session; the server claims' notify trigger, its Package#0 relayed to the client's " +
        'notification address, a server-initiated one), judge both sides of each pair from the traffic alone, and write the matrix page ' +
        "(index.html, rendered from matrix.json) with a link to each pair's report. A rerun into the same folder skips the pairs already judged.",
    )
    .option('client', { type: 'string', array: true, demandOption: true, describe: 'claims file of a DM client (repeatable): a row' })
    .option('server', { type: 'string', array: true, demandOption: true, describe: 'claims file of a DM server (repeatable): a column' })
    .option('out', { requiresArg: true, type: 'string', describe: `matrix folder (default: ${DEFAULT_MATRIX_DIR}/)` })
    .option('monitor-listen', {
      requiresArg: true,
      type: 'string',
      describe:
        "[host:]port every pair's monitor listens on, which the clients' DM accounts name: then the servers' notify triggers start server-initiated sessions too",
    })
    .option('fresh', { type: 'boolean', default: false, describe: 'run every pair again, ignoring the results kept in the folder' })
    .option('pair-time', {
      requiresArg: true,
      type: 'number',
      describe: `time of one pair in ms (default: the longer timeouts.sessionMs of its claims; at most ${MAX_PAIR_TIME_MS})`,
    })
    .option('max-pairs', {
      requiresArg: true,
      type: 'number',
      default: DEFAULT_MAX_PAIRS,
      describe: `refuse a matrix of more pairs than this (at most ${MAX_PAIRS_LIMIT})`,
    })
    .option('edition', {
      requiresArg: true,
      type: 'string',
      choices: listEditions(),
      describe: `SCR table edition (default: the claims' edition, else ${DEFAULT_EDITION})`,
    })
    .option('json', { type: 'boolean', default: false, describe: 'print matrix.json instead of the summary line' })
    .example(
      '$0 matrix --client phone.json --client tablet.json --server acme.json --server globex.json',
      'a 2 × 2 matrix in reports/matrix/',
    )
    .example(
      '$0 matrix --client phone.json --server acme.json --fresh --pair-time 20000',
      'judge again, 20 s per pair',
    ) as unknown as Argv<MatrixArgs>;
}

function checkPositiveInteger(value: number | undefined, flag: string, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new UsageError(`--${flag} ${String(value)}: an integer from 1 to ${max}`);
}

function peersOf(files: string[], role: 'client' | 'server'): ClaimedPeer[] {
  try {
    return loadPeers(files, role);
  } catch (err) {
    if (err instanceof MatrixInputError) throw new UsageError(err.message);
    throw err;
  }
}

function editionOf(given: string | undefined, peers: readonly ClaimedPeer[]): string {
  const edition = given ?? peers.find((p) => p.claims.edition !== undefined)?.claims.edition ?? DEFAULT_EDITION;
  const other = peers.find((p) => p.claims.edition !== undefined && p.claims.edition !== edition);
  if (other) throw new UsageError(`${other.file}: claims of edition ${other.claims.edition ?? ''}, but the matrix uses edition ${edition}`);
  return edition;
}

/** The live monitor, fresh for each pair, in front of the pair's server; with a Package#0 relay to the client when the pair asks. */
const liveMonitor: StartPairMonitor = (upstream, { relay, listen, onTraffic, clientDevId }) =>
  startMonitor({
    upstream,
    ...(clientDevId === undefined ? {} : { clientDevId }),
    ...(listen === undefined ? {} : { listen }),
    ...(relay === undefined ? {} : 'udp' in relay ? { notificationRelay: { target: relay.udp } } : { httpRelay: { target: relay.http } }),
    ...(onTraffic === undefined ? {} : { onPackage: () => onTraffic() }),
  });

async function handler(argv: MatrixArgs): Promise<void> {
  checkPositiveInteger(argv['pair-time'], 'pair-time', MAX_PAIR_TIME_MS);
  checkPositiveInteger(argv['max-pairs'], 'max-pairs', MAX_PAIRS_LIMIT);
  const outDir = argv.out ?? DEFAULT_MATRIX_DIR;
  checkOutputFolder('--out', outDir);
  const monitorListen = argv['monitor-listen'] === undefined ? undefined : parseHostPort(argv['monitor-listen'], '--monitor-listen');
  if (monitorListen?.port === 0) throw new UsageError('--monitor-listen: a fixed port (the clients name it), not 0');
  const clients = peersOf(argv.client, 'client');
  const servers = peersOf(argv.server, 'server');
  const pairs = clients.length * servers.length;
  if (pairs > argv['max-pairs'])
    throw new UsageError(`${clients.length} × ${servers.length} = ${pairs} pairs, over --max-pairs ${argv['max-pairs']}`);
  let edition;
  try {
    edition = loadEdition(editionOf(argv.edition, [...clients, ...servers]));
  } catch (err) {
    if (err instanceof ScrInputError) throw new UsageError(err.problems[0] ?? err.message);
    throw err;
  }
  // Ctrl-C ends the pair running now at once and starts no other; the page shows the rest as not run.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const index = await runMatrix({
      clients,
      servers,
      edition,
      outDir,
      ...(argv['pair-time'] === undefined ? {} : { pairTimeMs: argv['pair-time'] }),
      fresh: argv.fresh,
      dmctVersion: DMCT_VERSION,
      startMonitor: liveMonitor,
      ...(monitorListen === undefined ? {} : { monitorListen }),
      progress: (line) => process.stderr.write(`${line}\n`),
      signal: stop.signal,
    });
    process.stdout.write(
      argv.json
        ? `${JSON.stringify(index, null, 2)}\n`
        : `${index.overall.verdict} (exit ${index.overall.exitCode}) — ${index.overall.reason}\nMatrix page: ${displayPath(join(outDir, MATRIX_FILES.page))}\n`,
    );
    process.exitCode = index.overall.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `dmct matrix`: every client against every server through the monitor, and the matrix page. */
export const matrixCommand: CommandModule<object, MatrixArgs> = {
  ...COMMAND_CATALOG.matrix,
  builder,
  handler,
};
