// A workbook open in LibreOffice or Excel: their own lock files beside it are recognised (a real LibreOffice one, an
// Excel owner file as documented), and while one is there an action that would write is undone in memory and refused
// in French — the file is not touched — while reading goes on; once the program is closed, writing works again.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskWorkbook, lockFileOf } from '../../../apps-script/local/disk-workbook';
import { touch } from '../../../apps-script/local/emulator/model';
import { findOfficeLock, WorkbookOpenElsewhereError } from '../../../apps-script/local/office-lock';
import { loadWorkbook, saveWorkbook } from '../../../apps-script/local/workbook-file';

const LIBREOFFICE_LOCK = 'tests/fixtures/local/libreoffice-lock-file';

async function workbookIn(name = 'registre.xlsx'): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'repere-office-')), name);
  const model = await loadWorkbook(path);
  model.sheets[0]!.cells[0] = [{ v: 'départ' }];
  await saveWorkbook(model, path);
  return path;
}

/** Excel's owner file: the length of the user's name in one byte, the name, spaces up to 54 bytes, then more. */
function excelOwnerFile(user: string): Buffer {
  const head = Buffer.alloc(54, 0x20);
  head[0] = user.length;
  head.write(user, 1, 'latin1');
  return Buffer.concat([head, Buffer.alloc(2), Buffer.from(user, 'utf16le'), Buffer.alloc(165 - 56 - user.length * 2)]);
}

const libreOfficeLockOf = (path: string) => join(path, '..', `.~lock.${path.split('/').pop()}#`);

describe('a workbook open in a spreadsheet program', () => {
  it('is recognised from LibreOffice’s lock file, with who opened it and when', async () => {
    const path = await workbookIn();
    expect(await findOfficeLock(path)).toBeNull();
    copyFileSync(LIBREOFFICE_LOCK, libreOfficeLockOf(path));
    expect(await findOfficeLock(path)).toEqual({ program: 'LibreOffice', file: '.~lock.registre.xlsx#', user: 'root', since: '01.12.2026 00:05' });
    // The name chosen in LibreOffice's options comes first, escaped commas included.
    writeFileSync(libreOfficeLockOf(path), 'Marie Dupont\\, accueil,marie,poste-3,02.12.2026 09:41,file:///home/marie/.config/libreoffice/4;');
    expect(await findOfficeLock(path)).toMatchObject({ user: 'Marie Dupont, accueil', since: '02.12.2026 09:41' });
  });

  it('is recognised from Excel’s owner file, under either of its names', async () => {
    const path = await workbookIn('suivi-impact.xlsx');
    writeFileSync(join(path, '..', '~$suivi-impact.xlsx'), excelOwnerFile('Marie Dupont'));
    expect(await findOfficeLock(path)).toEqual({ program: 'Excel', file: '~$suivi-impact.xlsx', user: 'Marie Dupont', since: '' });
    rmSync(join(path, '..', '~$suivi-impact.xlsx'));
    writeFileSync(join(path, '..', '~$ivi-impact.xlsx'), excelOwnerFile('Paul'));
    expect(await findOfficeLock(path)).toMatchObject({ program: 'Excel', file: '~$ivi-impact.xlsx', user: 'Paul' });
  });

  it('makes an action that would write undo its changes and say so in French, the file untouched; reading goes on', async () => {
    const path = await workbookIn();
    const disk = await DiskWorkbook.open(path, { command: 'repere start' });
    const undone: string[] = [];
    disk.onReload((model, cause) => undone.push(`${cause}:${String(model.sheets[0]!.cells[0]![0]!.v)}`));
    copyFileSync(LIBREOFFICE_LOCK, libreOfficeLockOf(path));
    const before = readFileSync(path);

    const error = await disk
      .write((model) => {
        model.sheets[0]!.cells[0]![0]!.v = 'écrit pendant que LibreOffice l’a ouvert';
        touch(model);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookOpenElsewhereError);
    expect((error as Error).message).toBe(
      'Le classeur « registre.xlsx » est ouvert dans LibreOffice (par root depuis le 01.12.2026 à 00:05). ' +
        'Repère n’y a rien écrit, pour ne pas effacer ce qui s’y tape ni être effacé à son enregistrement. ' +
        'Enregistrez et fermez le classeur dans LibreOffice, puis recommencez. S’il n’y est plus ouvert, supprimez le fichier « .~lock.registre.xlsx# » à côté du classeur.',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(lockFileOf(path))).toBe(false);
    expect(disk.model.sheets[0]!.cells[0]![0]!.v).toBe('départ');
    expect(undone).toEqual(['undone:départ']);
    // Reading needs no write: it goes on.
    expect(await disk.write((model) => model.sheets[0]!.cells[0]![0]!.v)).toBe('départ');
    // A long run (an import) is refused before it starts.
    await expect(disk.hold(async () => 'importé', { saveEveryMs: 1000 })).rejects.toBeInstanceOf(WorkbookOpenElsewhereError);

    rmSync(libreOfficeLockOf(path));
    await disk.write((model) => {
      model.sheets[0]!.cells[0]![0]!.v = 'écrit une fois LibreOffice fermé';
      touch(model);
    });
    expect((await loadWorkbook(path)).sheets[0]!.cells[0]![0]!.v).toBe('écrit une fois LibreOffice fermé');
  });
});
