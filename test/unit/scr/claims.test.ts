import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  buildClaimsTemplate,
  ClaimsError,
  loadClaims,
  loadEdition,
  loadRoleClaims,
  MAX_CLAIMS_BYTES,
  parseClaims,
  readClaimsText,
  type Claims,
} from '../../../src/scr/index.js';

const DIR = 'fixtures/claims';

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (err) {
    if (err instanceof ClaimsError) return err.problems;
    throw err;
  }
  assert.fail('no ClaimsError');
}

const reference = JSON.parse(readFileSync(`${DIR}/reference-client.json`, 'utf8')) as Claims;
const serverReference = JSON.parse(readFileSync(`${DIR}/reference-server.json`, 'utf8')) as Claims;

/** The reference claims changed by `edit`, as text. */
function variant(base: Claims, edit: (claims: Record<string, unknown> & Claims) => void): string {
  const copy = structuredClone(base) as Record<string, unknown> & Claims;
  edit(copy);
  return JSON.stringify(copy);
}

describe('loadClaims: the reference peers’ claims', () => {
  it('accepts both and returns them typed', () => {
    const client = loadClaims(`${DIR}/reference-client.json`);
    assert.equal(client.role, 'client');
    assert.deepEqual(client.implements, [
      'DM-PACK-002-C-O',
      'DM-PACK-007-C-O',
      'DM-PACK-008-C-O',
      'DM-PACK-009-C-O',
      'DM-PACK-019-C-O',
      'DM-PACK-020-C-O',
      'DM-PACK-023-C-O',
    ]);
    assert.equal(client.client?.clientInitiated?.kind, 'http');
    const server = loadClaims(`${DIR}/reference-server.json`);
    assert.equal(server.role, 'server');
    assert.deepEqual(
      Object.entries(server.server?.triggers ?? {}).map(([name, t]) => [
        name,
        t.kind === 'http' ? `${t.method ?? 'POST'} ${t.url} ${t.body ?? ''}` : t.kind,
      ]),
      [
        ['notify', 'POST {{adminUrl}}/devices/{{devId}}/notify {{options}}'],
        ['queueCommand', 'POST {{adminUrl}}/devices/{{devId}}/commands {"command": {{command}}}'],
        ['queuePackage2', 'POST {{adminUrl}}/devices/{{devId}}/package2 {{package2}}'],
      ],
    );
  });
});

describe('loadRoleClaims: one side of a judging or a matrix', () => {
  it('gives the claims and the SHA-256 of the file as read', () => {
    const file = `${DIR}/reference-client.json`;
    const { claims, sha256 } = loadRoleClaims(file, 'client', '--claims-client');
    assert.equal(claims.role, 'client');
    assert.equal(sha256, createHash('sha256').update(readFileSync(file, 'utf8'), 'utf8').digest('hex'));
  });

  it('refuses the other role naming how the file was given, and an unreadable file', () => {
    assert.deepEqual(
      problemsOf(() => loadRoleClaims(`${DIR}/reference-server.json`, 'client', 'a client of the matrix')),
      [`${DIR}/reference-server.json: claims of a server, given as a client of the matrix`],
    );
    assert.deepEqual(
      problemsOf(() => loadRoleClaims(`${DIR}/nope.json`, 'server', '--claims-server')),
      [`${DIR}/nope.json: cannot read the claims file (no such file)`],
    );
  });
});

describe('loadClaims: broken files give one line per problem, naming file, pointer and rule', () => {
  const cases: [string, string[]][] = [
    ['not-json.json', [`${DIR}/invalid/not-json.json: not valid JSON: Expected double-quoted property name in JSON at position 20`]],
    [
      'listed-twice.json',
      [`${DIR}/invalid/listed-twice.json /notImplemented/0: "DM-PACK-002-C-O" is also listed in /implements/0 (disjoint)`],
    ],
    ['other-role-section.json', [`${DIR}/invalid/other-role-section.json /server: is not allowed when role is "client" (false schema)`]],
    [
      'unknown-placeholder.json',
      [
        `${DIR}/invalid/unknown-placeholder.json /client/clientInitiated/url: unknown placeholder {{devid}} (allowed here: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}}, {{dmct}}) (placeholder)`,
      ],
    ],
    [
      'schema-violations.json',
      [
        `${DIR}/invalid/schema-violations.json /implements/2: malformed SCR item id "DM-PACK-19-C-O": expected a digit (the three-digit number) at position 11, found "-" (pattern)`,
        `${DIR}/invalid/schema-violations.json /timeouts/responseMs: must be >= 1 (minimum)`,
        `${DIR}/invalid/schema-violations.json /client/clientInitiated/url: is required (required)`,
        `${DIR}/invalid/schema-violations.json /client/clientInitiated/prompt: is not allowed here (additionalProperties)`,
      ],
    ],
  ];
  for (const [file, expected] of cases) {
    it(file, () =>
      assert.deepEqual(
        problemsOf(() => loadClaims(`${DIR}/invalid/${file}`)),
        expected,
      ),
    );
  }

  it('a missing file', () => {
    assert.deepEqual(
      problemsOf(() => loadClaims(`${DIR}/nope.json`)),
      [`${DIR}/nope.json: cannot read the claims file (no such file)`],
    );
  });
});

describe('parseClaims: triggers and templates', () => {
  it('reports only the branch a trigger’s kind names', () => {
    const text = variant(serverReference, (c) => {
      c.server!.triggers!.notify = { kind: 'shell', url: 'x' } as never;
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(text, 'c.json')),
      [
        'c.json /server/triggers/notify/command: is required (required)',
        'c.json /server/triggers/notify/url: is not allowed here (additionalProperties)',
      ],
    );
  });

  it('reports a missing or unknown kind, or a trigger that is no object, once', () => {
    const text = variant(serverReference, (c) => {
      c.server!.triggers = { notify: { prompt: 'x' }, queueCommand: { kind: 'sms' }, queuePackage2: 'POST' } as never;
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(text, 'c.json')),
      [
        'c.json /server/triggers/notify/kind: is required (required)',
        'c.json /server/triggers/queueCommand/kind: must be one of "http", "shell", "module", "manual" (enum)',
        'c.json /server/triggers/queuePackage2: must be an object with "kind" "http", "shell", "module", "manual" (type)',
      ],
    );
  });

  it('allows each trigger only its own placeholders, and {{adminUrl}} and {{adminToken}} only when set', () => {
    const text = variant(serverReference, (c) => {
      delete c.adminUrl;
      delete c.adminToken;
      c.server!.triggers!.notify = { kind: 'manual', prompt: 'send {{ command }} to {{devId}}' };
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(text, 'c.json')),
      [
        'c.json /server/triggers/notify/prompt: unknown placeholder {{command}} (allowed here: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}}, {{dmct}}, {{options}}) (placeholder)',
        'c.json /server/triggers/queueCommand/url: uses {{adminUrl}} but /adminUrl is not set (placeholder)',
        'c.json /server/triggers/queueCommand/headers/authorization: uses {{adminToken}} but /adminToken is not set (placeholder)',
        'c.json /server/triggers/queuePackage2/url: uses {{adminUrl}} but /adminUrl is not set (placeholder)',
        'c.json /server/triggers/queuePackage2/headers/authorization: uses {{adminToken}} but /adminToken is not set (placeholder)',
      ],
    );
  });

  it('accepts placeholders addressing members of the documented trigger input, and names the members of a wrong one', () => {
    const good = variant(serverReference, (c) => {
      c.server!.triggers!.notify = {
        kind: 'http',
        url: '{{adminUrl}}/n',
        body: '{"srv": {{options.serverId}}, "ct": {{options.conTypes.0}}, "sink": {{dmct.notificationSink.udpPort}}, "key": "{{dmct.credentials.secret}}"}',
      };
      c.server!.triggers!.queuePackage2 = { kind: 'http', url: '{{adminUrl}}/p', body: '{"cmd": {{package2.CMD}}}' };
      c.hooks = {
        reset: {
          run: { kind: 'shell', command: 'start-dms --sink {{dmct.notificationSink.udpHost}}' },
          ready: { url: '{{adminUrl}}/health' },
        },
      };
    });
    assert.doesNotThrow(() => parseClaims(good, 'c.json'));
    const bad = variant(serverReference, (c) => {
      c.server!.triggers!.notify = {
        kind: 'http',
        url: '{{adminUrl}}/n',
        body: '{"srv": {{options.srvId}}, "ct": {{options.conTypes.first}}, "u": {{devId.x}}}',
      };
      c.hooks = { reset: { run: { kind: 'shell', command: 'start {{options}}' }, ready: { line: '(' } } };
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(bad, 'c.json')),
      [
        'c.json /server/triggers/notify/body: {{options}} has no member "srvId" (its members: serverId, conTypes, notificationId, timestamp, reqMos, digest) (placeholder)',
        'c.json /server/triggers/notify/body: {{options.conTypes}} is a list: address an item by its index, not "first" (placeholder)',
        'c.json /server/triggers/notify/body: {{devId}} has no members (placeholder)',
        'c.json /hooks/reset/run/command: unknown placeholder {{options}} (allowed here: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}}, {{dmct}}) (placeholder)',
        'c.json /hooks/reset/ready/line: not a regular expression: Invalid regular expression: /(/: Unterminated group (pattern)',
      ],
    );
  });

  it('requires the notification secret of a server target in one form, and rejects both forms', () => {
    const missing = variant(serverReference, (c) => {
      c.server!.device.notification = { authData: 'x' };
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(missing, 'c.json')),
      ['c.json /server/device/notification/secret: is required (required)'],
    );
    const both = variant(serverReference, (c) => {
      c.server!.device.notification = { secret: 'a', secretHex: '61', authData: 'b', authDataHex: '62' };
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(both, 'c.json')),
      [
        'c.json /server/device/notification: give secret or secretHex, not both (not)',
        'c.json /server/device/notification: give authData or authDataHex, not both (not)',
      ],
    );
  });

  it('requires the delivery details of the chosen client notification transport', () => {
    const text = variant(reference, (c) => {
      c.client!.notification = { transport: 'http' };
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(text, 'c.json')),
      ['c.json /client/notification/http: is required (required)'],
    );
  });

  it('accepts $comment on every object', () => {
    const text = variant(reference, (c) => {
      c.client!.nodes.$comment = ['a', 'b'];
      c.timeouts = { $comment: 'x' };
    });
    assert.equal(parseClaims(text, 'c.json').role, 'client');
  });
});

describe('buildClaimsTemplate', () => {
  it('documents the trigger input: every placeholder and its members', () => {
    const comment = buildClaimsTemplate(loadEdition('dm20-cr-2013'), 'server')['$comment'] as string[];
    for (const placeholder of [
      '{{devId}}',
      '{{options.conTypes}}',
      '{{dmct.serverUrl}}',
      '{{dmct.notificationSink}}',
      '{{command}}',
      '{{package2}}',
      '{{moid}}',
    ]) {
      assert.ok(
        comment.some((line) => line.trimStart().startsWith(`${placeholder}: `)),
        placeholder,
      );
    }
  });

  const edition = loadEdition();
  for (const role of ['client', 'server'] as const) {
    it(`writes a ${role} template that validates, with no section of the other role`, () => {
      const template = buildClaimsTemplate(edition, role);
      const claims = parseClaims(JSON.stringify(template), 'template.json');
      assert.equal(claims.role, role);
      assert.equal(role === 'client' ? claims.server : claims.client, undefined);
    });
  }

  it('lists every optional client item with its function', () => {
    const comment = buildClaimsTemplate(edition, 'client')['$comment'] as string[];
    for (const item of edition.tables.client.items.filter((i) => i.status === 'O')) {
      assert.ok(
        comment.some((line) => line.startsWith(`${item.id}  ${item.function} (${item.section})`)),
        item.id,
      );
    }
    assert.ok(comment.includes('DM-PACK-007-C-O  Support of NOTIFICATION-ID option (5.2.1.2) — requirement: DM-PACK-002-C-O'));
  });

  it('explains IXIT fields from the schema descriptions, optional ones too', () => {
    const template = buildClaimsTemplate(edition, 'server');
    const server = template['server'] as Record<string, unknown>;
    const device = server['device'] as Record<string, unknown>;
    assert.ok((device['$comment'] as string[]).includes('devId: DevInfo DevID, sent as the OMADM-DevID header (section 5.2.2).'));
    assert.ok((device['$comment'] as string[]).some((line) => line.startsWith('basicAuth (optional, not set): HTTP Basic credentials')));
    assert.ok(
      (template['$comment'] as string[]).includes(
        'implements / notImplemented: edition dm20-cr-2013 has no optional server items; every item of B.2 is mandatory.',
      ),
    );
  });
});

describe('reading a claims file is bounded', () => {
  // A FIFO needs `mkfifo`, a child process: that case is in test/e2e/scr/claims-fifo.test.ts.
  it('refuses /dev/zero, a directory and an oversized file without blocking or growing', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'dmct-claims-'));
    try {
      const big = join(dir, 'big.json');
      await writeFile(big, Buffer.alloc(MAX_CLAIMS_BYTES + 1, 0x20));
      assert.deepEqual(readClaimsText('/dev/zero'), { ok: false, reason: 'not a regular file' });
      assert.deepEqual(readClaimsText(dir), { ok: false, reason: 'is a directory' });
      assert.deepEqual(readClaimsText(big), {
        ok: false,
        reason: `${MAX_CLAIMS_BYTES + 1} bytes, over the ${MAX_CLAIMS_BYTES}-byte limit`,
      });
      assert.throws(
        () => loadClaims('/dev/zero'),
        (error: Error) => error.message.includes('/dev/zero: cannot read the claims file (not a regular file)'),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('checks 40,000 listed ids for repeats in linear time, naming each repeat', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `DM-PACK-${String(i % 1000).padStart(3, '0')}-C-O`);
    const text = variant(serverReference, (c) => {
      c.implements = [...ids, ids[5] ?? ''];
    });
    assert.deepEqual(
      problemsOf(() => parseClaims(text, 'c.json')),
      ['c.json /implements/1000: "DM-PACK-005-C-O" is listed twice (first at /implements/5) (uniqueItems)'],
    );
    const flood = variant(serverReference, (c) => {
      c.implements = Array.from({ length: 40_000 }, (_, i) => `DM-PACK-${String(i % 1000).padStart(3, '0')}-C-O`);
    });
    const problems = problemsOf(() => parseClaims(flood, 'c.json'));
    assert.equal(problems[0], 'c.json /implements: must NOT have more than 2000 items (maxItems)');
  });
});

describe('client notification', () => {
  it('is optional unless the client claims Package#0 (DM-PACK-002-C-O)', () => {
    const client = JSON.parse(readFileSync('fixtures/claims/reference-client.json', 'utf8')) as Claims;
    const without = (implementsPackage0: boolean) =>
      variant(client, (c) => {
        delete c.client!.notification;
        c.implements = implementsPackage0 ? ['DM-PACK-002-C-O'] : [];
      });
    assert.doesNotThrow(() => parseClaims(without(false), 'c.json'));
    assert.deepEqual(
      problemsOf(() => parseClaims(without(true), 'c.json')),
      ['c.json /client/notification: is required when the client claims Package#0 (DM-PACK-002-C-O in /implements) (required)'],
    );
  });
});

describe('shell templates in claims', () => {
  it('accepts every placeholder the notification command documents, and refuses placeholders in a heredoc', () => {
    const client = JSON.parse(readFileSync('fixtures/claims/reference-client.json', 'utf8')) as Claims;
    const withShell = (command: string) =>
      variant(client, (c) => {
        c.client!.notification!.shell = { command };
      });
    assert.doesNotThrow(() => parseClaims(withShell('send-sms {{devId}} {{hex}} {{base64}} {{file}}'), 'c.json'));
    const problems = problemsOf(() => parseClaims(withShell('send-sms <<EOF\n{{hex}}\nEOF'), 'c.json'));
    assert.equal(problems.length, 1);
    assert.match(
      problems[0] ?? '',
      /^c\.json \/client\/notification\/shell\/command: placeholders are refused in a shell command using <<.*\{\{hex\}\} → "\$DMCT_HEX" \(shell-placeholder\)$/,
    );
  });
});
