import chalk from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import {
  buildJudgeReport,
  CaptureError,
  judgeTraffic,
  notificationCredentialsOf,
  readCapture,
  type PassiveJudgeOptions,
} from '../../monitor/index.js';
import { DMCT_VERSION } from '../../package-root.js';
import { writeConsole, writeReportFolder, type Role } from '../../report/index.js';
import { ClaimsError, DEFAULT_EDITION, listEditions, loadEdition, loadRoleClaims, ScrInputError, type Claims } from '../../scr/index.js';
import { displayPath } from '../../scr/errors.js';
import { UsageError } from '../errors.js';
import { defaultOutDir } from '../../run/out-dir.js';
import { checkOutputFolder } from '../output-paths.js';
import { COMMAND_CATALOG } from './catalog.js';

interface JudgeArgs {
  capture: string;
  'claims-server'?: string;
  'claims-client'?: string;
  edition?: string;
  out?: string;
  json: boolean;
}

/** The options of passive judging, shared with `dmct monitor`: both sides' claims, the edition, the report folder. */
export function judgingOptions(yargs: Argv): Argv {
  return yargs
    .option('claims-server', { requiresArg: true, type: 'string', describe: "claims file of the server (its items' applicability)" })
    .option('claims-client', {
      requiresArg: true,
      type: 'string',
      describe: "claims file of the client (its items' applicability; its devId is the DevID each OMADM-DevID must carry)",
    })
    .option('edition', {
      requiresArg: true,
      type: 'string',
      choices: listEditions(),
      describe: `SCR table edition (default: the claims' edition, else ${DEFAULT_EDITION})`,
    })
    .option('out', { requiresArg: true, type: 'string', describe: 'report folder (default: reports/<timestamp>/)' });
}

function builder(yargs: Argv): Argv<JudgeArgs> {
  return judgingOptions(yargs)
    .usage(
      '$0 judge <capture> [options]\n\nJudge a captured DM session (a HAR 1.2 file from browser dev tools, mitmproxy or Charles) between a DM client ' +
        'and a DM server, both sides, from the traffic alone; write the report folder of dmct run. Items the capture does not show are untested.',
    )
    .positional('capture', { type: 'string', demandOption: true, describe: 'the HAR file' })
    .option('json', { type: 'boolean', default: false, describe: 'print report.json instead of the console summary' })
    .example('$0 judge session.har', 'judge both sides of the sessions in session.har')
    .example(
      '$0 judge session.har --claims-client phone.json --out reports/fest',
      "with the client's claims",
    ) as unknown as Argv<JudgeArgs>;
}

function claimsOf(path: string | undefined, role: Role): { claims: Claims; file: string; sha256: string } | undefined {
  if (path === undefined) return undefined;
  try {
    return { ...loadRoleClaims(path, role, `--claims-${role}`), file: displayPath(path) };
  } catch (err) {
    if (err instanceof ClaimsError) throw new UsageError(err.problems[0] ?? err.message);
    throw err;
  }
}

function editionOf(given: string | undefined, claims: readonly ({ claims: Claims; file: string } | undefined)[]): string {
  const named = claims.flatMap((c) => (c?.claims.edition === undefined ? [] : [{ file: c.file, edition: c.claims.edition }]));
  const edition = given ?? named[0]?.edition ?? DEFAULT_EDITION;
  const other = named.find((n) => n.edition !== edition);
  if (other) throw new UsageError(`${other.file}: claims of edition ${other.edition}, but the judging uses edition ${edition}`);
  return edition;
}

/** The claims of both sides and the edition they are judged with (shared with `dmct monitor`). */
export function claimsAndEdition(argv: Pick<JudgeArgs, 'claims-client' | 'claims-server' | 'edition'>) {
  const client = claimsOf(argv['claims-client'], 'client');
  const server = claimsOf(argv['claims-server'], 'server');
  try {
    return { client, server, edition: loadEdition(editionOf(argv.edition, [client, server])) };
  } catch (err) {
    if (err instanceof ScrInputError) throw new UsageError(err.problems[0] ?? err.message);
    throw err;
  }
}

/** What the client's claims tell the passive judge beside applicability: the device's DevInfo/DevID (shared with `dmct monitor`). */
export function passiveJudgeOptionsOf(client: { claims: Claims } | undefined): PassiveJudgeOptions {
  const devId = client?.claims.client?.devId;
  return devId === undefined ? {} : { clientDevId: devId };
}

async function handler(argv: JudgeArgs): Promise<void> {
  const startTime = new Date();
  if (argv.out !== undefined) checkOutputFolder('--out', argv.out);
  const { client, server, edition } = claimsAndEdition(argv);
  let exchanges;
  try {
    exchanges = await readCapture(argv.capture);
  } catch (err) {
    if (err instanceof CaptureError) throw new UsageError(err.message);
    throw err;
  }
  // The Package#0 POSTed over HTTP are judged too (a monitor's HTTP relay records them), their digest with the server's claims.
  const judgement = judgeTraffic(exchanges, [], notificationCredentialsOf(server?.claims.server), passiveJudgeOptionsOf(client));
  const report = buildJudgeReport({
    edition,
    capture: displayPath(argv.capture),
    exchanges,
    judgement,
    claims: { ...(client ? { client } : {}), ...(server ? { server } : {}) },
    dmctVersion: DMCT_VERSION,
    startTime,
    endTime: new Date(),
  });
  const outDir = argv.out ?? defaultOutDir(startTime, process.cwd());
  await writeReportFolder(outDir, report);
  process.stdout.write(argv.json ? `${JSON.stringify(report, null, 2)}\n` : writeConsole(report, { color: chalk.level > 0 }));
  if (!argv.json)
    process.stdout.write(`Report folder: ${displayPath(outDir)} (report.json, junit.xml, index.html, earl.jsonld, ctrf.json)\n`);
  process.exitCode = report.overall.exitCode;
}

/** `dmct judge <capture>`: judge a captured DM session, both sides, from the traffic alone. */
export const judgeCommand: CommandModule<object, JudgeArgs> = {
  ...COMMAND_CATALOG.judge,
  builder,
  handler,
};
