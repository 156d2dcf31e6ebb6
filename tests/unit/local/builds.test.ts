// When `npx repere` and `npm start` rebuild: an output missing, or older than any file of its inputs (edited, added
// or removed), makes a build stale; a build newer than all its inputs is used as it is.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale } from '../../../apps-script/local/builds.mjs';

const build = { what: 'test', script: 'build:test', inputs: ['src', 'build.mjs'], outputs: ['dist/out.js', 'dist/page.js'] };

describe('a build’s staleness', () => {
  let root: string;
  /** Writes a file (and its folder) with a modification time `seconds` after an arbitrary origin. */
  const write = (path: string, seconds: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), path);
    utimesSync(join(root, path), 1_700_000_000 + seconds, 1_700_000_000 + seconds);
  };
  /** Folders get the time of their last change too, as a file system gives them. */
  const folder = (path: string, seconds: number) => utimesSync(join(root, path), 1_700_000_000 + seconds, 1_700_000_000 + seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'repere-builds-'));
    write('src/a.ts', 10);
    write('src/deep/b.ts', 20);
    folder('src/deep', 20);
    folder('src', 20);
    write('build.mjs', 5);
    write('dist/out.js', 100);
    write('dist/page.js', 100);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is fresh when every output is newer than every input', () => {
    expect(isStale(build, root)).toBe(false);
  });

  it('is stale when an output is missing', () => {
    unlinkSync(join(root, 'dist/page.js'));
    expect(isStale(build, root)).toBe(true);
  });

  it('is stale when a file deep in an input folder, or the build script, was changed after the build', () => {
    write('src/deep/b.ts', 150);
    expect(isStale(build, root)).toBe(true);
    write('src/deep/b.ts', 20);
    write('build.mjs', 150);
    expect(isStale(build, root)).toBe(true);
  });

  it('is stale when a file was added to or removed from an input folder after the build', () => {
    write('src/deep/c.ts', 20);
    folder('src/deep', 150);
    expect(isStale(build, root)).toBe(true);
  });

  it('compares with the oldest output, and ignores an input that does not exist', () => {
    write('dist/page.js', 15);
    expect(isStale(build, root)).toBe(true);
    write('dist/page.js', 100);
    expect(isStale({ ...build, inputs: [...build.inputs, 'absent'] }, root)).toBe(false);
  });
});
