// A formula keeps naming the same cells when rows or columns are inserted or deleted, or when a tab is renamed: Sheets
// rewrites its references then (the import's Journal line counts the rows of a responses tab this way).
import { describe, expect, it } from 'vitest';
import { setup } from './helpers';

function counting() {
  const { ss, sheet } = setup();
  const answers = ss.insertSheet('Réponses E1');
  answers.getRange('B1:B4').setValues([['Importée le'], ['a'], ['b'], ['c']]);
  const cell = sheet.getRange('A1');
  cell.setFormula(`="Dans l'onglet : "&COUNTA('Réponses E1'!$B$2:$B$4)&" sur 3, lu en 'Réponses E1'!B2"`);
  return { ss, sheet, answers, cell };
}

describe('references in formulas follow what they name', () => {
  it('shift with rows inserted before the range, grow with rows inserted inside, stay for rows after', () => {
    const { answers, cell } = counting();
    answers.insertRowsBefore(2, 4);
    expect(cell.getFormula()).toBe(`="Dans l'onglet : "&COUNTA('Réponses E1'!$B$6:$B$8)&" sur 3, lu en 'Réponses E1'!B2"`);
    expect(cell.getValue()).toBe("Dans l'onglet : 3 sur 3, lu en 'Réponses E1'!B2");
    answers.insertRowsAfter(6, 2);
    expect(cell.getFormula()).toContain("COUNTA('Réponses E1'!$B$6:$B$10)");
    answers.insertRowsAfter(10, 5);
    expect(cell.getFormula()).toContain("COUNTA('Réponses E1'!$B$6:$B$10)");
    expect(cell.getValue()).toBe("Dans l'onglet : 3 sur 3, lu en 'Réponses E1'!B2");
  });

  it('shift and shrink with rows deleted, and become #REF! when all they named is gone', () => {
    const { answers, cell } = counting();
    answers.insertRowsBefore(2, 2);
    answers.deleteRows(1, 2);
    expect(cell.getFormula()).toContain("COUNTA('Réponses E1'!$B$2:$B$4)");
    answers.deleteRow(3);
    expect(cell.getFormula()).toContain("COUNTA('Réponses E1'!$B$2:$B$3)");
    expect(cell.getValue()).toBe("Dans l'onglet : 2 sur 3, lu en 'Réponses E1'!B2");
    answers.deleteRows(2, 2);
    expect(cell.getFormula()).toContain('COUNTA(#REF!)');
    expect(cell.getValue()).toBe('#REF!');
  });

  it('follow columns inserted or deleted, on other tabs and on their own', () => {
    const { sheet, answers, cell } = counting();
    answers.insertColumnsBefore(1, 2);
    expect(cell.getFormula()).toContain("COUNTA('Réponses E1'!$D$2:$D$4)");
    answers.deleteColumn(1);
    expect(cell.getFormula()).toContain("COUNTA('Réponses E1'!$C$2:$C$4)");
    sheet.getRange('C1').setValue(2);
    sheet.getRange('D1').setFormula('=C1*3+A2');
    sheet.insertColumnsBefore(2, 1);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('E2').getFormula()).toBe('=D2*3+A3');
    expect(sheet.getRange('E2').getValue()).toBe(6);
  });

  it('take a renamed tab’s new name, and leave texts that only look like references alone', () => {
    const { ss, answers, cell } = counting();
    answers.setName("Réponses d'E1");
    expect(cell.getFormula()).toBe(`="Dans l'onglet : "&COUNTA('Réponses d''E1'!$B$2:$B$4)&" sur 3, lu en 'Réponses E1'!B2"`);
    expect(cell.getValue()).toBe("Dans l'onglet : 3 sur 3, lu en 'Réponses E1'!B2");
    ss.insertSheet('Réponses E1').getRange('B2').setValue('autre');
    expect(cell.getValue()).toBe("Dans l'onglet : 3 sur 3, lu en 'Réponses E1'!B2");
    ss.deleteSheet(answers);
    expect(cell.getFormula()).toContain('&COUNTA(#REF!)&');
    expect(cell.getValue()).toBe('#REF!');
  });

  it('read numbers written with an exponent as numbers, not as cells', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setFormula('=1E2+B1');
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('C2').getFormula()).toBe('=1E2+C1');
  });
});
