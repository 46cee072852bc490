import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tidyRunSubfolder } from '../../../src/run/playwright-output.js';

let dir = '';
before(async () => (dir = await mkdtemp(join(tmpdir(), 'dmct-tidy-'))));
after(async () => rm(dir, { recursive: true, force: true }));

async function put(file: string, text = 'x'): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, text);
}

/** Every path below `root`, folders with a trailing slash. */
async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.map((e) => `${relative(root, join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`).sort();
}

describe('tidyRunSubfolder', () => {
  it("drops Playwright's error-context.md and .last-run.json and the folders left empty, keeps everything else", async () => {
    const out = join(dir, 'kept');
    const pw = join(out, 'playwright');
    await put(join(pw, 'failed-test', 'error-context.md'), '# Instructions\n- Following Playwright test failed.');
    await put(join(pw, '.last-run.json'), '{"status":"failed"}');
    await mkdir(join(pw, 'passed-test'), { recursive: true });
    await mkdir(join(pw, 'deep', 'er'), { recursive: true });
    await put(join(pw, 'traced-test', 'trace.zip'));
    await put(join(pw, 'traced-test', 'error-context.md'));
    const outside = join(dir, 'outside');
    await put(join(outside, 'error-context.md'));
    await symlink(outside, join(pw, 'link'));
    await put(join(out, 'report.json'), '{}');

    await tidyRunSubfolder(pw);

    assert.deepEqual(await tree(out), [
      'playwright/',
      'playwright/link',
      'playwright/traced-test/',
      'playwright/traced-test/trace.zip',
      'report.json',
    ]);
    assert.deepEqual(await tree(outside), ['error-context.md'], 'a symbolic link is not followed');
  });

  it('removes the folder itself when only chatter was in it, and accepts a folder that does not exist', async () => {
    const out = join(dir, 'gone');
    await put(join(out, 'playwright', 'a-test', 'error-context.md'));
    await mkdir(join(out, 'operator'));
    await tidyRunSubfolder(join(out, 'playwright'));
    await tidyRunSubfolder(join(out, 'operator'));
    await tidyRunSubfolder(join(out, 'never-created'));
    assert.deepEqual(await tree(out), []);
  });
});
