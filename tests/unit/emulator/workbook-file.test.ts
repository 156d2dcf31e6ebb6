import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createAppsScriptServices } from '../../../apps-script/local/emulator';
import { createEmptyWorkbook } from '../../../apps-script/local/emulator';
import { loadWorkbook, META_SHEET, saveWorkbook } from '../../../apps-script/local/workbook-file';
import { UserError } from '../../../apps-script/local/user-error';

const tmp = () => mkdtempSync(join(tmpdir(), 'repere-wb-'));

async function sample() {
  const model = await loadWorkbook(join(tmp(), 'missing.xlsx'));
  const { globals: g } = createAppsScriptServices({ model });
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  const obs = ss.insertSheet('Observations');
  obs.addDeveloperMetadata('repere:tab', 'observations');
  obs.getRange('C:C').addDeveloperMetadata('repere:col', 'quote');
  obs.getRange('A:A').setNumberFormat('@');
  obs.getRange('A1:D3').setValues([
    ['007', 'texte', 'citation', '2024-01-02'],
    ['=1', 3.5, true, new Date('2024-05-06T12:30:00Z')],
    ['x', '=2*3', "'=danger", null],
  ]);
  obs.getRange('B1').setNote('une note').setFontWeight('bold').setBackground('#ffcc00');
  obs.getRange('E2:E5').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['oui', 'non']).setAllowInvalid(false).build());
  obs.getRange('F2').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['a, b', 'c']).build());
  obs.setFrozenRows(1);
  obs.setColumnWidth(3, 280);
  obs.protect().setWarningOnly(true).setDescription('Repère');
  obs.insertChart(obs.newChart().addRange(obs.getRange('A1:B3')).asBarChart().setOption('title', 'T').build());
  g.PropertiesService.getDocumentProperties().setProperty('secretHash', 'abc');
  ss.addDeveloperMetadata('repere:version', '1');
  sheet.hideSheet();
  return { model, g };
}

describe('the .xlsx workbook file', () => {
  it('gives a new workbook with one sheet "Feuille 1" when the file is missing', async () => {
    const model = await loadWorkbook(join(tmp(), 'none.xlsx'));
    expect(model.sheets.map((s) => s.name)).toEqual(['Feuille 1']);
    expect(model.locale).toBe('fr_FR');
  });

  it('round-trips values, formats, notes, validations, styles, metadata and properties', async () => {
    const { model } = await sample();
    const path = join(tmp(), 'registre.xlsx');
    await saveWorkbook(model, path);
    expect(model.dirty).toBe(false);
    const back = await loadWorkbook(path);
    const { globals: g } = createAppsScriptServices({ model: back });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getId()).toBe(model.id);
    const obs = ss.getSheetByName('Observations')!;
    const v = obs.getRange('A1:D3').getValues();
    expect(v[0]!.slice(0, 3)).toEqual(['007', 'texte', 'citation']);
    expect((v[0]![3] as Date).toISOString()).toBe('2024-01-01T23:00:00.000Z');
    expect(v[1]!.slice(0, 3)).toEqual(['=1', 3.5, true]);
    expect((v[1]![3] as Date).toISOString()).toBe('2024-05-06T12:30:00.000Z');
    expect(v[2]!.slice(0, 3)).toEqual(['x', 6, '=danger']);
    expect(obs.getRange('B3').getFormula()).toBe('=2*3');
    expect(obs.getRange('A1').getNumberFormat()).toBe('@');
    expect(obs.getRange('B1').getNote()).toBe('une note');
    expect(obs.getRange('B1').getFontWeight()).toBe('bold');
    expect(obs.getRange('B1').getBackground()).toBe('#ffcc00');
    const dv = obs.getRange('E3').getDataValidation()!;
    expect([dv.getCriteriaValues()[0], dv.getAllowInvalid()]).toEqual([['oui', 'non'], false]);
    expect(obs.getRange('F2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['a, b', 'c']);
    expect(obs.getFrozenRows()).toBe(1);
    expect(obs.getColumnWidth(3)).toBe(280);
    expect(obs.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)[0]!.isWarningOnly()).toBe(true);
    expect(obs.getCharts()[0]!.getOptions().get('title')).toBe('T');
    expect(ss.getSheets()[0]!.isSheetHidden()).toBe(true);
    expect(g.PropertiesService.getDocumentProperties().getProperty('secretHash')).toBe('abc');
    expect(ss.getDeveloperMetadata()[0]!.getValue()).toBe('1');
    const col = ss.createDeveloperMetadataFinder().withKey('repere:col').find()[0]!.getLocation().getColumn()!;
    expect(col.getA1Notation()).toBe('C:C');
    // The hidden sheet is not a tab the script sees.
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Feuille 1', 'Observations']);
  });

  it('keeps tab and column metadata when a spreadsheet program renames the tab and inserts a column', async () => {
    const { model } = await sample();
    const path = join(tmp(), 'registre.xlsx');
    await saveWorkbook(model, path);
    // What Excel or LibreOffice does: the tab's name and every reference to it change; references shift.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('Observations')!.name = 'Mes observations';
    const names = wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> };
    names.model = names.model.map((dn) => ({
      name: dn.name,
      ranges: dn.ranges.map((r) => r.replace(/^'?Observations'?!/, "'Mes observations'!").replace('$C$1', '$D$1')),
    }));
    await wb.xlsx.writeFile(path);
    const back = await loadWorkbook(path);
    const { globals: g } = createAppsScriptServices({ model: back });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const tab = ss.createDeveloperMetadataFinder().withKey('repere:tab').find()[0]!.getLocation().getSheet()!;
    expect(tab.getName()).toBe('Mes observations');
    const col = ss.createDeveloperMetadataFinder().withKey('repere:col').find()[0]!.getLocation().getColumn()!;
    expect([col.getSheet().getName(), col.getA1Notation()]).toEqual(['Mes observations', 'D:D']);
  });

  it('splits a large JSON store across cells of the hidden sheet', async () => {
    const { model, g } = await sample();
    const p = g.PropertiesService.getScriptProperties();
    for (let i = 0; i < 10; i++) p.setProperty(`k${i}`, 'é'.repeat(4000));
    const path = join(tmp(), 'big.xlsx');
    await saveWorkbook(model, path);
    const back = await loadWorkbook(path);
    expect(back.properties.script.k9).toBe('é'.repeat(4000));
  });

  it('leaves the previous file intact when writing the temporary file fails', async () => {
    const { model } = await sample();
    const dir = tmp();
    const path = join(dir, 'registre.xlsx');
    await saveWorkbook(model, path);
    const before = readFileSync(path);
    model.sheets[0]!.name = 'Changé';
    model.dirty = true;
    await expect(
      saveWorkbook(model, path, {
        writeTemp: async (file, data) => {
          await file.write(data.subarray(0, 100));
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['registre.xlsx']);
    expect(model.dirty).toBe(true);
    expect((await loadWorkbook(path)).sheets[0]!.name).toBe('Feuille 1');
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('opens in LibreOffice', async () => {
    const { model } = await sample();
    const dir = tmp();
    const path = join(dir, 'registre.xlsx');
    model.sheets.reverse(); // the CSV export takes the first sheet
    await saveWorkbook(model, path);
    execFileSync('/usr/bin/soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, path], { timeout: 60_000, env: { ...process.env, HOME: dir } });
    const csv = readFileSync(join(dir, 'registre.csv'), 'utf8');
    expect(csv).toContain('007');
    expect(csv).toContain('=danger');
    writeFileSync(join(dir, 'seen.csv'), csv);
  }, 90_000);

  /** Texts that the format escapes, or that readers decode or normalise: each must come back as typed. */
  const TRICKY = [
    '_xFFFF_', '_x0000_', '_x005F_', '_x00e9_', '_x0022_ « entre guillemets »', '__x0041__', '_x41_',
    'retour\rchariot', 'fin de ligne Windows\r\n', '\r', 'nul \u0000 ici', 'contrôle \u0001\u0008\u000B\u000C\u001B\u001F\u007F',
    "'=1+1", "'apostrophe", '45%', ' espaces autour ', '\tonglet', 'é😀\u0085\u2028', '',
  ];

  async function roundTrip(model: ReturnType<typeof createEmptyWorkbook>): Promise<ReturnType<typeof createEmptyWorkbook>> {
    const path = join(tmp(), 'aller-retour.xlsx');
    await saveWorkbook(model, path);
    const once = await loadWorkbook(path);
    once.dirty = true;
    await saveWorkbook(once, path);
    return loadWorkbook(path);
  }

  it('brings every text back byte for byte, in cells and notes, after a second save', async () => {
    const model = createEmptyWorkbook();
    const sheet = model.sheets[0]!;
    TRICKY.forEach((text, i) => {
      sheet.cells[i] = [{ v: text === '' ? null : text, note: `note ${text}` }];
    });
    const back = (await roundTrip(model)).sheets[0]!;
    TRICKY.forEach((text, i) => {
      expect(back.cells[i]?.[0]?.v ?? '', JSON.stringify(text)).toBe(text);
      if (text !== '') expect(back.cells[i]?.[0]?.note, JSON.stringify(text)).toBe(`note ${text}`);
    });
  });

  it('writes U+FFFD for what no file can hold (lone surrogates, U+FFFE, U+FFFF) instead of an unreadable file', async () => {
    const model = createEmptyWorkbook();
    model.sheets[0]!.cells[0] = [{ v: 'a\uFFFEb\uFFFFc\uD800d\uDC00e😀' }];
    expect((await roundTrip(model)).sheets[0]!.cells[0]![0]!.v).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀');
  });

  it('keeps the hidden metadata whole whatever text it holds', async () => {
    const model = createEmptyWorkbook();
    TRICKY.forEach((text, i) => {
      model.metadata.push({ id: i + 1, key: 'repere:question', value: text, visibility: 'DOCUMENT', location: { type: 'SPREADSHEET' } });
      model.properties.document[`k${i}`] = text;
    });
    model.sheets[0]!.name = 'Réponses _x0022_';
    const back = await roundTrip(model);
    expect(back.metadata.map((m) => m.value)).toEqual(TRICKY);
    expect(back.properties.document).toEqual(model.properties.document);
    expect(back.id).toBe(model.id);
  });

  async function damage(edit: (cells: string[]) => string[]): Promise<string> {
    const { model } = await sample();
    const path = join(tmp(), 'registre.xlsx');
    await saveWorkbook(model, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet(META_SHEET)!;
    const cells = Array.from({ length: ws.rowCount }, (_, r) => String(ws.getCell(r + 1, 1).value ?? ''));
    const edited = edit(cells);
    for (let r = 1; r <= Math.max(cells.length, edited.length); r++) ws.getCell(r, 1).value = edited[r - 1] ?? null;
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('stops with a French error, and leaves the file as it is, when the hidden block was cut or altered', async () => {
    const cut = await damage((cells) => cells.map((c, i) => (i === 1 ? c.slice(0, -10) : c)));
    const altered = await damage((cells) => cells.map((c, i) => (i === 1 ? c.replace('Observations', 'Observatoire') : c)));
    const headless = await damage((cells) => ['Feuille de notes', ...cells.slice(1)]);
    for (const path of [cut, altered, headless]) {
      const before = readFileSync(path);
      const error = await loadWorkbook(path).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/^Les réglages de Repère enregistrés dans « .+ » \(feuille cachée « _repere »\) sont illisibles : il a été (tronqué|modifié)|son en-tête manque/);
      expect((error as Error).message).toContain('Rien n’a été modifié');
      expect(readFileSync(path).equals(before)).toBe(true);
    }
  });

  it('still reads a workbook saved before the armour (raw JSON), and refuses one whose JSON a decoded `_x0022_` broke', async () => {
    const legacy = await damage((cells) => [cells.slice(1).join('')]);
    const back = await loadWorkbook(legacy);
    expect(back.metadata.find((m) => m.key === 'repere:tab')?.value).toBe('observations');
    expect(back.properties.document.secretHash).toBe('abc');
    const broken = await damage((cells) => [cells.slice(1).join('').replace('"observations"', '"obs"ervations"')]);
    await expect(loadWorkbook(broken)).rejects.toThrow('son contenu n’est plus du JSON');
  });
});
