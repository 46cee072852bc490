import { test } from '@playwright/test';
import { attachEvidence, TIME } from './evidence.js';

test.describe('5.2 Package flow', () => {
  test(
    'session of Package#1, #2',
    {
      tag: ['@5.2/package-flow', '@smoke'],
      annotation: [{ type: 'requirement', description: 'The DM Server MUST support this package flow (5.2)' }],
    },
    async ({}, testInfo) => {
      await attachEvidence(testInfo, {
        messages: [
          {
            seq: 1,
            time: TIME,
            kind: 'http-request',
            from: 'dmct',
            to: 'target',
            label: 'Package#1',
            http: { method: 'POST', url: 'http://127.0.0.1:40000/dm' },
          },
          { seq: 2, time: TIME, kind: 'http-response', from: 'target', to: 'dmct', label: 'Package#2', http: { status: 200 } },
        ],
        findings: [],
        checks: 1,
      });
    },
  );
});
