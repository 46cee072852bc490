/**
 * One hostile case, run in a child process so its peak resident memory is its own: the target
 * misbehaves, dmct records and judges the exchange as a scenario would, and the evidence goes the
 * reporter's way (attachment JSON → evidenceOf → buildReport → every writer into a report folder).
 * Prints one JSON line: the item's verdict, the findings, the files' sizes and the peak RSS.
 *
 *   node --import tsx test/e2e/hostile/hostile-case.ts <case> <out-dir>
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DeviceEngine } from '../../../src/harness/device-engine.js';
import { DmServerEngine } from '../../../src/harness/dm-server-engine.js';
import { serveHandlers } from '../../../src/transport/endpoint-server.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { EVIDENCE_ATTACHMENT } from '../../../src/report/contract.js';
import { evidenceOf } from '../../../src/report/playwright-reporter.js';
import { REPORT_FILES, writeReportFolder } from '../../../src/report/writers/folder.js';
import { hostileRunReport } from './hostile-report.js';
import { judgePackage1, judgePackage2Reply } from './hostile-judge.js';
import { startHostileServer } from './hostile-server.js';

const exec = promisify(execFile);

/** The claims' largest allowed limits: the worst case a user can configure. */
const MAX_COMMANDS_ALLOWED = 100_000;
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A hostile DM client in a process of its own (so the peak RSS measured here is dmct's alone): it
 * posts `count` Package#1s of about 1 MB to `url`, one after another. Each has a session alert and
 * one MOS entry whose DDF, 1 MB long, is not a URI.
 */
async function floodPackage1s(url: string, count: number): Promise<void> {
  const client = `
    const body = JSON.stringify({
      Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }],
      MOS: [{ MOID: 'urn:oma:mo:oma-dm-devinfo:1.2', MIID: [], DDF: 'no uri ' + 'x'.repeat(1_000_000) }],
    });
    const headers = { 'content-type': 'application/vnd.oma.dm.initiation+json', 'omadm-devid': 'IMEI:hostile' };
    for (let i = 0; i < ${count}; i += 1) await (await fetch(${JSON.stringify(url)}, { method: 'POST', headers, body })).arrayBuffer();
  `;
  await exec(process.execPath, ['--input-type=module', '-e', client]);
}

async function clientFlood(recorder: TraceRecorder): Promise<string> {
  const engine = new DmServerEngine({ recorder, devId: 'IMEI:hostile' });
  const served = await serveHandlers(() => engine.handlers(), { recorder, maxBodyBytes: MAX_BODY_BYTES });
  engine.setPublicUrl(served.url);
  try {
    // As a scenario does: the wait is set before the client is triggered.
    const first = engine.awaitPackage1({ timeoutMs: 10_000 });
    await floodPackage1s(engine.dmUrl, Number(process.env.N ?? 300));
    return judgePackage1(recorder, await first);
  } finally {
    await served.close();
  }
}

async function serverAnswer(recorder: TraceRecorder, path: string): Promise<string> {
  const hostile = await startHostileServer();
  try {
    const engine = new DeviceEngine({
      recorder,
      serverUrl: hostile.url(path),
      devId: 'IMEI:hostile-1',
      timeoutMs: 5000,
      maxBodyBytes: MAX_BODY_BYTES,
      limits: { maxCommands: MAX_COMMANDS_ALLOWED },
    });
    const transcript = await engine.session({ maxPackage2s: 2 });
    return judgePackage2Reply(recorder, transcript);
  } finally {
    await hostile.close();
  }
}

const CASES: Readonly<Record<string, (recorder: TraceRecorder) => Promise<string>>> = {
  'package1-flood': clientFlood,
  'unknown-commands': (recorder) => serverAnswer(recorder, 'unknown-commands'),
  'deep-nesting': (recorder) => serverAnswer(recorder, 'deep-nesting'),
  'command-flood': (recorder) => serverAnswer(recorder, 'command-flood'),
};

const [name = '', out = ''] = process.argv.slice(2);
const run = CASES[name];
if (run === undefined || out === '') throw new Error(`usage: hostile-case.ts <${Object.keys(CASES).join('|')}> <out-dir>`);
const recorder = new TraceRecorder();
const judged = await run(recorder);
const body = Buffer.from(JSON.stringify(recorder.toEvidence()));
const { evidence, problem } = await evidenceOf({ attachments: [{ name: EVIDENCE_ATTACHMENT, contentType: 'application/json', body }] });
if (evidence === undefined) {
  process.stdout.write(
    `${JSON.stringify({ judged, problem, attachmentBytes: body.length, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
  process.exit(1);
}
const item = name === 'package1-flood' ? 'DM-PACK-011-C-M' : 'DM-PACK-012-S-M';
const report = hostileRunReport([{ id: name, item, evidence }], 'http://127.0.0.1/hostile');
await writeReportFolder(out, report);
const sizeOf = async (file: string): Promise<number> => (await stat(join(out, file))).size;
const written = await readFile(join(out, REPORT_FILES.report), 'utf8');
process.stdout.write(
  `${JSON.stringify({
    judged,
    verdict: report.items[0]?.verdict,
    findings: evidence.findings.map((finding) => `${finding.verdict} ${finding.rule}: ${finding.actual.slice(0, 300)}`),
    // The summaries of repeated entries, as report.json carries them (a few, with their counts).
    summaries: [...new Set(written.match(/… and \d+ more of the same[^"]*/g) ?? [])].slice(0, 5),
    attachmentBytes: body.length,
    reportBytes: await sizeOf(REPORT_FILES.report),
    htmlBytes: await sizeOf(REPORT_FILES.html),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
