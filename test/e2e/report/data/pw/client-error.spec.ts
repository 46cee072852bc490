import { test } from '@playwright/test';

test('5.3 HGET › repository serves the MO', { tag: ['@5.3.1/hget'] }, async () => {
  throw new TypeError('mock repository was not started (a dmct bug)');
});
