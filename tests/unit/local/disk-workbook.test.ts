// The workbook on disk is the truth: a lock file beside it while a Repère process writes (another one waits briefly,
// then says who holds it; a dead holder's lock is taken over), a reload before each write when the file changed
// (size, time, then hash: a file touched but not changed is not read again), and a killed save's temporary file
// removed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskWorkbook, lockFileOf, WorkbookBusyError } from '../../../apps-script/local/disk-workbook';
import { touch } from '../../../apps-script/local/emulator/model';
import { loadWorkbook, saveWorkbook } from '../../../apps-script/local/workbook-file';

const workbookIn = async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'repere-disk-')), 'registre.xlsx');
  const model = await loadWorkbook(path);
  model.sheets[0]!.cells[0] = [{ v: 'départ' }];
  await saveWorkbook(model, path);
  return path;
};

/** Another process on this computer, and a lock file saying it writes the workbook. */
const others: ChildProcess[] = [];
function lockedByAnother(path: string, command = 'repere import'): ChildProcess {
  const other = spawn('sleep', ['60']);
  others.push(other);
  writeFileSync(lockFileOf(path), JSON.stringify({ pid: other.pid, host: hostname(), command, since: new Date(2026, 10, 26, 14, 32).toISOString() }));
  return other;
}
afterEach(() => {
  for (const other of others.splice(0)) other.kill();
});

const a1 = (disk: DiskWorkbook) => disk.model.sheets[0]!.cells[0]![0]!.v;

describe('the workbook on disk', () => {
  it('holds a lock file beside the workbook while it writes, and removes it after', async () => {
    const path = await workbookIn();
    const disk = await DiskWorkbook.open(path, { command: 'repere compute' });
    const seen = await disk.write(async (model) => {
      model.sheets[0]!.cells[0]![0]!.v = 'écrit';
      touch(model);
      return JSON.parse(readFileSync(lockFileOf(path), 'utf8')) as unknown;
    });
    expect(seen).toMatchObject({ pid: process.pid, host: hostname(), command: 'repere compute' });
    expect(existsSync(lockFileOf(path))).toBe(false);
    expect((await loadWorkbook(path)).sheets[0]!.cells[0]![0]!.v).toBe('écrit');
  });

  it('waits briefly for another process, then says which one holds the workbook, writing nothing', async () => {
    const path = await workbookIn();
    const other = lockedByAnother(path);
    const disk = await DiskWorkbook.open(path, { command: 'repere start', waitMs: 300 });
    const started = Date.now();
    const error = await disk.write(() => 'jamais').catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(error).toBeInstanceOf(WorkbookBusyError);
    expect((error as Error).message).toBe(
      `Le classeur « registre.xlsx » est en cours d’écriture par un autre programme Repère (repere import, processus ${other.pid}, depuis 14 h 32). ` +
        'Attendez qu’il ait fini, puis recommencez. S’il ne tourne plus, supprimez le fichier « .registre.xlsx.repere-lock » à côté du classeur.',
    );
    expect(existsSync(lockFileOf(path))).toBe(true);
  });

  it('goes ahead as soon as the other process is done', async () => {
    const path = await workbookIn();
    lockedByAnother(path);
    const disk = await DiskWorkbook.open(path, { command: 'repere start', waitMs: 5_000 });
    const started = Date.now();
    setTimeout(() => rmSync(lockFileOf(path)), 300);
    expect(await disk.write(() => 'fait')).toBe('fait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('takes over the lock of a process that died, and one nobody finished writing', async () => {
    const path = await workbookIn();
    const other = lockedByAnother(path);
    other.kill();
    await new Promise((done) => other.once('exit', done));
    const disk = await DiskWorkbook.open(path, { command: 'repere start', waitMs: 60_000 });
    const started = Date.now();
    expect(await disk.write(() => 'fait')).toBe('fait');
    writeFileSync(lockFileOf(path), '');
    utimesSync(lockFileOf(path), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(await disk.write(() => 'encore')).toBe('encore');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads the file again before writing when another process changed it, and not when it was only touched', async () => {
    const path = await workbookIn();
    const disk = await DiskWorkbook.open(path, { command: 'repere start' });
    const reloads: string[] = [];
    disk.onReload((model) => reloads.push(String(model.sheets[0]!.cells[0]![0]!.v)));

    const elsewhere = await loadWorkbook(path);
    elsewhere.sheets[0]!.cells[0]![0]!.v = 'changé par repere import';
    elsewhere.sheets[0]!.cells[1] = [{ v: 'ligne importée' }];
    await saveWorkbook(elsewhere, path);
    await disk.write((model) => {
      model.sheets[0]!.cells[2] = [{ v: 'ajout du serveur' }];
      touch(model);
    });
    const saved = await loadWorkbook(path);
    expect(saved.sheets[0]!.cells.map((row) => row?.[0]?.v)).toEqual(['changé par repere import', 'ligne importée', 'ajout du serveur']);
    expect(reloads).toEqual(['changé par repere import']);

    // Same bytes, new time (a copy, a sync tool): not read again.
    const later = new Date(Date.now() + 5_000);
    utimesSync(path, later, later);
    expect(await disk.refresh()).toBe(false);
    expect(reloads).toHaveLength(1);
    expect(Math.round(disk.fileState!.mtimeMs)).toBe(later.getTime());
  });

  it('shows the page the new file, but not while another process is writing it', async () => {
    const path = await workbookIn();
    const disk = await DiskWorkbook.open(path, { command: 'repere start' });
    const elsewhere = await loadWorkbook(path);
    elsewhere.sheets[0]!.cells[0]![0]!.v = 'importé';
    await saveWorkbook(elsewhere, path);
    lockedByAnother(path);
    expect(await disk.refresh()).toBe(false);
    expect(a1(disk)).toBe('départ');
    others[0]!.kill();
    await new Promise((done) => setTimeout(done, 100));
    expect(await disk.refresh()).toBe(true);
    expect(a1(disk)).toBe('importé');
  });

  it('saves only every so often while it holds the workbook for a long run, and at the end', async () => {
    const path = await workbookIn();
    const disk = await DiskWorkbook.open(path, { command: 'repere import' });
    const onDisk = async () => (await loadWorkbook(path)).sheets[0]!.cells.length;
    await disk.hold(async () => {
      for (let i = 1; i <= 3; i++) {
        await disk.write((model) => {
          model.sheets[0]!.cells[i] = [{ v: `ligne ${i}` }];
          touch(model);
        });
      }
      expect(await onDisk()).toBe(1);
      expect(existsSync(lockFileOf(path))).toBe(true);
      await disk.checkpoint();
      expect(await onDisk()).toBe(4);
    }, { saveEveryMs: 60_000 });
    expect(existsSync(lockFileOf(path))).toBe(false);
  });

  it('removes the temporary file a killed save left, and nothing else', async () => {
    const path = await workbookIn();
    const dir = join(path, '..');
    writeFileSync(join(dir, '.registre.xlsx.99999.1764160000000.tmp'), 'moitié de classeur');
    writeFileSync(join(dir, '.autre.xlsx.99999.1764160000000.tmp'), 'pas le nôtre');
    writeFileSync(join(dir, 'notes.tmp'), 'à garder');
    const disk = await DiskWorkbook.open(path, { command: 'repere start' });
    await disk.write(() => undefined);
    expect(readdirSync(dir).sort()).toEqual(['.autre.xlsx.99999.1764160000000.tmp', 'notes.tmp', 'registre.xlsx']);
  });
});
