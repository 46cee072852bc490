import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeExchanges, readCapture } from '../../../src/monitor/index.js';
import { capturePath, exchange, failedRules, verdictOf } from './judge-fixtures.js';

const SESSION_ALERT = { Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] };
const NODE = 'urn:oma:mo:example-exec:1.0//Run';

async function judge(name: string) {
  return judgeExchanges(await readCapture(capturePath(name)));
}

describe('the passive judge', () => {
  it('passes both sides of a clean session with GET and END', async () => {
    const judgement = await judge('clean-get-end.har');
    assert.equal(judgement.sessions, 1);
    assert.deepEqual(failedRules(judgement, 'client'), []);
    assert.deepEqual(failedRules(judgement, 'server'), []);
    for (const key of ['5.2.2/package1', '5.2.4/package3', '5.3.9/end', '5.4.1/sync-reporting'])
      assert.equal(verdictOf(judgement, 'client', key), 'pass', key);
    assert.equal(verdictOf(judgement, 'server', '5.2.3/package2'), 'pass');
    // Nothing in the capture shows these: they are not observed, not passed.
    assert.equal(verdictOf(judgement, 'client', '5.3.8/cont'), 'not-observed');
    assert.equal(verdictOf(judgement, 'server', '5.4/generic-alert'), 'not-observed');
  });

  it('charges a Package#3 after END to the client (5.3.9/end) and nothing to the server', async () => {
    const judgement = await judge('package3-after-end.har');
    assert.deepEqual(failedRules(judgement, 'client'), ['5.3.9/end']);
    assert.deepEqual(failedRules(judgement, 'server'), []);
    const finding = judgement.observations.find((o) => o.side === 'client' && o.key === '5.3.9/end')?.findings[0];
    assert.equal(finding?.exchange, 3);
  });

  it('charges a status for a Generic Alert to the server (5.4/generic-alert) and nothing to the client', async () => {
    const judgement = await judge('status-for-generic-alert.har');
    assert.deepEqual(failedRules(judgement, 'server'), ['5.4/generic-alert']);
    assert.deepEqual(failedRules(judgement, 'client'), []);
    assert.match(
      judgement.observations.find((o) => o.side === 'server' && o.key === '5.4/generic-alert')?.findings[0]?.actual ?? '',
      /Status/,
    );
  });

  it('charges a wrong Package#1 Content-Type to the client, and does not judge the server refusing it', async () => {
    const judgement = await judge('wrong-content-type.har');
    assert.deepEqual(failedRules(judgement, 'client'), ['5.2.2/package1']);
    assert.match(judgement.observations[0]?.findings[0]?.actual ?? '', /http-content-type/);
    assert.equal(verdictOf(judgement, 'server', '5.2.3/package2'), 'not-observed');
  });

  it('charges a Package#3 that ignores the CONT ServerURI to the client (5.3.8/cont)', () => {
    const cont = 'https://dm.example.com/dm/next';
    const status = { Status: [{ sc: 404 }, { sc: 200 }] };
    const good = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, {
        CMD: [
          ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man'],
          ['CONT', cont],
        ],
      }),
      exchange(2, 3, status, { CMD: [['END']] }, cont),
    ]);
    assert.equal(verdictOf(good, 'client', '5.3.8/cont'), 'pass');
    const bad = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, {
        CMD: [
          ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man'],
          ['CONT', cont],
        ],
      }),
      exchange(2, 3, status, { CMD: [['END']] }),
    ]);
    assert.deepEqual(failedRules(bad, 'client'), ['5.3.8/cont']);
    assert.deepEqual(failedRules(bad, 'server'), []);
  });

  it('charges the server that answers a valid Package#1 with no Package#2 (5.2.2/package1: it did not take it)', () => {
    const unanswered = { ...exchange(1, 1, SESSION_ALERT, {}), status: 0, responseHeaders: {}, responseBody: undefined };
    const judgement = judgeExchanges([unanswered]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.2.2/package1']);
    assert.deepEqual(failedRules(judgement, 'client'), []);
  });

  describe('asynchronous reporting (5.4.1), judged at the end of the capture', () => {
    const execSession = [
      exchange(1, 1, SESSION_ALERT, { CMD: [['EXEC', NODE, 'https://dm.example.com/report']] }),
      exchange(2, 3, { Status: [{ sc: 202 }] }, { CMD: [['END']] }),
    ];

    it('passes when a later package carries the Generic Alert about the executed node', () => {
      const report = {
        Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }, { AlertType: 'urn:example:at:exec-result', SourceURI: NODE }],
      };
      const judgement = judgeExchanges([...execSession, exchange(3, 1, report, { CMD: [['END']] }, 'https://dm.example.com/report')]);
      assert.equal(verdictOf(judgement, 'client', '5.4.1/async-reporting'), 'pass');
    });

    it('fails the client when it opened a later session without the alert', () => {
      const judgement = judgeExchanges([...execSession, exchange(3, 1, SESSION_ALERT, { CMD: [['END']] })]);
      assert.deepEqual(failedRules(judgement, 'client'), ['5.4.1/async-reporting']);
      assert.deepEqual(failedRules(judgement, 'server'), []);
    });

    it('is inconclusive, not a fail, when the capture ends before any later session', () => {
      const judgement = judgeExchanges(execSession);
      assert.deepEqual(failedRules(judgement, 'client'), []);
      assert.equal(verdictOf(judgement, 'client', '5.4.1/async-reporting'), 'inconclusive');
    });
  });
});

describe('one broken rule, one charge', () => {
  it('charges a STATUS entry answering a Generic Alert to 5.4/generic-alert only, not also to 5.2.3/package2', () => {
    const alerts = {
      Alert: [...SESSION_ALERT.Alert, { AlertType: 'urn:example:at:battery-low', SourceURI: 'urn:example:mo:battery:1.0//Level' }],
    };
    const judgement = judgeExchanges([exchange(1, 1, alerts, { CMD: [['STATUS', '200'], ['END']] })]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.4/generic-alert']);
    assert.deepEqual(failedRules(judgement, 'client'), []);
  });

  it('still charges an unknown command to 5.2.3/package2 when no alert was sent', () => {
    const judgement = judgeExchanges([exchange(1, 1, SESSION_ALERT, { CMD: [['STATUS', '200'], ['END']] })]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.2.3/package2']);
  });
});

describe('the side that kept the rules is not charged', () => {
  const GET_AND_CONT = {
    CMD: [
      ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man'],
      ['CONT', 'https://dm.example.com/dm/next'],
    ],
  };

  it('a 401 or 403 answer to a valid Package#1 is inconclusive for the server, not a fail', () => {
    for (const status of [401, 403]) {
      const refused = { ...exchange(1, 1, SESSION_ALERT, { title: 'Forbidden' }), status };
      const judgement = judgeExchanges([refused]);
      assert.deepEqual(failedRules(judgement, 'server'), []);
      assert.equal(verdictOf(judgement, 'server', '5.2.3/package2'), 'inconclusive');
    }
    const other = { ...exchange(1, 1, SESSION_ALERT, { title: 'Bad' }), status: 400 };
    assert.deepEqual(failedRules(judgeExchanges([other]), 'server'), ['5.2.2/package1']);
  });

  it('a Package#3 breaking CONT does not judge the answer refusing it', () => {
    const judgement = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, GET_AND_CONT),
      { ...exchange(2, 3, { Status: [{ sc: 404 }, { sc: 200 }] }, { title: 'wrong URI' }), status: 400 },
    ]);
    assert.deepEqual(failedRules(judgement, 'client'), ['5.3.8/cont']);
    assert.deepEqual(failedRules(judgement, 'server'), []);
  });

  it("after a Package#2 that is not valid, the session's next Package#3 is not judged (no charge on the client)", () => {
    const judgement = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, { CMD: [['GET', 7]] }),
      exchange(2, 3, { Status: [{ sc: 400 }] }, { CMD: [['END']] }),
    ]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.2.3/package2']);
    assert.deepEqual(failedRules(judgement, 'client'), []);
    assert.deepEqual(
      judgement.skipped.map((s) => s.exchange),
      [2],
    );
  });

  it("a client's malformed Generic Alert is charged to the client's 5.4/generic-alert, not to the package", () => {
    const alerts = { Alert: [...SESSION_ALERT.Alert, { AlertType: 'urn:example:at:x', Mark: 'high' }] };
    const judgement = judgeExchanges([exchange(1, 1, alerts, { CMD: [['END']] })]);
    assert.deepEqual(failedRules(judgement, 'client'), ['5.4/generic-alert']);
    const clean = { Alert: [...SESSION_ALERT.Alert, { AlertType: 'urn:example:at:x', Mark: 'minor' }] };
    assert.equal(verdictOf(judgeExchanges([exchange(1, 1, clean, { CMD: [['END']] })]), 'client', '5.4/generic-alert'), 'pass');
  });

  it("a CONT without its ServerURI, or a refusal at the CONT URI, is charged to the server's 5.3.8/cont, not to 5.2.3/package2", () => {
    const bare = judgeExchanges([exchange(1, 1, SESSION_ALERT, { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man'], ['CONT']] })]);
    assert.deepEqual(failedRules(bare, 'server'), ['5.3.8/cont']);
    const refused = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, GET_AND_CONT),
      { ...exchange(2, 3, { Status: [{ sc: 404 }, { sc: 200 }] }, { title: 'Not Found' }, 'https://dm.example.com/dm/next'), status: 404 },
    ]);
    assert.deepEqual(failedRules(refused, 'server'), ['5.3.8/cont']);
    assert.deepEqual(failedRules(refused, 'client'), []);
  });
});

describe("a server's refusal is charged to the rule the refused package exercises", () => {
  const refused = (e: ReturnType<typeof exchange>, status = 400) => ({
    ...e,
    status,
    responseBody: new TextEncoder().encode('{"title":"No"}'),
  });
  const execSession = exchange(1, 1, SESSION_ALERT, { CMD: [['EXEC', NODE, 'https://dm.example.com/report']] });

  it('a 202 for EXEC refused: 5.4.1/async-reporting, not 5.2.3/package2 nor 5.2.4/package3', () => {
    const judgement = judgeExchanges([execSession, refused(exchange(2, 3, { Status: [{ sc: 202 }] }, {}))]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.4.1/async-reporting']);
    assert.deepEqual(failedRules(judgement, 'client'), []);
  });

  it('the Generic Alert completing an EXEC accepted with 202 refused: 5.4.1/async-reporting', () => {
    const report = { Alert: [...SESSION_ALERT.Alert, { AlertType: 'urn:example:at:exec-result', SourceURI: NODE }] };
    const judgement = judgeExchanges([
      execSession,
      exchange(2, 3, { Status: [{ sc: 202 }] }, { CMD: [['END']] }),
      refused(exchange(3, 1, report, {}, 'https://dm.example.com/report')),
    ]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.4.1/async-reporting']);
    assert.equal(verdictOf(judgement, 'client', '5.4.1/async-reporting'), 'pass');
  });

  it('an EXEC reported synchronously refused: 5.4.1/sync-reporting; taken, the rule holds', () => {
    const plainExec = exchange(1, 1, SESSION_ALERT, { CMD: [['EXEC', NODE]] });
    const judgement = judgeExchanges([plainExec, refused(exchange(2, 3, { Status: [{ sc: 200 }] }, {}))]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.4.1/sync-reporting']);
    const taken = judgeExchanges([plainExec, exchange(2, 3, { Status: [{ sc: 200 }] }, { CMD: [['END']] })]);
    assert.equal(verdictOf(taken, 'server', '5.4.1/sync-reporting'), 'pass');
  });

  it("the device's next Package#1 refused after a session ended with END: 5.2.4/package3 (the server still awaits a Package#3)", () => {
    const judgement = judgeExchanges([exchange(1, 1, SESSION_ALERT, { CMD: [['END']] }), refused(exchange(2, 1, SESSION_ALERT, {}), 409)]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.2.4/package3']);
  });

  it('a valid Package#3 left unanswered (connection closed): 5.2.4/package3, even at the CONT URI', () => {
    const judgement = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, {
        CMD: [
          ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man'],
          ['CONT', 'https://dm.example.com/dm/next'],
        ],
      }),
      {
        ...refused(exchange(2, 3, { Status: [{ sc: 404 }, { sc: 200 }] }, {}, 'https://dm.example.com/dm/next'), 0),
        responseBody: undefined,
      },
    ]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.2.4/package3']);
    assert.deepEqual(failedRules(judgement, 'client'), []);
  });
});

describe("a malformed command is charged to that command's rule, not to the Package#2", () => {
  it('an EXEC without its ClientURI: 5.3.5/exec; a well-formed one holds it', () => {
    const bad = judgeExchanges([exchange(1, 1, SESSION_ALERT, { CMD: [['EXEC', 'http://127.0.0.1:4000/report']] })]);
    assert.deepEqual(failedRules(bad, 'server'), ['5.3.5/exec']);
    const good = judgeExchanges([exchange(1, 1, SESSION_ALERT, { CMD: [['EXEC', NODE], ['END']] })]);
    assert.equal(verdictOf(good, 'server', '5.3.5/exec'), 'pass');
    assert.equal(verdictOf(good, 'server', '5.2.3/package2'), 'pass');
  });
});

describe('the server closes the session with END (5.3.9)', () => {
  it('fails a server that answers a Package#3 reporting nothing with a Package#2 giving nothing to do, once', () => {
    const judgement = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man']] }),
      exchange(2, 3, { Status: [{ sc: 404 }] }, { CMD: [] }),
      exchange(3, 3, { Status: [] }, { CMD: [] }),
      exchange(4, 3, { Status: [] }, { CMD: [] }),
    ]);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.3.9/end']);
    assert.equal(
      judgement.observations.find((o) => o.side === 'server' && o.key === '5.3.9/end')?.findings.filter((f) => f.outcome === 'must-broken')
        .length,
      1,
    );
    assert.deepEqual(failedRules(judgement, 'client'), []);
  });

  it('an empty CMD answering the Package#1, then the commands and END, is no fail (a SHOULD departure only)', () => {
    const judgement = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, { CMD: [] }),
      exchange(2, 3, { Status: [] }, { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man'], ['END']] }),
    ]);
    assert.deepEqual(failedRules(judgement, 'server'), []);
    assert.equal(verdictOf(judgement, 'server', '5.3.9/end'), 'non-strict');
  });

  it('passes a server whose session ends with END', () => {
    const judgement = judgeExchanges([exchange(1, 1, SESSION_ALERT, { CMD: [['END']] })]);
    assert.equal(verdictOf(judgement, 'server', '5.3.9/end'), 'pass');
  });
});

describe('the client answers each Package#2 without END (5.2.4)', () => {
  const getSession = exchange(1, 1, SESSION_ALERT, { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man']] });

  it('fails a client that opens a new session instead of answering', () => {
    const judgement = judgeExchanges([getSession, exchange(2, 1, SESSION_ALERT, { CMD: [['END']] })]);
    assert.deepEqual(failedRules(judgement, 'client'), ['5.2.4/package3']);
    assert.deepEqual(failedRules(judgement, 'server'), []);
  });

  it('does not judge a capture that ends while the Package#3 may still come', () => {
    assert.deepEqual(failedRules(judgeExchanges([getSession]), 'client'), []);
  });

  it('does not charge the client leaving a session the server let loop without END', () => {
    const judgement = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, { CMD: [] }),
      exchange(2, 3, { Status: [] }, { CMD: [] }),
      exchange(3, 1, SESSION_ALERT, { CMD: [['END']] }),
    ]);
    assert.deepEqual(failedRules(judgement, 'client'), []);
    assert.deepEqual(failedRules(judgement, 'server'), ['5.3.9/end']);
  });
});

describe('rules routed to their own item', () => {
  it("a GET answered 200 without its data part: the client's 5.3.6/get, not 5.2.4/package3", () => {
    const judgement = judgeExchanges([
      exchange(1, 1, SESSION_ALERT, { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Man']] }),
      exchange(2, 3, { Status: [{ sc: 200 }] }, { CMD: [['END']] }),
    ]);
    assert.deepEqual(failedRules(judgement, 'client'), ['5.3.6/get']);
    assert.deepEqual(failedRules(judgement, 'server'), []);
  });

  it('a Package#1 answering a notification without MOS, refused: inconclusive (REQ-MOS is not in the HTTP traffic)', () => {
    const notified = {
      Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt', DataType: 'application/json', Data: { 'NOTIFICATION-ID': 7 } }],
    };
    const judgement = judgeExchanges([{ ...exchange(1, 1, notified, { title: 'MOS required' }), status: 400 }]);
    assert.deepEqual(failedRules(judgement, 'server'), []);
    assert.equal(verdictOf(judgement, 'server', '5.2.2/package1'), 'inconclusive');
  });
});
