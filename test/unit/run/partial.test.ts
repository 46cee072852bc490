import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergedPartial, type PlannedItem, type RunMeta, type RunPlan } from '../../../src/report/index.js';
import { combinePartial, shardPlan } from '../../../src/run/partial.js';

const item = (id: string, scenarios: string[]): PlannedItem => ({
  id,
  function: id,
  section: '5.2',
  role: 'server',
  status: 'M',
  applicability: { kind: 'applicable', why: 'status M' },
  scenarios: scenarios.map((s) => ({ id: s, title: s })),
});
const plan: RunPlan = {
  edition: 'e',
  roles: ['server'],
  targets: [],
  items: [item('DM-PACK-001-S-M', ['a', 'b']), item('DM-PACK-002-S-M', ['c']), item('DM-PACK-003-S-M', [])],
};
const own = (...ids: string[]) => new Set(ids.map((id) => `server\u0000${id}`));

describe('a shard judges its own items', () => {
  it('keeps the items with a scenario in the shard, with those scenarios only; the rest are left out', () => {
    const first = shardPlan(plan, own('a', 'c'), { current: 1, total: 2 });
    assert.deepEqual(
      first.plan.items.map((i) => [i.id, i.scenarios.map((s) => s.id)]),
      [
        ['DM-PACK-001-S-M', ['a']],
        ['DM-PACK-002-S-M', ['c']],
        ['DM-PACK-003-S-M', []],
      ],
    );
    assert.deepEqual(first.leftOut, []);
    const second = shardPlan(plan, own('b'), { current: 2, total: 2 });
    assert.deepEqual(
      second.plan.items.map((i) => i.id),
      ['DM-PACK-001-S-M'],
    );
    assert.deepEqual(second.leftOut, ['DM-PACK-002-S-M', 'DM-PACK-003-S-M'], "an item with no scenario is shard 1's");
  });

  it('is partial only when something was left out', () => {
    assert.equal(combinePartial(undefined, { current: 1, total: 2 }, []), undefined);
    assert.deepEqual(combinePartial({ selectedBy: ['--only'], leftOut: ['X'] }, { current: 2, total: 2 }, ['Y']), {
      selectedBy: ['--only', '--shard 2/2'],
      leftOut: ['X', 'Y'],
    });
  });

  it('merged shards are partial only in what every shard left out', () => {
    const meta = (partial?: RunMeta['partial']) => ({ ...(partial ? { partial } : {}) }) as RunMeta;
    assert.equal(
      mergedPartial([meta({ selectedBy: ['--shard 1/2'], leftOut: ['B'] }), meta({ selectedBy: ['--shard 2/2'], leftOut: ['A'] })]),
      undefined,
    );
    assert.deepEqual(mergedPartial([meta({ selectedBy: ['--shard 1/2'], leftOut: ['B'] })]), {
      selectedBy: ['--shard 1/2'],
      leftOut: ['B'],
    });
    assert.deepEqual(
      mergedPartial([
        meta({ selectedBy: ['--only', '--shard 1/2'], leftOut: ['B', 'Z'] }),
        meta({ selectedBy: ['--only', '--shard 2/2'], leftOut: ['A', 'Z'] }),
      ]),
      { selectedBy: ['--only'], leftOut: ['Z'] },
    );
  });
});
