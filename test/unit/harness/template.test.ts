import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { placeholdersOf, renderTemplate, shellEnvironment } from '../../../src/harness/template.js';
import { fuzzRuns } from '../protocol/notification/arbitraries.js';
import { SEED, hostileValues, rendered, templateText, touchingValue } from './template-values.js';

// What the shell really does with these values is checked end-to-end in test/e2e/harness/template-shell.test.ts;
// here nothing runs, so the paths they aim at need not exist.
const HOSTILE = hostileValues('/nonexistent/victim', '/nonexistent/pwned');
const text = (): fc.Arbitrary<string> => templateText(HOSTILE);

describe('placeholdersOf', () => {
  it('lists each placeholder once, in order of first use', () => {
    assert.deepEqual(placeholdersOf('{{devId}} {{ serverId }} {{devId}} {{9bad}} {x}'), ['devId', 'serverId']);
  });
});

describe('renderTemplate: shell', () => {
  it('quotes a bare value as one single-quoted word', () => {
    assert.equal(rendered('notify {{devId}}', { devId: "it's" }, 'shell'), `notify 'it'\\''s'`);
  });

  it('refuses a NUL byte and an unterminated quote', () => {
    assert.deepEqual(renderTemplate('echo {{v}}', { v: 'a\0b' }, 'shell'), {
      ok: false,
      problem: 'the value of {{v}} contains a NUL byte, which a shell command cannot carry',
    });
    assert.deepEqual(renderTemplate("echo '{{v}}", { v: 'a' }, 'shell'), {
      ok: false,
      problem: 'the shell template has an unterminated single quote',
    });
  });
});

describe('renderTemplate: json', () => {
  it('string-escapes inside quotes and writes JSON values standing alone', () => {
    const body = rendered(
      '{"devId":"{{devId}}","params":{{params}},"note":"pre-{{params}}-post","n":{{n}}}',
      { devId: '"},"evil":true,"x":{"', params: ['a', { b: 1 }] as never, n: 42 as never },
      'json',
    );
    assert.deepEqual(JSON.parse(body), { devId: '"},"evil":true,"x":{"', params: ['a', { b: 1 }], note: 'pre-["a",{"b":1}]-post', n: 42 });
  });

  it('keeps the document shape for any value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), text(), (value, str) => {
        const body = rendered('{"s":"<{{str}}>","v":{{value}},"w":"{{value}}"}', { str, value: value as never }, 'json');
        const parsed = JSON.parse(body) as { s: string; v: unknown; w: string };
        assert.deepEqual(Object.keys(parsed), ['s', 'v', 'w']);
        assert.equal(parsed.s, `<${str}>`);
        assert.equal(JSON.stringify(parsed.v), JSON.stringify(value));
        assert.equal(parsed.w, typeof value === 'string' ? value : JSON.stringify(value));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('does not mistake an escaped quote for the end of a string', () => {
    assert.deepEqual(JSON.parse(rendered('{"a":"x\\"{{v}}"}', { v: '"' }, 'json')), { a: 'x""' });
  });
});

describe('renderTemplate: url', () => {
  it('encodes values as components and keeps a leading base URL', () => {
    assert.equal(
      rendered(
        '{{adminUrl}}/notify/{{devId}}?cmd={{command}}',
        { adminUrl: 'http://127.0.0.1:9/admin', devId: 'IMEI:1/2', command: 'a&b=c d' },
        'url',
      ),
      'http://127.0.0.1:9/admin/notify/IMEI%3A1%2F2?cmd=a%26b%3Dc%20d',
    );
  });

  it('refuses a leading value that is not an http(s) URL', () => {
    const result = renderTemplate('{{adminUrl}}/x', { adminUrl: 'javascript:alert(1)' }, 'url');
    assert.deepEqual(result, { ok: false, problem: '{{adminUrl}} opens a URL template but its value is not an http(s) URL' });
  });

  it('round-trips any value through the URL (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const url = new URL(rendered('http://h/p/{{v}}?q={{v}}', { v: value }, 'url'));
        const expected = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
        assert.equal(url.searchParams.get('q'), expected);
        assert.equal(decodeURIComponent(url.pathname.slice('/p/'.length)), expected);
      }),
      // A sample in the unit tier, the full 300 under `npm run fuzz`.
      { seed: SEED, numRuns: fuzzRuns(60, 300) },
    );
  });
});

describe('renderTemplate: header and text', () => {
  it('percent-encodes what a header value cannot carry', () => {
    assert.equal(rendered('Bearer {{t}}', { t: 'a\r\nx-evil: 1\té' }, 'header'), 'Bearer a%0D%0Ax-evil: 1\t%C3%A9');
    assert.doesNotThrow(() => new Headers({ x: rendered('{{t}}', { t: '\u0000\u2028😀' }, 'header') }));
  });

  it('leaves text as it is and writes non-strings as JSON', () => {
    assert.equal(rendered('Send {{command}} to {{n}}', { command: '<b>HGET</b>', n: 3 as never }, 'text'), 'Send <b>HGET</b> to 3');
  });

  it('reports a missing value', () => {
    assert.deepEqual(renderTemplate('{{devId}}', {}, 'text'), { ok: false, problem: 'no value for {{devId}}' });
  });
});

describe('renderTemplate: placeholders that address fields', () => {
  const values = {
    options: { serverId: 'srv', conTypes: [2, 0] },
    package2: { CMD: [['GET', './x'], ['END']] },
    dmct: { serverUrl: 'http://127.0.0.1:1/dm' },
  };

  it('reads members by name and items by index, as JSON values in a JSON body', () => {
    assert.equal(
      rendered('{"s": {{options.serverId}}, "c": {{package2.CMD}}, "first": {{options.conTypes.0}}}', values, 'json'),
      '{"s": "srv", "c": [["GET","./x"],["END"]], "first": 2}',
    );
    assert.equal(rendered('{{dmct.serverUrl}}/x', values, 'url'), 'http://127.0.0.1:1/dm/x');
    assert.equal(rendered('{{ package2.CMD.0.1 }}', values, 'text'), './x');
  });

  it('never reaches inherited names, and reports a path without a value', () => {
    for (const path of ['options.constructor', 'options.__proto__', 'options.conTypes.length', 'options.conTypes.01', 'toString']) {
      assert.deepEqual(renderTemplate(`{{${path}}}`, values, 'text'), { ok: false, problem: `no value for {{${path}}}` });
    }
  });

  it('in a JSON body, may leave out a member or item whose value is absent', () => {
    const omit = { omitAbsentMembers: true };
    assert.deepEqual(
      renderTemplate('{"a": {{options.reqMos}}, "b": [1, {{options.x}}], "s": {{options.serverId}}}', values, 'json', omit),
      { ok: true, text: '{"b":[1],"s":"srv"}' },
    );
    assert.deepEqual(renderTemplate('{{options.reqMos}}', values, 'json', omit), { ok: false, problem: 'no value for {{options.reqMos}}' });
    // Inside a string literal an absent value is still an error: the text around it would lie.
    assert.deepEqual(renderTemplate('{"a": "x{{options.reqMos}}"}', values, 'json', omit), {
      ok: false,
      problem: 'no value for {{options.reqMos}}',
    });
    // A value equal to any fixed marker cannot make dmct drop a member.
    assert.deepEqual(renderTemplate('{"a": {{v}}, "b": {{options.x}}}', { v: '\u0000dmct:absent', options: {} }, 'json', omit), {
      ok: true,
      text: '{"a":"\\u0000dmct:absent"}',
    });
  });

  it('gives object members as environment variables of their own, dots as underscores', () => {
    const env = shellEnvironment(values);
    assert.equal(env['DMCT_OPTIONS_SERVERID'], 'srv');
    assert.equal(env['DMCT_DMCT_SERVERURL'], 'http://127.0.0.1:1/dm');
    assert.equal(env['DMCT_PACKAGE2_CMD'], '[["GET","./x"],["END"]]');
    assert.equal(env['DMCT_OPTIONS'], '{"serverId":"srv","conTypes":[2,0]}');
  });
});

describe('renderTemplate: shell constructs where quoting does not hold', () => {
  const value = touchingValue('/nonexistent/pwned');

  for (const template of [
    'cat <<EOF\n{{v}}\nEOF',
    'echo "$(printf %s "{{v}}")"',
    'echo "${X:-{{v}}}"',
    'echo `echo {{v}}`',
    'echo hi # {{v}}',
  ]) {
    it(`refuses placeholders in ${JSON.stringify(template)}, naming the environment variable`, () => {
      const result = renderTemplate(template, { v: value }, 'shell');
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.problem, /use the environment variables instead: \{\{v\}\} → "\$DMCT_V"$/);
    });
  }
});
