import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CredentialGate } from '../../../src/harness/dm-server-engine-auth.js';
import { ClientAuthenticator } from '../../../src/reference/client/client-auth.js';
import { NO_FAULTS, selectFaults } from '../../../src/reference/faults/index.js';
import { basicAuthorization } from '../../../src/transport/http-auth.js';

const CREDENTIALS = { username: 'dmct-device', password: 'dm-password' };
const URL_DM = 'https://127.0.0.1:4443/dm';

describe('credentials dmct demands of a client (§9.2.1) and the reference client answering them', () => {
  test('Basic: no credentials are challenged with Basic; the right ones pass, wrong ones do not', () => {
    const gate = new CredentialGate({ ...CREDENTIALS, scheme: 'basic', realm: 'dmct' });
    const refused = gate.check('POST', undefined);
    assert.equal(refused?.sent, 'none');
    assert.match(refused?.challenge ?? '', /^Basic realm="dmct"/);
    assert.equal(gate.check('POST', basicAuthorization(CREDENTIALS)), undefined);
    assert.equal(gate.check('POST', basicAuthorization({ ...CREDENTIALS, password: 'x' }))?.sent, 'basic');
  });

  test('Digest: the reference client answers the challenge and then reuses the nonce with the next count', () => {
    const gate = new CredentialGate({ ...CREDENTIALS, scheme: 'digest' });
    const client = new ClientAuthenticator(CREDENTIALS, NO_FAULTS);
    assert.equal(client.unasked('POST', URL_DM), undefined);
    const challenge = gate.check('POST', undefined)?.challenge ?? '';
    assert.match(challenge, /^Digest /);
    const answer = client.answer('POST', URL_DM, challenge);
    assert.equal(gate.check('POST', answer), undefined);
    const next = client.unasked('POST', URL_DM);
    assert.match(next ?? '', /nc=00000002/);
    assert.equal(gate.check('POST', next), undefined);
    // A Basic answer does not prove a Digest demand.
    assert.equal(gate.check('POST', basicAuthorization(CREDENTIALS))?.sent, 'basic');
  });

  test('the fault switches: a Basic challenge unanswered, a Digest answer over another URI', () => {
    const ignoring = new ClientAuthenticator(CREDENTIALS, selectFaults(['ignores-basic-challenge'], 'client'));
    assert.equal(ignoring.answer('POST', URL_DM, 'Basic realm="dmct"'), undefined);
    const gate = new CredentialGate({ ...CREDENTIALS, scheme: 'digest' });
    const wrong = new ClientAuthenticator(CREDENTIALS, selectFaults(['digest-answer-wrong-uri'], 'client'));
    const answer = wrong.answer('POST', URL_DM, gate.check('POST', undefined)?.challenge ?? '');
    assert.match(answer ?? '', /uri="\/dm"/);
    assert.notEqual(gate.check('POST', answer), undefined);
  });
});
