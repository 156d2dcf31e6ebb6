/**
 * What a person types in the local page: a cell of a tab people type into, set through the emulation's setValue (so
 * « 12,5 », « 03/04/2026 » or « =A1 » become what Sheets would make of them, and a text column keeps text), rows added
 * or deleted, and the last of these undone. Computed tabs, the Journal and the header row stay read-only; a value off a
 * dropdown that forbids others is refused with the column's note.
 */
import type { SpreadsheetAppService } from './emulator/spreadsheet';
import { cellA1 } from './emulator/a1';
import { getCell, isDate, touch, validationAt, type Cell, type SheetModel, type WorkbookModel } from './emulator/model';
import { dropdownValues, tabKindOf } from './page-view';
import { rowAsText } from './sheet-text';

export interface CellEdit {
  sheetId: number;
  row: number;
  column: number;
  value: string;
  /** The row as the page showed it: the edit is refused if it no longer reads so (changed or moved elsewhere since). */
  shown?: string[];
}

/**
 * The row an edit was made on as the page showed it, and the workbook's version it came from (`LocalRegistry`
 * checks the row only when the file was read again since: a change by another program may have moved the records).
 */
export interface RowSeen {
  version: string;
  shown: string[];
}

export interface RowChange {
  sheetId: number;
  action: 'insert' | 'delete';
  /** insert: the new row goes after this one; delete: this row goes. */
  row: number;
  /** delete: the row as the page showed it (see CellEdit). */
  shown?: string[];
}

export type EditReply = { ok: true; message: string } | { ok: false; error: string };

type Undo =
  | { kind: 'cell'; sheetId: number; row: number; column: number; before: Cell | undefined; after: Cell | undefined }
  | { kind: 'insert'; sheetId: number; row: number }
  | { kind: 'delete'; sheetId: number; row: number; cells: Array<Cell | undefined> };

/** Sheets' limit on what a cell holds. */
const MAX_CELL_CHARS = 50_000;
/** Edits kept for undo: the page undoes the last one, again and again. */
const MAX_UNDOS = 50;

function cloneCell(cell: Cell | undefined): Cell | undefined {
  if (!cell) return undefined;
  const copy: Cell = { ...cell, v: isDate(cell.v) ? new Date(cell.v.getTime()) : cell.v };
  if (cell.st) copy.st = { ...cell.st };
  if (cell.dv) copy.dv = { ...cell.dv, values: [...cell.dv.values] };
  return copy;
}

const sameCell = (a: Cell | undefined, b: Cell | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Texts without the empty ones at the end (a row shown before a column was added reads the same). */
function trimmed(texts: readonly string[]): string[] {
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end--;
  return texts.slice(0, end);
}

/**
 * Why the row the page showed is not the row there now, or null when it is: another program (a `repere import`, the
 * workbook saved in LibreOffice) changed or moved it since, and an edit meant for one record would land on another.
 */
function moved(model: WorkbookModel, sheet: SheetModel, row: number, shown: readonly string[] | undefined): string | null {
  if (!shown || JSON.stringify(trimmed(rowAsText(model, sheet, row))) === JSON.stringify(trimmed(shown))) return null;
  return `La ligne ${row} de « ${sheet.name} » a changé depuis que la page l’a affichée (le classeur a été modifié ailleurs) : rien n’a été enregistré. La page est à jour : recommencez.`;
}

const refused = (error: string): EditReply => ({ ok: false, error });

export class PageEdits {
  private readonly undos: Undo[] = [];

  /** The sheet a person may type into at `row`, or why not. */
  private writable(model: WorkbookModel, sheetId: number, row: number): SheetModel | string {
    const sheet = model.sheets.find((s) => s.sheetId === sheetId);
    if (!sheet) return 'Cet onglet n’existe plus (il a été supprimé ou renommé ailleurs) : la page vient d’être mise à jour.';
    const kind = tabKindOf(model, sheetId);
    if (kind === 'computed') return `« ${sheet.name} » est calculé par Repère et réécrit à chaque calcul : modifiez les onglets de définition, puis « Calculer ».`;
    if (kind === 'log') return `« ${sheet.name} » est le journal de Repère : il se remplit tout seul et ne se modifie pas.`;
    if (!Number.isInteger(row) || row < 1 || row > sheet.maxRows) return `La ligne ${row} n’existe pas dans « ${sheet.name} ».`;
    if (row <= Math.max(1, sheet.frozenRows)) return `La ligne d’en-tête de « ${sheet.name} » se modifie dans le tableur (Repère y retrouve ses colonnes).`;
    return sheet;
  }

  /** Where the undo list stands, so edits that could not be saved are forgotten (`forgetSince`). */
  mark(): number {
    if (this.undos.length > MAX_UNDOS) this.undos.splice(0, this.undos.length - MAX_UNDOS);
    return this.undos.length;
  }

  forgetSince(mark: number): void {
    this.undos.length = Math.min(this.undos.length, mark);
  }

  private remember(undo: Undo): void {
    this.undos.push(undo);
  }

  editCell(model: WorkbookModel, app: SpreadsheetAppService, edit: CellEdit): EditReply {
    const sheet = this.writable(model, edit.sheetId, edit.row);
    if (typeof sheet === 'string') return refused(sheet);
    const where = `${sheet.name}!${cellA1(edit.row, edit.column)}`;
    if (!Number.isInteger(edit.column) || edit.column < 1 || edit.column > sheet.maxCols) return refused(`La colonne de ${where} n’existe pas.`);
    const changed = moved(model, sheet, edit.row, edit.shown);
    if (changed) return refused(changed);
    const value = String(edit.value ?? '');
    if (value.length > MAX_CELL_CHARS) return refused(`${where} : ${value.length} caractères, une cellule en tient au plus ${MAX_CELL_CHARS}. Raccourcissez le texte.`);
    const rule = validationAt(sheet, edit.row, edit.column);
    const choices = rule && !rule.allowInvalid && value !== '' ? dropdownValues(model, rule) : null;
    if (choices && !choices.includes(value)) {
      return refused(`${where} : « ${value} » n’est pas dans la liste. Choisissez parmi : ${choices.join(', ')}.${rule!.helpText ? ` (${rule!.helpText})` : ''}`);
    }
    const before = cloneCell(getCell(sheet, edit.row, edit.column));
    try {
      app.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === sheet.sheetId)!.getRange(edit.row, edit.column).setValue(value);
    } catch (error) {
      return refused(`${where} : ${(error as Error).message}`);
    }
    this.remember({ kind: 'cell', sheetId: sheet.sheetId, row: edit.row, column: edit.column, before, after: cloneCell(getCell(sheet, edit.row, edit.column)) });
    return { ok: true, message: `${where} enregistrée.` };
  }

  changeRows(model: WorkbookModel, app: SpreadsheetAppService, change: RowChange): EditReply {
    // A row is added under the header at the earliest, and only a row below it can go.
    const sheet = this.writable(model, change.sheetId, change.action === 'insert' ? Math.max(change.row + 1, 2) : change.row);
    if (typeof sheet === 'string') return refused(sheet);
    const tab = app.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === sheet.sheetId)!;
    if (change.action === 'insert') {
      const after = Math.max(change.row, Math.max(1, sheet.frozenRows));
      tab.insertRowAfter(after);
      this.remember({ kind: 'insert', sheetId: sheet.sheetId, row: after + 1 });
      return { ok: true, message: `Ligne ${after + 1} ajoutée dans « ${sheet.name} ».` };
    }
    const changed = moved(model, sheet, change.row, change.shown);
    if (changed) return refused(changed);
    const cells = Array.from(sheet.cells[change.row - 1] ?? [], cloneCell);
    tab.deleteRow(change.row);
    this.remember({ kind: 'delete', sheetId: sheet.sheetId, row: change.row, cells });
    return { ok: true, message: `Ligne ${change.row} supprimée de « ${sheet.name} ».` };
  }

  /** Undoes the last edit of this page, unless what it wrote was changed since (then nothing is undone). */
  undo(model: WorkbookModel, app: SpreadsheetAppService): EditReply {
    const last = this.undos.pop();
    if (!last) return refused('Rien à annuler.');
    const sheet = model.sheets.find((s) => s.sheetId === last.sheetId);
    if (!sheet) return refused('L’onglet de la dernière modification n’existe plus : rien n’a été annulé.');
    const tab = app.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === sheet.sheetId)!;
    switch (last.kind) {
      case 'cell': {
        const where = `${sheet.name}!${cellA1(last.row, last.column)}`;
        if (!sameCell(getCell(sheet, last.row, last.column), last.after)) return refused(`${where} a changé depuis (ailleurs que dans cette page) : rien n’a été annulé.`);
        (sheet.cells[last.row - 1] ??= [])[last.column - 1] = cloneCell(last.before);
        touch(model);
        return { ok: true, message: `Annulé : ${where} est revenue à ce qu’elle était.` };
      }
      case 'insert': {
        if ((sheet.cells[last.row - 1] ?? []).some((c) => c && (c.f || (c.v !== null && c.v !== '')))) {
          return refused(`La ligne ${last.row} de « ${sheet.name} » a été remplie depuis : elle n’a pas été supprimée.`);
        }
        tab.deleteRow(last.row);
        return { ok: true, message: `Annulé : la ligne ajoutée dans « ${sheet.name} » est retirée.` };
      }
      case 'delete': {
        tab.insertRowBefore(last.row);
        sheet.cells[last.row - 1] = last.cells.map(cloneCell);
        touch(model);
        return { ok: true, message: `Annulé : la ligne ${last.row} de « ${sheet.name} » est revenue.` };
      }
    }
  }
}
