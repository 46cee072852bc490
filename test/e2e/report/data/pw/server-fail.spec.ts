import { test } from '@playwright/test';
import { failureMessage } from '../../../../../src/report/failure-message.js';
import type { Finding } from '../../../../../src/report/schemas/evidence.schema.js';
import { attachEvidence, TIME } from './evidence.js';

test('5.2.3 Package#2 media type', { tag: ['@5.2.3/package2'] }, async ({}, testInfo) => {
  const finding: Finding = {
    item: 'DM-PACK-012-S-M',
    section: '7.2.1.2',
    rule: 'Package#2 media type',
    verdict: 'fail',
    outcome: 'must-broken',
    keyword: 'MUST',
    expected: ['application/vnd.oma.dm.request+json'],
    actual: 'text/html',
    seq: 2,
  };
  await attachEvidence(testInfo, {
    messages: [
      { seq: 1, time: TIME, kind: 'http-request', from: 'dmct', to: 'target', label: 'Package#1' },
      {
        seq: 2,
        time: TIME,
        kind: 'http-response',
        from: 'target',
        to: 'dmct',
        label: 'Package#2',
        http: { status: 200, headers: { 'content-type': 'text/html' } },
      },
    ],
    findings: [finding],
    checks: 1,
  });
  throw new Error(failureMessage(finding));
});
