import { expectOneOf, expectThat, matching, test } from '../../fixtures/client-target/index.js';

const FLOW = { item: 'DM-PACK-001-C-M', section: '5.2' };

test.describe('5.2 DM package flow', () => {
  test('the client opens with Package#1 and answers a Package#2 without END with a Package#3', {
    tag: ['@DM-PACK-001-C-M'],
    annotation: [{ type: 'requirement', description: 'The client opens the session with an HTTP POST of Package#1; each Package#2 that carries no END is answered with an HTTP POST of Package#3 (5.2).' }],
  }, async ({ sessions, dmServer, clientTarget }) => {
    const mark = dmServer.mark();
    dmServer.script({ package2: { CMD: [sessions.pad] } });
    const package1 = await sessions.start(FLOW);
    expectOneOf(package1.method, ['POST'], { ...FLOW, rule: 'Package#1 travels as an HTTP POST', seq: package1.requestSeq });
    const next = await dmServer.awaitPackage((p) => p.sessionId === package1.sessionId && p.order > package1.order, {
      after: mark,
      timeoutMs: clientTarget.timeouts.sessionMs,
    });
    expectThat(next.kind === 'received', {
      ...FLOW,
      rule: 'a Package#2 without END is answered with a Package#3',
      expected: `a Package#3 within ${clientTarget.timeouts.sessionMs} ms`,
      actual: 'no further package of the session came',
      seq: package1.reply.responseSeq,
    });
    if (next.kind !== 'received') return;
    expectOneOf(next.value, [matching('an HTTP POST carrying Package#3', (p: typeof next.value) => p.method === 'POST' && p.package === 3)], {
      ...FLOW,
      rule: 'a Package#2 without END is answered with a Package#3',
      seq: next.value.requestSeq,
      actualText: `${next.value.method} carrying Package#${next.value.package}`,
    });
  });
});
