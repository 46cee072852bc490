import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpResponse, http } from 'msw';
import { type ServedEndpoint, serveHandlers } from '../../../src/transport/endpoint-server.js';
import { HookRunner } from '../../../src/harness/hooks.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';

describe('hooks', () => {
  let target: ServedEndpoint;
  let healthCalls = 0;
  before(async () => {
    target = await serveHandlers(
      [
        http.post('http://dm.test/restart', () => {
          healthCalls = 0;
          return HttpResponse.json({ restarting: true });
        }),
        // Ready from the third poll on: the probe must keep asking.
        http.get('http://dm.test/health', () =>
          ++healthCalls >= 3 ? HttpResponse.json({ up: true }) : new HttpResponse(null, { status: 503 }),
        ),
        http.get('http://dm.test/never', () => new HttpResponse(null, { status: 503 })),
      ],
      { name: 'target' },
    );
  });
  after(() => target.close());

  it('a ready line needs a shell command', async () => {
    const runner = new HookRunner();
    const notShell = await runner.run(
      'setup',
      { run: { kind: 'http', url: `${target.url}/restart` }, ready: { line: 'x' } },
      {},
      { recorder: new TraceRecorder() },
    );
    assert.match(notShell.ok ? '' : notShell.inconclusive, /^hook setup: ready\.line needs a shell command/);
    await runner.stopAll();
  });

  it('an HTTP hook with a readiness URL polls it until it answers 2xx, or fails at the deadline', async () => {
    const runner = new HookRunner();
    const recorder = new TraceRecorder();
    const ready = await runner.run(
      'reset',
      { run: { kind: 'http', url: '{{adminUrl}}/restart' }, ready: { url: '{{adminUrl}}/health', timeoutMs: 5000 } },
      { adminUrl: target.url },
      { recorder },
    );
    assert.equal(ready.ok, true, JSON.stringify(ready));
    assert.equal(healthCalls, 3);
    assert.ok(recorder.messages.some((m) => m.label === `hook reset: ${target.url}/health ready`));
    const never = await runner.run(
      'reset',
      { run: { kind: 'http', url: '{{adminUrl}}/restart' }, ready: { url: '{{adminUrl}}/never', timeoutMs: 1000 } },
      { adminUrl: target.url },
      { recorder: new TraceRecorder() },
    );
    assert.deepEqual(never, {
      ok: false,
      inconclusive: `hook reset: ${target.url}/never was not ready within 1000 ms (last: HTTP 503)`,
      outcome: 'stimulus-not-delivered',
    });
  });

  it('a hook whose HTTP trigger fails is not probed', async () => {
    const runner = new HookRunner();
    const outcome = await runner.run(
      'teardown',
      { run: { kind: 'http', method: 'GET', url: `${target.url}/never` }, ready: { url: 'http://127.0.0.1:9/x' } },
      {},
      { recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger hook teardown: the hook answered HTTP 503',
      outcome: 'stimulus-not-delivered',
    });
  });
});
