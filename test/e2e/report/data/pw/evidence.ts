import type { TestInfo } from '@playwright/test';
import type { Evidence } from '../../../../../src/report/schemas/evidence.schema.js';

/** Attaches evidence the way dmct's fixtures do (contract.ts). */
export async function attachEvidence(testInfo: TestInfo, evidence: Evidence): Promise<void> {
  await testInfo.attach('dmct-evidence', { body: JSON.stringify(evidence), contentType: 'application/json' });
}

export const TIME = '2026-11-24T10:00:00.000Z';
