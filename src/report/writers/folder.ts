import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { Report } from '../schemas/report.schema.js';
import { writeCtrf } from './ctrf.js';
import { writeEarl } from './earl.js';
import { writeHtml } from './html.js';
import { writeJunit } from './junit.js';

/** The files of a report folder, by name. */
export const REPORT_FILES = {
  report: 'report.json',
  junit: 'junit.xml',
  html: 'index.html',
  earl: 'earl.jsonld',
  ctrf: 'ctrf.json',
} as const;

/**
 * Writes every view of a report into `dir` (report.json, junit.xml, index.html, earl.jsonld,
 * ctrf.json), each atomically. report.json is written last, so a folder with a report.json
 * always has the other views of that same report.
 */
export async function writeReportFolder(dir: string, report: Report): Promise<void> {
  await writeFileAtomic(join(dir, REPORT_FILES.junit), writeJunit(report));
  await writeFileAtomic(join(dir, REPORT_FILES.html), writeHtml(report));
  await writeFileAtomic(join(dir, REPORT_FILES.earl), `${JSON.stringify(writeEarl(report), null, 2)}\n`);
  await writeFileAtomic(join(dir, REPORT_FILES.ctrf), `${JSON.stringify(writeCtrf(report), null, 2)}\n`);
  await writeFileAtomic(join(dir, REPORT_FILES.report), `${JSON.stringify(report, null, 2)}\n`);
}
