import { expectOneOf, expectThat, statusOf, SUCCESS_STATUS, test } from '../../fixtures/client-target/index.js';

test.describe('5.3.4 DELETE', () => {
  test(
    'DELETE of a permanent node answers 405 and keeps it; DELETE of an interior node removes its whole subtree',
    {
      tag: ['@5.3.4/delete'],
      annotation: [
        {
          type: 'requirement',
          description:
            'DELETE removes the addressed node with all its children; a permanent node cannot be deleted by a server: 405 Command Not Allowed (5.3.4, 6.3.1.2, App C).',
        },
      ],
    },
    async ({ sessions, recorder }) => {
      const permanent = sessions.target.nodes.permanentNode;
      const kept = sessions.readBackCommand(permanent);
      const first = await sessions.run([sessions.padded(['DELETE', permanent]), sessions.padded(kept.command)]);
      expectOneOf(statusOf(first.package3s[0], 0), [405], {
        section: '6.3.1.2',
        rule: 'DELETE of a permanent node answers 405 Command Not Allowed',
        ...(first.package3s[0] ? { seq: first.package3s[0].requestSeq } : {}),
      });
      const upload = await sessions.uploadTo(kept.name, first.mark, 0);
      expectThat(upload !== undefined, {
        section: '6.3.1.2',
        rule: 'a permanent node is still there after the refused DELETE',
        expected: `an HPUT of ${permanent} uploads its data`,
        actual: `HPUT of ${permanent} answered ${statusOf(first.package3s[1], 0) ?? 'nothing'} and uploaded nothing`,
      });

      // The subtree: an instance installed with HGET (where the client chooses), with a child leaf.
      const { repository } = sessions.engine;
      const source = repository.offer(sessions.uniqueName('subtree'), {
        moData: [{ ClientURI: `${sessions.target.nodes.deletableMoid}//`, MOData: { Dmct: { Name: 'subtree' } } }],
      });
      let root: string | undefined;
      const afterDelete = sessions.uniqueName('gone');
      const second = await sessions.run([
        sessions.padded(['HGET', source]),
        (answer) => {
          root = answer.package3?.Status[0]?.URI?.[0];
          return root === undefined ? [sessions.pad] : sessions.padded(['DELETE', root]);
        },
        () => (root === undefined ? [sessions.pad] : sessions.padded(['HPUT', repository.uploadUrl(afterDelete), root])),
      ]);
      if (root === undefined) {
        // Without an instance there is no subtree to delete: only the permanent-node rule was checked.
        recorder.remark(
          `HGET reported no stored instance (status ${statusOf(second.package3s[0], 0) ?? 'none'}); the subtree deletion was not checked`,
        );
        return;
      }
      const [, deleted, readAfter] = second.package3s;
      expectOneOf(statusOf(deleted, 0), [SUCCESS_STATUS], {
        rule: 'DELETE of a dynamic interior node succeeds',
        ...(deleted ? { seq: deleted.requestSeq } : {}),
      });
      const leftover = await sessions.uploadTo(afterDelete, second.mark, 0);
      expectThat(leftover === undefined && statusOf(readAfter, 0) === 404, {
        rule: 'DELETE removes the node and its whole subtree',
        expected: `an HPUT of ${root} after the DELETE finds nothing: 404, no upload`,
        actual: `HPUT answered ${statusOf(readAfter, 0) ?? 'nothing'}${leftover ? ` and uploaded ${new TextDecoder().decode(leftover.body).slice(0, 120)}` : ''}`,
        ...(readAfter ? { seq: readAfter.requestSeq } : {}),
      });
    },
  );
});
