import {
  EMPTY_LEAF_GET_CODES,
  expectNoViolations,
  expectOneOf,
  expectThat,
  failure,
  partValue,
  statusOf,
  test,
  uploadedValue,
  violationsFor,
  type ClientSessions,
  type PackageEvent,
} from '../../fixtures/client-target/index.js';

const PART_RULE = { section: 'App F', rule: 'a GET answered 200 sends its data in a multipart part named by its index' };

/** The data part of the GET at index 0 of `got`, compared with what HPUT uploaded for the same leaf (resource `readName`). */
async function checkData(sessions: ClientSessions, got: PackageEvent, readName: string, after: number): Promise<void> {
  expectNoViolations(violationsFor('5.3.6/get', got), { ...PART_RULE, seq: got.requestSeq });
  const part = got.parts?.get(0);
  if (part === undefined)
    throw failure(
      { ...PART_RULE, seq: got.requestSeq },
      ['a data part named "0"'],
      `no data part (Content-Type ${got.headers['content-type'] ?? 'none'})`,
    );
  const value = partValue(part);
  const upload = await sessions.uploadTo(readName, after, 0);
  if (upload === undefined) {
    expectThat(value !== undefined && String(value) !== '', {
      rule: "GET returns the node's data",
      expected: 'a value',
      actual: 'an empty part',
      seq: got.requestSeq,
    });
    return;
  }
  expectOneOf(String(value), [String(uploadedValue(upload))], {
    rule: "GET returns the node's data (the value HPUT sends for it)",
    seq: got.requestSeq,
  });
}

test.describe('5.3.6 GET', () => {
  test(
    "GET returns the node's data in a multipart part named by the command index; an empty leaf gives 204",
    {
      tag: ['@5.3.6/get'],
      annotation: [
        {
          type: 'requirement',
          description:
            "GET returns the data at the ClientURI inside the session: 200 with a multipart/form-data part named by the command's zero-based index (App F), 204 when the node exists but has no content (5.3.6, App C).",
        },
      ],
    },
    async ({ sessions, recorder }) => {
      const { readableLeaf, emptyLeaf } = sessions.target.nodes;
      const readBack = sessions.readBackCommand(readableLeaf);
      const run = await sessions.run([
        sessions.padded(['GET', readableLeaf]),
        sessions.padded(readBack.command),
        sessions.padded(['GET', emptyLeaf]),
      ]);
      const [got, , empty] = run.package3s;
      expectOneOf(statusOf(got, 0), [200, 202], { rule: 'GET of a readable leaf succeeds', ...(got ? { seq: got.requestSeq } : {}) });
      // No data travels with a 202; that reporting mode is synchronous reporting's finding (5.4.1).
      if (got !== undefined && statusOf(got, 0) === 200) await checkData(sessions, got, readBack.name, run.mark);
      else recorder.remark('GET answered 202 (judged by synchronous reporting, 5.4.1): its data was not checked');
      expectOneOf(statusOf(empty, 0), [...EMPTY_LEAF_GET_CODES], {
        rule: 'GET of a node without content answers 204 No Content',
        ...(empty ? { seq: empty.requestSeq } : {}),
      });
    },
  );
});
