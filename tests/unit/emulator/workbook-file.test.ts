import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createAppsScriptServices } from '../../../apps-script/local/emulator';
import { loadWorkbook, saveWorkbook } from '../../../apps-script/local/workbook-file';

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
});
