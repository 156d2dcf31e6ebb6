// What a person types in the local page goes through the emulation's setValue (Sheets' typing rules), only into tabs
// people type into and below the header; a dropdown that forbids other values refuses them with its list; rows are
// added and deleted; the last edits are undone one by one, unless what they wrote was changed since.
import { describe, expect, it } from 'vitest';
import { TAB_METADATA_KEY } from '../../../shared/contract/tabs';
import { PageEdits } from '../../../apps-script/local/page-edits';
import { setup } from '../emulator/helpers';

function registry() {
  const env = setup();
  const { ss, sheet, g } = env;
  sheet.setName('Indicateurs');
  sheet.addDeveloperMetadata(TAB_METADATA_KEY, 'indicators');
  sheet.getRange(1, 1, 1, 4).setValues([['Code', 'Valeur de référence', 'Sens souhaité', 'Nature']]);
  sheet.getRange(2, 4, 999, 1).setNumberFormat('@');
  sheet.setFrozenRows(1);
  const strict = g.SpreadsheetApp.newDataValidation().requireValueInList(['hausse', 'baisse', 'stabilité'], true).setAllowInvalid(false).setHelpText('Ce qui serait un progrès.').build();
  sheet.getRange(2, 3, 999, 1).setDataValidation(strict);
  const board = ss.insertSheet('Tableau de bord');
  board.addDeveloperMetadata(TAB_METADATA_KEY, 'dashboard');
  const journal = ss.insertSheet('Journal');
  journal.addDeveloperMetadata(TAB_METADATA_KEY, 'journal');
  const id = (name: string) => ss.getSheetByName(name)!.getSheetId();
  return { ...env, edits: new PageEdits(), id, app: g.SpreadsheetApp };
}

describe('typing in the local page', () => {
  it('follows Sheets’ typing rules: numbers and dates typed in French, text kept in a text column', () => {
    const { model, edits, app, id } = registry();
    const cell = (row: number, column: number) => model.sheets[0]!.cells[row - 1]?.[column - 1];
    expect(edits.editCell(model, app, { sheetId: id('Indicateurs'), row: 2, column: 2, value: '12,5' })).toEqual({ ok: true, message: 'Indicateurs!B2 enregistrée.' });
    expect(cell(2, 2)?.v).toBe(12.5);
    edits.editCell(model, app, { sheetId: id('Indicateurs'), row: 3, column: 4, value: '00123' });
    expect(cell(3, 4)?.v).toBe('00123');
    edits.editCell(model, app, { sheetId: id('Indicateurs'), row: 4, column: 2, value: '03/04/2026' });
    expect(cell(4, 2)?.v).toBeInstanceOf(Date);
  });

  it('refuses what a forbidding dropdown does not list, with the list and its note', () => {
    const { model, edits, app, id } = registry();
    expect(edits.editCell(model, app, { sheetId: id('Indicateurs'), row: 2, column: 3, value: 'hauss' })).toEqual({
      ok: false,
      error: 'Indicateurs!C2 : « hauss » n’est pas dans la liste. Choisissez parmi : hausse, baisse, stabilité. (Ce qui serait un progrès.)',
    });
    expect(model.sheets[0]!.cells[1]?.[2]?.v ?? null).toBeNull();
    expect(edits.editCell(model, app, { sheetId: id('Indicateurs'), row: 2, column: 3, value: 'baisse' }).ok).toBe(true);
  });

  it('leaves computed tabs, the Journal and the header row alone, saying why', () => {
    const { model, edits, app, id } = registry();
    const before = model.revision;
    expect(edits.editCell(model, app, { sheetId: id('Tableau de bord'), row: 2, column: 1, value: 'x' })).toMatchObject({ ok: false, error: expect.stringContaining('calculé par Repère') });
    expect(edits.editCell(model, app, { sheetId: id('Journal'), row: 2, column: 1, value: 'x' })).toMatchObject({ ok: false, error: expect.stringContaining('journal de Repère') });
    expect(edits.editCell(model, app, { sheetId: id('Indicateurs'), row: 1, column: 1, value: 'x' })).toMatchObject({ ok: false, error: expect.stringContaining('ligne d’en-tête') });
    expect(edits.changeRows(model, app, { sheetId: id('Indicateurs'), action: 'delete', row: 1 }).ok).toBe(false);
    expect(model.revision).toBe(before);
  });

  it('adds and deletes rows, and undoes the last edits one by one', () => {
    const { model, edits, app, id } = registry();
    const codes = () => [2, 3, 4, 5].map((r) => model.sheets[0]!.cells[r - 1]?.[0]?.v ?? '');
    const sheetId = id('Indicateurs');
    edits.editCell(model, app, { sheetId, row: 2, column: 1, value: 'I1' });
    edits.editCell(model, app, { sheetId, row: 3, column: 1, value: 'I2' });
    expect(edits.changeRows(model, app, { sheetId, action: 'insert', row: 2 })).toEqual({ ok: true, message: 'Ligne 3 ajoutée dans « Indicateurs ».' });
    expect(codes()).toEqual(['I1', '', 'I2', '']);
    expect(edits.changeRows(model, app, { sheetId, action: 'delete', row: 2 })).toEqual({ ok: true, message: 'Ligne 2 supprimée de « Indicateurs ».' });
    expect(codes()).toEqual(['', 'I2', '', '']);
    expect(edits.undo(model, app)).toEqual({ ok: true, message: 'Annulé : la ligne 2 de « Indicateurs » est revenue.' });
    expect(codes()).toEqual(['I1', '', 'I2', '']);
    expect(edits.undo(model, app).ok).toBe(true);
    expect(codes()).toEqual(['I1', 'I2', '', '']);
    expect(edits.undo(model, app)).toEqual({ ok: true, message: 'Annulé : Indicateurs!A3 est revenue à ce qu’elle était.' });
    expect(codes()).toEqual(['I1', '', '', '']);
  });

  it('does not undo an edit whose cell was changed since, elsewhere', () => {
    const { model, edits, app, id, sheet } = registry();
    edits.editCell(model, app, { sheetId: id('Indicateurs'), row: 2, column: 1, value: 'I1' });
    sheet.getRange(2, 1).setValue('I9');
    expect(edits.undo(model, app)).toEqual({ ok: false, error: 'Indicateurs!A2 a changé depuis (ailleurs que dans cette page) : rien n’a été annulé.' });
    expect(model.sheets[0]!.cells[1]![0]!.v).toBe('I9');
    expect(edits.undo(model, app)).toEqual({ ok: false, error: 'Rien à annuler.' });
  });
});
