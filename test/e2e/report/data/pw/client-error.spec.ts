import { test } from '@playwright/test';

test('5.3 HGET › repository serves the MO', { tag: ['@DM-PACK-014-C-M'] }, async () => {
  throw new TypeError('mock repository was not started (a dmct bug)');
});
