import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isRuleKey, rulesOfTags, sectionOfRule } from '../../../src/scr/rule-key.js';

describe('rule keys', () => {
  it('take a numbered section or an appendix letter with its subsections, then a kebab-case slug', () => {
    for (const key of ['5.4.1/async-reporting', '10/access-control', 'E.1/wap-push', 'G/smartcard']) assert.ok(isRuleKey(key), key);
    for (const key of ['e.1/wap-push', 'EE.1/x', 'E1/x', '5.x/y', '5.4/Async', '/slug', '5.4/'] as const)
      assert.equal(isRuleKey(key), false, key);
  });

  it('give their section and are read from scenario tags', () => {
    assert.equal(sectionOfRule('E.2/gcm'), 'E.2');
    assert.deepEqual(rulesOfTags(['@E.1/wap-push', '@slow', '@6.4/ddf-node']), ['E.1/wap-push', '6.4/ddf-node']);
  });
});
