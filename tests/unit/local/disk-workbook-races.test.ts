// Two processes on one workbook, with the moment another one acts chosen by the test instead of left to the
// scheduler: another process saves while this one is still reading the file it opened, and the lock changes hands
// between two looks of a process waiting for it. Each of these lost acknowledged writes (observations, imported
// answers) in the concurrent-processes test, once in a while.
import { openSync, readFileSync, closeSync, rmSync, writeFileSync, existsSync, mkdtempSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DiskWorkbook, lockFileOf } from '../../../apps-script/local/disk-workbook';
import { touch } from '../../../apps-script/local/emulator/model';
import { loadWorkbook, saveWorkbook } from '../../../apps-script/local/workbook-file';

/** What the test does at chosen moments of this process's work on the file. */
const moments = vi.hoisted(() => ({
  /** Each time this process looks at a lock file (reads it, or asks what it is): not when it creates or removes it. */
  lookingAtLock: undefined as (() => void) | undefined,
  /** Once, while this process turns the bytes it read into a workbook (the slow part of opening a large one). */
  parsing: undefined as (() => Promise<void>) | undefined,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const look = (path: unknown) => {
    if (String(path).endsWith('.repere-lock')) moments.lookingAtLock?.();
  };
  const watched = {
    ...real,
    readFile: ((path: Parameters<typeof real.readFile>[0], ...rest: unknown[]) => {
      look(path);
      return (real.readFile as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof real.readFile,
    stat: ((path: Parameters<typeof real.stat>[0], ...rest: unknown[]) => {
      look(path);
      return (real.stat as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof real.stat,
    open: ((path: Parameters<typeof real.open>[0], flags?: string, ...rest: unknown[]) => {
      if (flags !== 'wx') look(path);
      return (real.open as (...args: unknown[]) => unknown)(path, flags, ...rest);
    }) as typeof real.open,
  };
  return { ...watched, default: watched };
});

vi.mock('../../../apps-script/local/workbook-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../apps-script/local/workbook-file')>();
  return {
    ...real,
    workbookFromBytes: async (...args: Parameters<typeof real.workbookFromBytes>) => {
      const model = await real.workbookFromBytes(...args);
      const moment = moments.parsing;
      moments.parsing = undefined;
      await moment?.();
      return model;
    },
  };
});

const workbookIn = async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'repere-races-')), 'registre.xlsx');
  const model = await loadWorkbook(path);
  model.sheets[0]!.cells[0] = [{ v: 'départ' }];
  await saveWorkbook(model, path);
  return path;
};

const addRow = (disk: DiskWorkbook, text: string) =>
  disk.write((model) => {
    model.sheets[0]!.cells.push([{ v: text }]);
    touch(model);
  });

describe('two processes on one workbook, at the worst moment', () => {
  it('keeps what another process saved while this one was still reading the file it opened', async () => {
    const path = await workbookIn();
    const server = await DiskWorkbook.open(path, { command: 'repere start' });
    // `repere import` opens the workbook; while it parses what it read, the server saves a batch of observations.
    moments.parsing = () => addRow(server, 'observation reçue par le serveur');
    const cli = await DiskWorkbook.open(path, { command: 'repere import' });
    await addRow(cli, 'réponse importée');
    await addRow(server, 'observation suivante');
    expect((await loadWorkbook(path)).sheets[0]!.cells.map((row) => row?.[0]?.v)).toEqual(['départ', 'observation reçue par le serveur', 'réponse importée', 'observation suivante']);
  });

  // A waits for the lock B holds; B releases it at A's first look, and C (a third process) creates its own at A's
  // k-th look, writing who it is a moment later. Whatever k, A and C never both hold the lock, and C's lock file is
  // removed by C alone.
  it.each([1, 2, 3, 4, 5, 6])('never takes a lock another process just created (it arrives at look %i)', async (k) => {
    const path = await workbookIn();
    const lock = lockFileOf(path);
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'repere compute', since: new Date().toISOString() }));
    const broken: string[] = [];
    let cHolds = false;
    let cReleased: Promise<void> = Promise.resolve();
    let looks = 0;
    moments.lookingAtLock = () => {
      looks++;
      if (looks === 1) rmSync(lock); // B is done
      if (looks !== k) return;
      let fd: number;
      try {
        fd = openSync(lock, 'wx');
      } catch {
        return; // A holds it now: C waits its turn (not part of this test)
      }
      cHolds = true;
      const text = JSON.stringify({ pid: process.pid, host: hostname(), command: 'repere check', since: new Date().toISOString() });
      cReleased = new Promise((done) =>
        setTimeout(() => {
          writeSync(fd, text);
          closeSync(fd);
          setTimeout(() => {
            if (!existsSync(lock) || readFileSync(lock, 'utf8') !== text) broken.push('the lock C held was removed by another process');
            cHolds = false;
            rmSync(lock, { force: true });
            done();
          }, 300);
        }, 20),
      );
    };
    try {
      const a = await DiskWorkbook.open(path, { command: 'repere start', waitMs: 5_000 });
      await a.write((model) => {
        if (cHolds) broken.push('A and C held the lock at once');
        model.sheets[0]!.cells.push([{ v: 'A' }]);
        touch(model);
      });
      await cReleased;
    } finally {
      moments.lookingAtLock = undefined;
    }
    expect(broken).toEqual([]);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases only its own lock: one removed by a person and taken since by another process stays', async () => {
    const path = await workbookIn();
    const lock = lockFileOf(path);
    const disk = await DiskWorkbook.open(path, { command: 'repere import' });
    const other = JSON.stringify({ pid: process.pid, host: hostname(), command: 'repere start', since: new Date().toISOString() });
    await disk.hold(async () => {
      await addRow(disk, 'réponse importée');
      // « S’il ne tourne plus, supprimez le fichier… »: someone did, and the server took the lock meanwhile.
      rmSync(lock);
      writeFileSync(lock, other);
    });
    expect(readFileSync(lock, 'utf8')).toBe(other);
  });

  it('releases the lock when the file another process wrote cannot be read', async () => {
    const path = await workbookIn();
    const disk = await DiskWorkbook.open(path, { command: 'repere start' });
    writeFileSync(path, 'pas un classeur');
    await expect(addRow(disk, 'jamais')).rejects.toThrow();
    expect(existsSync(lockFileOf(path))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('pas un classeur');
  });
});
