/** Helpers of the monitor tests: the hand-built HAR captures and a side's verdict on a rule. */
import { fileURLToPath } from 'node:url';
import { policyVerdict } from '../../../src/report/verdict-policy.js';
import type { Exchange, PassiveJudgement, Side } from '../../../src/monitor/index.js';

/** A capture under test/unit/monitor/data/. */
export function capturePath(name: string): string {
  return fileURLToPath(new URL(`./data/${name}`, import.meta.url));
}

/** What the judgement says of one rule of one side: fail, inconclusive, non-strict, pass, or not observed. */
export function verdictOf(
  judgement: PassiveJudgement,
  side: Side,
  key: string,
): 'fail' | 'inconclusive' | 'non-strict' | 'pass' | 'not-observed' {
  const observation = judgement.observations.find((o) => o.side === side && o.key === key);
  if (!observation || observation.checks === 0) return 'not-observed';
  const verdicts = observation.findings.map((f) => policyVerdict(f.outcome));
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  return verdicts.includes('non-strict') ? 'non-strict' : 'pass';
}

/** The rules a side is charged with (a fail finding). */
export function failedRules(judgement: PassiveJudgement, side: Side): string[] {
  return judgement.observations.filter((o) => o.side === side && verdictOf(judgement, side, o.key) === 'fail').map((o) => o.key);
}

const MEDIA = {
  1: 'application/vnd.oma.dm.initiation+json',
  2: 'application/vnd.oma.dm.request+json',
  3: 'application/vnd.oma.dm.response+json',
} as const;

/** One exchange built in the test: a Package#1 or #3 request and its Package#2 answer. */
export function exchange(index: number, kind: 1 | 3, request: unknown, answer: unknown, url = 'https://dm.example.com/dm'): Exchange {
  return {
    index,
    time: `2026-12-07T10:00:${String(index).padStart(2, '0')}.000Z`,
    method: 'POST',
    url,
    requestHeaders: { 'content-type': [MEDIA[kind]], 'omadm-devid': ['IMEI:490154203237518'], accept: [MEDIA[2]] },
    requestBody: new TextEncoder().encode(JSON.stringify(request)),
    status: 200,
    responseHeaders: { 'content-type': [MEDIA[2]] },
    responseBody: new TextEncoder().encode(JSON.stringify(answer)),
    problems: [],
  };
}
