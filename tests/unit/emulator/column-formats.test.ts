// Formats and validations set down to the last row (setup's text columns and dropdowns): kept as column defaults,
// not one cell per row, in memory and in the .xlsx, and still honoured by every read and by row/column changes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createAppsScriptServices, type WorkbookModel } from '../../../apps-script/local/emulator';
import { loadWorkbook, saveWorkbook } from '../../../apps-script/local/workbook-file';
import { setup } from './helpers';

const tmp = () => mkdtempSync(join(tmpdir(), 'repere-colfmt-'));

function cellCount(model: WorkbookModel): number {
  return model.sheets.reduce((n, s) => n + s.cells.reduce((m, row) => m + (row ? row.filter(Boolean).length : 0), 0), 0);
}

/** A registry-like tab: headers in row 1, C text from row 2 with a strict dropdown on D, E a range dropdown. */
function registry(g: ReturnType<typeof setup>['g'], sheet: ReturnType<typeof setup>['sheet']) {
  const max = sheet.getMaxRows();
  sheet.getRange('A1:E1').setValues([['id', 'nom', 'code', 'statut', 'lien']]);
  sheet.getRange(2, 3, max - 1, 1).setNumberFormat('@');
  sheet.getRange(2, 4, max - 1, 1).setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['oui', 'non'], true).setAllowInvalid(false).build());
  const source = sheet.getRange(2, 1, max - 1, 1);
  sheet.getRange(2, 5, max - 1, 1).setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInRange(source, true).setAllowInvalid(true).setHelpText('Un id').build());
  sheet.getRange('A2:D2').setValues([['x1', 'Léa', '007', 'oui']]);
}

async function reload(model: WorkbookModel) {
  const path = join(tmp(), 'registre.xlsx');
  await saveWorkbook(model, path);
  const back = await loadWorkbook(path);
  const { globals: g } = createAppsScriptServices({ model: back });
  return { path, back, g, sheet: g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]! };
}

describe('formats and validations down whole columns', () => {
  it('keeps them as column defaults, not one cell per row', () => {
    const { g, sheet, model } = setup();
    registry(g, sheet);
    expect(cellCount(model)).toBeLessThan(20);
    expect(model.sheets[0]!.colDefaults.fmt[3]).toEqual({ fromRow: 2, value: '@' });
    expect(model.sheets[0]!.colDefaults.dv[4]!.fromRow).toBe(2);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('C1000').getNumberFormat()).toBe('@');
    expect(sheet.getRange('D1').getDataValidation()).toBeNull();
    expect(sheet.getRange('D999').getDataValidation()!.getCriteriaValues()[0]).toEqual(['oui', 'non']);
  });

  it('gives "@" for every row of a whole text column', () => {
    const { sheet } = setup();
    sheet.getRange('B:B').setNumberFormat('@');
    const formats = sheet.getRange('B:B').getNumberFormats();
    expect(formats).toHaveLength(1000);
    expect(formats.every((r) => r.length === 1 && r[0] === '@')).toBe(true);
    sheet.getRange(2, 3, sheet.getMaxRows() - 1, 1).setNumberFormat('@');
    const c = sheet.getRange('C:C').getNumberFormats().map((r) => r[0]);
    expect(c[0]).toBe('0.###############');
    expect(c.slice(1).every((f) => f === '@')).toBe(true);
    expect(sheet.getRange('B1:C3').getNumberFormats()).toEqual([
      ['@', '0.###############'],
      ['@', '@'],
      ['@', '@'],
    ]);
  });

  it('honours them when writing and displaying: text stays text, strict lists refuse other values', () => {
    const { g, sheet } = setup();
    registry(g, sheet);
    sheet.getRange('C800').setValue('0042');
    expect(sheet.getRange('C800').getValue()).toBe('0042');
    sheet.getRange('B800').setValue('0042');
    expect(sheet.getRange('B800').getValue()).toBe(42);
    expect(() => sheet.getRange('D900').setValue('peut-être')).toThrow('The data you entered in cell D900 violates the data validation rules set on this cell.');
    sheet.getRange('D900').setValue('non');
    sheet.getRange('E900').setValue('pas un id'); // allowInvalid: a warning only
    expect(sheet.getRange('C799:C800').getDisplayValues()).toEqual([[''], ['0042']]);
  });

  it('survives save and load natively: one column style and one validation per column', async () => {
    const { g, sheet, model } = setup();
    registry(g, sheet);
    const { path, back, sheet: s } = await reload(model);
    expect(back.sheets[0]!.colDefaults.fmt).toEqual({ 3: { fromRow: 2, value: '@' } });
    expect(Object.keys(back.sheets[0]!.colDefaults.dv)).toEqual(['4', '5']);
    expect(cellCount(back)).toBeLessThan(20);
    expect(s.getRange('C1').getNumberFormat()).toBe('0.###############');
    expect(s.getRange('C2').getValue()).toBe('007');
    expect(s.getRange('C1000').getNumberFormat()).toBe('@');
    const dv = s.getRange('D700').getDataValidation()!;
    expect([dv.getCriteriaValues()[0], dv.getAllowInvalid()]).toEqual([['oui', 'non'], false]);
    const link = s.getRange('E2').getDataValidation()!;
    expect(String(link.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(link.getCriteriaValues()[0]).toBe("'Feuille 1'!A2:A1000");
    expect(link.getHelpText()).toBe('Un id');
    expect(s.getRange('D1').getDataValidation()).toBeNull();
    expect(s.getColumnWidth(3)).toBe(100); // a styled column gets no width of its own
    // What a spreadsheet program sees.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.getColumn(3).numFmt).toBe('@');
    expect(ws.getCell('C1').numFmt ?? 'General').toBe('General');
    const dvs = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(new Set(Object.values(dvs)).size).toBe(2); // one <dataValidation sqref="D2:D1000"> and one for E
    expect(dvs.D2).toBe(dvs.D1000);
    expect(dvs.D1).toBeUndefined();
  });

  it('round-trips a column with no header, a list xlsx cannot hold, and a full-height area written elsewhere', async () => {
    const { g, sheet, model } = setup();
    sheet.getRange(3, 6, sheet.getMaxRows() - 2, 1).setNumberFormat('@'); // F1:F2 empty and automatic
    sheet.getRange(2, 7, sheet.getMaxRows() - 1, 1).setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['a, b', 'c']).build());
    const { path, back, sheet: s } = await reload(model);
    expect(back.sheets[0]!.colDefaults.fmt[6]).toEqual({ fromRow: 3, value: '@' });
    expect(back.sheets[0]!.colDefaults.dv[7]!.fromRow).toBe(2);
    expect(s.getRange('G900').getDataValidation()!.getCriteriaValues()[0]).toEqual(['a, b', 'c']);
    expect(cellCount(back)).toBeLessThan(5);
    // Another program may write a validation past the grid's last row (exceljs 4.4 expands every cell of an area on
    // read, so a whole-column H:H area of 1,048,576 rows would still cost seconds there).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    // exceljs types omit the worksheet's dataValidations, which its runtime has.
    (wb.worksheets[0] as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add('H2:H5000', { type: 'list', allowBlank: true, formulae: ['"x,y"'] });
    await wb.xlsx.writeFile(path);
    const again = await loadWorkbook(path);
    expect(again.sheets[0]!.maxRows).toBe(1000);
    expect(again.sheets[0]!.colDefaults.dv[8]!.fromRow).toBe(2);
    expect(cellCount(again)).toBeLessThan(5);
  });

  it('keeps a value typed below the last written row as text after reload', async () => {
    const { g, sheet, model } = setup();
    registry(g, sheet);
    const first = await reload(model);
    first.sheet.getRange('C500').setValue('00123');
    expect(() => first.sheet.getRange('D500').setValue('bof')).toThrow(/violates the data validation rules/);
    const second = await reload(first.back);
    expect(second.sheet.getRange('C500').getValue()).toBe('00123');
    second.sheet.getRange('C600').setValue('1e3');
    expect(second.sheet.getRange('C600').getValue()).toBe('1e3');
    expect(second.sheet.getLastRow()).toBe(600);
  });

  it('lets a cell override its column, in memory and after reload', async () => {
    const { g, sheet, model } = setup();
    registry(g, sheet);
    sheet.getRange('C5').setNumberFormat('0.00');
    sheet.getRange('C6').clearFormat();
    sheet.getRange('D7').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build());
    sheet.getRange('D8').setDataValidation(null);
    sheet.getRange('C9:C10').setNumberFormat('@'); // the same as the column: no override kept
    const check = (s: typeof sheet) => {
      expect(s.getRange('C4:C7').getNumberFormats().map((r) => r[0])).toEqual(['@', '0.00', '0.###############', '@']);
      expect(s.getRange('D7').getDataValidation()!.getCriteriaValues()[0]).toEqual(['a', 'b']);
      expect(s.getRange('D8').getDataValidation()).toBeNull();
      expect(s.getRange('D9').getDataValidation()!.getCriteriaValues()[0]).toEqual(['oui', 'non']);
    };
    check(sheet);
    expect(model.sheets[0]!.cells[8]?.[2]).toBeUndefined();
    sheet.getRange('C6').setValue('0042');
    expect(sheet.getRange('C6').getValue()).toBe(42);
    const { sheet: s, back } = await reload(model);
    check(s);
    expect(s.getRange('C6').getValue()).toBe(42);
    expect(back.sheets[0]!.colDefaults.fmt[3]!.fromRow).toBe(2);
    expect(back.sheets[0]!.colDefaults.dv[4]!.fromRow).toBe(2);
  });

  it('grows with the grid and follows inserted, deleted and moved rows', () => {
    const { g, sheet } = setup();
    registry(g, sheet);
    sheet.insertRowsAfter(sheet.getMaxRows(), 50); // new rows at the end inherit, as in Sheets
    expect(sheet.getMaxRows()).toBe(1050);
    expect(sheet.getRange('C1050').getNumberFormat()).toBe('@');
    expect(sheet.getRange('D1050').getDataValidation()).not.toBeNull();
    sheet.insertRowBefore(10); // inside
    expect(sheet.getRange('C10').getNumberFormat()).toBe('@');
    sheet.insertRowsAfter(1, 2); // after the header: takes the header's (no) format
    expect(sheet.getRange('C2:C5').getNumberFormats().map((r) => r[0])).toEqual(['0.###############', '0.###############', '@', '@']);
    expect(sheet.getRange('C4').getValue()).toBe('007');
    sheet.insertRowsBefore(4, 1); // before the first formatted row: takes its format
    expect(sheet.getRange('C4').getNumberFormat()).toBe('@');
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('C1:C2').getNumberFormats().map((r) => r[0])).toEqual(['0.###############', '@']);
    expect(sheet.getRange('D2').getDataValidation()).not.toBeNull();
    // Moving the header down: the row that comes up to the top keeps its format as its own.
    sheet.moveRows(sheet.getRange('1:1'), 4);
    expect(sheet.getRange('C1:C4').getNumberFormats().map((r) => r[0])).toEqual(['@', '@', '0.###############', '@']);
    expect(sheet.getRange('C3').getValue()).toBe('code');
    expect(sheet.getRange('C2').getValue()).toBe('007');
    expect(sheet.getRange('C' + sheet.getMaxRows()).getNumberFormat()).toBe('@');
  });

  it('follows inserted, deleted and moved columns', () => {
    const { g, sheet } = setup();
    registry(g, sheet);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('D500').getNumberFormat()).toBe('@');
    expect(sheet.getRange('C500').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('E500').getDataValidation()).not.toBeNull();
    sheet.deleteColumn(2);
    expect(sheet.getRange('C500').getNumberFormat()).toBe('@');
    expect(sheet.getRange('D500').getDataValidation()).not.toBeNull();
    sheet.moveColumns(sheet.getRange('C:C'), 1);
    expect(sheet.getRange('A500').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A2').getValue()).toBe('007');
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1:Y1000').getNumberFormats().flat().every((f) => f === '0.###############')).toBe(true);
  });

  it('is cleared by clearing the column or the sheet', () => {
    const { g, sheet, model } = setup();
    registry(g, sheet);
    // The top part keeps the format (as formats of its own cells: a column has one default, from a row down).
    sheet.getRange('C500:C1000').clearFormat();
    expect(sheet.getRange('C499').getNumberFormat()).toBe('@');
    expect(sheet.getRange('C500').getNumberFormat()).toBe('0.###############');
    sheet.getRange('D:D').clearDataValidations();
    expect(sheet.getRange('D2').getDataValidation()).toBeNull();
    expect(model.sheets[0]!.colDefaults.dv[4]).toBeUndefined();
    sheet.clearFormats();
    expect(sheet.getRange('C2').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('C2').getValue()).toBe('007');
    expect(model.sheets[0]!.cells.flat().some((c) => c?.fmt !== undefined)).toBe(false);
  });
});
