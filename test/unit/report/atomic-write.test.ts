import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeFileAtomic } from '../../../src/report/atomic-write.js';

describe('writeFileAtomic', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-atomic-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the folder, writes the file and leaves no temporary file', async () => {
    const path = join(dir, 'a', 'b', 'report.json');
    await writeFileAtomic(path, '{"v":1}');
    await writeFileAtomic(path, '{"v":2}');
    assert.equal(await readFile(path, 'utf8'), '{"v":2}');
    assert.deepEqual(await readdir(join(dir, 'a', 'b')), ['report.json']);
  });

  it('fails without leaving a temporary file when the target cannot be replaced', async () => {
    const target = join(dir, 'taken');
    await mkdir(join(target, 'inside'), { recursive: true });
    await assert.rejects(writeFileAtomic(target, 'x'));
    assert.deepEqual((await readdir(dir)).sort(), ['a', 'taken']);
  });
});
