import { describe, expect, it } from 'vitest';
import { setup } from './helpers';

describe('setValues parses strings like typing in a fr_FR spreadsheet', () => {
  it('turns "=1+1" into a formula that evaluates', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setValues([['=1+1', '=A1*3']]);
    expect(r.getFormulas()).toEqual([['=1+1', '=A1*3']]);
    expect(r.getValues()).toEqual([[2, 6]]);
  });
  it('gives an error string for an unknown function', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=FOO(1)');
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
  });
  it('counts the filled cells of a range of another tab, live, and joins text with quotes in it', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("Réponses d'E1");
    other.getRange('B2:B4').setValues([['oui'], [''], [3]]);
    sheet.getRange('A1').setValue(`="Il y a ""déjà"" "&(1+COUNTA('Réponses d''E1'!$B$2:$B$5))&" réponse(s)."`);
    expect(sheet.getRange('A1').getValue()).toBe('Il y a "déjà" 3 réponse(s).');
    other.getRange('B5').setValue(new Date(2024, 0, 2));
    expect(sheet.getRange('A1').getValue()).toBe('Il y a "déjà" 4 réponse(s).');
    sheet.getRange('A2').setValue("=COUNTA('Pas là'!A1:A3)");
    expect(sheet.getRange('A2').getValue()).toBe('#REF!');
  });
  it('reads "007" as 7, "3,5" as 3.5 and booleans in French', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 1, 5);
    r.setValues([['007', '3,5', 'VRAI', 'false', '1 234,5']]);
    expect(r.getValues()).toEqual([[7, 3.5, true, false, 1234.5]]);
  });
  it('keeps "3,5" as text in en_US, where "3.5" is the number', () => {
    const { sheet } = setup({ locale: 'en_US' });
    const r = sheet.getRange('A1:C1');
    r.setValues([['3,5', '3.5', 'VRAI']]);
    expect(r.getValues()).toEqual([['3,5', 3.5, 'VRAI']]);
  });
  it('turns ISO and dd/mm/yyyy strings into dates at midnight in the spreadsheet time zone', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setValues([['2024-01-02', '02/01/2024']]);
    const [a, b] = r.getValues()[0]!;
    expect(a).toBeInstanceOf(Date);
    expect((a as Date).toISOString()).toBe('2024-01-01T23:00:00.000Z');
    expect((b as Date).getTime()).toBe((a as Date).getTime());
    expect(r.getDisplayValues()).toEqual([['02/01/2024', '02/01/2024']]);
  });
  it('stores a quote-prefixed formula as text, without the quote', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1');
    r.setValues([["'=1+1", "'007", "'VRAI"]]);
    expect(r.getValues()).toEqual([['=1+1', '007', 'VRAI']]);
    expect(r.getFormulas()).toEqual([['', '', '']]);
  });
  it('leaves strings alone in a cell formatted as plain text "@"', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1');
    r.setNumberFormat('@');
    r.setValues([['=1+1', '007', '2024-01-02']]);
    expect(r.getValues()).toEqual([['=1+1', '007', '2024-01-02']]);
    expect(r.getNumberFormat()).toBe('@');
  });
  it('stores numbers, booleans and Dates as such, and null as empty', () => {
    const { sheet } = setup();
    const d = new Date('2024-03-04T10:00:00Z');
    const r = sheet.getRange('A1:E1');
    r.setValues([[1.5, true, d, null, undefined]]);
    const v = r.getValues()[0]!;
    expect(v.slice(0, 2)).toEqual([1.5, true]);
    expect((v[2] as Date).getTime()).toBe(d.getTime());
    expect(v.slice(3)).toEqual(['', '']);
  });
  it('returns "" for empty cells and always a full rectangle', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue('x');
    expect(sheet.getRange('A1:C2').getValues()).toEqual([['', '', ''], ['', 'x', '']]);
  });
  it('throws like Google when the data does not match the range', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([['a']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });
  it('refuses a cell of more than 50,000 characters and writes nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([['ok', 'x'.repeat(50_001)]])).toThrow(/50000 characters/);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });
  it('enforces a strict list validation', () => {
    const { g, sheet } = setup();
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(['oui', 'non'], true).setAllowInvalid(false).setHelpText('?').build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    sheet.getRange('A1').setValue('oui');
    expect(() => sheet.getRange('A2').setValue('peut-être')).toThrow(/violates the data validation rules/);
    expect(sheet.getRange('A3').getDataValidation()!.getCriteriaValues()).toEqual([['oui', 'non'], true]);
    expect(String(sheet.getRange('A3').getDataValidation()!.getCriteriaType())).toBe('VALUE_IN_LIST');
  });
  it('keeps notes, number formats and styles', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setNotes([['n1', null]]).setFontWeight('bold').setBackground('#ff0000').setNumberFormat('0.00');
    r.setValues([[1.5, 2]]);
    expect(r.getNotes()).toEqual([['n1', '']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(r.getDisplayValues()).toEqual([['1,50', '2,00']]);
    r.clearContent();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getNote()).toBe('n1');
  });
  it('finds text with a TextFinder', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([['abc', 'x'], ['ab', 'abc']]);
    const all = sheet.createTextFinder('abc').matchEntireCell(true).findAll();
    expect(all.map((r) => r.getA1Notation())).toEqual(['A1', 'B2']);
    const f = sheet.createTextFinder('ab');
    expect(f.findNext()!.getA1Notation()).toBe('A1');
    expect(f.findNext()!.getA1Notation()).toBe('A2');
  });
});

describe('grid bounds', () => {
  it('reports the last non-empty row and column', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });
  it('throws outside the grid, until rows or columns are inserted', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertRowsAfter(1000, 10);
    sheet.insertColumnsAfter(26, 1);
    sheet.getRange(1010, 27).setValue(1);
    expect(sheet.getRange('AA1010').getValue()).toBe(1);
  });
  it('gives whole columns in A1 and offsets', () => {
    const { sheet } = setup();
    const c = sheet.getRange('C:C');
    expect([c.getA1Notation(), c.getNumRows(), c.getColumn()]).toEqual(['C:C', 1000, 3]);
    expect(sheet.getRange('B2').offset(1, 1, 2, 2).getA1Notation()).toBe('C3:D4');
  });
});
