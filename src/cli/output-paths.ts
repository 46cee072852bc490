/**
 * Checks of the paths dmct is asked to write to (`--out`), made before any work so that a
 * mistake is one line naming the flag and the path, never a file system stack trace.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** What a path is now: a folder, something else, or nothing. */
function kindOf(path: string): 'folder' | 'file' | 'none' {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return 'none';
    return stat.isDirectory() ? 'folder' : 'file';
  } catch {
    // ENOTDIR (a file on the way) and the like: nothing usable here; the caller looks further up.
    return 'none';
  }
}

/** The nearest path at or above `path` that exists, with what it is. */
function nearestExisting(path: string): { path: string; kind: 'folder' | 'file' } {
  for (let current = resolve(path); ; current = dirname(current)) {
    const kind = kindOf(current);
    if (kind !== 'none') return { path: current, kind };
    if (dirname(current) === current) return { path: current, kind: 'folder' };
  }
}

/** `--out DIR` names a folder dmct may create or fill: not a file, not under a file. */
export function checkOutputFolder(flag: string, dir: string): void {
  const kind = kindOf(dir);
  if (kind === 'file') throw new UsageError(`${flag} ${dir}: is a file, not a folder`);
  if (kind === 'none') {
    const existing = nearestExisting(dir);
    if (existing.kind === 'file') throw new UsageError(`${flag} ${dir}: ${existing.path} is a file, not a folder`);
  }
}

/** `--out FILE` names a file dmct may write: its folder exists, and it is not itself a folder. */
export function checkOutputFile(flag: string, file: string): void {
  if (kindOf(file) === 'folder') throw new UsageError(`${flag} ${file}: is a folder, not a file`);
  const parent = dirname(resolve(file));
  const kind = kindOf(parent);
  if (kind === 'none') throw new UsageError(`${flag} ${file}: the folder ${parent} does not exist`);
  if (kind === 'file') throw new UsageError(`${flag} ${file}: ${parent} is a file, not a folder`);
}

/** One line for a file system error on a path the user named (permissions, a full disk, …). */
export function fileSystemProblem(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, path, syscall } = err as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string') return undefined;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EEXIST: 'already exists',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
  };
  return `${path}: cannot ${syscall ?? 'use it'}: ${why[code] ?? code}`;
}
