import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressesDevInfoDevId } from '../../../src/monitor/devid-evidence.js';
import { judgeExchanges, type Exchange } from '../../../src/monitor/index.js';
import { buildMultipartPackage3 } from '../../../src/protocol/http/multipart.js';
import { exchange, failedRules, verdictOf } from './judge-fixtures.js';

const SESSION_ALERT = { Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] };
/** The OMADM-DevID of every exchange judge-fixtures.ts builds. */
const HEADER_DEVID = 'IMEI:490154203237518';
const DEVID_URI = 'urn:oma:mo:oma-dm-devinfo:1.2//DevID';

function refused(e: Exchange, status: number): Exchange {
  return { ...e, status, responseHeaders: {}, responseBody: undefined };
}

/** A session whose Package#2 GETs DevInfo/DevID, answered 200 with `reported` in a data part. */
function getDevIdSession(reported: string): Exchange[] {
  const { contentType, body } = buildMultipartPackage3({ Status: [{ sc: 200 }] }, [{ index: 0, mediaType: 'text/plain', body: reported }]);
  const package3 = exchange(2, 3, {}, { CMD: [['END']] });
  return [
    exchange(1, 1, SESSION_ALERT, { CMD: [['GET', DEVID_URI]] }),
    { ...package3, requestHeaders: { ...package3.requestHeaders, 'content-type': [contentType] }, requestBody: body },
  ];
}

const findingsOf = (judgement: ReturnType<typeof judgeExchanges>) =>
  judgement.observations.find((o) => o.side === 'client' && o.key === '5.2.2/package1')?.findings ?? [];

describe("OMADM-DevID against the client's claims (5.2.2)", () => {
  const package1 = exchange(1, 1, SESSION_ALERT, { CMD: [['END']] });

  it('charges a Package#1 whose OMADM-DevID is not the claimed DevID, although the server refused it (403)', () => {
    const judgement = judgeExchanges([refused(package1, 403)], { clientDevId: 'IMEI:351234567890123' });
    assert.deepEqual(failedRules(judgement, 'client'), ['5.2.2/package1']);
    assert.deepEqual(failedRules(judgement, 'server'), []);
    const actual = findingsOf(judgement)[0]?.actual ?? '';
    assert.match(actual, /IMEI:490154203237518/);
    assert.match(actual, /IMEI:351234567890123/);
  });

  it('passes the claimed DevID', () => {
    const judgement = judgeExchanges([package1], { clientDevId: HEADER_DEVID });
    assert.equal(verdictOf(judgement, 'client', '5.2.2/package1'), 'pass');
  });
});

describe('OMADM-DevID against the DevID the client reports to a GET of DevInfo/DevID (5.2.2)', () => {
  it('charges the session whose OMADM-DevID is not the reported DevID, with both values', () => {
    const judgement = judgeExchanges(getDevIdSession('IMEI:351234567890123'));
    assert.deepEqual(failedRules(judgement, 'client'), ['5.2.2/package1']);
    assert.deepEqual(failedRules(judgement, 'server'), []);
    const finding = findingsOf(judgement)[0];
    assert.equal(finding?.exchange, 2);
    assert.match(finding?.actual ?? '', /IMEI:490154203237518.*IMEI:351234567890123/);
  });

  it('passes a session whose OMADM-DevID is the reported DevID', () => {
    const judgement = judgeExchanges(getDevIdSession(HEADER_DEVID));
    assert.deepEqual(failedRules(judgement, 'client'), []);
    assert.equal(verdictOf(judgement, 'client', '5.2.2/package1'), 'pass');
  });
});

describe('addressesDevInfoDevId', () => {
  it('takes the DevID leaf of one DevInfo instance, of any version', () => {
    for (const uri of [DEVID_URI, 'urn:oma:mo:oma-dm-devinfo:1.3/1/DevID', `${DEVID_URI}?cv=abc`])
      assert.equal(addressesDevInfoDevId(uri), true, uri);
  });

  it('refuses other leaves, other MOs, every instance, and what is no ClientURI', () => {
    for (const uri of [
      'urn:oma:mo:oma-dm-devinfo:1.2//Man',
      'urn:oma:mo:other:1.0//DevID',
      'urn:oma:mo:oma-dm-devinfo:1.2/*/DevID',
      'x',
      42,
    ])
      assert.equal(addressesDevInfoDevId(uri), false, String(uri));
  });
});
