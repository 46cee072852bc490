import {
  expectThat,
  inconclusive,
  readDacmo,
  readMo,
  readSoleInstance,
  test,
  type DacmoEntry,
} from '../../fixtures/client-target/index.js';

/** The AR bit of the Read right (12.3). */
const READ = 1;

/** The rights `serverId` holds at an entry: its own MAID's and everyone's (`*`) summed (12.3). */
function rightsOf(entry: DacmoEntry, serverId: string): number {
  return entry.permissions.filter((p) => p.maid === `serverid:${serverId}` || p.maid === '*').reduce((sum, p) => sum | p.ar, 0);
}

test.describe('10 Access control', () => {
  test(
    "a node the DACMO gives dmct's server no Read right on is not read out to it",
    {
      tag: ['@10/access-control'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client lets a server act on an MO instance only with the rights its Delegation Access Control MO gives that server there (the entry with the deepest Path covering the node); a read without the Read right is refused with 403 (10, 12.3, 6.3.1.1, App C).',
        },
      ],
    },
    async ({ sessions }) => {
      const moid = sessions.target.moids.dacmo;
      const { instance } = await readSoleInstance(sessions, moid, 'the DACMO instance', 'inconclusive');
      const { entries } = readDacmo(instance.members);
      const serverId = sessions.target.serverId;
      // An entry for the DACMO's own instance would make the read above contradict it; real nodes only.
      const denied = entries.find((entry) => entry.moid !== moid && (rightsOf(entry, serverId) & READ) === 0);
      if (denied === undefined) {
        inconclusive(
          `the DACMO gives serverid:${serverId} the Read right on every subtree it names (${entries.length} entries): no node to try a refused read on`,
          { rule: 'the DACMO names a subtree dmct may not read' },
        );
      }
      const target = `${denied.moid}/${denied.miid}${denied.path.startsWith('/') ? denied.path : `/${denied.path}`}`;
      const read = await readMo(sessions, target);
      const at = read.seq === undefined ? {} : { seq: read.seq };
      if (read.kind === 'refused' && read.status === 404) {
        inconclusive(`${read.via} of ${target} answered 404: the subtree the DACMO names does not exist`, {
          rule: 'the subtree the DACMO names exists',
          ...at,
        });
      }
      // 400 and the 5xx App C allows for every command refuse for another reason: they prove nothing either way.
      if (read.kind === 'refused' && read.status !== undefined && ![200, 204, 403].includes(read.status)) {
        inconclusive(`${read.via} of ${target} answered ${read.status}, a refusal for another reason than rights`, {
          rule: 'a read without the Read right is refused with 403',
          ...at,
        });
      }
      expectThat(read.kind === 'refused' && read.status === 403, {
        rule: 'a read without the Read right is refused with 403',
        expected: `${read.via} of ${target} answered 403 Forbidden (the DACMO gives serverid:${serverId} AR ${rightsOf(denied, serverId)} there)`,
        actual:
          read.kind === 'data'
            ? `${read.via} gave its data: ${(read.raw ?? JSON.stringify(read.entries)).slice(0, 120)}`
            : `${read.via} answered ${read.status ?? 'no status'}`,
        ...at,
      });
    },
  );
});
