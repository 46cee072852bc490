import { interior, leaf } from '../../../../src/protocol/tree/node-builders.js';
import { ManagementTree } from '../../../../src/protocol/tree/management-tree.js';
import type { TreeNode } from '../../../../src/protocol/tree/node.js';

/** The MO of section 6.1.3, Figure 5: `<x>` with ID, Setting and Data holding `<x>*` entries of Date and Value. */
export const FIGURE5_MOID = 'urn:oma:mo:moid:1.0';

const DYNAMIC = { scope: 'dynamic', access: ['Add', 'Delete', 'Get', 'Replace'] } as const;

function dataEntry(name: string, date: string, value: string): TreeNode {
  return interior(name, [leaf('Date', 'chr', date, DYNAMIC), leaf('Value', 'chr', value, DYNAMIC)], { ...DYNAMIC, unnamed: true });
}

function moRoot(name: string, id: string, setting: string, data: TreeNode[]): TreeNode {
  return interior(
    name,
    [
      leaf('ID', 'chr', id),
      leaf('Setting', 'chr', setting, { access: ['Get', 'Replace'] }),
      interior('Data', data, { access: ['Add', 'Get'] }),
    ],
    { unnamed: true },
  );
}

/** The two instances of Figure 5: `left` (moroot1, GPS) and `right` (moroot2, Temperature). */
export function figure5Tree(): ManagementTree {
  const tree = new ManagementTree();
  tree.setDdf(FIGURE5_MOID, 'http://vendor.example/ddf/moid.ddf');
  tree.addInstance(
    FIGURE5_MOID,
    'left',
    moRoot('moroot1', 'GPS', '0xA2', [dataEntry('1', '12.1', '12.1, 65.2'), dataEntry('2', '12.2', '117.1, 21.2')]),
  );
  tree.addInstance(
    FIGURE5_MOID,
    'right',
    moRoot('moroot2', 'Temperature', '0x12', [dataEntry('1', '12.1', '12'), dataEntry('2', '12.2', '19')]),
  );
  return tree;
}
