import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePackage2 } from '../src/protocol/commands/validate-package2.js';
import { decodeNotification } from '../src/protocol/notification/decode.js';
import { parseHex } from '../src/protocol/notification/encodings.js';
import { throughput } from './measure.js';

/** Decodes per second of the digest worked example (with digest verification), and Package#2 validations per second of the all-commands example. */
export function protocolThroughput(repoRoot: string, ms: number): { notificationDecodes: number; package2Validations: number } {
  const fixture = JSON.parse(readFileSync(join(repoRoot, 'fixtures/notifications/valid.json'), 'utf8')) as {
    hex: string;
    credentials: { secret: string; authData: string };
  };
  const parsed = parseHex(fixture.hex);
  if (!parsed.ok) throw new Error('fixtures/notifications/valid.json: hex does not parse');
  const bytes = parsed.bytes;
  const package2 = JSON.parse(readFileSync(join(repoRoot, 'fixtures/packages/valid/package2.all-commands.json'), 'utf8')) as unknown;
  let sink = 0;
  const decodes = throughput(() => {
    sink += decodeNotification(bytes, fixture.credentials).violations.length;
  }, ms);
  const validations = throughput(() => {
    sink += validatePackage2(package2).length;
  }, ms);
  if (sink < 0) throw new Error('unreachable');
  return { notificationDecodes: decodes.perSecond, package2Validations: validations.perSecond };
}
